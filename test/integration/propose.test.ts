import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Logger } from '../../src/adapters/logger.js';
import {
  propose,
  type ProposeDeps,
  type ProposeOptions,
  type ProposeResult,
} from '../../src/commands/env-repo/propose/propose.js';
import { ConfigError } from '../../src/core/errors.js';
import {
  cloneRepo,
  git,
  pushBranch,
  startForgeHarness,
  type ForgeHarness,
} from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import { writeApp } from '../helpers/render.js';
import {
  BRANCH,
  PATH,
  TEMPLATES,
  app,
  appConfig,
  bare,
  capture,
  retries,
  show,
} from '../helpers/propose-app.js';

// `ferry propose` on GitHub, end to end: real git, and the local test server, which checks every
// request and response against GitHub's OpenAPI description (`violations` must stay empty).
// Plain git: propose-git.test.ts.

/** Runs propose against the test server with its token, fast retries, and a captured log. */
async function onGitHub(
  h: ForgeHarness,
  config: string,
  tag: string,
  options: Partial<ProposeOptions> = {},
  deps: ProposeDeps = {},
  log: Logger = capture().log,
): Promise<ProposeResult> {
  return propose(
    { config, env: 'staging', imageTag: tag, apiUrl: h.server.apiUrl, ...options },
    log,
    { env: { FERRY_GITHUB_TOKEN: h.server.token }, retry: { baseDelayMs: 20 }, ...deps },
  );
}

async function envRepo(h: ForgeHarness, files: Record<string, string> = { 'README.md': 'envs\n' }) {
  await h.server.createRepo('acme/envs', { files });
  return h.server.state.repo('acme', 'envs')!.gitDir;
}

const APP_MESSAGE = /ferry\.yaml:1: app: expected a DNS-1123 label/;

const writesSince = (h: ForgeHarness, from: number) =>
  h.server.requests
    .slice(from)
    .filter((r) => r.method !== 'GET' && !r.path.startsWith('/git/'))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

async function openPulls(h: ForgeHarness, state: 'open' | 'all' = 'open') {
  return (await h.octokit.rest.pulls.list({ owner: 'acme', repo: 'envs', state })).data;
}

/** The pull request head is the base tip plus exactly one commit. */
async function assertBasePlusOne(h: ForgeHarness, gitDir: string, number: number) {
  const { data: pull } = await h.octokit.rest.pulls.get({
    owner: 'acme',
    repo: 'envs',
    pull_number: number,
  });
  assert.equal(pull.commits, 1);
  assert.equal(
    await bare(gitDir, 'rev-parse', `${pull.head.sha}^`),
    await bare(gitDir, 'rev-parse', 'main'),
  );
  return pull;
}

describe('ferry propose on GitHub', () => {
  it('creates, updates, and leaves unchanged one pull request per app and environment', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');

    let before = h.server.requests.length;
    const created = await onGitHub(
      h,
      config,
      '1.0.0',
      {},
      {
        env: {
          FERRY_GITHUB_TOKEN: h.server.token,
          GITHUB_ACTIONS: 'true',
          GITHUB_REPOSITORY: 'acme/demo',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_RUN_ID: '1',
        },
      },
    );
    assert.equal(created.operation, 'created');
    assert.equal(created.pullRequest?.number, 1);
    assert.equal(created.title, 'ferry: deploy demo 1.0.0 to staging');
    assert.deepEqual(writesSince(h, before).length, 3, 'create: ref, commit, pull request');
    assert.match(
      created.body,
      /\[commit a{12}\]\(https:\/\/github\.com\/acme\/demo\/commit\/a{40}\)/,
    );
    assert.match(created.body, /\[CI run\]\(https:\/\/github\.com\/acme\/demo\/actions\/runs\/1\)/);
    assert.match(created.body, /- added `Deployment demo\/demo`/);
    assert.match(
      await show(gitDir, BRANCH, 'deployment-demo.yaml'),
      /image: registry\.example\.com\/acme\/demo:1\.0\.0/,
    );
    await assertBasePlusOne(h, gitDir, 1);

    before = h.server.requests.length;
    const updated = await onGitHub(h, config, '1.1.0');
    assert.equal(updated.operation, 'updated');
    assert.equal(updated.pullRequest?.number, 1);
    assert.deepEqual(writesSince(h, before), [
      `PATCH /repos/acme/envs/git/refs/heads/${BRANCH}`,
      'POST /graphql',
      'PATCH /repos/acme/envs/pulls/1',
    ]);
    const pull = await assertBasePlusOne(h, gitDir, 1);
    assert.equal(pull.title, 'ferry: deploy demo 1.1.0 to staging');
    assert.equal(pull.head.sha, updated.headSha);

    // The same tag again, from another run: the run URL differs, the content does not.
    before = h.server.requests.length;
    const again = await onGitHub(h, config, '1.1.0', {
      source: { runUrl: 'https://ci.example/run/2', commit: 'b'.repeat(40) },
    });
    assert.equal(again.operation, 'unchanged');
    assert.equal(again.headSha, updated.headSha);
    assert.deepEqual(writesSince(h, before), []);
    assert.equal((await openPulls(h, 'all')).length, 1);

    // Once merged, the next build opens a new pull request showing the image it replaces.
    await h.octokit.rest.pulls.merge({
      owner: 'acme',
      repo: 'envs',
      pull_number: 1,
      merge_method: 'squash',
    });
    assert.equal((await onGitHub(h, config, '1.1.0')).operation, 'unchanged');
    const next = await onGitHub(h, config, '2.0.0');
    assert.equal(next.operation, 'created');
    assert.equal(next.pullRequest?.number, 2);
    assert.deepEqual(next.oldImages, ['registry.example.com/acme/demo:1.1.0']);
    assert.match(
      next.body,
      /\*\*Image:\*\* `registry\.example\.com\/acme\/demo:1\.1\.0` → `registry\.example\.com\/acme\/demo:2\.0\.0`/,
    );
    assert.match(next.body, /- changed `Deployment demo\/demo`/);
    assert.doesNotMatch(next.body, /changed `Service/);
    // A tag bump's diff is the image lines of the objects that use the image, nothing else.
    assert.match(next.body, /^\+ +image: registry\.example\.com\/acme\/demo:2\.0\.0$/m);
    assert.match(next.body, /^\+ +ferry\.dev\/image: registry\.example\.com\/acme\/demo:2\.0\.0$/m);
    assert.doesNotMatch(next.body, /\/service-demo\.yaml/);
    await assertBasePlusOne(h, gitDir, 2);

    // Going back to what the base already runs makes the open proposal moot: it is closed.
    const back = await onGitHub(h, config, '1.1.0');
    assert.equal(back.operation, 'closed');
    assert.deepEqual(await openPulls(h), []);
    assert.deepEqual(h.server.violations, []);
  });

  it('removes the file of a removed template from the environment folder', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');
    await onGitHub(h, config, '1.0.0');
    await h.octokit.rest.pulls.merge({ owner: 'acme', repo: 'envs', pull_number: 1 });
    assert.match(await show(gitDir, 'main', 'configmap-demo-config.yaml'), /note: hello/);

    await rm(join(dirname(config), 'deploy', 'configmap.yaml'));
    const result = await onGitHub(h, config, '1.0.0');
    assert.equal(result.operation, 'created');
    assert.deepEqual(result.objects, {
      added: [],
      changed: [],
      removed: ['ConfigMap demo/demo-config'],
    });
    const files = await bare(gitDir, 'ls-tree', '-r', '--name-only', BRANCH, '--', PATH);
    assert.deepEqual(files.split('\n'), [
      `${PATH}/.ferry-set.yaml`,
      `${PATH}/deployment-demo.yaml`,
      `${PATH}/service-demo.yaml`,
    ]);
    assert.match(
      result.diff,
      /^--- a\/apps\/demo\/staging\/configmap-demo-config\.yaml\n\+\+\+ \/dev\/null$/m,
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('settles 10 concurrent proposals into one pull request holding the last commit', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');
    const { log, lines } = capture();
    const tags = Array.from({ length: 10 }, (_, i) => `1.0.${i}`);
    // Ten CI jobs: each its own GitHub pacing (as separate processes), all reading before any
    // writes, so every first attempt collides.
    let arrived = 0;
    let release = () => {};
    const barrier = new Promise<void>((resolve) => (release = resolve));
    const beforeWrite = async (attempt: number) => {
      if (attempt > 1) return;
      if (++arrived === tags.length) release();
      await barrier;
    };
    const started = Date.now();
    const results = await Promise.all(
      tags.map((tag, i) =>
        onGitHub(h, config, tag, {}, { throttleId: `job-${i}`, beforeWrite, retry: {} }, log),
      ),
    );
    t.diagnostic(
      `10 concurrent proposals settled in ${Date.now() - started} ms, ${retries(lines)} retries`,
    );
    if (process.env.FERRY_TEST_VERBOSE) t.diagnostic(lines.join('\n'));
    const all = await openPulls(h, 'all');
    assert.equal(all.length, 1, 'one pull request ever opened');
    assert.equal(all[0]!.state, 'open');
    assert.equal(results.filter((r) => r.operation === 'created').length, 1);
    const pull = await assertBasePlusOne(h, gitDir, all[0]!.number);
    const winners = results.filter((r) => r.headSha === pull.head.sha);
    assert.equal(winners.length, 1, 'the head is one run’s commit');
    const tag = winners[0]!.image.split(':').pop()!;
    assert.match(
      await show(gitDir, BRANCH, 'deployment-demo.yaml'),
      new RegExp(`demo:${tag.replace(/\./g, '\\.')}\\n`),
    );
    assert.equal(pull.title, `ferry: deploy demo ${tag} to staging`);
    const retried = results.reduce((sum, r) => sum + r.attempts - 1, 0);
    assert.ok(retried > 0, 'runs collided');
    assert.equal(retries(lines), retried, 'every retry is logged');
    assert.deepEqual(h.server.violations, []);
  });

  it('re-reads and re-plans when the base branch moves between read and write', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');
    const clone = await cloneRepo(h, 'acme/envs');
    const { log, lines } = capture();

    // A hand edit lands in the owned folder while the first attempt is about to write.
    const result = await onGitHub(
      h,
      config,
      '1.0.0',
      {},
      {
        beforeWrite: async (attempt) => {
          if (attempt !== 1) return;
          await git(clone, 'checkout', '--quiet', 'main');
          await git(clone, 'pull', '--quiet', 'origin', 'main');
          await mkdir(join(clone, PATH), { recursive: true });
          await pushBranch(clone, 'main', {
            [`${PATH}/hand-edit.yaml`]:
              'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: hand }\n',
          });
        },
      },
      log,
    );
    assert.equal(result.operation, 'created');
    assert.equal(result.attempts, 2);
    assert.match(lines.join('\n'), /lost a race \(the base branch moved/);
    assert.deepEqual(result.objects.removed, ['ConfigMap hand']);
    const pull = await assertBasePlusOne(h, gitDir, result.pullRequest!.number);
    assert.equal(pull.head.sha, result.headSha);
    assert.match(pull.body ?? '', /- removed `ConfigMap hand`/);

    // A move elsewhere in the repo leaves the proposal as it is: no new commit.
    const head = result.headSha;
    const elsewhere = await onGitHub(
      h,
      config,
      '1.0.0',
      {},
      {
        beforeWrite: async () => {
          await git(clone, 'pull', '--quiet', 'origin', 'main');
          await pushBranch(clone, 'main', { 'README.md': 'moved\n' });
        },
      },
    );
    assert.equal(elsewhere.operation, 'unchanged');
    assert.equal(elsewhere.headSha, head);
    assert.deepEqual(h.server.violations, []);
  });

  it('waits out rate limits and succeeds', async (t) => {
    const h = await startForgeHarness(t);
    await envRepo(h);
    const config = await app(t, 'acme/envs');
    const { log, lines } = capture();
    h.server.failNextRequests(1, 'rate-limit', { retryAfterSeconds: 1 });
    h.server.failNextRequests(1, 'secondary-rate-limit', { retryAfterSeconds: 1 });
    const result = await onGitHub(h, config, '1.0.0', {}, {}, log);
    assert.equal(result.operation, 'created');
    assert.deepEqual(
      h.server.requests.slice(0, 3).map((r) => r.status),
      [403, 429, 200],
    );
    assert.match(lines.join('\n'), /warning: GitHub rate limit/);
    assert.match(lines.join('\n'), /warning: GitHub secondary rate limit/);
    assert.deepEqual(h.server.violations, []);
  });

  it('fails on a bad token with one line and writes nothing', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');
    process.env.FERRY_TEST_BAD_TOKEN = 'ghs_not_the_token';
    t.after(() => delete process.env.FERRY_TEST_BAD_TOKEN);
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--api-url',
      h.server.apiUrl,
      '--token-env',
      'FERRY_TEST_BAD_TOKEN',
    ]);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      'GitHub token from FERRY_TEST_BAD_TOKEN\n' +
        'error: reading acme/envs: GitHub rejected the token (401 Bad credentials)\n',
    );
    assert.doesNotMatch(run.stderr + run.stdout, /ghs_not_the_token/);
    assert.equal(await bare(gitDir, 'for-each-ref', 'refs/heads/ferry'), '');
    assert.deepEqual(writesSince(h, 0), []);
    assert.deepEqual(await openPulls(h, 'all'), []);

    const missing = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--token-env',
      'FERRY_TEST_UNSET',
    ]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'error: no GitHub token: set FERRY_TEST_UNSET\n');
    await assert.rejects(
      onGitHub(h, config, '1.0.0', {}, { env: { FERRY_GITHUB_TOKEN: 'a\nb' } }),
      ConfigError,
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('refuses hostile tags, branches and paths before any request, and keeps values out of markdown', async (t) => {
    const h = await startForgeHarness(t);
    await envRepo(h);
    const config = await app(t, 'acme/envs');
    // A valid token, so a check that let a value through would go on to make requests (and the
    // message asserted below would be another one), not stop at "no GitHub token".
    process.env.FERRY_TEST_TOKEN = h.server.token;
    t.after(() => delete process.env.FERRY_TEST_TOKEN);
    const withToken = ['--token-env', 'FERRY_TEST_TOKEN', '--api-url', h.server.apiUrl];
    // From the render fuzz corpus: newlines, YAML and shell syntax, option-like and oversized tags.
    const tags = [
      '1.0\n',
      '1.0\r\nx: y',
      'a: b',
      '../x',
      '--upload-pack=touch /tmp/x',
      '$(id)',
      '`id`',
      "1'0",
      '1"0',
      'x\u2028y',
      'ok#x',
      'x'.repeat(129),
    ];
    for (const tag of tags) {
      const run = await runFerry([
        'propose',
        '-c',
        config,
        '-e',
        'staging',
        '-t',
        tag,
        ...withToken,
      ]);
      assert.equal(run.code, 2, `${JSON.stringify(tag)}: ${run.stderr}`);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
      assert.match(run.stderr, /^error: image tag ".*" is not a valid OCI tag/s, run.stderr);
    }
    const hostile: [string, RegExp][] = [
      ['    branch: "main..evil"\n', /must not contain '\.\.'/],
      ['    branch: "-evil"\n', /must not start with '-'/],
      ['    branch: "a@{1}"\n', /must not contain '@\{'/],
      ['    branch: "a b"\n', /spaces/],
      ['    branch: "refs/heads/x"\n', /not a ref/],
    ];
    for (const [line, message] of hostile) {
      const bad = await writeApp(
        TEMPLATES,
        appConfig('acme/envs').replace('    branch: main\n', line),
      );
      t.after(() => rm(dirname(bad), { recursive: true, force: true }));
      const run = await runFerry([
        'propose',
        '-c',
        bad,
        '-e',
        'staging',
        '-t',
        '1.0.0',
        ...withToken,
      ]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
    }
    // ferry.yaml refuses every one with its line, before anything is read.
    const line = (problem: string) =>
      new RegExp(`ferry\\.yaml:8: environments\\.staging\\.path: ${problem}`);
    const paths: [string, RegExp][] = [
      ['apps/../../etc', line('must be a folder inside the repository')],
      ['.git/hooks', line('must not be or lie in a dot-folder')],
      ['apps/.GIT/x', line('must not be or lie in a dot-folder')],
      ['a\\b', line('must be a relative folder inside the repository')],
    ];
    for (const [path, message] of paths) {
      const bad = await writeApp(
        TEMPLATES,
        appConfig('acme/envs').replace(`path: ${PATH}`, `path: ${JSON.stringify(path)}`),
      );
      t.after(() => rm(dirname(bad), { recursive: true, force: true }));
      const run = await runFerry([
        'propose',
        '-c',
        bad,
        '-e',
        'staging',
        '-t',
        '1.0.0',
        ...withToken,
      ]);
      assert.equal(run.code, 2, path);
      assert.match(run.stderr, message, `${path}: ${run.stderr}`);
    }
    const badApp = await writeApp(
      TEMPLATES,
      appConfig('acme/envs').replace('app: demo', 'app: "de..mo"'),
    );
    t.after(() => rm(dirname(badApp), { recursive: true, force: true }));
    const appRun = await runFerry([
      'propose',
      '-c',
      badApp,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      ...withToken,
    ]);
    assert.equal(appRun.code, 2);
    assert.match(appRun.stderr, APP_MESSAGE, appRun.stderr);
    assert.deepEqual(h.server.requests, [], 'nothing was read or written');

    // Hostile values that are allowed (CI variables, template values) stay inert in the body.
    const note = '```\n</details>\n@everyone <script>x</script> [a](javascript:x)';
    const sneaky = await writeApp(
      TEMPLATES,
      appConfig('acme/envs').replace('note: "hello"', `note: ${JSON.stringify(note)}`),
    );
    t.after(() => rm(dirname(sneaky), { recursive: true, force: true }));
    const result = await onGitHub(h, sneaky, '1.0.0', {
      source: { runUrl: 'javascript:alert(1)\n# heading', commit: 'c0ffee`\n<b>' },
    });
    assert.equal(result.operation, 'created');
    // Outside the diff's fence the markup is ferry's own; inside it, the value is inert text.
    const fence = /^(`{3,})diff\n([\s\S]*?)^\1$/m.exec(result.body);
    assert.equal(fence?.[1], '````', 'the fence outgrows the backticks inside');
    assert.match(fence[2]!, /<\/details>/);
    const outside = result.body.replace(fence[0], '');
    assert.equal(outside.match(/<details>/g)?.length ?? 0, outside.match(/<\/details>/g)?.length);
    assert.doesNotMatch(outside, /\]\(javascript:/);
    assert.match(outside, /CI run `javascript:alert\(1\) # heading`/);
    assert.doesNotMatch(result.body, /^# heading/m);
    assert.deepEqual(h.server.violations, []);
  });

  it('adds labels, assignees, reviewers and auto-merge, and opens drafts', async (t) => {
    const h = await startForgeHarness(t);
    await envRepo(h);
    const config = await app(t, 'acme/envs');
    // Curated labels, with descriptions: GitHub's OpenAPI description types a pull request's
    // label description as a non-null string (real GitHub sends null for none), and the
    // server's contract check would flag the auto-created, description-less kind.
    const repo = h.server.state.repo('acme', 'envs')!;
    for (const name of ['deploy', 'staging'])
      h.server.state.ensureLabel(repo, name).description = `${name} label`;
    const result = await onGitHub(h, config, '1.0.0', {
      labels: ['deploy', 'staging'],
      assignees: ['bob'],
      reviewers: ['alice'],
      autoMerge: 'squash',
    });
    const { data: pull } = await h.octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'envs',
      pull_number: result.pullRequest!.number,
    });
    assert.deepEqual(
      pull.labels.map((l) => l.name),
      ['deploy', 'staging'],
    );
    assert.deepEqual(
      pull.assignees?.map((u) => u.login),
      ['bob'],
    );
    assert.deepEqual(
      pull.requested_reviewers?.map((u) => u.login),
      ['alice'],
    );
    assert.equal(pull.auto_merge?.merge_method, 'squash');
    // Already there: an unchanged rerun writes nothing.
    const before = h.server.requests.length;
    const again = await onGitHub(h, config, '1.0.0', {
      labels: ['deploy', 'staging'],
      assignees: ['bob'],
      reviewers: ['alice'],
      autoMerge: 'squash',
    });
    assert.equal(again.operation, 'unchanged');
    assert.deepEqual(writesSince(h, before), []);

    await h.server.createRepo('acme/other', { files: { 'README.md': 'x\n' } });
    const draftApp = await app(t, 'acme/other');
    const draft = await onGitHub(h, draftApp, '1.0.0', { draft: true });
    const { data: drafted } = await h.octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'other',
      pull_number: draft.pullRequest!.number,
    });
    assert.equal(drafted.draft, true);
    assert.deepEqual(h.server.violations, []);
  });

  it('writes nothing on --dry-run and prints the pull request it would open', async (t) => {
    const h = await startForgeHarness(t);
    const gitDir = await envRepo(h);
    const config = await app(t, 'acme/envs');
    process.env.FERRY_TEST_TOKEN = h.server.token;
    t.after(() => delete process.env.FERRY_TEST_TOKEN);
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--dry-run',
      '--api-url',
      h.server.apiUrl,
      '--token-env',
      'FERRY_TEST_TOKEN',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^would be created: branch ferry\/demo\/staging$/m);
    assert.match(run.stdout, /^title: ferry: deploy demo 1\.0\.0 to staging$/m);
    assert.match(run.stdout, /\+\+\+ b\/apps\/demo\/staging\/deployment-demo\.yaml/);
    assert.deepEqual(writesSince(h, 0), []);
    assert.equal(await bare(gitDir, 'for-each-ref', 'refs/heads/ferry'), '');
    assert.deepEqual(await openPulls(h, 'all'), []);

    const json = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--dry-run',
      '--output',
      'json',
      '--api-url',
      h.server.apiUrl,
      '--token-env',
      'FERRY_TEST_TOKEN',
    ]);
    assert.equal(JSON.parse(json.stdout).operation, 'created');
    assert.deepEqual(writesSince(h, 0), []);
    assert.deepEqual(h.server.violations, []);
  });

  it('refuses pull_request_target runs from forks unless allowed', async (t) => {
    const h = await startForgeHarness(t);
    await envRepo(h);
    const config = await app(t, 'acme/envs');
    const eventPath = join(dirname(config), 'event.json');
    const event = (head: string) =>
      writeFile(
        eventPath,
        JSON.stringify({
          pull_request: {
            head: { repo: { full_name: head } },
            base: { repo: { full_name: 'acme/demo' } },
          },
        }),
      );
    const env = {
      FERRY_GITHUB_TOKEN: h.server.token,
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_EVENT_PATH: eventPath,
    };
    await event('mallory/demo');
    await assert.rejects(onGitHub(h, config, '1.0.0', {}, { env }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(
        error.message,
        /refusing to propose under pull_request_target from mallory\/demo/,
      );
      return true;
    });
    assert.deepEqual(h.server.requests, []);
    const allowed = await onGitHub(h, config, '1.0.0', { allowFork: true }, { env });
    assert.equal(allowed.operation, 'created');
    await event('acme/demo');
    assert.equal((await onGitHub(h, config, '1.0.0', {}, { env })).operation, 'unchanged');
    assert.deepEqual(h.server.violations, []);
  });
});
