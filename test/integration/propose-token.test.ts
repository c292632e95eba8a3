import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { ACTION_TOKEN_VARIABLE } from '../../src/adapters/secrets.js';
import { startForgeHarness } from '../forge/harness.js';
import { app, capture } from '../helpers/propose-app.js';

// Which token propose uses in the GitHub Action, and what it says when GitHub refuses it. The
// action's `token` input defaults to the workflow's GITHUB_TOKEN, which reaches only the
// workflow's own repository; the fake GitHub's workflow tokens do the same (404 elsewhere).

describe('the token a proposal uses in the action', () => {
  it('says the default workflow token cannot write to another repository, and opens nothing', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'README.md': 'envs\n' } });
    const config = await app(t, 'acme/envs');
    const env = {
      [ACTION_TOKEN_VARIABLE]: h.server.workflowToken('acme/demo'),
      GITHUB_REPOSITORY: 'acme/demo',
    };
    const { log } = capture();
    await assert.rejects(
      propose({ config, env: 'staging', imageTag: '1.0.0', apiUrl: h.server.apiUrl }, log, {
        env,
      }),
      (error: Error) => {
        assert.equal(
          error.message,
          "reading acme/envs failed (404): Not Found; the token is the action's token input, " +
            "by default this workflow's GITHUB_TOKEN, which cannot write to another repository " +
            'than acme/demo: pass a GitHub App installation token or a PAT with access to ' +
            'acme/envs as token',
        );
        return true;
      },
    );
    const { data: pulls } = await h.octokit.rest.pulls.list({ owner: 'acme', repo: 'envs' });
    assert.deepEqual(pulls, []);
    assert.deepEqual(h.server.violations, []);
  });

  it('takes FERRY_GITHUB_TOKEN over the token input, and says so', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'README.md': 'envs\n' } });
    const config = await app(t, 'acme/envs');
    const { log, lines } = capture();
    const result = await propose(
      { config, env: 'staging', imageTag: '1.0.0', apiUrl: h.server.apiUrl },
      log,
      {
        env: {
          FERRY_GITHUB_TOKEN: h.server.token,
          [ACTION_TOKEN_VARIABLE]: h.server.workflowToken('acme/demo'),
          GITHUB_REPOSITORY: 'acme/demo',
        },
      },
    );
    assert.equal(result.operation, 'created');
    assert.ok(
      lines.includes('GitHub token from FERRY_GITHUB_TOKEN (it wins over the token input)'),
      lines.join('\n'),
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('uses the token input when it is the only token, and names it', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'README.md': 'envs\n' } });
    const config = await app(t, 'acme/envs');
    const { log, lines } = capture();
    const result = await propose(
      { config, env: 'staging', imageTag: '1.0.0', apiUrl: h.server.apiUrl },
      log,
      { env: { [ACTION_TOKEN_VARIABLE]: h.server.token, GITHUB_REPOSITORY: 'acme/demo' } },
    );
    assert.equal(result.operation, 'created');
    assert.ok(lines.includes('GitHub token from the token input'), lines.join('\n'));
  });
});
