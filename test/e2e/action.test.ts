import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import { git, startForgeHarness } from '../forge/harness.js';
import { assertStepFailed, assertStepPassed, runActionStep } from '../helpers/action-step.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { assertRendersCleanly } from '../helpers/markdown.js';
import { deployment } from '../helpers/workloads.js';

// The committed action (dist/) run step by step as the runner runs it, through
// @github/local-action: render, propose against the fake GitHub, and apply + drift against the
// real control plane. A step passes only with exit code 0 and no ::error:: line.

describe('the action renders as the runner runs it', () => {
  it('renders into $RUNNER_TEMP by default, sets outputs and writes a job summary', async () => {
    const step = await runActionStep({
      command: 'render',
      config: 'examples/guestbook/ferry.yaml',
      environment: 'staging',
      'image-tag': '1.4.2',
    });
    assertStepPassed(step);
    assert.match(step.outputs.out!, /runner-temp\/ferry\/rendered$/);
    const files: string[] = JSON.parse(step.outputs.files!);
    assert.equal(files.length, 5);
    const deployment = yaml.load(
      await readFile(join(step.outputs.out!, 'deployment-guestbook.yaml'), 'utf8'),
    ) as { spec: { template: { spec: { containers: { image: string }[] } } } };
    assert.equal(
      deployment.spec.template.spec.containers[0]!.image,
      'registry.example.com/acme/guestbook:1.4.2',
    );
    assert.equal(step.outputs.objects, '5');
    assert.equal(step.outputs.image, 'registry.example.com/acme/guestbook:1.4.2');
    assert.deepEqual(JSON.parse(step.outputs.files!).length, 5);
    assert.match(await assertRendersCleanly(step.summary), /<h3>ferry render: staging<\/h3>/);
    // local-action imports dist/action.js and calls its run(): the import itself runs nothing.
    assert.equal(step.summary.match(/^### /gm)?.length, 1, step.summary);
  });

  it('fails the step, with an ::error:: line, on a hostile tag', async () => {
    const step = await runActionStep({
      command: 'render',
      config: 'examples/guestbook/ferry.yaml',
      environment: 'staging',
      'image-tag': 'v1\n  privileged: true',
    });
    assertStepFailed(step, /image tag .* is not a valid OCI tag/);
    assert.equal(step.outputs.out, undefined, 'nothing rendered');
  });

  it('annotates the template line at fault, relative to the workspace', async (t) => {
    const dir = await mkdtemp(join('examples', '.tmp-app-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp('examples/guestbook', dir, { recursive: true });
    await writeFile(
      join(dir, 'deploy/extra.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{values.nmae}}\n',
    );
    const step = await runActionStep({
      command: 'render',
      config: join(dir, 'ferry.yaml'),
      environment: 'staging',
      'image-tag': '1',
    });
    assert.notEqual(step.code, 0);
    const expected = `::error file=${join(dir, 'deploy/extra.yaml')},line=4::deploy/extra.yaml:4: unknown variable "values.nmae"`;
    assert.ok(step.log.split('\n').includes(expected), step.log);
    const errors = step.log.split('\n').filter((line) => line.startsWith('::error'));
    assert.deepEqual(errors, [expected], 'one annotation, on the line at fault');
  });

  it('rejects an unknown command', async () => {
    const step = await runActionStep({ command: 'deploy-everything' });
    assertStepFailed(
      step,
      /input command: "deploy-everything" is not one of render, propose, promote, rollback, apply, plan, drift/,
    );
  });
});

/** A copy of the guestbook example whose staging proposes to the fake GitHub's acme/environments. */
async function guestbookOnGitHub(t: TestContext): Promise<string> {
  const app = await mkdtemp(join(tmpdir(), 'ferry-action-app-'));
  t.after(() => rm(app, { recursive: true, force: true }));
  await cp('examples/guestbook', app, { recursive: true });
  const config = yaml.load(await readFile(join(app, 'ferry.yaml'), 'utf8')) as {
    environments: Record<string, Record<string, unknown>>;
  };
  config.environments.staging = {
    ...config.environments.staging,
    repo: 'acme/environments',
    forge: 'github',
  };
  await writeFile(join(app, 'ferry.yaml'), yaml.dump(config));
  return join(app, 'ferry.yaml');
}

describe('the action proposes as the runner runs it, against the fake GitHub', () => {
  it('opens one pull request, updates it with the next build, and masks the token', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/environments', { files: { 'README.md': 'envs\n' } });
    const config = await guestbookOnGitHub(t);
    const propose = (tag: string) =>
      runActionStep(
        {
          command: 'propose',
          config,
          environment: 'staging',
          'image-tag': tag,
          token: h.server.token,
          labels: 'deploy',
        },
        {
          GITHUB_API_URL: h.server.apiUrl,
          GITHUB_REPOSITORY: 'acme/guestbook',
          GITHUB_SHA: 'c0ffee0000000000000000000000000000000000',
        },
      );

    const created = await propose('1.4.2');
    assertStepPassed(created);
    assert.equal(created.outputs.operation, 'created');
    assert.equal(created.outputs.branch, 'ferry/guestbook/staging');
    assert.ok(created.log.includes(`::add-mask::${h.server.token}`), 'the token is masked');
    assert.equal(created.log.split(h.server.token).length - 1, 1, 'and printed nowhere else');
    const number = Number(created.outputs['pr-number']);
    const { data: pull } = await h.octokit.rest.pulls.get({
      owner: 'acme',
      repo: 'environments',
      pull_number: number,
    });
    assert.equal(pull.head.ref, 'ferry/guestbook/staging');
    assert.equal(pull.head.sha, created.outputs['head-sha']);
    assert.deepEqual(
      pull.labels.map((label) => label.name),
      ['deploy'],
    );
    assert.equal(created.outputs['pr-url'], pull.html_url);
    const summary = await assertRendersCleanly(created.summary);
    assert.ok(summary.includes(`<a href="${pull.html_url}">#${pull.number}</a>`), summary);

    const updated = await propose('1.5.0');
    assertStepPassed(updated);
    assert.equal(updated.outputs.operation, 'updated');
    assert.equal(updated.outputs['pr-number'], String(number), 'the same pull request');
    const gitDir = h.server.state.repo('acme', 'environments')!.gitDir;
    const deployment = await git(
      h.work,
      '--git-dir',
      gitDir,
      'show',
      'ferry/guestbook/staging:apps/guestbook/staging/deployment-guestbook.yaml',
    );
    assert.match(deployment, /image: registry\.example\.com\/acme\/guestbook:1\.5\.0$/m);
    assert.deepEqual(h.server.violations, []);
  });

  it('fails the step on a token the forge refuses, and opens nothing', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/environments', { files: { 'README.md': 'envs\n' } });
    const config = await guestbookOnGitHub(t);
    const step = await runActionStep(
      {
        command: 'propose',
        config,
        environment: 'staging',
        'image-tag': '1.4.2',
        token: 'not-the-token',
      },
      { GITHUB_API_URL: h.server.apiUrl },
    );
    assertStepFailed(step, /reading acme\/environments: GitHub rejected the token \(401/);
    assert.equal(step.outputs.operation, undefined);
    const { data: pulls } = await h.octokit.rest.pulls.list({
      owner: 'acme',
      repo: 'environments',
    });
    assert.deepEqual(pulls, []);
  });
});

describe('the action applies and checks drift on the real control plane', needsCluster, () => {
  it('applies with a kubeconfig from a secret (masked), prints the Roles the set needs, then reports drift and fails on it', async (t) => {
    const ns = await testNamespace('action');
    t.after(() => ns.remove());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-manifests-'));
    const objects = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: ns.name },
        data: { mode: 'safe' },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: ns.name },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'web:1' }] },
          },
        },
      },
    ];
    await writeFile(join(dir, 'all.yaml'), objects.map((o) => yaml.dump(o)).join('---\n'));
    const kubeconfigText = await readFile(testKubeconfig()!, 'utf8');
    const token = /token: (\S+)/.exec(kubeconfigText)?.[1];
    assert.ok(token, 'the test kubeconfig uses a token');
    const common = { dir, inventory: 'web', namespace: ns.name, kubeconfig: kubeconfigText };

    const applied = await runActionStep({
      command: 'apply',
      ...common,
      wait: 'true',
      timeout: '60s',
    });
    assertStepPassed(applied);
    assert.equal(applied.outputs.created, '2');
    assert.match(applied.summary, /\| `Deployment .*\/web` \| created \|/);
    await assertRendersCleanly(applied.summary);
    assert.ok(applied.log.includes(`::add-mask::${token}`), 'the token is masked');
    assert.equal(
      applied.log.split(token).length - 1,
      1,
      'the token appears only in its mask command',
    );

    const clean = await runActionStep({ command: 'drift', ...common, 'fail-on-drift': 'true' });
    assertStepPassed(clean);
    assert.equal(clean.outputs.drifted, 'false');

    // The Roles a deploy identity needs for the same set, for review in the summary (issue 24).
    const rbac = await runActionStep({ command: 'rbac', ...common, subject: 'group:deployers' });
    assertStepPassed(rbac);
    assert.match(
      rbac.outputs.rbac ?? '',
      /kind: RoleBinding[\s\S]*kind: Group\n\s+apiGroup: \S+\n\s+name: deployers/,
    );
    assert.match(rbac.summary, /### ferry rbac for `web`/);
    await assertRendersCleanly(rbac.summary);

    assert.equal(
      (await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=4'])).code,
      0,
    );
    const drifted = await runActionStep({ command: 'drift', ...common, 'fail-on-drift': 'true' });
    assertStepFailed(drifted, /drift detected: 1 object\(s\) differ from git/);
    assert.equal(drifted.outputs.drifted, 'true');
    assert.equal(drifted.outputs['drifted-objects'], '1');
    assert.match(
      drifted.summary,
      /\| `Deployment .*\/web` \| `\/spec\/replicas` \| `1` \| `4` \| changed by `kubectl` \|/,
    );
    await assertRendersCleanly(drifted.summary);
  });
});

/** The fake GitHub with `acme/environments`, its main commit, and a step's GITHUB_* variables for it. */
async function envRepoOnGitHub(t: TestContext) {
  const { server, octokit } = await startForgeHarness(t);
  await server.createRepo('acme/environments', { files: { 'README.md': 'env\n' } });
  const sha = (
    await octokit.rest.repos.getBranch({ owner: 'acme', repo: 'environments', branch: 'main' })
  ).data.commit.sha;
  const github = {
    GITHUB_API_URL: server.apiUrl,
    GITHUB_REPOSITORY: 'acme/environments',
    GITHUB_SHA: sha,
    GITHUB_TOKEN: server.token,
  };
  return { server, octokit, sha, github };
}

describe('the action after a failed rollout', needsCluster, () => {
  it('fails the rerun too, prunes nothing, posts no green status and leaves no kubeconfig', async (t) => {
    const { server, octokit, sha, github } = await envRepoOnGitHub(t);
    const ns = await testNamespace('stuck');
    t.after(() => ns.remove());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-stuck-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const write = (objects: object[]) =>
      writeFile(join(dir, 'all.yaml'), objects.map((o) => yaml.dump(o)).join('---\n'));
    const leftOver = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'left-over', namespace: ns.name },
      data: { a: '1' },
    };
    // Never schedulable: its rollout cannot complete.
    const stuck = {
      ...deployment('web', 'web:1', { nodeSelector: { 'ferry.dev/no-such-node': 'x' } }),
      metadata: { name: 'web', namespace: ns.name },
    };
    const inputs = {
      command: 'apply',
      dir,
      inventory: 'web',
      namespace: ns.name,
      kubeconfig: await readFile(testKubeconfig()!, 'utf8'),
      'commit-status': 'true',
    };
    await write([leftOver]);
    assertStepPassed(await runActionStep(inputs, github));
    await write([stuck]);
    const options = { ...inputs, wait: 'true', timeout: '3s', prune: 'true' };
    for (const attempt of ['first', 'rerun']) {
      const step = await runActionStep(options, github);
      assertStepFailed(step, /1 object\(s\) did not become ready \(prune skipped\)/);
      assert.equal(step.outputs.pruned, '0', attempt);
      assert.deepEqual(await readdir(step.runnerTemp), [], `${attempt}: no kubeconfig left`);
      const { data } = await octokit.rest.repos.getCombinedStatusForRef({
        owner: 'acme',
        repo: 'environments',
        ref: sha,
      });
      assert.deepEqual(
        data.statuses.map((s) => `${s.context}=${s.state}`),
        ['ferry/apply (default)=failure'],
        attempt,
      );
    }
    const kept = await kubectl(['-n', ns.name, 'get', 'configmap', 'left-over', '-o', 'name']);
    assert.equal(kept.stdout.trim(), 'configmap/left-over');
    assert.deepEqual(server.violations, []);
  });
});

describe('a two-cluster matrix, as the example workflow runs it', needsCluster, () => {
  it('applies and checks each cluster with its own status context on the same commit', async (t) => {
    const { server, octokit, sha, github } = await envRepoOnGitHub(t);
    const kubeconfigText = await readFile(testKubeconfig()!, 'utf8');
    // Two namespaces stand in for two clusters: each matrix job has its own namespace and name.
    const clusters = ['prod-eu', 'prod-us'];
    for (const cluster of clusters) {
      const ns = await testNamespace(cluster);
      t.after(() => ns.remove());
      const dir = await mkdtemp(join(tmpdir(), 'ferry-matrix-'));
      await writeFile(
        join(dir, 'cm.yaml'),
        yaml.dump({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings', namespace: ns.name },
          data: { region: cluster },
        }),
      );
      const common = {
        dir,
        inventory: 'app',
        namespace: ns.name,
        kubeconfig: kubeconfigText,
        cluster,
        'commit-status': 'true',
      };
      const applied = await runActionStep({ command: 'apply', ...common }, github);
      assertStepPassed(applied);
      if (cluster === 'prod-us') {
        assert.equal(
          (
            await kubectl([
              '-n',
              ns.name,
              'patch',
              'configmap',
              'settings',
              '--type=merge',
              '-p',
              '{"data":{"region":"moved"}}',
            ])
          ).code,
          0,
        );
      }
      const checked = await runActionStep({ command: 'drift', ...common }, github);
      assertStepPassed(checked);
    }
    const statuses = (
      await octokit.rest.repos.getCombinedStatusForRef({
        owner: 'acme',
        repo: 'environments',
        ref: sha,
      })
    ).data.statuses;
    assert.deepEqual(statuses.map((s) => `${s.context}=${s.state}`).sort(), [
      'ferry/apply (prod-eu)=success',
      'ferry/apply (prod-us)=success',
      'ferry/drift (prod-eu)=success',
      'ferry/drift (prod-us)=failure',
    ]);
    assert.deepEqual(server.violations, []);
  });
});

describe('a commit status asked for and impossible to post', needsCluster, () => {
  it('warns that promotion gates will not pass, naming what is missing, and still applies', async (t) => {
    const ns = await testNamespace('no-token');
    t.after(() => ns.remove());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-no-token-'));
    await writeFile(
      join(dir, 'cm.yaml'),
      yaml.dump({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 's' }, data: { a: 'b' } }),
    );
    // An empty token input (a secret that is not set) and no GITHUB_TOKEN, as on a runner.
    const step = await runActionStep(
      {
        command: 'apply',
        dir,
        inventory: 'app',
        namespace: ns.name,
        kubeconfig: await readFile(testKubeconfig()!, 'utf8'),
        'commit-status': 'true',
        token: '',
        cluster: 'staging',
      },
      { GITHUB_REPOSITORY: 'acme/environments', GITHUB_SHA: 'a'.repeat(40) },
    );
    assertStepPassed(step);
    assert.equal(step.outputs.created, '1');
    assert.match(
      step.log,
      /^::warning::input commit-status: ferry\/apply \(staging\) cannot be posted: no token \(input token is empty; its default is the workflow token\); promotion gates that read it will not pass$/m,
    );
  });
});
