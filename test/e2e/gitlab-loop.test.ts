// The whole GitLab loop with the GitLab CI/CD components, each run by gitlab-ci-local on the
// shell executor: an app project proposes staging and later promotes it to production; the
// environment project (acme/environments on the local GitLab server, test/forge/gitlab-server.ts)
// applies staging to the real control plane and checks it for drift, posting the commit statuses
// promote's gates read and the drift issue. Every request ferry makes to the server is checked
// against GitLab's documented shapes, and no job log may show the token or the kubeconfig's keys.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import type { PromoteResult } from '../../src/commands/env-repo/promote/promote.js';
import {
  startGitLabServer,
  type GitLabProjectState,
  type GitLabServer,
} from '../forge/gitlab-server.js';
import {
  assertJobFailed,
  exampleApp,
  ferryPackage,
  gitlabProject,
  gitlabProjectFrom,
  includeComponent,
  jobArtifact,
  jobErrorLines,
  kubeconfigSecrets,
  runPipeline,
  type PipelineRun,
} from '../helpers/gitlab-ci-local.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const STAGING = 'apps/guestbook/staging';
const PRODUCTION = 'apps/guestbook/production';
const PROMOTION = 'ferry/guestbook/production';
const APPLY = 'ferry/apply (staging)';
const DRIFT = 'ferry/drift (staging)';
const IMAGE = 'registry.example.com/acme/guestbook';

/**
 * The latest (not retried) apply and drift status of each name in the project, as [name, state,
 * sha] (a merge request's `ferry/plan` is checked where it is posted).
 */
const latestStatuses = (project: GitLabProjectState) =>
  project.statuses
    .filter((status) => !status.retried && !status.name.startsWith('ferry/plan'))
    .map((status) => [status.name, status.status, status.sha]);

describe('GitLab loop with the components: propose, apply, drift, promote', needsCluster, () => {
  let root: string;
  let app: string;
  let environments: string;
  let server: GitLabServer;
  let envs: GitLabProjectState;
  let staging: Awaited<ReturnType<typeof testNamespace>>;
  let production: Awaited<ReturnType<typeof testNamespace>>;
  let secrets: string[];
  /** The environment project's commit: the tip of acme/environments' main. */
  let envCommit: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', envs.gitDir, ...args])
      .toString()
      .trim();

  /**
   * Runs a project's pipeline (or only `jobs`) as GitLab would: its API URL, and the project's
   * CI/CD variables from a variables file. No secret may reach the log, and every request to
   * the server must keep to GitLab's API.
   */
  const pipeline = async (project: string, variables: string[], jobs: string[] = []) => {
    const run = await runPipeline(
      project,
      root,
      [`CI_API_V4_URL=${server.apiUrl}`, ...variables],
      ['--variables-file', join(root, 'variables.yml'), ...jobs],
    );
    for (const secret of secrets) {
      assert.ok(!run.output.includes(secret), 'a secret appears in the job log');
    }
    assert.deepEqual(server.violations, []);
    return run;
  };
  const passed = (run: PipelineRun, job: string) =>
    assert.match(run.output, new RegExp(`PASS +${job}\\n`), run.output);
  /** How many API requests (not git's) changed or could change something. */
  const apiWrites = () =>
    server.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/git/')).length;
  const liveImage = async () => {
    const got = await kubectl(['-n', staging.name, 'get', 'deployment', 'guestbook', '-o', 'json']);
    assert.equal(got.code, 0, got.stderr);
    return JSON.parse(got.stdout).spec.template.spec.containers[0].image as string;
  };

  before(async () => {
    staging = await testNamespace('loop-staging');
    production = await testNamespace('loop-production');
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-loop-'));
    app = join(root, 'app');
    environments = join(root, 'environments');
    server = await startGitLabServer({ root: join(root, 'gitlab') });
    envs = await server.createProject('acme/environments', { 'README.md': 'environments\n' });

    const kubeconfig = await readFile(testKubeconfig()!, 'utf8');
    secrets = [server.token, ...kubeconfigSecrets(kubeconfig)];
    // The projects' CI/CD variables: masked tokens, and the kubeconfig as a File-type variable
    // scoped to the staging environment (only the apply and drift jobs get it).
    await writeFile(
      join(root, 'variables.yml'),
      dump({
        ENV_REPO_TOKEN: server.token,
        TEST_KUBECONFIG: { type: 'file', values: { staging: kubeconfig } },
      }),
    );

    const files = await exampleApp((ferryYaml) => {
      const edited = ferryYaml
        .replaceAll('repo: ../environments', 'repo: acme/environments')
        .replaceAll('forge: git\n', 'forge: gitlab\n')
        .replace('namespace: guestbook-staging\n', `namespace: ${staging.name}\n`)
        .replace('namespace: guestbook\n', `namespace: ${production.name}\n`);
      assert.equal(edited.match(/repo: acme\/environments\n {4}forge: gitlab\n/g)?.length, 2);
      assert.equal(edited.match(/namespace: loop-(staging|production)-/g)?.length, 2);
      assert.match(edited, /promoteFrom: staging\n/);
      return edited;
    });
    const common = {
      config: 'app/ferry.yaml',
      'ferry-package': await ferryPackage(),
      'token-variable': 'ENV_REPO_TOKEN',
    };
    await gitlabProject(app, {
      ...files,
      '.gitlab-ci.yml': dump({
        include: [
          includeComponent('propose', {
            ...common,
            environment: 'staging',
            'image-tag': '$TEST_IMAGE_TAG',
          }),
          // Not forced: the gates read staging's statuses in acme/environments.
          includeComponent('promote', { ...common, to: 'production', cluster: 'staging' }),
        ],
      }),
    });
  });
  after(async () => {
    await server?.close();
    await staging?.remove();
    await production?.remove();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('app project: the default-branch pipeline opens merge request !1 for staging', async () => {
    const run = await pipeline(app, ['TEST_IMAGE_TAG=1.4.2']);
    assert.equal(run.code, 0, run.output);
    passed(run, 'ferry-propose');
    assert.doesNotMatch(run.output, /ferry-promote/, 'a manual job waits for a person');
    const [mr, ...others] = envs.mergeRequests;
    assert.ok(mr && others.length === 0, JSON.stringify(envs.mergeRequests));
    assert.equal(mr.iid, 1);
    assert.equal(mr.source_branch, 'ferry/guestbook/staging');
    assert.equal(mr.target_branch, 'main');
    assert.equal(mr.state, 'opened');
    // Merged, as GitLab would: the branch (base + one commit) becomes main.
    assert.equal(git('rev-parse', `${mr.source_branch}^`), git('rev-parse', 'main'));
    git('update-ref', 'refs/heads/main', mr.source_branch);
    mr.state = 'merged';
  });

  it('environment project: its pipeline applies staging and posts ferry/apply and ferry/drift as success on its commit', async () => {
    const inputs = {
      environment: 'staging',
      dir: STAGING,
      inventory: 'guestbook-staging',
      namespace: staging.name,
      cluster: 'staging',
      'kubeconfig-variable': 'TEST_KUBECONFIG',
      'commit-status': true,
      'token-variable': 'ENV_REPO_TOKEN',
      'ferry-package': await ferryPackage(),
    };
    envCommit = await gitlabProjectFrom(environments, envs, {
      '.gitlab-ci.yml': dump({
        include: [
          includeComponent('apply', { ...inputs, timeout: '60s' }),
          includeComponent('drift', { ...inputs, 'alert-issue': true }),
        ],
      }),
    });
    assert.equal(git('rev-parse', 'main'), envCommit, "pushed: the tip of the server's main");
    assert.ok(
      git('ls-tree', '--name-only', 'main', `${STAGING}/`).includes('deployment-guestbook.yaml'),
    );

    const run = await pipeline(environments, []);
    assert.equal(run.code, 0, run.output);
    passed(run, 'ferry-apply');
    passed(run, 'ferry-drift');
    assert.doesNotMatch(run.output, /ferry-apply-dry-run/);
    assert.equal(await liveImage(), `${IMAGE}:1.4.2`);
    const applied = JSON.parse(await jobArtifact(environments, 'ferry-apply', 'ferry-apply.json'));
    assert.equal(applied.counts.created, 5);
    const drift = JSON.parse(await jobArtifact(environments, 'ferry-drift', 'ferry-drift.json'));
    assert.equal(drift.clean, true);

    // On CI_COMMIT_SHA, which gitlab-ci-local took from the checkout: the commit pushed.
    assert.deepEqual(latestStatuses(envs), [
      [APPLY, 'success', envCommit],
      [DRIFT, 'success', envCommit],
    ]);
    assert.deepEqual(envs.issues, [], 'no issue while the cluster matches git');
  });

  it("app project: the manual promote job passes the gates and opens merge request !2 with staging's image", async () => {
    const run = await pipeline(app, [], ['ferry-promote']);
    assert.equal(run.code, 0, run.output);
    passed(run, 'ferry-promote');
    assert.equal(envs.mergeRequests.length, 2);
    const mr = envs.mergeRequests[1]!;
    assert.equal(mr.iid, 2);
    assert.equal(mr.source_branch, PROMOTION);
    assert.equal(mr.target_branch, 'main');
    assert.equal(mr.state, 'opened');
    assert.equal(mr.title, 'ferry: promote guestbook 1.4.2 from staging to production');
    assert.match(mr.description, /\| apply succeeded \| ✅ passed \|/);
    assert.match(mr.description, /\| drift clean \| ✅ passed \|/);
    assert.equal(git('rev-parse', `${PROMOTION}^`), envCommit);
    const deployment = git('show', `${PROMOTION}:${PRODUCTION}/deployment-guestbook.yaml`);
    assert.match(deployment, new RegExp(`image: ['"]?${IMAGE.replaceAll('.', '\\.')}:1\\.4\\.2`));
    assert.match(deployment, new RegExp(`namespace: ${production.name}\\n`));

    const result: PromoteResult = JSON.parse(
      await jobArtifact(app, 'ferry-promote', 'ferry-promote.json'),
    );
    assert.equal(result.forced, false);
    assert.deepEqual(
      result.gates.map((gate) => [gate.gate, gate.passed]),
      [
        ['apply succeeded', true],
        ['drift clean', true],
      ],
    );
    const [promotion, ...others] = result.promotions;
    assert.ok(promotion && promotion.error === undefined && others.length === 0);
    assert.equal(promotion.operation, 'created');
    assert.equal(promotion.pullRequest?.number, 2);
  });

  it('environment project: a merge request pipeline posts the staging plan as one note on !2, never a second', async () => {
    const mergeRequest = [
      'CI_PIPELINE_SOURCE=merge_request_event',
      'CI_MERGE_REQUEST_IID=2',
      'CI_MERGE_REQUEST_PROJECT_URL=https://gitlab.example/acme/environments',
    ];
    const plan = async () => {
      const run = await pipeline(environments, mergeRequest, [
        ...['--unset-variable', 'CI_COMMIT_BRANCH', 'ferry-apply-dry-run'],
      ]);
      assert.equal(run.code, 0, run.output);
      passed(run, 'ferry-apply-dry-run');
      return run;
    };
    await plan();
    const notes = envs.notes.filter((n) => n.mergeRequestIid === 2);
    assert.equal(notes.length, 1, JSON.stringify(envs.notes));
    assert.match(notes[0]!.body, /^<!-- ferry-plan:staging:/);
    assert.match(notes[0]!.body, /### ferry plan for `staging`: no changes/);
    const second = await plan();
    assert.match(
      second.output,
      /plan comment unchanged: https:\/\/gitlab\.example\/acme\/environments\/-\/merge_requests\/2#note_\d+/,
    );
    assert.deepEqual(
      envs.notes.filter((n) => n.mergeRequestIid === 2).map((n) => n.id),
      [notes[0]!.id],
      'the same note, not a second one',
    );
    const planStatus = envs.statuses.filter((st) => st.name === 'ferry/plan (staging)').at(-1);
    assert.deepEqual([planStatus?.status, planStatus?.description], ['success', '5 unchanged']);
  });

  it('a change by hand: the scheduled drift job fails, ferry/drift turns failed and one issue opens, once; promote is then blocked', async () => {
    const set = await kubectl([
      ...['-n', staging.name, 'set', 'image', 'deployment/guestbook'],
      `guestbook=${IMAGE}:6.6.6`,
    ]);
    assert.equal(set.code, 0, set.stderr);

    const schedule = async () => {
      const run = await pipeline(environments, ['CI_PIPELINE_SOURCE=schedule']);
      assert.notEqual(run.code, 0, run.output);
      assert.match(run.output, /^ferry-drift finished in .* FAIL 3 *$/m, run.output);
      assert.doesNotMatch(run.output, /ferry-apply/, 'schedules never deploy');
      return run;
    };
    await schedule();
    assert.deepEqual(latestStatuses(envs), [
      [APPLY, 'success', envCommit],
      [DRIFT, 'failed', envCommit],
    ]);
    const [issue, ...more] = envs.issues;
    assert.ok(issue && more.length === 0, JSON.stringify(envs.issues));
    assert.equal(issue.state, 'opened');
    assert.equal(issue.title, 'Drift: guestbook-staging on staging');
    assert.deepEqual(issue.labels, ['ferry-drift']);
    assert.ok(
      issue.description.includes(
        `| \`Deployment ${staging.name}/guestbook\` | \`/spec/template/spec/containers[name=guestbook]/image\` | \`${IMAGE}:1.4.2\` | \`${IMAGE}:6.6.6\` | changed by \`kubectl-set\` |`,
      ),
      issue.description,
    );

    // Alerts only on a change of state: the same drift again posts and opens nothing.
    const statuses = structuredClone(envs.statuses);
    const issues = structuredClone(envs.issues);
    await schedule();
    assert.deepEqual(envs.statuses, statuses);
    assert.deepEqual(envs.issues, issues);

    const refs = git('for-each-ref', '--format=%(refname) %(objectname)');
    const mergeRequests = structuredClone(envs.mergeRequests);
    const writes = apiWrites();
    const blocked = await pipeline(app, [], ['ferry-promote']);
    assertJobFailed(blocked, 'ferry-promote', 1);
    const errors = jobErrorLines(blocked, 'ferry-promote');
    assert.equal(errors.length, 1, blocked.output);
    assert.match(
      errors[0]!,
      new RegExp(
        '^ferry-promote > error: promotion from staging blocked by 1 gate\\(s\\): ' +
          `drift clean: ferry/drift \\(staging\\) is failure \\(\\S+Z\\) "1 object\\(s\\) differ from git"; ` +
          'pass --force to promote anyway$',
      ),
    );
    assert.equal(git('for-each-ref', '--format=%(refname) %(objectname)'), refs, 'nothing pushed');
    assert.deepEqual(envs.mergeRequests, mergeRequests);
    assert.equal(apiWrites(), writes, 'no API request but reads');
    assert.equal(await liveImage(), `${IMAGE}:6.6.6`, 'drift only reports');
  });
});
