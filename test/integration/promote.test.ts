import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promote, type PromoteOptions } from '../../src/commands/env-repo/promote/promote.js';
import type { ProposeDeps } from '../../src/commands/env-repo/propose/propose.js';
import { OperationError } from '../../src/core/errors.js';
import { startForgeHarness, type ForgeHarness } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import {
  bare,
  capture,
  deployOnGitHub,
  deployWithGit,
  githubEnvRepo,
  FOLDERS,
  localEnvRepo,
  only,
  postStatus,
  serverDeps,
  writesSince,
  writeTestApp,
} from '../helpers/env-repo.js';

// `ferry promote` end to end: real git, and for GitHub the local test server, which checks every
// request and response against GitHub's OpenAPI description (`violations` must stay empty).

const APPLY = 'ferry/apply (default)';
const DRIFT = 'ferry/drift (default)';
const PROD_FILE = 'apps/demo/production/deployment-demo.yaml';

const promoteOn = (
  h: ForgeHarness,
  config: string,
  options: Partial<PromoteOptions> = {},
  deps: ProposeDeps = {},
) => promote({ config, apiUrl: h.server.apiUrl, ...options }, capture().log, serverDeps(h, deps));

/** The error lines of what the CLI printed to stderr (progress goes there too). */
const errorLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('error:'))
    .map((line) => `${line}\n`)
    .join('');

/** Deploys `tag` to staging and posts healthy apply and drift statuses on its commit. */
async function healthyStaging(h: ForgeHarness, config: string, tag: string) {
  await deployOnGitHub(h, config, 'staging', tag);
  const tip = await bare(h.server.state.repo('acme', 'envs')!.gitDir, 'rev-parse', 'main');
  await postStatus(h, tip, APPLY, 'success', '3 configured');
  await postStatus(h, tip, DRIFT, 'success', 'cluster matches git');
  return tip;
}

describe('ferry promote on GitHub', () => {
  it('promotes what staging runs to production in one pull request, updated, then unchanged', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs');
    const source = await healthyStaging(h, config, '1.4.2');

    const created = only((await promoteOn(h, config, { to: 'production' })).promotions);
    assert.equal(created.operation, 'created');
    assert.equal(created.title, 'ferry: promote demo 1.4.2 from staging to production');
    assert.equal(created.branch, 'ferry/demo/production');
    assert.equal(created.base, 'main');
    const deployment = await bare(gitDir, 'show', `ferry/demo/production:${PROD_FILE}`);
    assert.match(deployment, /image: registry\.example\.com\/acme\/demo:1\.4\.2$/m);
    assert.match(deployment, /replicas: 3$/m, "rendered with production's values");
    assert.match(deployment, /ferry\.dev\/environment: production$/m);
    assert.equal(
      await bare(gitDir, 'rev-parse', 'ferry/demo/production^'),
      await bare(gitDir, 'rev-parse', 'main'),
    );
    assert.match(created.body, /Promotes `demo` from `staging` to `production`/);
    assert.match(created.body, new RegExp(`at \`${source}\` \\(environment repo\\)`));
    assert.match(
      created.body,
      /\| apply succeeded \| ✅ passed \| `ferry\/apply \(default\) is success/,
    );
    assert.match(created.body, /\| drift clean \| ✅ passed \|/);
    assert.match(
      created.body,
      /\*\*Image:\*\* _none_ → `registry\.example\.com\/acme\/demo:1\.4\.2`/,
    );
    assert.doesNotMatch(created.body, /--force/);
    const message = await bare(gitDir, 'log', '-1', '--format=%B', 'ferry/demo/production');
    assert.match(message, new RegExp(`^Promoted-from: staging ${source}$`, 'm'));

    // Again with nothing new: the same pull request, no writes.
    let before = h.server.requests.length;
    const again = only(
      (await promoteOn(h, config, { from: 'staging', to: 'production' })).promotions,
    );
    assert.equal(again.operation, 'unchanged');
    assert.equal(again.pullRequest?.number, created.pullRequest?.number);
    assert.deepEqual(writesSince(h, before), []);

    // Staging moves on: the same pull request now promotes the new image.
    await healthyStaging(h, config, '1.5.0');
    before = h.server.requests.length;
    const updated = only((await promoteOn(h, config, { to: 'production' })).promotions);
    assert.equal(updated.operation, 'updated');
    assert.equal(updated.pullRequest?.number, created.pullRequest?.number);
    assert.equal(updated.title, 'ferry: promote demo 1.5.0 from staging to production');
    assert.equal(writesSince(h, before).length, 3, 'reset, commit, pull request');
    const pulls = await h.octokit.rest.pulls.list({ owner: 'acme', repo: 'envs', state: 'all' });
    assert.equal(pulls.data.filter((p) => p.head.ref === 'ferry/demo/production').length, 1);
    assert.deepEqual(h.server.violations, []);
  });

  it('promotes between branches (branch per environment): the base is the target branch', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const main = await bare(gitDir, 'rev-parse', 'main');
    for (const branch of ['staging', 'production'])
      await h.octokit.rest.git.createRef({
        owner: 'acme',
        repo: 'envs',
        ref: `refs/heads/${branch}`,
        sha: main,
      });
    const config = await writeTestApp(t, 'acme/envs', {
      staging: { path: 'apps/demo', branch: 'staging', replicas: 1 },
      production: {
        path: 'apps/demo',
        branch: 'production',
        replicas: 3,
        extra: '    promoteFrom: staging\n',
      },
    });
    await deployOnGitHub(h, config, 'staging', '2.0.0');
    const tip = await bare(gitDir, 'rev-parse', 'staging');
    await postStatus(h, tip, APPLY, 'success');
    await postStatus(h, tip, DRIFT, 'success');

    const result = only((await promoteOn(h, config, { to: 'production' })).promotions);
    assert.equal(result.operation, 'created');
    assert.equal(result.base, 'production');
    const { data: pull } = await h.octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'envs',
      pull_number: result.pullRequest!.number,
    });
    assert.equal(pull.base.ref, 'production');
    assert.equal(pull.head.ref, 'ferry/demo/production');
    assert.equal(pull.commits, 1);
    const file = await bare(gitDir, 'show', 'ferry/demo/production:apps/demo/deployment-demo.yaml');
    assert.match(file, /demo:2\.0\.0$/m);
    assert.match(file, /replicas: 3$/m);
    assert.equal(await bare(gitDir, 'rev-parse', 'production'), main, 'production not written');
    assert.deepEqual(h.server.violations, []);
  });

  it('blocks on a failed apply, a drifted source or a missing status, and writes nothing', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs');
    await deployOnGitHub(h, config, 'staging', '1.0.0');
    const tip = await bare(gitDir, 'rev-parse', 'main');
    process.env.FERRY_TEST_TOKEN = h.server.token;
    t.after(() => delete process.env.FERRY_TEST_TOKEN);
    const cli = (...args: string[]) =>
      runFerry([
        'promote',
        '-c',
        config,
        '--to',
        'production',
        '--api-url',
        h.server.apiUrl,
        '--token-env',
        'FERRY_TEST_TOKEN',
        ...args,
      ]);
    const start = h.server.requests.length;

    const missing = await cli();
    assert.equal(missing.code, 1);
    assert.equal(
      errorLines(missing.stderr),
      `error: promotion from staging blocked by 2 gate(s): apply succeeded: no ${APPLY} status on ${tip.slice(0, 12)}; ` +
        `drift clean: no ${DRIFT} status on ${tip.slice(0, 12)}; pass --force to promote anyway\n`,
    );

    await postStatus(h, tip, APPLY, 'failure', 'failed: Deployment demo/demo: ImagePullBackOff');
    await postStatus(h, tip, DRIFT, 'success');
    const failedApply = await cli();
    assert.equal(failedApply.code, 1);
    assert.equal(errorLines(failedApply.stderr).split('\n').length, 2, 'one line');
    assert.match(
      failedApply.stderr,
      /blocked by 1 gate\(s\): apply succeeded: ferry\/apply \(default\) is failure \(\S+Z\) "failed: Deployment demo\/demo: ImagePullBackOff"; pass --force/,
    );

    await postStatus(h, tip, APPLY, 'success');
    await postStatus(h, tip, DRIFT, 'failure', '1 object(s) differ from git');
    const drifted = await cli();
    assert.equal(drifted.code, 1);
    assert.match(
      drifted.stderr,
      /blocked by 1 gate\(s\): drift clean: ferry\/drift \(default\) is failure .*"1 object\(s\) differ from git"/,
    );

    // Another cluster's statuses are not this one's.
    await postStatus(h, tip, DRIFT, 'success');
    const otherCluster = await cli('--cluster', 'prod-eu');
    assert.match(otherCluster.stderr, /no ferry\/apply \(prod-eu\) status/);
    // Healthy, but not long enough.
    const young = await cli('--min-soak', '1h');
    assert.match(young.stderr, /blocked by 1 gate\(s\): soaked 1h: applied \S+Z, \d+s ago;/);

    assert.deepEqual(
      writesSince(h, start).filter((w) => !w.includes('/statuses/')),
      [],
    );
    assert.equal(await bare(gitDir, 'for-each-ref', 'refs/heads/ferry/demo/production'), '');
    const soaked = await promoteOn(
      h,
      config,
      { to: 'production', minSoak: '1h' },
      {
        now: () => new Date(Date.now() + 2 * 3_600_000),
      },
    );
    assert.equal(only(soaked.promotions).operation, 'created');
    assert.match(
      only(soaked.promotions).body,
      /\| soaked 1h \| ✅ passed \| `applied \S+Z, 2h( \d+s)? ago` \|/,
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('promotes past failed gates with --force, and says so first in the body', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs');
    await deployOnGitHub(h, config, 'staging', '1.0.0');
    const tip = await bare(gitDir, 'rev-parse', 'main');
    await postStatus(h, tip, APPLY, 'failure', 'rollout | timed out');
    const { log, lines } = capture();
    const result = await promote(
      { config, to: 'production', force: true, apiUrl: h.server.apiUrl },
      log,
      serverDeps(h),
    );
    const promotion = only(result.promotions);
    assert.equal(promotion.operation, 'created');
    assert.equal(result.forced, true);
    assert.ok(
      promotion.body.startsWith(
        '> [!WARNING]\n> **Promoted with `--force`: the gates were not enforced** (2 of 2 failed',
      ),
    );
    assert.match(
      promotion.body,
      /\| apply succeeded \| ❌ failed \| `ferry\/apply \(default\) is failure \(\S+\)` `rollout \\\| timed out` \|/,
    );
    assert.match(
      promotion.body,
      /\| drift clean \| ❌ failed \| `no ferry\/drift \(default\) status on [0-9a-f]{12}` \|/,
    );
    assert.match(
      lines.join('\n'),
      /warning: promotion gates not enforced \(--force\): promotion from staging blocked/,
    );
    const message = await bare(gitDir, 'log', '-1', '--format=%B', 'ferry/demo/production');
    assert.match(message, /^Gates: forced \(2 failed\)$/m);
    assert.deepEqual(h.server.violations, []);
  });

  it('fans out to every environment promoted from the source, one pull request each', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs', {
      ...FOLDERS,
      'production-eu': {
        path: 'apps/demo/production-eu',
        replicas: 2,
        extra: '    promoteFrom: staging\n',
      },
    });
    await healthyStaging(h, config, '3.1.0');
    const result = await promoteOn(h, config, { from: 'staging' });
    assert.deepEqual(
      result.promotions.map((p) => [
        p.to,
        p.error === undefined && p.operation,
        p.error === undefined && p.branch,
      ]),
      [
        ['production', 'created', 'ferry/demo/production'],
        ['production-eu', 'created', 'ferry/demo/production-eu'],
      ],
    );
    assert.match(
      await bare(
        gitDir,
        'show',
        'ferry/demo/production-eu:apps/demo/production-eu/deployment-demo.yaml',
      ),
      /replicas: 2$/m,
    );
    const pulls = await h.octokit.rest.pulls.list({ owner: 'acme', repo: 'envs', state: 'open' });
    assert.deepEqual(pulls.data.map((p) => p.title).sort(), [
      'ferry: promote demo 3.1.0 from staging to production',
      'ferry: promote demo 3.1.0 from staging to production-eu',
    ]);
    assert.deepEqual(h.server.violations, []);
  });
});

describe('ferry promote with plain git', () => {
  it('refuses without --force (no statuses), promotes with it, and soaks from the commit date', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await writeTestApp(t, remote);
    await deployWithGit(remote, config, 'staging', '1.0.0');
    const plain = (options: Partial<PromoteOptions> = {}, deps: ProposeDeps = {}) =>
      promote({ config, to: 'production', ...options }, capture().log, { env: {}, ...deps });

    await assert.rejects(plain(), (error: unknown) => {
      assert.ok(error instanceof OperationError);
      assert.equal(
        error.message,
        'promotion from staging blocked by 2 gate(s): apply succeeded: not available for plain git (it has no commit statuses); ' +
          'drift clean: not available for plain git (it has no commit statuses); pass --force to promote anyway',
      );
      return true;
    });
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry/demo/production'), '');

    const dry = await plain({ force: true, dryRun: true });
    assert.equal(only(dry.promotions).operation, 'created');
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry/demo/production'), '');

    const result = await plain(
      { force: true, minSoak: '30m' },
      { now: () => new Date(Date.now() + 3_600_000) },
    );
    const promotion = only(result.promotions);
    assert.equal(promotion.operation, 'created');
    assert.equal(promotion.pullRequest, undefined);
    assert.deepEqual(
      result.gates.map((g) => [g.gate, g.passed]),
      [
        ['apply succeeded', false],
        ['drift clean', false],
        ['soaked 30m', true],
      ],
    );
    assert.match(
      await bare(remote, 'show', `ferry/demo/production:${PROD_FILE}`),
      /demo:1\.0\.0$/m,
    );
    assert.equal(
      await bare(remote, 'log', '-1', '--format=%s', 'ferry/demo/production'),
      'ferry: promote demo 1.0.0 from staging to production',
    );
    assert.equal(only((await plain({ force: true })).promotions).operation, 'unchanged');
  });

  it('refuses hostile environment names, durations, clusters and branches in one line, before any read', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await writeTestApp(t, remote);
    const cases: string[][] = [
      ['--to', 'production;id'],
      ['--to', '$(id)'],
      ['--to', 'prod\nuction'],
      ['--to', 'constructor'],
      ['--from', '../staging', '--to', 'production'],
      ['--to', 'production', '--min-soak', '1h; rm -rf /'],
      ['--to', 'production', '--cluster', 'a\nb'],
      ['--to', 'staging', '--from', 'staging'],
      [],
    ];
    for (const args of cases) {
      const run = await runFerry(['promote', '-c', config, ...args]);
      assert.equal(run.code, 2, `${JSON.stringify(args)}: ${run.stderr}`);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    }
    const badBranch = await writeTestApp(t, remote, {
      staging: { path: 'apps/demo/staging', branch: 'main..evil', replicas: 1 },
      production: FOLDERS.production!,
    });
    const run = await runFerry(['promote', '-c', badBranch, '--to', 'production', '--force']);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^error: environments\.staging\.branch "main\.\.evil" must not contain '\.\.'\n$/,
    );
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
  });
});
