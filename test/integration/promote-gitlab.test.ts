import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { GitLabClient } from '../../src/adapters/forge/gitlab.js';
import { GitLabProject } from '../../src/adapters/forge/gitlab-project.js';
import type { KubeClient } from '../../src/adapters/kube/client.js';
import { emptyReport, type ApplyReport } from '../../src/core/apply-report.js';
import { reportApplyStatus } from '../../src/commands/publish/apply-status.js';
import { sendDriftAlerts } from '../../src/commands/publish/drift-alerts.js';
import { promote, type PromoteOptions } from '../../src/commands/env-repo/promote/promote.js';
import { propose, type ProposeDeps } from '../../src/commands/env-repo/propose/propose.js';
import { ConfigError, OperationError } from '../../src/core/errors.js';
import type { DriftReport } from '../../src/core/drift.js';
import type { GitLabServer } from '../forge/gitlab-server.js';
import { runFerry } from '../helpers/cli.js';
import { bare, capture, FOLDERS, gitlabEnvRepo, only, writeTestApp } from '../helpers/env-repo.js';
import { needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

// `ferry apply --forge gitlab` posting `ferry/apply (<cluster>)`, and `ferry promote` judging its
// gates on GitLab commit statuses, against the local GitLab server: real bare repositories, and
// every request checked against GitLab's documented shapes (`violations` must stay empty).

const APPLY = 'ferry/apply (default)';
const DRIFT = 'ferry/drift (default)';
const PROD_FILE = 'apps/demo/production/deployment-demo.yaml';
const RUN_URL = 'https://gitlab.example.com/acme/envs/-/jobs/7';
const { log } = capture();

/** Staging and production in folders of one branch of the GitLab project acme/envs. */
const ENVIRONMENTS = {
  staging: { ...FOLDERS.staging!, extra: '    forge: gitlab\n' },
  production: { ...FOLDERS.production!, extra: '    forge: gitlab\n    promoteFrom: staging\n' },
};

async function startServer(t: TestContext) {
  const { server, project } = await gitlabEnvRepo(t);
  const config = await writeTestApp(t, 'acme/envs', ENVIRONMENTS);
  const target = {
    forge: 'gitlab' as const,
    token: server.token,
    apiUrl: server.apiUrl,
    project: 'acme/envs',
  };
  const deps: ProposeDeps = {
    env: { FERRY_GITLAB_TOKEN: server.token },
    retry: { baseDelayMs: 10 },
  };
  return { server, project, config, target, deps };
}

type Setup = Awaited<ReturnType<typeof startServer>>;

/** Proposes `tag` to staging and merges it (fast-forward); returns the new tip of main. */
async function deployStaging(setup: Setup, tag: string): Promise<string> {
  const result = await propose(
    { config: setup.config, env: 'staging', imageTag: tag, apiUrl: setup.server.apiUrl },
    log,
    setup.deps,
  );
  await bare(setup.project.gitDir, 'update-ref', 'refs/heads/main', result.headSha!);
  setup.project.mergeRequests.find((mr) => mr.iid === result.pullRequest!.number)!.state = 'merged';
  return result.headSha!;
}

/** The merge requests promote opened (the one on ferry/demo/production). */
const promotions = (setup: Setup) =>
  setup.project.mergeRequests.filter((mr) => mr.source_branch === 'ferry/demo/production');

function applyReport(counts: Partial<ApplyReport['counts']> = {}): ApplyReport {
  const report = emptyReport({ name: 'demo-staging', namespace: 'demo', id: 'applyset-x' }, false);
  return { ...report, counts: { ...report.counts, ...counts } };
}

function driftReport(clean: boolean): DriftReport {
  return {
    inventory: { name: 'demo-staging', namespace: 'demo', id: 'applyset-x' },
    clean,
    objects: clean ? [] : [{ object: 'ConfigMap demo/demo-config', kind: 'missing', fields: [] }],
    counts: { checked: 2, drifted: clean ? 0 : 1, missing: 0, extra: 0, ignored: 0 },
    fingerprint: clean ? 'clean' : 'drifted',
    requests: {},
  };
}

/** What `ferry apply --forge gitlab --commit-status` posts after an apply (or a failed one). */
const postApply = (setup: Setup, sha: string, error?: Error, cluster = 'default') =>
  reportApplyStatus(
    { ...setup.target, sha, cluster, runUrl: RUN_URL },
    applyReport({ created: 2, configured: 1 }),
    error,
    log,
  );

/** What `ferry drift --forge gitlab --commit-status` posts. */
const postDrift = (setup: Setup, sha: string, clean: boolean) =>
  sendDriftAlerts(
    driftReport(clean),
    { cluster: 'default', gitlab: { ...setup.target, issue: false, statusSha: sha } },
    undefined as unknown as KubeClient, // no webhook: the cluster is not touched
    log,
  );

const promoteOn = (setup: Setup, options: Partial<PromoteOptions> = {}, deps: ProposeDeps = {}) =>
  promote(
    { config: setup.config, to: 'production', apiUrl: setup.server.apiUrl, ...options },
    log,
    { ...setup.deps, ...deps },
  );

/** Non-GET API requests, as `METHOD /path`. */
const writes = (server: GitLabServer) =>
  server.requests
    .filter((r) => r.method !== 'GET' && !r.path.startsWith('/git/'))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('ferry apply --forge gitlab: the commit status', () => {
  it('posts ferry/apply (<cluster>) as success with the counts, or failed with the first line of the error', async (t) => {
    const setup = await startServer(t);
    const sha = await bare(setup.project.gitDir, 'rev-parse', 'main');

    await postApply(setup, sha, undefined, 'eu');
    await postApply(setup, sha, new Error('Deployment demo/demo: ImagePullBackOff\n  pod x'), 'us');
    const posted = setup.project.statuses.map((s) => ({
      name: s.name,
      status: s.status,
      description: s.description,
      target_url: s.target_url,
      ref: s.ref,
    }));
    assert.deepEqual(posted, [
      {
        name: 'ferry/apply (eu)',
        status: 'success',
        description: '2 created, 1 configured',
        target_url: RUN_URL,
        ref: 'main',
      },
      {
        name: 'ferry/apply (us)',
        status: 'failed',
        description: 'failed: Deployment demo/demo: ImagePullBackOff',
        target_url: RUN_URL,
        ref: 'main',
      },
    ]);
    assert.deepEqual(writes(setup.server), [
      `POST /api/v4/projects/acme/envs/statuses/${sha}`,
      `POST /api/v4/projects/acme/envs/statuses/${sha}`,
    ]);
    assert.deepEqual(setup.server.violations, []);
  });

  it('refuses a project that is not group/project, and says in one line when GitLab refuses the token', async (t) => {
    const setup = await startServer(t);
    const sha = await bare(setup.project.gitDir, 'rev-parse', 'main');
    const report = applyReport();
    const subject = { sha, cluster: 'default' };
    await assert.rejects(
      reportApplyStatus({ ...setup.target, ...subject, project: 'acme' }, report, undefined, log),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message ===
          'status project "acme" is not a GitLab project (group/project or its URL)',
    );
    await assert.rejects(
      reportApplyStatus(
        { ...setup.target, ...subject, token: 'glpat-wrong' },
        report,
        undefined,
        log,
      ),
      (error: unknown) =>
        error instanceof OperationError &&
        error.message ===
          'posting the apply status to acme/envs: GitLab rejected the token (401 Unauthorized)',
    );
    assert.deepEqual(setup.project.statuses, []);
    assert.deepEqual(setup.server.violations, []);
  });

  it(
    'posts from the CLI after a real apply, from flags or from GitLab CI variables',
    needsCluster,
    async (t) => {
      const setup = await startServer(t);
      const sha = await bare(setup.project.gitDir, 'rev-parse', 'main');
      const ns = await testNamespace('apply-gitlab');
      t.after(() => ns.remove());
      const dir = await mkdtemp(join(tmpdir(), 'ferry-apply-gitlab-'));
      t.after(() => rm(dir, { recursive: true, force: true }));
      const manifest = (name: string) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { a: "1" }\n`;
      await writeFile(join(dir, 'cm.yaml'), manifest('settings'));
      const apply = (...args: string[]) =>
        runFerry([
          'apply',
          '--dir',
          dir,
          '--inventory',
          'gitlab-status',
          '--namespace',
          ns.name,
          '--kubeconfig',
          testKubeconfig()!,
          '--forge',
          'gitlab',
          ...args,
        ]);
      const saved = { ...process.env };
      t.after(() => {
        for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
        Object.assign(process.env, saved);
      });
      // Not a GitHub run, wherever the tests run: the run URL is GitLab's.
      for (const name of ['GITHUB_ACTIONS', 'GITHUB_REPOSITORY']) delete process.env[name];

      process.env.FERRY_TEST_GITLAB_TOKEN = setup.server.token;
      const flags = await apply(
        ...['--commit-status', sha, '--cluster', 'eu', '--repo', 'acme/envs'],
        ...['--api-url', setup.server.apiUrl, '--token-env', 'FERRY_TEST_GITLAB_TOKEN'],
      );
      assert.equal(flags.code, 0, flags.stderr);
      assert.match(flags.stderr, /commit status ferry\/apply \(eu\) on [0-9a-f]{12}: success/);

      // In a GitLab job: the commit, project, API and token come from its predefined variables.
      Object.assign(process.env, {
        GITLAB_CI: 'true',
        CI_COMMIT_SHA: sha,
        CI_PROJECT_PATH: 'acme/envs',
        CI_API_V4_URL: setup.server.apiUrl,
        CI_JOB_URL: RUN_URL,
        FERRY_GITLAB_TOKEN: setup.server.token,
      });
      await writeFile(
        join(dir, 'broken.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: broken }\nspec: {}\n',
      );
      const failed = await apply('--commit-status', '--cluster', 'us');
      assert.equal(failed.code, 1);
      assert.deepEqual(
        setup.project.statuses.map((s) => [s.name, s.status, s.target_url]),
        [
          ['ferry/apply (eu)', 'success', null],
          ['ferry/apply (us)', 'failed', RUN_URL],
        ],
      );
      assert.match(
        setup.project.statuses[1]!.description ?? '',
        /^failed: 1 object\(s\) failed validation, so nothing else was changed:$/,
      );
      assert.deepEqual(setup.server.violations, []);
    },
  );
});

describe('ferry promote on GitLab', () => {
  it('reads the gates from GitLab commit statuses, opens the merge request, then leaves it unchanged', async (t) => {
    const setup = await startServer(t);
    const source = await deployStaging(setup, '1.4.2');
    await postApply(setup, source);
    await postDrift(setup, source, true);

    const later = { now: () => new Date(Date.now() + 2 * 3_600_000) };
    const result = await promoteOn(setup, { minSoak: '1h' }, later);
    assert.deepEqual(
      result.gates.map((g) => [g.gate, g.passed]),
      [
        ['apply succeeded', true],
        ['drift clean', true],
        ['soaked 1h', true],
      ],
    );
    assert.equal(result.forced, false);
    const created = only(result.promotions);
    assert.equal(created.operation, 'created');
    assert.equal(created.forge, 'gitlab');
    assert.equal(created.branch, 'ferry/demo/production');
    const mr = promotions(setup)[0]!;
    assert.equal(mr.title, 'ferry: promote demo 1.4.2 from staging to production');
    assert.match(
      mr.description,
      /\| apply succeeded \| ✅ passed \| `ferry\/apply \(default\) is success/,
    );
    assert.match(mr.description, /\| drift clean \| ✅ passed \|/);
    assert.match(mr.description, /\| soaked 1h \| ✅ passed \| `applied \S+Z, 2h( \d+s)? ago` \|/);
    assert.doesNotMatch(mr.description, /--force/);
    assert.match(
      await bare(setup.project.gitDir, 'show', `ferry/demo/production:${PROD_FILE}`),
      /demo:1\.4\.2$/m,
    );

    const before = writes(setup.server).length;
    const again = only((await promoteOn(setup, { minSoak: '1h' }, later)).promotions);
    assert.equal(again.operation, 'unchanged');
    assert.equal(writes(setup.server).length, before, 'no write when nothing changed');
    assert.equal(promotions(setup).length, 1);
    assert.deepEqual(setup.server.violations, []);
  });

  it('blocks with one line naming each failed gate, exit code 1, and writes nothing', async (t) => {
    const setup = await startServer(t);
    const tip = await deployStaging(setup, '1.0.0');
    const short = tip.slice(0, 12);
    const cli = (...args: string[]) =>
      runFerry([
        'promote',
        '-c',
        setup.config,
        '--to',
        'production',
        '--api-url',
        setup.server.apiUrl,
        '--token-env',
        'FERRY_TEST_GITLAB_TOKEN',
        ...args,
      ]);
    process.env.FERRY_TEST_GITLAB_TOKEN = setup.server.token;
    t.after(() => delete process.env.FERRY_TEST_GITLAB_TOKEN);
    const start = writes(setup.server).length;

    const missing = await cli();
    assert.equal(missing.code, 1);
    assert.equal(
      missing.stderr
        .split('\n')
        .filter((line) => line.startsWith('error:'))
        .join('\n'),
      `error: promotion from staging blocked by 2 gate(s): ` +
        `apply succeeded: no ${APPLY} status on ${short} in GitLab (posted by ferry apply --forge gitlab --commit-status); ` +
        `drift clean: no ${DRIFT} status on ${short} in GitLab (posted by ferry drift --forge gitlab --commit-status); ` +
        'pass --force to promote anyway',
    );
    assert.doesNotMatch(missing.stderr, /plain git/);

    await postApply(setup, tip, new Error('Deployment demo/demo: ImagePullBackOff'));
    const gitlab = new GitLabProject(
      new GitLabClient({ token: setup.server.token, apiUrl: setup.server.apiUrl }),
      'acme/envs',
    );
    await gitlab.postStatus(tip, { state: 'running', name: DRIFT, description: 'checking' });
    const failing = await cli();
    assert.equal(failing.code, 1);
    const errors = failing.stderr.split('\n').filter((line) => line.startsWith('error:'));
    assert.equal(errors.length, 1);
    assert.match(
      errors[0]!,
      /blocked by 2 gate\(s\): apply succeeded: ferry\/apply \(default\) is failure \(\S+Z\) "failed: Deployment demo\/demo: ImagePullBackOff"; drift clean: ferry\/drift \(default\) is pending \(\S+Z\) "checking"; pass --force/,
    );

    await postApply(setup, tip);
    await postDrift(setup, tip, true); // moves the running status to success in place
    const young = await cli('--min-soak', '1h');
    assert.equal(young.code, 1);
    assert.match(
      young.stderr,
      /error: .*blocked by 1 gate\(s\): soaked 1h: applied \S+Z, \d+s ago;/,
    );
    assert.equal((await cli('--min-soak', '1h', '--cluster', 'eu')).code, 1, 'another cluster');

    assert.deepEqual(
      writes(setup.server)
        .slice(start)
        .filter((w) => !w.includes('/statuses/')),
      [],
    );
    assert.equal(
      await bare(setup.project.gitDir, 'for-each-ref', 'refs/heads/ferry/demo/production'),
      '',
    );
    assert.deepEqual(promotions(setup), []);

    const passed = await cli();
    assert.equal(passed.code, 0, passed.stderr);
    assert.equal(promotions(setup).length, 1);
    assert.deepEqual(setup.server.violations, []);
  });

  it('promotes past failed gates with --force, and the merge request says so first', async (t) => {
    const setup = await startServer(t);
    const tip = await deployStaging(setup, '1.0.0');
    await postApply(setup, tip, new Error('rollout timed out'));
    const { log: warnings, lines } = capture();
    const result = await promote(
      { config: setup.config, to: 'production', force: true, apiUrl: setup.server.apiUrl },
      warnings,
      setup.deps,
    );
    assert.equal(result.forced, true);
    assert.equal(only(result.promotions).operation, 'created');
    const mr = promotions(setup)[0]!;
    assert.ok(
      mr.description.startsWith(
        '> [!WARNING]\n> **Promoted with `--force`: the gates were not enforced** (2 of 2 failed',
      ),
      mr.description.slice(0, 200),
    );
    assert.match(
      mr.description,
      /\| apply succeeded \| ❌ failed \| `ferry\/apply \(default\) is failure/,
    );
    assert.match(
      mr.description,
      /\| drift clean \| ❌ failed \| `no ferry\/drift \(default\) status on [0-9a-f]{12} in GitLab/,
    );
    assert.match(lines.join('\n'), /warning: promotion gates not enforced \(--force\)/);
    assert.deepEqual(setup.server.violations, []);
  });

  it('takes the newest status of each name across pages and pipelines, and soaks from when it finished', async (t) => {
    const setup = await startServer(t);
    const tip = await deployStaging(setup, '2.0.0');
    const client = new GitLabClient({ token: setup.server.token, apiUrl: setup.server.apiUrl });
    const gitlab = new GitLabProject(client, 'acme/envs');
    // Other jobs' statuses fill more than one page of 100.
    for (let i = 0; i < 120; i++)
      await gitlab.postStatus(tip, { state: 'success', name: `lint ${i}`, description: '' });
    await postApply(setup, tip);
    await postDrift(setup, tip, true);
    // A newer failed apply in another pipeline of the commit (another ref): both are listed as
    // latest of their pipeline, and the newer one decides.
    await client.request('POST', `/projects/acme%2Fenvs/statuses/${tip}`, {
      body: { state: 'failed', name: APPLY, description: 'failed: again', ref: 'release' },
    });
    assert.equal(setup.project.statuses.filter((s) => s.name === APPLY && !s.retried).length, 2);
    const statusReads = () =>
      setup.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/statuses'))
        .length;

    let reads = statusReads();
    await assert.rejects(
      promoteOn(setup),
      /apply succeeded: ferry\/apply \(default\) is failure .*"failed: again"/,
    );
    assert.equal(statusReads() - reads, 2, 'two pages read');

    // A running apply that then succeeds: GitLab keeps its created_at, so soak counts from the end.
    await gitlab.postStatus(tip, { state: 'running', name: APPLY, description: 'applying' });
    const running = setup.project.statuses.at(-1)!;
    assert.equal(running.status, 'running');
    running.created_at = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await postApply(setup, tip);
    assert.equal(setup.project.statuses.at(-1), running, 'updated in place');
    assert.equal(running.status, 'success');
    reads = statusReads();
    await assert.rejects(
      promoteOn(setup, { minSoak: '1h' }),
      /blocked by 1 gate\(s\): soaked 1h: applied \S+Z, \d+s ago;/,
    );
    assert.ok(statusReads() > reads);
    const soaked = await promoteOn(
      setup,
      { minSoak: '1h' },
      { now: () => new Date(Date.now() + 3_600_000) },
    );
    assert.equal(only(soaked.promotions).operation, 'created');
    assert.deepEqual(setup.server.violations, []);
  });
});
