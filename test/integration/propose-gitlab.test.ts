import assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Logger } from '../../src/adapters/logger.js';
import { sendDriftAlerts } from '../../src/commands/publish/drift-alerts.js';
import type { KubeClient } from '../../src/adapters/kube/client.js';
import {
  propose,
  type ProposeDeps,
  type ProposeOptions,
  type ProposeResult,
} from '../../src/commands/env-repo/propose/propose.js';
import type { DriftReport } from '../../src/core/drift.js';
import { git, pushBranch } from '../forge/harness.js';
import type { GitLabServer } from '../forge/gitlab-server.js';
import { runFerry } from '../helpers/cli.js';
import { gitlabEnvRepo } from '../helpers/env-repo.js';
import { writeApp } from '../helpers/render.js';

// `ferry propose` with `forge: gitlab` against the local GitLab server: real bare repositories
// over git http-backend, and every request checked against GitLab's documented shapes.

const TEMPLATES: Record<string, string> = {
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: {{app}}, namespace: {{namespace}} }
spec:
  template:
    spec:
      containers:
        - name: app
          image: {{image.ref}}
`,
  'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: {{app}}-config, namespace: {{namespace}} }
data: { note: hello }
`,
};
const BRANCH = 'ferry/demo/staging';
const PATH = 'apps/demo/staging';
const quiet: Logger = { info: () => {}, warning: () => {}, group: (_t, work) => work() };

async function app(t: TestContext): Promise<string> {
  const config = await writeApp(
    TEMPLATES,
    `app: demo
image: registry.example.com/acme/demo
templates: deploy
environments:
  staging:
    repo: acme/envs
    forge: gitlab
    branch: main
    path: ${PATH}
    namespace: demo
`,
  );
  t.after(() => rm(dirname(config), { recursive: true, force: true }));
  return config;
}

function onGitLab(
  server: GitLabServer,
  config: string,
  tag: string,
  options: Partial<ProposeOptions> = {},
  deps: ProposeDeps = {},
  log = quiet,
): Promise<ProposeResult> {
  return propose(
    { config, env: 'staging', imageTag: tag, apiUrl: server.apiUrl, ...options },
    log,
    {
      env: { FERRY_GITLAB_TOKEN: server.token },
      retry: { baseDelayMs: 10 },
      ...deps,
    },
  );
}

const bare = (gitDir: string, ...args: string[]) => git(tmpdir(), '--git-dir', gitDir, ...args);
const writes = (server: GitLabServer) =>
  server.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/git/'));

describe('ferry propose on GitLab', () => {
  it('creates, updates, and leaves unchanged one merge request', async (t) => {
    const { server, project } = await gitlabEnvRepo(t);
    const config = await app(t);

    const created = await onGitLab(server, config, '1.0.0', {
      labels: ['deploy'],
      autoMerge: 'merge',
    });
    assert.equal(created.operation, 'created');
    assert.equal(created.forge, 'gitlab');
    assert.equal(created.pullRequest?.number, 1);
    const mr = project.mergeRequests[0]!;
    assert.deepEqual(mr.labels, ['deploy']);
    assert.equal(mr.merge_when_pipeline_succeeds, true);
    assert.equal(await bare(project.gitDir, 'rev-parse', BRANCH), created.headSha);
    assert.equal(
      await bare(project.gitDir, 'rev-parse', `${BRANCH}^`),
      await bare(project.gitDir, 'rev-parse', 'main'),
    );
    assert.match(
      await bare(project.gitDir, 'show', `${BRANCH}:${PATH}/deployment-demo.yaml`),
      /demo:1\.0\.0/,
    );

    const updated = await onGitLab(server, config, '1.1.0');
    assert.equal(updated.operation, 'updated');
    assert.equal(updated.pullRequest?.number, 1);
    assert.equal(project.mergeRequests.length, 1);
    assert.match(mr.title, /1\.1\.0/);
    assert.equal(await bare(project.gitDir, 'rev-list', '--count', `main..${BRANCH}`), '1');
    assert.match(
      await bare(project.gitDir, 'show', `${BRANCH}:${PATH}/deployment-demo.yaml`),
      /demo:1\.1\.0/,
    );

    const before = writes(server).length;
    const unchanged = await onGitLab(server, config, '1.1.0');
    assert.equal(unchanged.operation, 'unchanged');
    assert.equal(unchanged.headSha, updated.headSha);
    assert.equal(writes(server).length, before, 'no write for unchanged content');
    assert.deepEqual(server.violations, []);
  });

  it('re-reads and retries when the base branch moves between read and write', async (t) => {
    const { server, project, work } = await gitlabEnvRepo(t);
    const config = await app(t);
    const clone = join(work, 'clone');
    await git(work, 'clone', '--quiet', server.gitUrl('acme/envs'), clone);
    const lines: string[] = [];
    const log: Logger = { ...quiet, warning: (line) => lines.push(line) };
    const beforeWrite = async (attempt: number) => {
      if (attempt !== 1) return;
      await mkdir(join(clone, PATH), { recursive: true });
      await pushBranch(clone, 'main', { [`${PATH}/hand-edit.yaml`]: 'kind: ConfigMap\n' });
    };
    const result = await onGitLab(server, config, '1.0.0', {}, { beforeWrite }, log);
    assert.equal(result.operation, 'created');
    assert.equal(result.attempts, 2);
    assert.match(lines.join('\n'), /lost a race \(the base branch moved/);
    assert.equal(
      await bare(project.gitDir, 'rev-parse', `${BRANCH}^`),
      await bare(project.gitDir, 'rev-parse', 'main'),
      'the retry proposes on the new base',
    );
    assert.equal(project.mergeRequests.length, 1);
    assert.deepEqual(server.violations, []);
  });

  it('pushes with a lease: a commit pushed by someone else meanwhile is seen, not overwritten blind', async (t) => {
    const { server, project, work } = await gitlabEnvRepo(t);
    const config = await app(t);
    await onGitLab(server, config, '1.0.0');
    const clone = join(work, 'clone');
    await git(work, 'clone', '--quiet', server.gitUrl('acme/envs'), clone);
    let intruder = '';
    const lines: string[] = [];
    const log: Logger = { ...quiet, warning: (line) => lines.push(line) };
    const beforeWrite = async (attempt: number) => {
      if (attempt !== 1) return;
      await git(clone, 'fetch', '--quiet', 'origin', BRANCH);
      await git(clone, 'checkout', '--quiet', '-B', BRANCH, 'FETCH_HEAD');
      intruder = await pushBranch(clone, BRANCH, { 'intruder.txt': 'x\n' });
    };
    const result = await onGitLab(server, config, '2.0.0', {}, { beforeWrite }, log);
    assert.equal(result.attempts, 2);
    assert.match(
      lines.join('\n'),
      /lost a race \(ferry\/demo\/staging moved on .*\[rejected\] \(stale info\)\)/,
    );
    assert.notEqual(result.headSha, intruder);
    assert.equal(
      await bare(project.gitDir, 'rev-parse', `${BRANCH}^`),
      await bare(project.gitDir, 'rev-parse', 'main'),
    );
    assert.match(project.mergeRequests[0]!.title, /demo 2\.0\.0 /);
    assert.deepEqual(server.violations, []);
  });

  it("describes a later run's commit that lands between its push and its merge request write", async (t) => {
    const { server, project } = await gitlabEnvRepo(t);
    const config = await app(t);
    await onGitLab(server, config, '1.0.0');
    // As 2.0.0 writes its words, a run of 3.0.0 completes: 2.0.0's words would be stale.
    let later: ProposeResult | undefined;
    server.beforeApiRequest(async (method, path) => {
      if (later !== undefined || method !== 'PUT' || !path.endsWith('/merge_requests/1')) return;
      server.beforeApiRequest(undefined);
      later = await onGitLab(server, config, '3.0.0');
    });
    const result = await onGitLab(server, config, '2.0.0');
    assert.equal(result.operation, 'updated');
    assert.equal(later?.operation, 'updated');
    assert.equal(await bare(project.gitDir, 'rev-parse', BRANCH), later?.headSha);
    const mr = project.mergeRequests[0]!;
    assert.match(mr.title, /demo 3\.0\.0 /);
    assert.match(mr.description, /3\.0\.0/);
    assert.doesNotMatch(mr.description, /2\.0\.0/);
    assert.deepEqual(server.violations, []);
  });

  it('hands the token to git in its environment, never in an argument, URL or log line', async (t) => {
    const { server, work } = await gitlabEnvRepo(t);
    const config = await app(t);
    // GIT_TRACE logs the arguments of every git process, children included.
    const trace = join(work, 'git-trace.log');
    process.env.GIT_TRACE = trace;
    const lines: string[] = [];
    const log: Logger = { ...quiet, info: (line) => lines.push(line) };
    try {
      await onGitLab(server, config, '1.0.0', {}, {}, log);
    } finally {
      delete process.env.GIT_TRACE;
    }
    const argv = await readFile(trace, 'utf8');
    assert.match(argv, /git push --porcelain/, 'the trace holds the push');
    const basic = Buffer.from(`oauth2:${server.token}`).toString('base64');
    for (const secret of [server.token, basic]) {
      assert.ok(!argv.includes(secret), 'the token is in an argument');
      assert.ok(!lines.join('\n').includes(secret), 'the token is in a log line');
    }
    assert.ok(server.requests.some((r) => r.path.endsWith('/git-receive-pack')));
  });

  it('fails on a bad token with one line and writes nothing', async (t) => {
    const { server, project } = await gitlabEnvRepo(t);
    const config = await app(t);
    process.env.FERRY_TEST_BAD_GITLAB_TOKEN = 'glpat-not-the-token';
    t.after(() => delete process.env.FERRY_TEST_BAD_GITLAB_TOKEN);
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--api-url',
      server.apiUrl,
      '--token-env',
      'FERRY_TEST_BAD_GITLAB_TOKEN',
    ]);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      'error: reading acme/envs: GitLab rejected the token (401 Unauthorized)\n',
    );
    assert.doesNotMatch(run.stderr + run.stdout, /glpat-not-the-token/);
    assert.equal(await bare(project.gitDir, 'for-each-ref', 'refs/heads/ferry'), '');
    assert.deepEqual(writes(server), []);
    assert.deepEqual(server.violations, []);
  });

  it('waits out a 429 with Retry-After and succeeds', async (t) => {
    const { server } = await gitlabEnvRepo(t);
    const config = await app(t);
    server.failNextRequests(1, 0);
    const result = await onGitLab(server, config, '1.0.0');
    assert.equal(result.operation, 'created');
    assert.equal(server.requests[0]?.status, 429);
    assert.deepEqual(server.violations, []);
  });
});

function report(clean: boolean, fingerprint: string): DriftReport {
  return {
    inventory: { name: 'demo', namespace: 'demo', id: 'demo' },
    clean,
    objects: clean ? [] : [{ object: 'ConfigMap demo/demo-config', kind: 'missing', fields: [] }],
    counts: { checked: 2, drifted: clean ? 0 : 1, missing: 0, extra: 0, ignored: 0 },
    fingerprint,
    requests: {},
  };
}

describe('drift alerts on GitLab', () => {
  it('opens, rewrites and closes one issue per cluster, and posts a status per cluster', async (t) => {
    const { server, project } = await gitlabEnvRepo(t);
    const sha = await bare(project.gitDir, 'rev-parse', 'main');
    const kube = undefined as unknown as KubeClient; // no webhook: the cluster is not touched
    const options = (cluster: string) => ({
      cluster,
      gitlab: {
        token: server.token,
        apiUrl: server.apiUrl,
        project: 'acme/envs',
        issue: true,
        statusSha: sha,
      },
    });

    assert.deepEqual(await sendDriftAlerts(report(false, 'a'), options('eu'), kube, quiet), {
      issue: 'opened #1',
      status: 'posted',
    });
    assert.deepEqual(await sendDriftAlerts(report(false, 'a'), options('eu'), kube, quiet), {
      issue: 'unchanged #1',
      status: 'unchanged',
    });
    assert.deepEqual(await sendDriftAlerts(report(false, 'a'), options('us'), kube, quiet), {
      issue: 'opened #2',
      status: 'posted',
    });
    const changed = await sendDriftAlerts(report(false, 'b'), options('eu'), kube, quiet);
    assert.equal(changed.issue, 'updated #1');
    assert.match(project.issues[0]!.description, /ferry-drift-fingerprint:b/);
    assert.equal(project.issues.length, 2);

    assert.deepEqual(await sendDriftAlerts(report(true, 'c'), options('eu'), kube, quiet), {
      issue: 'closed #1',
      status: 'posted',
    });
    assert.equal(project.issues[0]!.state, 'closed');
    assert.equal(project.issues[1]!.state, 'opened');
    const latest = new Map(project.statuses.map((s) => [s.name, s.status]));
    assert.deepEqual(Object.fromEntries(latest), {
      'ferry/drift (eu)': 'success',
      'ferry/drift (us)': 'failed',
    });
    assert.deepEqual(server.violations, []);
  });
});
