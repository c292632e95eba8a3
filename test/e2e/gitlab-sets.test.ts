// The GitLab fan-out (templates/sets.yml) under gitlab-ci-local against the real control plane:
// the listing job writes a child pipeline (one job per set, ordered by `needs`), the -apply job
// runs it with `trigger: include: artifact:` (gitlab-ci-local runs downstream pipelines, its
// own log says experimentally), and each set's job applies its set with the variables the
// trigger passed down. A second pipeline finds nothing to do.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { dump, load } from 'js-yaml';
import {
  ferryWrapper,
  gitEnv,
  gitlabProject,
  includeComponent,
  jobArtifact,
  kubeconfigSecrets,
  repoRoot,
  runPipeline,
  type PipelineRun,
} from '../helpers/gitlab-ci-local.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { assertChainApplied, setsRepoFiles } from '../helpers/sets-repo.js';

const execFileAsync = promisify(execFile);

/** The sets under `environments/` of the project (the components' `root` input). */
function underEnvironments(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [`environments/${path}`, text]),
  );
}

/** The generated job of a set (as `ferry sets --output gitlab-pipeline` names it). */
const job = (set: string) => `apply ${set} on prod-eu`;

/** Each job's log lines, in order (gitlab-ci-local prefixes a child's jobs with its trigger). */
function jobEvents(run: PipelineRun, name: string): { started: number; finished: number } {
  const lines = run.output.split('\n');
  const at = (word: string) =>
    lines.findIndex(
      (line) => line.includes(`-> ${name} ${word}`) || line.startsWith(`${name} ${word}`),
    );
  return { started: at('starting'), finished: at('finished') };
}

/**
 * The JSON reports the child's jobs kept as artifacts (`ferry-apply-<set>.json`), by set.
 * gitlab-ci-local encodes a job's name into its artifacts folder's name: look in each.
 */
async function childReports(
  project: string,
): Promise<Map<string, { sets: { set: string; result: string }[] }>> {
  const folder = join(project, '.gitlab-ci-local', 'artifacts');
  const reports = new Map<string, { sets: { set: string; result: string }[] }>();
  for (const name of await readdir(folder)) {
    for (const file of await readdir(join(folder, name))) {
      const set = /^ferry-apply-(.+)\.json$/.exec(file)?.[1];
      if (set) reports.set(set, JSON.parse(await readFile(join(folder, name, file), 'utf8')));
    }
  }
  return reports;
}

/** The ferry() function of a job's script: every job installs and runs ferry the same way. */
function ferryFunction(script: string): string | undefined {
  return /ferry\(\) \{\n[\s\S]*?\n\}\n/.exec(script)?.[0];
}

describe(
  'GitLab sets component: a child pipeline per cluster, one job per set',
  needsCluster,
  () => {
    let root: string;
    let project: string;
    let ns: Awaited<ReturnType<typeof testNamespace>>;
    let appNs: string;
    let secrets: string[];

    const pipeline = async (): Promise<PipelineRun> => {
      const run = await runPipeline(
        project,
        root,
        [],
        ['--variables-file', join(root, 'variables.yml')],
      );
      for (const secret of secrets) {
        assert.ok(!run.output.includes(secret), 'a kubeconfig secret appears in the log');
      }
      return run;
    };

    before(async () => {
      ns = await testNamespace('glsets');
      appNs = `${ns.name}-app`;
      root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-sets-'));
      project = join(root, 'project');
      const kubeconfig = await readFile(testKubeconfig()!, 'utf8');
      secrets = kubeconfigSecrets(kubeconfig);
      // A File-type variable scoped to the environment: only jobs of that environment get it.
      await writeFile(
        join(root, 'variables.yml'),
        dump({ TEST_KUBECONFIG: { type: 'file', values: { staging: kubeconfig } } }),
      );
      const wrapper = await ferryWrapper(root);
      await gitlabProject(project, {
        ...underEnvironments(setsRepoFiles(ns.name, appNs)),
        '.gitlab-ci.yml': dump({
          include: [
            includeComponent('sets', {
              environment: 'staging',
              cluster: 'prod-eu',
              root: 'environments',
              'kubeconfig-variable': 'TEST_KUBECONFIG',
              'ferry-command': wrapper,
            }),
          ],
        }),
      });
    });
    after(async () => {
      await kubectl(['delete', 'namespace', appNs, '--ignore-not-found', '--wait=false']);
      await ns?.remove();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('applies the changed sets in needs order, each in a job of its own', async () => {
      const run = await pipeline();
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /PASS +ferry-sets\n/);

      // The child pipeline: a job per set of prod-eu, dependencies as needs, none for prod-us.
      const generated = load(await jobArtifact(project, 'ferry-sets', 'ferry-sets.yml')) as Record<
        string,
        { extends?: string; needs?: string[]; variables?: Record<string, string> }
      >;
      assert.deepEqual(Object.keys(generated).sort(), [
        '.ferry-set',
        job('audit'),
        job('config'),
        job('namespace'),
        job('web'),
      ]);
      assert.deepEqual(generated[job('web')]?.needs, [job('config')]);
      assert.deepEqual(generated[job('config')]?.needs, [job('namespace')]);
      assert.deepEqual(generated[job('audit')]?.needs, []);
      assert.deepEqual(generated[job('web')]?.variables, {
        FERRY_SET: 'web',
        FERRY_CLUSTER: 'prod-eu',
        FERRY_SET_PATH: 'apps/web',
      });

      // The job they extend installs and runs ferry exactly as every component's job does.
      const template = load(await jobArtifact(project, 'ferry-sets', 'ferry-set-job.yml')) as {
        script: string[];
      };
      const applyComponent = await readFile(join(repoRoot, 'templates', 'apply.yml'), 'utf8');
      const applyJob = (
        load(applyComponent.slice(applyComponent.indexOf('\n---\n'))) as Record<
          string,
          { script?: string[] }
        >
      )['$[[ inputs.job-name ]]']!;
      assert.ok(ferryFunction(template.script.join('\n')));
      assert.equal(
        ferryFunction(template.script.join('\n')),
        ferryFunction(applyJob.script!.join('\n')),
      );

      // Every set's job ran, after the jobs it needs had finished; none had to wait for another.
      for (const set of ['namespace', 'config', 'web', 'audit']) {
        assert.match(run.output, new RegExp(`PASS +\\[ferry-sets-apply\\] -> ${job(set)}\\n`), set);
      }
      for (const [dependency, dependent] of [
        ['namespace', 'config'],
        ['config', 'web'],
      ] as const) {
        const before = jobEvents(run, job(dependency));
        const after = jobEvents(run, job(dependent));
        assert.ok(before.finished >= 0 && after.started >= 0, run.output);
        assert.ok(
          before.finished < after.started,
          `${dependent} started after ${dependency} finished`,
        );
      }
      assert.doesNotMatch(run.output, /waiting for .* to be applied first/);
      const commit = (
        await readFile(join(project, '.git', 'refs', 'heads', 'main'), 'utf8')
      ).trim();
      await assertChainApplied(ns.name, appNs, commit);
      // Each set's job kept its own report, of its set only.
      const reports = await childReports(project);
      assert.deepEqual([...reports.keys()].sort(), ['audit', 'config', 'namespace', 'web']);
      for (const [set, report] of reports)
        assert.deepEqual(
          report.sets.map((s) => `${s.set}=${s.result}`),
          [`${set}=applied`],
        );
      const live = await kubectl(['-n', appNs, 'get', 'configmap', 'web-page', '-o', 'name']);
      assert.equal(live.code, 0, live.stderr);
    });

    it('the next pipeline finds nothing changed: the child pipeline says so and passes', async () => {
      const run = await pipeline();
      assert.equal(run.code, 0, run.output);
      const generated = load(await jobArtifact(project, 'ferry-sets', 'ferry-sets.yml')) as Record<
        string,
        unknown
      >;
      assert.deepEqual(Object.keys(generated), ['.ferry-set', 'ferry: no set to apply']);
      assert.match(run.output, /PASS +\[ferry-sets-apply\] -> ferry: no set to apply\n/);
    });
  },
);

describe('GitLab apply and drift components with all: one job per cluster', needsCluster, () => {
  let root: string;
  let project: string;
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let appNs: string;
  let base: string;

  const pipeline = (variables: string[] = [], extra: string[] = []) =>
    runPipeline(project, root, variables, [
      '--variables-file',
      join(root, 'variables.yml'),
      ...extra,
    ]);
  const git = (...args: string[]) =>
    execFileAsync('git', args, { cwd: project, env: { ...process.env, ...gitEnv } });

  before(async () => {
    ns = await testNamespace('glall');
    appNs = `${ns.name}-app`;
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-all-'));
    project = join(root, 'project');
    const kubeconfig = await readFile(testKubeconfig()!, 'utf8');
    await writeFile(
      join(root, 'variables.yml'),
      dump({ TEST_KUBECONFIG: { type: 'file', values: { staging: kubeconfig } } }),
    );
    const wrapper = await ferryWrapper(root);
    const cluster = {
      environment: 'staging',
      cluster: 'prod-eu',
      all: true,
      root: 'environments',
      'kubeconfig-variable': 'TEST_KUBECONFIG',
      'ferry-command': wrapper,
    };
    await gitlabProject(project, {
      ...underEnvironments(setsRepoFiles(ns.name, appNs)),
      '.gitlab-ci.yml': dump({
        include: [includeComponent('apply', cluster), includeComponent('drift', cluster)],
      }),
    });
    base = (await git('rev-parse', 'HEAD')).stdout.trim();
  });
  after(async () => {
    await kubectl(['delete', 'namespace', appNs, '--ignore-not-found', '--wait=false']);
    await ns?.remove();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('default branch: applies every set in order, then drift checks them all clean', async () => {
    const run = await pipeline();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /PASS +ferry-apply\n/);
    assert.match(run.output, /PASS +ferry-drift\n/);
    const applied = JSON.parse(await jobArtifact(project, 'ferry-apply', 'ferry-apply.json')) as {
      cluster: string;
      sets: { set: string; result: string }[];
    };
    assert.equal(applied.cluster, 'prod-eu');
    assert.deepEqual(applied.sets.map((s) => `${s.set}=${s.result}`).sort(), [
      'audit=applied',
      'config=applied',
      'namespace=applied',
      'web=applied',
    ]);
    await assertChainApplied(ns.name, appNs, base);
    const drift = JSON.parse(await jobArtifact(project, 'ferry-drift', 'ferry-drift.json')) as {
      sets: { set: string; result: string }[];
    };
    assert.deepEqual(drift.sets.map((s) => `${s.set}=${s.result}`).sort(), [
      'audit=checked',
      'config=checked',
      'namespace=checked',
      'web=checked',
    ]);
  });

  it('merge request: plans only the sets changed since its base; the next push applies only them', async () => {
    const file = join(project, 'environments/apps/web/web.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace("'2'", "'3'"));
    await git('commit', '--quiet', '--all', '--message', 'scale web');
    const mergeRequest = await pipeline(
      ['CI_PIPELINE_SOURCE=merge_request_event', `CI_MERGE_REQUEST_DIFF_BASE_SHA=${base}`],
      ['--unset-variable', 'CI_COMMIT_BRANCH'],
    );
    assert.equal(mergeRequest.code, 0, mergeRequest.output);
    assert.match(mergeRequest.output, /PASS +ferry-apply-dry-run\n/);
    const plan = JSON.parse(
      await jobArtifact(project, 'ferry-apply-dry-run', 'ferry-plan.json'),
    ) as { sets: { set: string; result: string; report?: { counts: { changed: number } } }[] };
    assert.deepEqual(
      plan.sets.map((s) => `${s.set}=${s.result}`),
      ['web=planned'],
    );
    assert.equal(plan.sets[0]?.report?.counts.changed, 1);
    const live = () =>
      kubectl(['-n', appNs, 'get', 'configmap', 'web-page', '-o', 'jsonpath={.data.replicas}']);
    assert.equal((await live()).stdout, '2', 'a plan changes nothing');

    const push = await pipeline();
    assert.equal(push.code, 0, push.output);
    const applied = JSON.parse(await jobArtifact(project, 'ferry-apply', 'ferry-apply.json')) as {
      sets: { set: string; result: string }[];
    };
    assert.deepEqual(applied.sets.map((s) => `${s.set}=${s.result}`).sort(), [
      'audit=unchanged',
      'config=unchanged',
      'namespace=unchanged',
      'web=applied',
    ]);
    assert.equal((await live()).stdout, '3');
  });
});
