import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import type { Logger } from '../../src/adapters/logger.js';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { git, startForgeHarness, type ForgeHarness } from '../forge/harness.js';
import { assertStepPassed } from '../helpers/action-step.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { assertRendersCleanly } from '../helpers/markdown.js';
import {
  runCalledWorkflow,
  runWorkflowJob,
  type JobOptions,
  type JobResult,
} from '../helpers/workflow-run.js';

// Every example workflow (examples/workflows/*.yml) and every workflow in the docs, run as a
// hosted runner runs it: the committed dist/ through @github/local-action, the action.yml
// defaults applied (`token: ${{ github.token }}`), and no GITHUB_TOKEN in any step's
// environment. The workflow token is a token of the fake GitHub that reaches only the
// workflow's own repository; a GitHub App token (actions/create-github-app-token) reaches both.
// One loop, in the order a team meets them: build and propose, merge, apply, drift on a
// schedule, promote behind the gates, plan the promotion, roll back. The real control plane
// stands in for every cluster; each environment has a namespace of the test's own.

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };
const APP_SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';

/** A loopback Slack-compatible webhook that keeps what it gets. */
async function webhook(t: TestContext): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString()));
    request.on('end', () => {
      bodies.push(data);
      response.end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.after(() => new Promise<void>((done) => server.close(() => done())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

/** The yaml blocks of a docs page that run ferry, with where they start. */
async function docWorkflows(page: string): Promise<{ line: number; text: string }[]> {
  const lines = (await readFile(page, 'utf8')).split('\n');
  const blocks: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```yaml') continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[++i] !== '```');
    const text = lines.slice(start, i).join('\n');
    if (text.includes('ferry-gitops/ferry@')) blocks.push({ line: start, text });
  }
  return blocks;
}

/** A docs block as a workflow file: a whole workflow, or a list of steps put in job `steps`. */
async function asWorkflow(text: string): Promise<string> {
  const parsed = yaml.load(text);
  // A list of steps from a matrix job (`matrix.cluster`) gets a matrix of one cluster.
  const matrix = text.includes('matrix.cluster')
    ? { strategy: { matrix: { cluster: ['prod-eu'], kubeconfig: ['KUBECONFIG_PROD_EU'] } } }
    : {};
  const workflow = Array.isArray(parsed)
    ? { jobs: { steps: { ...matrix, steps: parsed } } }
    : parsed;
  const file = join(await mkdtemp(join(tmpdir(), 'ferry-doc-workflow-')), 'workflow.yml');
  await writeFile(file, yaml.dump(workflow));
  return file;
}

interface Loop {
  h: ForgeHarness;
  kubeconfig: string;
  /** The app repository's checkout (ferry.yaml and templates). */
  app: string;
  namespaces: Record<string, string>;
  workflowToken: { app: string; env: string };
  hook: { url: string; bodies: string[] };
}

/** Where each example's environment names put their objects on the shared test cluster. */
function onTestCluster(loop: Loop) {
  return (inputs: Record<string, string>): Record<string, string> => {
    const namespace = {
      'guestbook-staging': loop.namespaces.staging,
      guestbook: loop.namespaces.production,
    }[inputs.namespace ?? ''];
    return namespace ? { ...inputs, namespace } : inputs;
  };
}

/** GITHUB_* variables of a step in a workflow of `repository` (never GITHUB_TOKEN). */
function runnerEnv(loop: Loop, repository: string, sha: string, event: string, payload?: object) {
  return {
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: event,
    GITHUB_API_URL: loop.h.server.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'octocat',
    ...(payload ? { GITHUB_EVENT_PATH: '' } : {}),
  };
}

/** A checkout of acme/environments at `ref`, as actions/checkout leaves it. */
async function envCheckout(loop: Loop, ref: string): Promise<string> {
  const dir = await mkdtemp(join(loop.h.work, 'env-checkout-'));
  await git(loop.h.work, 'clone', '--quiet', loop.h.server.gitUrl('acme/environments'), dir);
  await git(dir, 'checkout', '--quiet', ref);
  return dir;
}

async function mainTip(loop: Loop): Promise<string> {
  const { data } = await loop.h.octokit.rest.repos.getBranch({
    owner: 'acme',
    repo: 'environments',
    branch: 'main',
  });
  return data.commit.sha;
}

async function mergeAll(loop: Loop): Promise<string> {
  const { data: pulls } = await loop.h.octokit.rest.pulls.list({
    owner: 'acme',
    repo: 'environments',
    state: 'open',
  });
  for (const pull of pulls.filter((p) => !p.head.ref.endsWith('.rollback')))
    await loop.h.octokit.rest.pulls.merge({
      owner: 'acme',
      repo: 'environments',
      pull_number: pull.number,
      merge_method: 'squash',
    });
  return mainTip(loop);
}

async function statusesOn(loop: Loop, sha: string): Promise<string[]> {
  const { data } = await loop.h.octokit.rest.repos.getCombinedStatusForRef({
    owner: 'acme',
    repo: 'environments',
    ref: sha,
  });
  return data.statuses.map((s) => `${s.context}=${s.state}`).sort();
}

function passed(job: JobResult): void {
  assert.ok(job.ran, 'the job ran');
  assert.ok(job.ferry.length > 0, 'the job ran ferry');
  for (const step of job.ferry) {
    assertStepPassed(step);
    assert.doesNotMatch(step.log, /^::warning::/m, step.log);
  }
}

/** Stand-ins for the actions the examples use besides ferry. */
function standIns(
  loop: Loop,
  checkout?: (inputs: Record<string, string>) => void,
): JobOptions['standIns'] {
  return {
    'actions/checkout': (inputs) => (checkout?.(inputs), {}),
    'actions/cache': () => ({ 'cache-hit': 'false' }),
    'actions/create-github-app-token': (inputs) => {
      assert.ok(inputs['app-id'] && inputs['private-key'], 'the App id and key reach the step');
      return { token: loop.h.server.token };
    },
    'docker/login-action': (inputs) => {
      assert.equal(inputs.password, loop.workflowToken.app, 'the login uses the workflow token');
      return {};
    },
  };
}

const secrets = (loop: Loop): Record<string, string> => ({
  KUBECONFIG_STAGING: loop.kubeconfig,
  KUBECONFIG_PROD_EU: loop.kubeconfig,
  KUBECONFIG_PROD_US: loop.kubeconfig,
  KUBECONFIG_PROD: loop.kubeconfig,
  FERRY_APP_PRIVATE_KEY: 'app-private-key',
});

describe(
  'the example workflows, as a hosted runner runs them (no GITHUB_TOKEN)',
  needsCluster,
  () => {
    it(
      'build → propose → apply → drift → promote → plan → roll back, and the docs workflows',
      { timeout: 30 * 60_000 },
      async (t) => {
        const h = await startForgeHarness(t);
        await h.server.createRepo('acme/environments', { files: { 'README.md': 'envs\n' } });
        await h.server.createRepo('acme/guestbook', { files: { 'README.md': 'app\n' } });
        const namespaces: Record<string, string> = {};
        for (const env of ['staging', 'production', 'docs']) {
          const ns = await testNamespace(`examples-${env}`);
          t.after(() => ns.remove());
          namespaces[env] = ns.name;
        }
        const app = await mkdtemp(join(tmpdir(), 'ferry-examples-app-'));
        t.after(() => rm(app, { recursive: true, force: true }));
        await cp('examples/guestbook', app, { recursive: true });
        const config = yaml.load(await readFile(join(app, 'ferry.yaml'), 'utf8')) as {
          environments: Record<string, Record<string, unknown>>;
        };
        // Each environment's folder is a set of the environment repository (env-apply.yml and
        // the others run `all: true`): propose writes its .ferry-set.yaml from ferry.yaml, the
        // clusters included, so no descriptor is written by hand.
        const clusters: Record<string, string[]> = {
          staging: ['staging'],
          production: ['prod-eu', 'prod-us'],
        };
        for (const [name, env] of Object.entries(config.environments))
          Object.assign(env, {
            repo: 'acme/environments',
            forge: 'github',
            namespace: namespaces[name],
            path: `apps/guestbook/${name}`,
            clusters: clusters[name],
          });
        await writeFile(join(app, 'ferry.yaml'), yaml.dump(config));
        const loop: Loop = {
          h,
          kubeconfig: await readFile(testKubeconfig()!, 'utf8'),
          app,
          namespaces,
          workflowToken: {
            app: h.server.workflowToken('acme/guestbook'),
            env: h.server.workflowToken('acme/environments'),
          },
          hook: await webhook(t),
        };
        const covered = new Set<string>();

        // What was there before: both environments at 1.0.0, merged.
        for (const env of ['staging', 'production'])
          await propose(
            { config: join(app, 'ferry.yaml'), env, imageTag: '1.0.0', apiUrl: h.server.apiUrl },
            quiet,
            { env: { FERRY_GITHUB_TOKEN: h.server.token } },
          );
        await mergeAll(loop);

        await t.test(
          'app-build-and-propose.yml proposes the build to staging with the App token',
          async () => {
            const file = 'examples/workflows/app-build-and-propose.yml';
            covered.add(file);
            const github = {
              token: loop.workflowToken.app,
              sha: APP_SHA,
              repository: 'acme/guestbook',
              repository_owner: 'acme',
              actor: 'octocat',
              ref: 'refs/heads/main',
            };
            const options: JobOptions = {
              context: { github, vars: { FERRY_APP_ID: '12345' }, secrets: secrets(loop) },
              workspace: app,
              env: runnerEnv(loop, 'acme/guestbook', APP_SHA, 'push'),
              standIns: standIns(loop),
              skip: ['Build and push'],
            };
            const build = await runWorkflowJob(file, 'build', options);
            assert.equal(build.outputs.tag, APP_SHA.slice(0, 12));
            const job = await runWorkflowJob(file, 'propose', {
              ...options,
              context: { ...options.context, needs: { build: { outputs: build.outputs } } },
            });
            passed(job);
            assert.equal(job.ferry[0]!.outputs.operation, 'created');
            assert.equal(job.ferry[0]!.outputs.branch, 'ferry/guestbook/staging');
          },
        );
        const applied = await mergeAll(loop);

        await t.test(
          "env-apply.yml fans out each cluster's changed sets, then posts its statuses",
          async () => {
            const file = 'examples/workflows/env-apply.yml';
            covered.add(file);
            covered.add('examples/workflows/env-apply-cluster.yml');
            const workspace = await envCheckout(loop, applied);
            for (const matrix of [
              { cluster: 'staging', kubeconfig: 'KUBECONFIG_STAGING' },
              { cluster: 'prod-eu', kubeconfig: 'KUBECONFIG_PROD_EU' },
            ]) {
              const runs = await runCalledWorkflow(file, 'cluster', {
                context: {
                  github: { token: loop.workflowToken.env, sha: applied },
                  secrets: secrets(loop),
                },
                matrix,
                workspace,
                env: runnerEnv(loop, 'acme/environments', applied, 'push'),
                standIns: standIns(loop),
              });
              const [sets] = runs.sets!;
              passed(sets!);
              // The cluster's one set, not applied yet: one apply job for it, then the check.
              const set =
                matrix.cluster === 'staging' ? 'guestbook-staging' : 'guestbook-production';
              assert.equal(sets!.outputs.count, '1');
              assert.deepEqual(
                (JSON.parse(sets!.outputs.matrix!) as { include: { set: string }[] }).include.map(
                  (entry) => entry.set,
                ),
                [set],
              );
              assert.equal(runs.apply!.length, 1);
              passed(runs.apply![0]!);
              assert.equal(runs.apply![0]!.ferry[0]!.outputs['sets-applied'], '1');
              const [check] = runs.check!;
              passed(check!);
              // The matrix applied it: apply with all finds the cluster running this commit.
              assert.equal(check!.ferry[0]!.outputs['sets-applied'], '0');
              assert.equal(check!.ferry[0]!.outputs['sets-unchanged'], '1');
            }
            assert.deepEqual(await statusesOn(loop, applied), [
              'ferry/apply (prod-eu)=success',
              'ferry/apply (staging)=success',
              'ferry/drift (prod-eu)=success',
              'ferry/drift (staging)=success',
            ]);
            const live = await kubectl([
              '-n',
              namespaces.staging!,
              'get',
              'configmap',
              'guestbook-config',
              '-o',
              'name',
            ]);
            assert.equal(live.code, 0, live.stderr);
          },
        );

        await t.test(
          'env-apply-single.yml: apply and drift of every set in one job find staging current',
          async () => {
            const file = 'examples/workflows/env-apply-single.yml';
            covered.add(file);
            const job = await runWorkflowJob(file, 'apply', {
              context: {
                github: { token: loop.workflowToken.env, sha: applied },
                secrets: secrets(loop),
              },
              matrix: { cluster: 'staging', kubeconfig: 'KUBECONFIG_STAGING' },
              workspace: await envCheckout(loop, applied),
              env: runnerEnv(loop, 'acme/environments', applied, 'push'),
              standIns: standIns(loop),
            });
            passed(job);
            assert.equal(job.ferry[0]!.outputs['sets-unchanged'], '1');
            assert.equal(job.ferry[1]!.outputs['sets-checked'], '1');
          },
        );

        // Someone edits production by hand.
        const edit = await kubectl([
          '-n',
          namespaces.production!,
          'patch',
          'configmap',
          'guestbook-config',
          '--type=merge',
          '-p',
          '{"data":{"LOG_LEVEL":"trace"}}',
        ]);
        assert.equal(edit.code, 0, edit.stderr);

        await t.test(
          'env-drift-schedule.yml opens the issue, posts the status and tells Slack',
          async () => {
            const file = 'examples/workflows/env-drift-schedule.yml';
            covered.add(file);
            const workspace = await envCheckout(loop, applied);
            const run = (matrix: Record<string, string>, withSlack: boolean) =>
              runWorkflowJob(file, 'drift', {
                context: {
                  github: { token: loop.workflowToken.env, sha: applied },
                  secrets: {
                    ...secrets(loop),
                    ...(withSlack ? { SLACK_WEBHOOK_URL: loop.hook.url } : {}),
                  },
                },
                matrix,
                workspace,
                env: runnerEnv(loop, 'acme/environments', applied, 'schedule'),
                standIns: standIns(loop),
                rewrite: onTestCluster(loop),
              });
            passed(await run({ cluster: 'prod-eu', kubeconfig: 'KUBECONFIG_PROD_EU' }, true));
            // Without the Slack secret (the comment says: leave it unset for no Slack).
            passed(await run({ cluster: 'staging', kubeconfig: 'KUBECONFIG_STAGING' }, false));
            const { data: issues } = await h.octokit.rest.issues.listForRepo({
              owner: 'acme',
              repo: 'environments',
              labels: 'ferry-drift',
            });
            assert.deepEqual(
              issues.map((i) => i.title),
              ['Drift: guestbook-production on prod-eu'],
            );
            await assertRendersCleanly(issues[0]!.body ?? '');
            assert.equal(loop.hook.bodies.length, 1, 'Slack heard of the drift once');
            assert.ok((await statusesOn(loop, applied)).includes('ferry/drift (prod-eu)=failure'));
          },
        );

        let promotion = 0;
        await t.test(
          'env-promote.yml promotes staging to production behind the gates staging posted',
          async () => {
            const file = 'examples/workflows/env-promote.yml';
            covered.add(file);
            const inputs = {
              apps: '["guestbook"]',
              from: 'staging',
              to: '',
              cluster: 'staging',
              'min-soak': '1s',
              force: false,
            };
            const job = await runWorkflowJob(file, 'promote', {
              context: {
                github: {
                  token: loop.workflowToken.env,
                  repository: 'acme/environments',
                  repository_owner: 'acme',
                  event: { repository: { name: 'environments' }, inputs },
                },
                inputs,
                vars: { FERRY_APP_ID: '12345' },
                secrets: secrets(loop),
              },
              matrix: { app: 'guestbook' },
              workspace: app,
              env: runnerEnv(loop, 'acme/environments', applied, 'workflow_dispatch'),
              standIns: standIns(loop, (checkout) =>
                assert.equal(checkout.repository, 'acme/guestbook', 'checks out the app'),
              ),
            });
            passed(job);
            assert.equal(job.ferry[0]!.outputs.operation, 'created');
            promotion = Number(job.ferry[0]!.outputs['pr-number']);
            const { data: pull } = await h.octokit.rest.pulls.get({
              owner: 'acme',
              repo: 'environments',
              pull_number: promotion,
            });
            assert.match(pull.body ?? '', /apply succeeded/);
            assert.doesNotMatch(pull.body ?? '', /not enforced|failed/i, pull.body ?? '');
          },
        );

        await t.test(
          'env-plan.yml plans the promotion on prod-eu: a comment and a ferry/plan status',
          async () => {
            const file = 'examples/workflows/env-plan.yml';
            covered.add(file);
            const { data: pull } = await h.octokit.rest.pulls.get({
              owner: 'acme',
              repo: 'environments',
              pull_number: promotion,
            });
            const head = pull.head.sha;
            const event = {
              pull_request: {
                number: promotion,
                head: { sha: head, repo: { full_name: 'acme/environments' } },
              },
            };
            const eventPath = join(await mkdtemp(join(tmpdir(), 'ferry-event-')), 'event.json');
            await writeFile(eventPath, JSON.stringify(event));
            const job = await runWorkflowJob(file, 'plan', {
              context: {
                github: { token: loop.workflowToken.env, repository: 'acme/environments', event },
                secrets: secrets(loop),
              },
              matrix: { cluster: 'prod-eu', kubeconfig: 'KUBECONFIG_PROD_EU' },
              workspace: await envCheckout(loop, head),
              env: {
                ...runnerEnv(loop, 'acme/environments', head, 'pull_request'),
                GITHUB_EVENT_PATH: eventPath,
              },
              standIns: standIns(loop),
              rewrite: onTestCluster(loop),
            });
            passed(job);
            // The promotion touches production's set only: that one is planned on prod-eu.
            assert.equal(job.ferry[0]!.outputs['sets-planned'], '1');
            assert.match(job.ferry[0]!.outputs['comment-url'] ?? '', /#issuecomment-\d+$/);
            assert.ok((await statusesOn(loop, head)).includes('ferry/plan (prod-eu)=success'));
            const { data: comments } = await h.octokit.rest.issues.listComments({
              owner: 'acme',
              repo: 'environments',
              issue_number: promotion,
            });
            assert.equal(comments.length, 1);
            await assertRendersCleanly(comments[0]!.body ?? '');
          },
        );

        await t.test(
          'env-rollback.yml rolls staging back, with the reason in the pull request',
          async () => {
            const file = 'examples/workflows/env-rollback.yml';
            covered.add(file);
            const reason = 'checkout 500s for @octocat, see [#7](https://evil.example) <b>now</b>';
            const inputs = { app: 'guestbook', environment: 'staging', to: '', reason };
            const job = await runWorkflowJob(file, 'rollback', {
              context: {
                github: {
                  token: loop.workflowToken.env,
                  repository: 'acme/environments',
                  repository_owner: 'acme',
                  event: { repository: { name: 'environments' }, inputs },
                },
                inputs,
                vars: { FERRY_APP_ID: '12345' },
                secrets: secrets(loop),
              },
              workspace: app,
              env: runnerEnv(loop, 'acme/environments', applied, 'workflow_dispatch'),
              standIns: standIns(loop),
            });
            passed(job);
            const number = Number(job.ferry[0]!.outputs['pr-number']);
            const { data: pull } = await h.octokit.rest.pulls.get({
              owner: 'acme',
              repo: 'environments',
              pull_number: number,
            });
            const html = await assertRendersCleanly(pull.body ?? '');
            assert.ok(
              html.includes(
                `<strong>Reason:</strong> <code>checkout 500s for @octocat, see [#7](https://evil.example) &lt;b&gt;now&lt;/b&gt;</code>`,
              ),
              html,
            );
          },
        );

        await t.test('the workflows in the docs run as written', async () => {
          const blocks = [
            ...(await docWorkflows('docs/drift.md')).map((b) => ({ ...b, page: 'docs/drift.md' })),
            ...(await docWorkflows('docs/github-action.md')).map((b) => ({
              ...b,
              page: 'docs/github-action.md',
            })),
            ...(await docWorkflows('docs/propose.md')).map((b) => ({
              ...b,
              page: 'docs/propose.md',
            })),
            ...(await docWorkflows('README.md')).map((b) => ({ ...b, page: 'README.md' })),
          ];
          const ran: string[] = [];
          for (const block of blocks) {
            const file = await asWorkflow(block.text);
            const where = `${block.page}:${block.line}`;
            const [jobName] = Object.keys(
              (yaml.load(await readFile(file, 'utf8')) as { jobs: object }).jobs,
            );
            const github = {
              token: loop.workflowToken.env,
              sha: applied,
              repository: 'acme/environments',
              repository_owner: 'acme',
            };
            const common = {
              context: { github, vars: { FERRY_APP_ID: '12345' }, secrets: secrets(loop) },
              env: runnerEnv(loop, 'acme/environments', applied, 'push'),
              standIns: standIns(loop),
              rewrite: onTestCluster(loop),
            };
            let job: JobResult;
            if (block.text.includes('command: drift') && block.text.includes('clusters/')) {
              // docs/github-action.md's cache example: a folder per cluster, inventory `apps`.
              const workspace = await mkdtemp(join(tmpdir(), 'ferry-doc-clusters-'));
              await mkdir(join(workspace, 'clusters/prod-eu'), { recursive: true });
              await writeFile(
                join(workspace, 'clusters/prod-eu/settings.yaml'),
                'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { mode: safe }\n',
              );
              const apply = await runWorkflowJob(
                await asWorkflow(block.text.replace('command: drift', 'command: apply')),
                jobName!,
                {
                  ...common,
                  matrix: { cluster: 'prod-eu', kubeconfig: 'KUBECONFIG_PROD_EU' },
                  workspace,
                  rewrite: (inputs) => ({ ...inputs, namespace: loop.namespaces.docs! }),
                },
              );
              passed(apply);
              job = await runWorkflowJob(file, jobName!, {
                ...common,
                matrix: { cluster: 'prod-eu', kubeconfig: 'KUBECONFIG_PROD_EU' },
                workspace,
                rewrite: (inputs) => ({ ...inputs, namespace: loop.namespaces.docs! }),
              });
            } else if (block.text.includes('command: drift')) {
              job = await runWorkflowJob(file, jobName!, {
                ...common,
                workspace: await envCheckout(loop, applied),
              });
              assert.ok(
                (await statusesOn(loop, applied)).includes('ferry/drift (prod)=failure'),
                where,
              );
            } else {
              // render and propose run in the app's checkout, with the app's own workflow token.
              job = await runWorkflowJob(file, jobName!, {
                ...common,
                context: {
                  ...common.context,
                  github: {
                    ...github,
                    repository: 'acme/guestbook',
                    token: loop.workflowToken.app,
                    sha: APP_SHA,
                  },
                },
                env: runnerEnv(loop, 'acme/guestbook', APP_SHA, 'push'),
                workspace: app,
              });
            }
            passed(job);
            ran.push(where);
          }
          assert.ok(ran.length >= 4, `ran ${ran.join(', ')}`);
        });

        const examples = (await readdir('examples/workflows')).map(
          (f) => `examples/workflows/${f}`,
        );
        assert.deepEqual([...covered].sort(), examples.sort(), 'every example workflow ran');
        assert.deepEqual(h.server.violations, []);
      },
    );
  },
);
