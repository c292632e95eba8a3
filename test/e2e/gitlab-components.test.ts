// The GitLab CI/CD components in templates/, run by gitlab-ci-local on the shell executor: their
// schema, their rules, and a pipeline that renders, applies and checks the example app against
// the real control plane, with ferry taken from this checkout the way a job takes the package.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump, loadAll } from 'js-yaml';
import {
  exampleApp,
  gitlabProject,
  includeComponent,
  jobArtifact,
  ferryPackage,
  kubeconfigSecrets,
  repoRoot,
  runGitlabCiLocal,
  runPipeline,
  type PipelineRun,
  ferryWrapper,
} from '../helpers/gitlab-ci-local.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import type { PlanReport } from '../../src/core/plan.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import type { DriftReport } from '../../src/core/drift.js';

const COMPONENTS = ['render', 'propose', 'apply', 'drift', 'sets', 'promote', 'rollback'];
const TEMPLATES = join(repoRoot, 'templates');

/** Minimal inputs each component requires. */
const REQUIRED: Record<string, Record<string, string>> = {
  render: { environment: 'staging' },
  propose: { environment: 'staging' },
  apply: { environment: 'staging', dir: 'manifests', inventory: 'guestbook-staging' },
  drift: { environment: 'staging', dir: 'manifests', inventory: 'guestbook-staging' },
  sets: { environment: 'staging' },
  promote: { to: 'production' },
  rollback: { environment: 'production' },
};

const include = includeComponent;

/** The jobs `--list-json` reports, with `when` after their rules were evaluated. */
function listedJobs(run: PipelineRun): { name: string; when: string; allow_failure: boolean }[] {
  assert.equal(run.code, 0, run.output);
  const json = run.output.slice(run.output.indexOf('\n[') + 1, run.output.lastIndexOf(']') + 1);
  return JSON.parse(json);
}

/** Names of the jobs gitlab-ci-local would run with these variables (rules evaluated). */
function activeJobs(run: PipelineRun): string[] {
  return listedJobs(run)
    .filter((job) => job.when !== 'never' && job.when !== 'manual')
    .map((job) => job.name)
    .sort();
}

/** Names of the manual jobs a person may run; each must not block the pipeline. */
function manualJobs(run: PipelineRun): string[] {
  const manual = listedJobs(run).filter((job) => job.when === 'manual');
  for (const job of manual)
    assert.equal(job.allow_failure, true, `${job.name} blocks the pipeline`);
  return manual.map((job) => job.name).sort();
}

describe('GitLab CI/CD components: catalog layout, schema and rules', () => {
  let root: string;
  let project: string;
  const gcl = (args: string[]) => runGitlabCiLocal(project, args, { home: join(root, 'home') });

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-schema-'));
    project = join(root, 'project');
    const all = COMPONENTS.map((name) => include(name, REQUIRED[name]!));
    // A second environment: job names come from inputs, so a component can be included twice.
    all.push(
      include('apply', { ...REQUIRED.apply, environment: 'production', 'job-name': 'apply-prod' }),
    );
    const bad = (inputs: Record<string, unknown>) =>
      dump({ include: [include('apply', { ...REQUIRED.apply, ...inputs })] });
    await gitlabProject(project, {
      '.gitlab-ci.yml': dump({ include: all }),
      'bad-timeout.yml': bad({ timeout: 'five minutes' }),
      'bad-kubeconfig-variable.yml': bad({ 'kubeconfig-variable': 'X; cat /etc/passwd' }),
      'bad-prune.yml': bad({ prune: 'yes' }),
      'missing-input.yml': dump({ include: [include('apply', { dir: 'manifests' })] }),
      'bad-min-soak.yml': dump({
        include: [include('promote', { ...REQUIRED.promote, 'min-soak': '1h; rm -rf /' })],
      }),
      'bad-force.yml': dump({
        include: [include('promote', { ...REQUIRED.promote, force: 'yes' })],
      }),
      'missing-rollback-environment.yml': dump({ include: [include('rollback', { to: '1.4.1' })] }),
      'bad-all.yml': bad({ dir: '', inventory: '', all: 'yes' }),
      'bad-sets-changed.yml': dump({
        include: [include('sets', { ...REQUIRED.sets, changed: 'yes' })],
      }),
      'bad-sets-kubeconfig-variable.yml': dump({
        include: [include('sets', { ...REQUIRED.sets, 'kubeconfig-variable': '$(id)' })],
      }),
      'bad-sets-timeout.yml': dump({
        include: [include('sets', { ...REQUIRED.sets, timeout: '5m; id' })],
      }),
      'missing-sets-environment.yml': dump({ include: [include('sets', { cluster: 'prod' })] }),
    });
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('has one template per component: a spec:inputs header with typed, described inputs, all used', async () => {
    assert.deepEqual(
      (await readdir(TEMPLATES)).sort(),
      COMPONENTS.map((name) => `${name}.yml`).sort(),
    );
    const ferryFunctions = new Set<string>();
    for (const name of COMPONENTS) {
      const text = await readFile(join(TEMPLATES, `${name}.yml`), 'utf8');
      // The component context: ferry runs from the commit the component was included at.
      assert.match(text, /^spec:\n(?: {2}#.*\n)* {2}component: \[sha\]\n {2}inputs:\n/, name);
      const [header, body, ...rest] = loadAll(text) as Record<string, any>[];
      assert.equal(rest.length, 0, `${name}: a header and one document of jobs`);
      assert.deepEqual(Object.keys(header!), ['spec'], name);
      const inputs = header!.spec.inputs as Record<string, Record<string, unknown>>;
      const jobsText = text.slice(text.indexOf('\n---\n'));
      const used = new Set(
        [...jobsText.matchAll(/\$\[\[ inputs\.([\w-]+) \]\]/g)].map((m) => m[1]),
      );
      for (const [input, spec] of Object.entries(inputs)) {
        assert.ok(spec.description, `${name}: input ${input} has a description`);
        assert.ok(spec.type, `${name}: input ${input} has a type`);
        assert.ok(used.has(input), `${name}: input ${input} is used`);
      }
      assert.deepEqual(
        [...used].filter((input) => !(input! in inputs)),
        [],
        name,
      );
      assert.equal(inputs.image?.default, 'node:24', `${name}: runs on Node 24`);
      assert.ok(body && Object.keys(body).length > 0, `${name}: defines jobs`);
      assert.doesNotMatch(text, /set -x|echo "\$\{?[A-Z_]*(TOKEN|KUBECONFIG)\b/, name);
      // Inputs reach scripts as job variables. Interpolated into script text, only a boolean
      // (which GitLab has checked is true or false) is safe.
      for (const job of Object.values(body as Record<string, { script?: string[] | string }>)) {
        const script = [job.script ?? []].flat().join('\n');
        // Every job runs ferry the same way: by default the ferry of the component's own commit.
        const runner = /ferry\(\) \{\n[\s\S]*?\n\}\n/.exec(script)?.[0];
        if (runner) {
          ferryFunctions.add(runner);
          assert.match(
            runner,
            /FERRY_COMPONENT_SHA/,
            `${name}: ferry() runs the component's commit`,
          );
        }
        for (const [, input] of script.matchAll(/\$\[\[ inputs\.([\w-]+) \]\]/g)) {
          assert.equal(inputs[input!]?.type, 'boolean', `${name}: input ${input} in a script`);
        }
      }
    }
    assert.equal(ferryFunctions.size, 1, [...ferryFunctions].join('\n---\n'));
  });

  it("passes gitlab-ci-local's schema check with every component included", async () => {
    for (const flag of ['--list', '--preview']) {
      const run = await gcl([flag]);
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /json schema validated/);
      assert.doesNotMatch(run.output, /Invalid \.gitlab-ci\.yml|is not expected to be here/);
    }
    const preview = (await gcl(['--preview'])).output;
    const jobs = ['ferry-render', 'ferry-propose', 'ferry-apply', 'ferry-apply-dry-run'];
    for (const job of [...jobs, 'ferry-promote', 'ferry-rollback']) {
      assert.match(preview, new RegExp(`^${job}:`, 'm'));
    }
    assert.match(preview, /^apply-prod-dry-run:/m);
  });

  it('applies on the default branch, checks drift on schedules, only dry-runs on merge requests; promote and rollback are manual on the default branch only', async () => {
    const ignore = ['--ignore-predefined-vars', 'CI_PIPELINE_SOURCE,CI_COMMIT_BRANCH'];
    const list = (...variables: string[]) =>
      gcl(['--list-json', ...ignore, ...variables.flatMap((v) => ['--variable', v])]);
    const defaultBranch = await list();
    assert.deepEqual(activeJobs(defaultBranch), [
      'apply-prod',
      'ferry-apply',
      'ferry-drift',
      'ferry-propose',
      'ferry-render',
      'ferry-sets',
      'ferry-sets-apply',
    ]);
    assert.deepEqual(manualJobs(defaultBranch), ['ferry-promote', 'ferry-rollback']);
    const schedule = await list('CI_PIPELINE_SOURCE=schedule');
    assert.deepEqual(activeJobs(schedule), ['ferry-drift', 'ferry-render']);
    assert.deepEqual(manualJobs(schedule), []);
    const mergeRequest = await gcl([
      '--list-json',
      ...ignore,
      '--variable',
      'CI_PIPELINE_SOURCE=merge_request_event',
      '--unset-variable',
      'CI_COMMIT_BRANCH',
    ]);
    assert.deepEqual(activeJobs(mergeRequest), [
      'apply-prod-dry-run',
      'ferry-apply-dry-run',
      'ferry-drift',
      'ferry-propose',
      'ferry-render',
    ]);
    assert.deepEqual(manualJobs(mergeRequest), []);
    const feature = await list('CI_COMMIT_BRANCH=feature');
    assert.deepEqual(activeJobs(feature), ['ferry-render']);
    assert.deepEqual(manualJobs(feature), []);
  });

  it('rejects bad input values when the pipeline is created, before any job runs', async () => {
    const cases = {
      'bad-timeout.yml': /timeout.*does not match required regex/,
      'bad-kubeconfig-variable.yml': /kubeconfig-variable.*does not match required regex/,
      'bad-prune.yml': /prune.*not a boolean/,
      'missing-input.yml': /input: required value has not been provided/,
      'bad-min-soak.yml': /min-soak.*does not match required regex/,
      'bad-force.yml': /force.*not a boolean/,
      'missing-rollback-environment.yml': /environment.*required value has not been provided/,
      'bad-all.yml': /all.*not a boolean/,
      'bad-sets-changed.yml': /changed.*not a boolean/,
      'bad-sets-kubeconfig-variable.yml': /kubeconfig-variable.*does not match required regex/,
      'bad-sets-timeout.yml': /timeout.*does not match required regex/,
      'missing-sets-environment.yml': /environment.*required value has not been provided/,
    };
    for (const [file, message] of Object.entries(cases)) {
      const run = await gcl(['--file', file, '--list']);
      assert.notEqual(run.code, 0, `${file}: ${run.output}`);
      assert.match(run.output, message, file);
    }
  });
});

describe('GitLab CI/CD components: a pipeline against the cluster', needsCluster, () => {
  let root: string;
  let project: string;
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let secrets: string[];

  /** Runs the pipeline; the kubeconfig's secrets must never reach the job log. */
  const pipeline = async (variables: string[], extra: string[] = []): Promise<PipelineRun> => {
    const variablesFile = ['--variables-file', join(root, 'variables.yml')];
    const run = await runPipeline(project, root, variables, [...variablesFile, ...extra]);
    for (const secret of secrets) {
      assert.ok(!run.output.includes(secret), 'a kubeconfig secret appears in the log');
    }
    return run;
  };
  const artifact = async (job: string, file: string) => jobArtifact(project, job, file);
  const applyReport = async (job: string): Promise<ApplyReport> =>
    JSON.parse(await artifact(job, 'ferry-apply.json'));
  const driftReport = async (): Promise<DriftReport> =>
    JSON.parse(await artifact('ferry-drift', 'ferry-drift.json'));
  const deployment = async () => {
    const got = await kubectl(['-n', ns.name, 'get', 'deployment', 'guestbook', '-o', 'json']);
    assert.equal(got.code, 0, got.stderr);
    return JSON.parse(got.stdout);
  };

  before(async () => {
    ns = await testNamespace('gitlab');
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-e2e-'));
    project = join(root, 'project');
    const kubeconfig = await readFile(testKubeconfig()!, 'utf8');
    secrets = kubeconfigSecrets(kubeconfig);
    // A kubeconfig as GitLab hands it over: a File-type variable scoped to the environment.
    await writeFile(
      join(root, 'variables.yml'),
      dump({ TEST_KUBECONFIG: { type: 'file', values: { staging: kubeconfig } } }),
    );
    // ferry-command's way in: a command, here a wrapper around this checkout's bundle.
    const wrapper = await ferryWrapper(root);
    const cluster = { environment: 'staging', 'kubeconfig-variable': 'TEST_KUBECONFIG' };
    const target = { dir: 'rendered', inventory: 'guestbook-staging', namespace: ns.name };
    const app = await exampleApp((ferryYaml) => {
      assert.match(ferryYaml, /namespace: guestbook-staging\n/);
      return ferryYaml.replace('namespace: guestbook-staging', `namespace: ${ns.name}`);
    });
    await gitlabProject(project, {
      ...app,
      '.gitlab-ci.yml': dump({
        stages: ['build', 'deploy'],
        include: [
          // ferry-package's way in (an override): npx runs the npm package, here packed from this checkout.
          include('render', {
            config: 'app/ferry.yaml',
            environment: 'staging',
            'image-tag': '$TEST_IMAGE_TAG',
            out: 'rendered',
            'ferry-package': await ferryPackage(),
          }),
          include('apply', {
            ...cluster,
            ...target,
            prune: true,
            timeout: '60s',
            'ferry-package': await ferryPackage(),
          }),
          include('drift', {
            ...cluster,
            ...target,
            // It checks what this pipeline rendered, so it waits for render too.
            needs: ['ferry-render', { job: 'ferry-apply', optional: true }],
            'ferry-command': wrapper,
            // Optional, as docs/gitlab.md says: never set here, and the check still passes.
            'webhook-variable': 'TEST_SLACK_WEBHOOK_URL',
          }),
        ],
      }),
    });
  });
  after(async () => {
    await ns?.remove();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('default branch: render, apply and drift pass; the objects are live; drift says clean', async () => {
    const run = await pipeline(['TEST_IMAGE_TAG=1.4.2']);
    assert.equal(run.code, 0, run.output);
    for (const job of ['ferry-render', 'ferry-apply', 'ferry-drift']) {
      assert.match(run.output, new RegExp(`PASS +${job}\\n`), job);
    }
    assert.match(
      run.output,
      /note: webhook-variable: \$TEST_SLACK_WEBHOOK_URL is not set in this job .*: no webhook message/,
    );
    assert.doesNotMatch(run.output, /ferry-apply-dry-run/);

    const live = await deployment();
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: project }).toString().trim();
    assert.equal(
      live.spec.template.spec.containers[0].image,
      'registry.example.com/acme/guestbook:1.4.2',
    );
    assert.equal(live.metadata.annotations['ferry.dev/source-commit'], commit);
    assert.ok(live.metadata.labels['applyset.kubernetes.io/part-of']);
    const others = ['configmap/guestbook-config', 'service/guestbook', 'ingress/guestbook'];
    const got = await kubectl(['-n', ns.name, 'get', ...others, 'pdb/guestbook', '-o', 'name']);
    assert.equal(got.code, 0, got.stderr);

    const applied = await applyReport('ferry-apply');
    assert.equal(applied.dryRun, false);
    assert.equal(applied.counts.created, 5);
    const drift = await driftReport();
    assert.equal(drift.clean, true);
    assert.equal(drift.counts.checked, 5);
    assert.match(await artifact('ferry-drift', 'ferry-drift.md'), /no drift/);
    await cp(join(project, 'rendered'), join(root, 'applied'), { recursive: true });
  });

  it('merge request: apply only plans and drift only reports; nothing changes, nothing fails', async () => {
    const before = await deployment();
    const run = await pipeline(
      ['TEST_IMAGE_TAG=1.4.3', 'CI_PIPELINE_SOURCE=merge_request_event'],
      ['--unset-variable', 'CI_COMMIT_BRANCH'],
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +ferry-apply-dry-run\n/);
    assert.doesNotMatch(run.output, /PASS +ferry-apply\n/);

    // The merge request's job is `ferry plan`: a tag bump changes the Deployment's image only.
    const plan = JSON.parse(await artifact('ferry-apply-dry-run', 'ferry-plan.json')) as PlanReport;
    assert.deepEqual(
      plan.objects.map((o) => [o.object, o.action]),
      [[`Deployment ${ns.name}/guestbook`, 'change']],
    );
    assert.ok(
      plan.objects[0]!.fields.some(
        (f) =>
          /containers\[name=guestbook\]\/image$/.test(f.path) &&
          f.git === 'registry.example.com/acme/guestbook:1.4.3',
      ),
      JSON.stringify(plan.objects),
    );
    assert.match(run.output, /the plan is not posted on the merge request/);
    const drift = await driftReport();
    assert.equal(drift.clean, false, 'the merge request differs from the cluster');
    const after = await deployment();
    assert.equal(
      after.metadata.resourceVersion,
      before.metadata.resourceVersion,
      JSON.stringify([before.metadata.managedFields, after.metadata.managedFields, after.status]),
    );
  });

  it('schedule: a change made by hand fails the drift job, with the drift in its artifacts', async () => {
    const set = await kubectl([
      '-n',
      ns.name,
      'set',
      'image',
      'deployment/guestbook',
      'guestbook=evil:6.6.6',
    ]);
    assert.equal(set.code, 0, set.stderr);
    // The environment repo's scheduled pipeline checks the manifests in git, as applied; it
    // renders nothing (a render would record this run's job URL, not the one that was applied).
    await rm(join(project, 'rendered'), { recursive: true });
    await cp(join(root, 'applied'), join(project, 'rendered'), { recursive: true });
    const run = await pipeline(['CI_PIPELINE_SOURCE=schedule'], ['ferry-drift']);
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /FAIL +ferry-drift\n/);

    // Artifacts are kept when the job fails.
    const drift = await driftReport();
    assert.equal(drift.clean, false);
    assert.deepEqual(
      drift.objects.map((o) => [o.object, o.fields.map((f) => [f.path, f.manager])]),
      [
        [
          `Deployment ${ns.name}/guestbook`,
          [['/spec/template/spec/containers[name=guestbook]/image', 'kubectl-set']],
        ],
      ],
    );
    assert.match(await artifact('ferry-drift', 'ferry-drift.md'), /evil:6\.6\.6/);
    assert.equal((await deployment()).spec.template.spec.containers[0].image, 'evil:6.6.6');
  });

  it('a bad input value fails its job and the pipeline, and never runs as shell code', async () => {
    const run = await pipeline(['TEST_IMAGE_TAG=1.4.2"; touch pwned; "$(touch pwned)']);
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /FAIL +ferry-render\n/);
    assert.match(run.output, /is not a valid OCI tag/);
    assert.doesNotMatch(run.output, /ferry-apply|ferry-drift/);
    assert.equal(existsSync(join(project, 'pwned')), false);
  });
});
