import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { rollback, type RollbackOptions } from '../../src/commands/env-repo/rollback/rollback.js';
import type { ProposeDeps } from '../../src/commands/env-repo/propose/propose.js';
import { OperationError } from '../../src/core/errors.js';
import { cloneRepo, git, pushBranch, startForgeHarness } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import {
  bare,
  capture,
  deployOnGitHub,
  deployWithGit,
  githubEnvRepo,
  localEnvRepo,
  serverDeps,
  showBytes,
  writesSince,
  writeTestApp,
} from '../helpers/env-repo.js';

// `ferry rollback` end to end, and the pin it leaves: real git, and for GitHub the local test
// server, which checks every request and response against GitHub's OpenAPI description.

const PATH = 'apps/demo/production';
const BRANCH = 'ferry/demo/production.rollback';
const PIN = '.ferry/pins/demo/production.yaml';

/** The folder at `rev`, file by file, as exact bytes. */
async function folderBytes(gitDir: string, rev: string): Promise<Map<string, Buffer>> {
  const names = (await bare(gitDir, 'ls-tree', '-r', '--name-only', rev, '--', PATH)).split('\n');
  const files = new Map<string, Buffer>();
  for (const name of names.filter(Boolean)) files.set(name, await showBytes(gitDir, rev, name));
  return files;
}

/** The rollback branch's folder equals the folder at `revision`, byte for byte. */
async function assertRestored(gitDir: string, revision: string) {
  const want = await folderBytes(gitDir, revision);
  const got = await folderBytes(gitDir, BRANCH);
  assert.deepEqual([...got.keys()], [...want.keys()]);
  for (const [name, bytes] of want) assert.ok(got.get(name)!.equals(bytes), name);
}

describe('ferry rollback on GitHub', () => {
  it('restores the revision before the last change exactly, pins it, and the pin blocks propose until removed', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs');
    await deployOnGitHub(h, config, 'production', '1.0.0');
    // A hand-made revision with a file that is not UTF-8: restored byte for byte all the same.
    const clone = await cloneRepo(h, 'acme/envs');
    await git(clone, 'pull', '--quiet', 'origin', 'main');
    await writeFile(join(clone, PATH, 'blob.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]));
    await pushBranch(clone, 'main', { [`${PATH}/notes.txt`]: 'no trailing newline' });
    const revision = await bare(gitDir, 'rev-parse', 'main');
    await deployOnGitHub(h, config, 'production', '1.1.0');
    const current = await bare(gitDir, 'rev-parse', 'main');

    const at = new Date('2030-01-02T03:04:05Z');
    const run = (options: Partial<RollbackOptions> = {}, deps: ProposeDeps = {}) =>
      rollback(
        { config, env: 'production', apiUrl: h.server.apiUrl, ...options },
        capture().log,
        serverDeps(h, {
          now: () => at,
          ...deps,
          env: { FERRY_GITHUB_TOKEN: h.server.token, GITHUB_ACTOR: 'alice' },
        }),
      );
    const result = await run();
    assert.equal(result.operation, 'created');
    assert.equal(result.branch, BRANCH);
    assert.equal(result.revision, revision);
    assert.equal(result.current, current);
    assert.equal(result.title, 'ferry: roll back demo in production to 1.0.0');
    await assertRestored(gitDir, revision);
    const pin = await bare(gitDir, 'show', `${BRANCH}:${PIN}`);
    assert.match(pin, /^image: registry\.example\.com\/acme\/demo:1\.0\.0$/m);
    assert.match(pin, new RegExp(`^revision: ${revision}$`, 'm'));
    assert.match(pin, /^reason: rolled back from registry\.example\.com\/acme\/demo:1\.1\.0$/m);
    assert.match(pin, /^pinnedBy: alice$/m);
    assert.match(pin, /^pinnedAt: '?2030-01-02T03:04:05Z'?$/m);
    assert.match(pin, /^# To unpin, delete this file in a pull request\.$/m);
    assert.equal(await bare(gitDir, 'rev-parse', `${BRANCH}^`), current, 'base + one commit');
    assert.match(
      result.body,
      /\*\*Image:\*\* `registry\.example\.com\/acme\/demo:1\.1\.0` → `registry\.example\.com\/acme\/demo:1\.0\.0`/,
    );
    assert.match(
      result.body,
      new RegExp(`\\*\\*Commits:\\*\\* last change \`${current}\` → restored from \`${revision}\``),
    );
    assert.match(result.body, /- added `file blob\.bin`/);
    assert.match(result.body, /\*\*To unpin\*\*, delete the file in a pull request/);

    // Again, later, by someone else: the same rollback, unchanged.
    const before = h.server.requests.length;
    const again = await run({}, { now: () => new Date('2030-02-01T00:00:00Z') });
    assert.equal(again.operation, 'unchanged');
    assert.deepEqual(writesSince(h, before), []);

    // Merged: propose may not replace the pinned image, except by the pinned image itself.
    await h.octokit.rest.pulls.merge({
      owner: 'acme',
      repo: 'envs',
      pull_number: result.pullRequest!.number,
    });
    const proposeTag = (tag: string) =>
      propose(
        { config, env: 'production', imageTag: tag, apiUrl: h.server.apiUrl },
        capture().log,
        serverDeps(h),
      );
    const refusedFrom = h.server.requests.length;
    await assert.rejects(proposeTag('1.2.0'), (error: unknown) => {
      assert.ok(error instanceof OperationError);
      assert.equal(
        error.message,
        `demo in production is pinned to "registry.example.com/acme/demo:1.0.0" by ${PIN} on main ` +
          '("rolled back from registry.example.com/acme/demo:1.1.0 by alice at 2030-01-02T03:04:05Z"), ' +
          `so "registry.example.com/acme/demo:1.2.0" is refused; to unpin, delete ${PIN} from main in a pull request`,
      );
      return true;
    });
    assert.deepEqual(writesSince(h, refusedFrom), [], 'a refused proposal writes nothing');
    const same = await proposeTag('1.0.0');
    assert.equal(same.operation, 'created', 'the pinned image may still be proposed');
    assert.equal(
      await bare(gitDir, 'show', `ferry/demo/production:${PIN}`),
      pin.trimEnd(),
      'propose keeps the pin',
    );

    // Unpinned by deleting the file: propose goes through again.
    await git(clone, 'checkout', '--quiet', 'main');
    await git(clone, 'pull', '--quiet', 'origin', 'main');
    await git(clone, 'rm', '--quiet', PIN);
    await git(clone, 'commit', '--quiet', '-m', 'unpin');
    await git(clone, 'push', '--quiet', 'origin', 'main');
    const unpinned = await proposeTag('1.2.0');
    assert.equal(unpinned.operation, 'updated');
    assert.deepEqual(h.server.violations, []);
  });

  it('rolls back to the last revision that deployed an image tag, or to a commit', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await githubEnvRepo(h);
    const config = await writeTestApp(t, 'acme/envs');
    await deployOnGitHub(h, config, 'production', '1.0.0');
    const first = await bare(gitDir, 'rev-parse', 'main');
    await deployOnGitHub(h, config, 'production', '1.1.0');
    await deployOnGitHub(h, config, 'production', '1.2.0');

    const run = (to: string, dryRun = false) =>
      rollback(
        { config, env: 'production', to, dryRun, apiUrl: h.server.apiUrl },
        capture().log,
        serverDeps(h),
      );
    const byTag = await run('1.0.0');
    assert.equal(byTag.revision, first);
    assert.equal(byTag.chosenBy, 'the last revision that deployed tag 1.0.0');
    assert.equal(byTag.title, 'ferry: roll back demo in production to 1.0.0');
    await assertRestored(gitDir, first);

    const before = h.server.requests.length;
    const byCommit = await run(first.slice(0, 10), true);
    assert.equal(byCommit.revision, first);
    assert.equal(byCommit.operation, 'unchanged');
    assert.equal(byCommit.dryRun, true);
    assert.deepEqual(writesSince(h, before), []);

    await assert.rejects(
      run('9.9.9'),
      /no revision of apps\/demo\/production on main deploys tag 9\.9\.9/,
    );
    await assert.rejects(run('0'.repeat(40)), /no such commit in the history of main/);
    assert.deepEqual(h.server.violations, []);
  });
});

describe('ferry rollback with plain git', () => {
  it('restores the previous revision on a branch, and its pin blocks propose', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await writeTestApp(t, remote);
    const noHistory = rollback({ config, env: 'production' }, capture().log, { env: {} });
    await assert.rejects(
      noHistory,
      /nothing to roll back to: apps\/demo\/production on main has never existed/,
    );
    await deployWithGit(remote, config, 'production', '1.0.0');
    const revision = await bare(remote, 'rev-parse', 'main');
    await deployWithGit(remote, config, 'production', '1.1.0');

    const result = await rollback(
      { config, env: 'production', reason: 'memory leak' },
      capture().log,
      { env: {} },
    );
    assert.equal(result.operation, 'created');
    assert.equal(result.pullRequest, undefined);
    await assertRestored(remote, revision);
    assert.match(await bare(remote, 'show', `${BRANCH}:${PIN}`), /^reason: memory leak$/m);

    await bare(remote, 'update-ref', 'refs/heads/main', BRANCH);
    const run = await runFerry(['propose', '-c', config, '-e', 'production', '-t', '1.2.0']);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^error: demo in production is pinned to "registry\.example\.com\/acme\/demo:1\.0\.0" by \.ferry\/pins\/demo\/production\.yaml on main \("memory leak at \S+Z"\), .*delete \.ferry\/pins\/demo\/production\.yaml from main in a pull request$/m,
    );
    // The pin does not stop a rollback: it re-pins.
    const forward = await rollback({ config, env: 'production', to: '1.1.0' }, capture().log, {
      env: {},
    });
    assert.equal(forward.pinnedImage, 'registry.example.com/acme/demo:1.1.0');
  });

  it('refuses hostile --to values and reasons in one line, before anything is read', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await writeTestApp(t, remote);
    const values = [
      'main..evil',
      '1.0..2',
      'a;b',
      '$(id)',
      '`id`',
      '1.0\n',
      '--upload-pack=touch /tmp/x',
      'HEAD~1',
      'main@{1}',
      'x'.repeat(129),
      'sha256:xyz',
    ];
    for (const to of values) {
      const run = await runFerry(['rollback', '-c', config, '-e', 'production', '--to', to]);
      assert.equal(run.code, 2, `${JSON.stringify(to)}: ${run.stderr}`);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(
        run.stderr,
        /^error: --to .*: expected an environment-repo commit SHA, an image tag or an image digest\n$/,
      );
    }
    const unknown = await runFerry(['rollback', '-c', config, '-e', '__proto__']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: .*: no environment "__proto__"/m);
    const reason = await runFerry([
      'rollback',
      '-c',
      config,
      '-e',
      'production',
      '--reason',
      'a\nb',
    ]);
    assert.equal(reason.code, 2);
    assert.equal(reason.stderr.trimEnd().split('\n').length, 1);
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
  });
});
