// The promote and rollback components, run by gitlab-ci-local on the shell executor as the
// manual jobs a person starts on the default branch, against an environment repository reached
// by path (forge: git). Staging is deployed by the propose component and a merge done with git;
// values chosen when running a job travel as variables (--variable, as GitLab's run-time
// variables override job variables). ferry comes from this checkout through ferry-package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import type { PromoteResult } from '../../src/commands/env-repo/promote/promote.js';
import type { RollbackResult } from '../../src/commands/env-repo/rollback/rollback.js';
import {
  startGitLabServer,
  type GitLabProjectState,
  type GitLabServer,
} from '../forge/gitlab-server.js';
import {
  assertJobFailed,
  exampleApp,
  gitEnv,
  gitlabProject,
  includeComponent,
  jobArtifact,
  jobErrorLines,
  ferryPackage,
  runPipeline,
} from '../helpers/gitlab-ci-local.js';

const STAGING = 'apps/guestbook/staging';
const PRODUCTION = 'apps/guestbook/production';
const PROMOTION = 'ferry/guestbook/production';
const ROLLBACK = 'ferry/guestbook/staging.rollback';

/** The propose component for staging, deploying the image tag $TEST_IMAGE_TAG. */
const proposeStaging = (inputs: Record<string, unknown>) =>
  includeComponent('propose', {
    ...inputs,
    environment: 'staging',
    'image-tag': '$TEST_IMAGE_TAG',
  });

describe('GitLab CI/CD components: promote and rollback as manual jobs', () => {
  let root: string;
  let project: string;
  let envRepo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', envRepo, ...args], { env: { ...process.env, ...gitEnv } })
      .toString()
      .trim();
  const refs = () => git('for-each-ref', '--format=%(refname) %(objectname)');
  /** Runs the default-branch pipeline, or only `jobs` (how a manual job is started). */
  const pipeline = (variables: string[], jobs: string[] = []) =>
    runPipeline(project, root, variables, jobs);

  /** Deploys `tag` to staging: the pipeline proposes it, and the proposal is merged with git. */
  const deployStaging = async (tag: string) => {
    const run = await pipeline([`TEST_IMAGE_TAG=${tag}`]);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +ferry-propose\n/);
    // The manual jobs wait for a person.
    assert.doesNotMatch(run.output, /ferry-promote|promote-forced|ferry-rollback/);
    const branch = 'ferry/guestbook/staging';
    assert.equal(git('rev-parse', `${branch}^`), git('rev-parse', 'main'), 'a fast-forward');
    git('update-ref', 'refs/heads/main', branch);
    git('update-ref', '-d', `refs/heads/${branch}`);
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-promote-'));
    project = join(root, 'project');
    envRepo = join(root, 'environments.git');
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', envRepo]);
    const empty = git('hash-object', '-t', 'tree', '-w', '/dev/null');
    git('update-ref', 'refs/heads/main', git('commit-tree', empty, '-m', 'environments'));
    const app = await exampleApp((ferryYaml) => {
      assert.match(ferryYaml, /repo: \.\.\/environments\n/);
      assert.match(ferryYaml, /promoteFrom: staging\n/);
      return ferryYaml.replaceAll('repo: ../environments', `repo: ${envRepo}`);
    });
    const common = { config: 'app/ferry.yaml', 'ferry-package': await ferryPackage() };
    await gitlabProject(project, {
      ...app,
      '.gitlab-ci.yml': dump({
        include: [
          proposeStaging(common),
          // As most would include it: the gates decide (plain git has none to pass).
          includeComponent('promote', { ...common, to: 'production' }),
          // As plain git needs it: the source only, the target from promoteFrom.
          includeComponent('promote', {
            ...common,
            'job-name': 'promote-forced',
            from: 'staging',
            force: true,
          }),
          includeComponent('rollback', {
            ...common,
            environment: 'staging',
            reason: 'rolled back from the pipeline',
          }),
        ],
      }),
    });
    await deployStaging('1.4.2');
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('promote without force fails on the gates in one line and writes nothing; a run-time FERRY_FORCE previews it', async () => {
    const before = refs();
    const gated = await pipeline([], ['ferry-promote']);
    assertJobFailed(gated, 'ferry-promote', 1);
    const noStatuses = 'not available for plain git (it has no commit statuses)';
    assert.deepEqual(jobErrorLines(gated, 'ferry-promote'), [
      `ferry-promote > error: promotion from staging blocked by 2 gate(s): apply succeeded: ${noStatuses}; ` +
        `drift clean: ${noStatuses}; pass --force to promote anyway`,
    ]);
    assert.equal(refs(), before);

    // Chosen when running the job: force the gates, and only look.
    const preview = await pipeline(['FERRY_FORCE=true', 'FERRY_DRY_RUN=true'], ['ferry-promote']);
    assert.equal(preview.code, 0, preview.output);
    assert.match(preview.output, /PASS +ferry-promote\n/);
    assert.match(preview.output, /gates: not enforced \(--force\), 2 failed/);
    assert.match(preview.output, new RegExp(`would be created: branch ${PROMOTION}`));
    assert.equal(refs(), before);
  });

  it("promote with force: one commit on ferry/guestbook/production with production's manifests and staging's image", async () => {
    const run = await pipeline([], ['promote-forced']);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +promote-forced\n/);
    assert.match(run.output, /promotion gates not enforced \(--force\)/);

    assert.equal(git('rev-parse', `${PROMOTION}^`), git('rev-parse', 'main'));
    const files = git('ls-tree', '-r', '--name-only', PROMOTION, PRODUCTION).split('\n');
    assert.ok(files.includes(`${PRODUCTION}/horizontalpodautoscaler-guestbook.yaml`), files.join());
    const show = (file: string) => git('show', `${PROMOTION}:${PRODUCTION}/${file}`);
    const deployment = show('deployment-guestbook.yaml');
    assert.match(deployment, /image: ['"]?registry\.example\.com\/acme\/guestbook:1\.4\.2/);
    assert.match(deployment, /namespace: guestbook\n/);
    assert.match(show('ingress-guestbook.yaml'), /host: ['"]?guestbook\.example\.com/);
    assert.equal(
      git('ls-tree', PROMOTION, STAGING),
      git('ls-tree', 'main', STAGING),
      'staging untouched',
    );

    const result: PromoteResult = JSON.parse(
      await jobArtifact(project, 'promote-forced', 'ferry-promote.json'),
    );
    assert.equal(result.from, 'staging');
    assert.equal(result.forced, true);
    assert.equal(result.image, 'registry.example.com/acme/guestbook:1.4.2');
    assert.deepEqual(
      result.promotions.map((p) => [
        p.to,
        p.error ?? p.operation,
        p.error === undefined ? p.branch : '',
      ]),
      [['production', 'created', PROMOTION]],
    );
  });

  it('rollback with to and reason chosen at run time restores the earlier folder byte for byte and pins it', async () => {
    await deployStaging('1.4.3');
    const earlier = git('rev-parse', 'main~1');
    assert.notEqual(git('rev-parse', `main:${STAGING}`), git('rev-parse', `${earlier}:${STAGING}`));

    const run = await pipeline(
      ['FERRY_TO=1.4.2', 'FERRY_REASON=1.4.3 leaks memory'],
      ['ferry-rollback'],
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +ferry-rollback\n/);

    assert.equal(git('rev-parse', `${ROLLBACK}^`), git('rev-parse', 'main'));
    // The same tree object: every file, byte for byte, and no other.
    assert.equal(
      git('rev-parse', `${ROLLBACK}:${STAGING}`),
      git('rev-parse', `${earlier}:${STAGING}`),
    );
    const pin = git('show', `${ROLLBACK}:.ferry/pins/guestbook/staging.yaml`);
    assert.match(pin, /^image: registry\.example\.com\/acme\/guestbook:1\.4\.2$/m);
    assert.match(pin, new RegExp(`^revision: ['"]?${earlier}`, 'm'));
    assert.match(pin, /^reason: 1\.4\.3 leaks memory$/m, 'the run-time reason, not the input');
    assert.deepEqual(
      git('diff', '--name-only', 'main', ROLLBACK).split('\n').sort(),
      [
        '.ferry/pins/guestbook/staging.yaml',
        ...git('diff', '--name-only', earlier, 'main', '--', STAGING).split('\n'),
      ].sort(),
    );

    const result: RollbackResult = JSON.parse(
      await jobArtifact(project, 'ferry-rollback', 'ferry-rollback.json'),
    );
    assert.equal(result.operation, 'created');
    assert.equal(result.branch, ROLLBACK);
    assert.equal(result.revision, earlier);
    assert.match(result.chosenBy, /deployed tag 1\.4\.2/, 'chosen by the run-time FERRY_TO');
    assert.equal(result.pinnedImage, 'registry.example.com/acme/guestbook:1.4.2');
  });

  it('a hostile run-time value fails the job with one line and never runs as shell code', async () => {
    const before = refs();
    const hostile = '1.4.2"; touch pwned; "$(touch pwned)';
    const run = await pipeline([`FERRY_TO=${hostile}`], ['ferry-promote', 'ferry-rollback']);
    assertJobFailed(run, 'ferry-promote', 2);
    assertJobFailed(run, 'ferry-rollback', 2);
    const quoted = JSON.stringify(hostile);
    assert.deepEqual(jobErrorLines(run, 'ferry-promote'), [
      `ferry-promote > error: --to ${quoted}: app/ferry.yaml has no such environment (environments: staging, production)`,
    ]);
    assert.deepEqual(jobErrorLines(run, 'ferry-rollback'), [
      `ferry-rollback > error: --to ${quoted}: expected an environment-repo commit SHA, an image tag or an image digest`,
    ]);
    assert.equal(existsSync(join(project, 'pwned')), false);
    assert.equal(refs(), before);
  });
});

// The same component with `forge: gitlab`: the environment repo is a project on the local GitLab
// server (test/forge/gitlab-server.ts), found through CI_API_V4_URL as in a GitLab job, and every
// request ferry makes is checked against GitLab's documented shapes.
describe('GitLab CI/CD components: promote opens a GitLab merge request', () => {
  let root: string;
  let project: string;
  let server: GitLabServer;
  let envs: GitLabProjectState;
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', envs.gitDir, ...args])
      .toString()
      .trim();
  /** Runs the pipeline (or `jobs`) as a job on that GitLab would: its API URL, a masked token. */
  const pipeline = async (variables: string[], jobs: string[] = []) => {
    const run = await runPipeline(
      project,
      root,
      [`CI_API_V4_URL=${server.apiUrl}`, `ENV_REPO_TOKEN=${server.token}`, ...variables],
      jobs,
    );
    assert.ok(!run.output.includes(server.token), 'the token appears in the log');
    return run;
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-promote-mr-'));
    project = join(root, 'project');
    server = await startGitLabServer({ root: join(root, 'gitlab') });
    envs = await server.createProject('acme/environments', { 'README.md': 'environments\n' });
    const app = await exampleApp((ferryYaml) =>
      ferryYaml
        .replaceAll('repo: ../environments', 'repo: acme/environments')
        .replaceAll('forge: git\n', 'forge: gitlab\n'),
    );
    assert.match(app['app/ferry.yaml']!, /forge: gitlab\n(.*\n)*.*forge: gitlab\n/);
    const common = {
      config: 'app/ferry.yaml',
      'ferry-package': await ferryPackage(),
      'token-variable': 'ENV_REPO_TOKEN',
    };
    await gitlabProject(project, {
      ...app,
      '.gitlab-ci.yml': dump({
        include: [
          proposeStaging(common),
          // No ferry/apply or ferry/drift statuses in this project: forced past the gates.
          includeComponent('promote', {
            ...common,
            to: 'production',
            force: true,
            labels: 'deploy',
          }),
        ],
      }),
    });
  });
  after(async () => {
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("default branch: staging is proposed and merged; the promote job opens a merge request with staging's image", async () => {
    const deployed = await pipeline(['TEST_IMAGE_TAG=1.4.2']);
    assert.equal(deployed.code, 0, deployed.output);
    assert.match(deployed.output, /PASS +ferry-propose\n/);
    assert.doesNotMatch(deployed.output, /ferry-promote/);
    const staging = envs.mergeRequests[0]!;
    assert.equal(staging.source_branch, 'ferry/guestbook/staging');
    // Merged, as GitLab would: the branch (base + one commit) becomes main.
    git('update-ref', 'refs/heads/main', staging.source_branch);
    staging.state = 'merged';

    const run = await pipeline([], ['ferry-promote']);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +ferry-promote\n/);
    assert.equal(envs.mergeRequests.length, 2);
    const mr = envs.mergeRequests[1]!;
    assert.equal(mr.source_branch, PROMOTION);
    assert.equal(mr.target_branch, 'main');
    assert.equal(mr.state, 'opened');
    assert.deepEqual(mr.labels, ['deploy']);
    assert.equal(mr.title, 'ferry: promote guestbook 1.4.2 from staging to production');
    assert.equal(git('rev-parse', `${PROMOTION}^`), git('rev-parse', 'main'));
    assert.match(
      git('show', `${PROMOTION}:${PRODUCTION}/deployment-guestbook.yaml`),
      /image: ['"]?registry\.example\.com\/acme\/guestbook:1\.4\.2/,
    );

    const result: PromoteResult = JSON.parse(
      await jobArtifact(project, 'ferry-promote', 'ferry-promote.json'),
    );
    const [promotion, ...others] = result.promotions;
    assert.ok(
      promotion && promotion.error === undefined && others.length === 0,
      JSON.stringify(result),
    );
    assert.equal(promotion.forge, 'gitlab');
    assert.equal(promotion.pullRequest?.number, mr.iid);
    assert.deepEqual(server.violations, []);
  });
});
