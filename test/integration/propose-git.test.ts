import assert from 'node:assert/strict';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { propose, type ProposeDeps } from '../../src/commands/env-repo/propose/propose.js';
import { git } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import { localEnvRepo, writeTestApp } from '../helpers/env-repo.js';
import { ConfigError } from '../../src/core/errors.js';
import { BRANCH, PATH, app, bare, capture, retries, show } from '../helpers/propose-app.js';

// `ferry propose` to a plain git remote (forge: git): a branch per app and environment, pushed
// with --force-with-lease, no pull request.

describe('ferry propose with plain git', () => {
  const viaGit = (
    config: string,
    tag: string,
    deps: ProposeDeps = {},
    log = capture().log,
    env = 'staging',
  ) =>
    propose({ config, env, imageTag: tag }, log, {
      env: {},
      retry: { baseDelayMs: 10 },
      ...deps,
    });

  it('creates, updates and leaves unchanged a branch in a local bare repository', async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    // Something ferry did not write (not even UTF-8) in the folder it owns: replaced like the rest.
    await mkdir(join(seed, PATH), { recursive: true });
    await writeFile(join(seed, PATH, 'legacy.bin'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await git(seed, 'add', '.');
    await git(seed, 'commit', '--quiet', '-m', 'legacy');
    await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
    const config = await app(t, remote, '    forge: git\n');
    const created = await viaGit(config, '1.0.0');
    assert.equal(created.operation, 'created');
    assert.deepEqual(created.objects.removed, ['file legacy.bin']);
    assert.match(created.diff, /^-\[not UTF-8 text: blob [0-9a-f]{40}\]$/m);
    assert.equal(await bare(remote, 'ls-tree', '--name-only', BRANCH, `${PATH}/legacy.bin`), '');
    assert.equal(created.pullRequest, undefined);
    assert.equal(await bare(remote, 'rev-parse', BRANCH), created.headSha);
    assert.equal(
      await bare(remote, 'rev-parse', `${BRANCH}^`),
      await bare(remote, 'rev-parse', 'main'),
    );
    assert.equal(
      await bare(remote, 'log', '-1', '--format=%s', BRANCH),
      'ferry: deploy demo 1.0.0 to staging',
    );

    const updated = await viaGit(config, '1.1.0');
    assert.equal(updated.operation, 'updated');
    assert.equal(await bare(remote, 'rev-list', '--count', `main..${BRANCH}`), '1');
    assert.match(await show(remote, BRANCH, 'deployment-demo.yaml'), /demo:1\.1\.0/);
    const same = await propose(
      { config, env: 'staging', imageTag: '1.1.0', source: { runUrl: 'https://ci/9' } },
      capture().log,
      { env: {} },
    );
    assert.equal(same.operation, 'unchanged');
    assert.equal(await bare(remote, 'rev-parse', BRANCH), updated.headSha);

    // Merged by hand: rebuilding the merged tag is unchanged; the branch stays as merged.
    await bare(remote, 'update-ref', 'refs/heads/main', BRANCH);
    assert.equal((await viaGit(config, '1.1.0')).operation, 'unchanged');
    // A newer proposal, then a build of what main already runs: the branch is moot and goes.
    await viaGit(config, '1.2.0');
    const closed = await viaGit(config, '1.1.0');
    assert.equal(closed.operation, 'closed');
    assert.equal(await bare(remote, 'for-each-ref', `refs/heads/${BRANCH}`), '');
  });

  it('loses a force-with-lease race to a concurrent push, re-reads and wins on retry', async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    const config = await app(t, remote, '    forge: git\n');
    await viaGit(config, '1.0.0');
    const { log, lines } = capture();
    let intruder = '';
    const result = await viaGit(
      config,
      '2.0.0',
      {
        beforeWrite: async (attempt) => {
          if (attempt !== 1) return;
          await git(seed, 'fetch', '--quiet', 'origin', BRANCH);
          await git(seed, 'checkout', '--quiet', '-B', 'intruder', 'FETCH_HEAD');
          await writeFile(join(seed, 'intruder.txt'), 'x\n');
          await git(seed, 'add', '.');
          await git(seed, 'commit', '--quiet', '-m', 'intruder');
          await git(seed, 'push', '--quiet', 'origin', `HEAD:${BRANCH}`);
          intruder = await git(seed, 'rev-parse', 'HEAD');
        },
      },
      log,
    );
    assert.equal(result.operation, 'updated');
    assert.equal(result.attempts, 2);
    assert.equal(retries(lines), 1);
    assert.notEqual(result.headSha, intruder);
    assert.equal(
      await bare(remote, 'rev-parse', `${BRANCH}^`),
      await bare(remote, 'rev-parse', 'main'),
    );
    assert.match(await show(remote, BRANCH, 'deployment-demo.yaml'), /demo:2\.0\.0/);
  });

  it('writes nothing on a dry run, and fails in one line on a missing repository', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await app(t, remote, '    forge: git\n');
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--dry-run',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^would be created: branch ferry\/demo\/staging$/m);
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');

    const gone = await app(t, join(dirname(remote), 'missing.git'), '    forge: git\n');
    const failed = await runFerry(['propose', '-c', gone, '-e', 'staging', '-t', '1.0.0']);
    assert.equal(failed.code, 1);
    const errors = failed.stderr.split('\n').filter((line) => line.startsWith('error:'));
    assert.equal(errors.length, 1, failed.stderr);
    assert.match(errors[0]!, /^error: git fetch failed: fatal: .*missing\.git/);
  });
  it("shows git's reason and the remote's lines when a push is refused for another reason", async (t) => {
    const propose1 = (config: string) =>
      runFerry(['propose', '-c', config, '-e', 'staging', '-t', '1.0.0']);
    // A non-bare repository with the proposal branch checked out refuses to move it.
    const { seed } = await localEnvRepo(t);
    await git(seed, 'checkout', '--quiet', '-b', BRANCH);
    const checkedOut = await propose1(await app(t, seed, '    forge: git\n'));
    assert.equal(checkedOut.code, 1, checkedOut.stderr);
    assert.match(
      checkedOut.stderr,
      /^error: git push to .*seed failed: refs\/heads\/ferry\/demo\/staging \[remote rejected\] \(branch is currently checked out\)\nremote: error: refusing to update checked out branch: refs\/heads\/ferry\/demo\/staging\n/m,
    );
    assert.doesNotMatch(checkedOut.stderr, /lost a race|failed to push some refs/);

    // A pre-receive hook that says why it declines.
    const { remote } = await localEnvRepo(t);
    const hook = join(remote, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "deploys are frozen until Monday" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const frozen = await propose1(await app(t, remote, '    forge: git\n'));
    assert.equal(frozen.code, 1, frozen.stderr);
    assert.match(
      frozen.stderr,
      /^error: git push to .*envs\.git failed: refs\/heads\/ferry\/demo\/staging \[remote rejected\] \(pre-receive hook declined\)\nremote: deploys are frozen until Monday\n/m,
    );
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
  });

  it("refuses a folder holding another app's or environment's folder, writing nothing", async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    // Another app's rendered object, committed by hand under this app's folder.
    await mkdir(join(seed, PATH, 'web'), { recursive: true });
    await writeFile(
      join(seed, PATH, 'web', 'configmap-web.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  annotations:\n    ferry.dev/app: web\n    ferry.dev/environment: staging\n',
    );
    await git(seed, 'add', '.');
    await git(seed, 'commit', '--quiet', '-m', 'web');
    await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
    const main = await bare(remote, 'rev-parse', 'main');
    const other = await runFerry([
      'propose',
      '-c',
      await app(t, remote),
      '-e',
      'staging',
      '-t',
      '1',
    ]);
    assert.equal(other.code, 2, other.stderr);
    assert.equal(
      other.stderr
        .split('\n')
        .filter((line) => line.startsWith('error:'))
        .join('\n'),
      `error: ${PATH}/web/configmap-web.yaml on main holds an object of app web, environment staging: the folder ${PATH} of demo/staging must not hold another app's or environment's folder (proposing would delete it); give each its own folder, or remove those files first if that app or environment is gone`,
    );
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
    assert.equal(await bare(remote, 'rev-parse', 'main'), main);

    // The same app's production folder inside its staging folder, merged.
    const nested = await writeTestApp(t, remote, {
      staging: { path: 'apps/nested', replicas: 1 },
      production: { path: 'apps/nested/production', replicas: 3 },
    });
    const production = await viaGit(nested, '1.0.0', {}, capture().log, 'production');
    await bare(remote, 'update-ref', 'refs/heads/main', production.branch);
    await assert.rejects(viaGit(nested, '1.0.0'), (error: Error) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.match(
        error.message,
        /^apps\/nested\/production\/configmap-demo-config\.yaml on main holds an object of app demo, environment production: /,
      );
      return true;
    });
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry/demo/staging'), '');
  });

  it('refuses a folder whose path runs through a file, which the commit would replace', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await writeTestApp(t, remote, {
      staging: { path: 'README.md/demo', replicas: 1 },
    });
    const run = await runFerry(['propose', '-c', config, '-e', 'staging', '-t', '1']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^error: README\.md is a file on main, so README\.md\/demo cannot be a folder/m,
    );
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
    assert.equal(await bare(remote, 'show', 'main:README.md'), 'envs');
  });
});
