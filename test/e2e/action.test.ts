import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { startForgeHarness } from '../forge/harness.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const exec = promisify(execFile);
const action = resolve('dist/action.js');

interface StepResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<DELIMITER` heredocs). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!heredoc) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
    outputs[heredoc[1]!] = value.join('\n');
  }
  return outputs;
}

/**
 * Runs the committed bundle the way the GitHub runner runs a node24 action: `node dist/action.js`
 * with inputs as INPUT_<NAME> variables and the output and summary files the runner provides.
 */
async function runStep(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-step-'));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const base: Record<string, string | undefined> = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    ...files,
    ...inputEnv,
    ...env,
  };
  delete base.KUBECONFIG;
  let code = 0;
  let stdout = '';
  try {
    stdout = (await exec(process.execPath, [action], { env: base })).stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    code = e.code ?? 1;
    stdout = e.stdout ?? '';
  }
  return {
    code,
    stdout,
    outputs: parseOutputs(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

describe('the action as the runner runs it (dist/action.js)', () => {
  it('renders, sets outputs and writes a job summary', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ferry-out-')), 'rendered');
    const step = await runStep({
      command: 'render',
      config: 'examples/guestbook/ferry.yaml',
      environment: 'staging',
      'image-tag': '1.4.2',
      out,
    });
    assert.equal(step.code, 0, step.stdout);
    assert.equal(step.outputs.objects, '5');
    assert.equal(step.outputs.image, 'registry.example.com/acme/guestbook:1.4.2');
    assert.deepEqual(JSON.parse(step.outputs.files!).length, 5);
    assert.match(step.summary, /ferry render: staging/);
  });

  it('fails the step, with an ::error:: line, on a hostile tag', async () => {
    const step = await runStep({
      command: 'render',
      config: 'examples/guestbook/ferry.yaml',
      environment: 'staging',
      'image-tag': 'v1\n  privileged: true',
    });
    assert.notEqual(step.code, 0);
    assert.match(step.stdout, /^::error::image tag .* is not a valid OCI tag/m);
  });

  it('annotates the template line at fault, relative to the workspace', async (t) => {
    const dir = await mkdtemp(join('examples', '.tmp-app-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp('examples/guestbook', dir, { recursive: true });
    await writeFile(
      join(dir, 'deploy/extra.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{values.nmae}}\n',
    );
    const step = await runStep({
      command: 'render',
      config: join(dir, 'ferry.yaml'),
      environment: 'staging',
      'image-tag': '1',
    });
    assert.notEqual(step.code, 0);
    const expected = `::error file=${join(dir, 'deploy/extra.yaml')},line=4::deploy/extra.yaml:4: unknown variable "values.nmae"`;
    assert.ok(step.stdout.split('\n').includes(expected), step.stdout);
  });

  it('rejects an unknown command', async () => {
    const step = await runStep({ command: 'deploy-everything' });
    assert.notEqual(step.code, 0);
    assert.match(
      step.stdout,
      /::error::input command: "deploy-everything" is not one of render, propose, apply, drift/,
    );
  });
});

describe('the action applies and checks drift on the real control plane', needsCluster, () => {
  it('applies with a kubeconfig from a secret (masked), then reports drift and fails on it', async (t) => {
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

    const applied = await runStep({ command: 'apply', ...common, wait: 'true', timeout: '60s' });
    assert.equal(applied.code, 0, applied.stdout);
    assert.equal(applied.outputs.created, '2');
    assert.match(applied.summary, /\| `Deployment .*\/web` \| created \|/);
    assert.ok(applied.stdout.includes(`::add-mask::${token}`), 'the token is masked');
    assert.equal(
      applied.stdout.split(token).length - 1,
      1,
      'the token appears only in its mask command',
    );

    const clean = await runStep({ command: 'drift', ...common, 'fail-on-drift': 'true' });
    assert.equal(clean.code, 0, clean.stdout);
    assert.equal(clean.outputs.drifted, 'false');

    assert.equal(
      (await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=4'])).code,
      0,
    );
    const drifted = await runStep({ command: 'drift', ...common, 'fail-on-drift': 'true' });
    assert.notEqual(drifted.code, 0, 'drift fails the step');
    assert.match(drifted.stdout, /^::error::drift detected: 1 object\(s\) differ from git/m);
    assert.equal(drifted.outputs.drifted, 'true');
    assert.equal(drifted.outputs['drifted-objects'], '1');
    assert.match(
      drifted.summary,
      /\| `Deployment .*\/web` \| `\/spec\/replicas` \| `1` \| `4` \| kubectl \|/,
    );
  });
});

describe('a two-cluster matrix, as the example workflow runs it', needsCluster, () => {
  it('applies and checks each cluster with its own status context on the same commit', async (t) => {
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
      const applied = await runStep({ command: 'apply', ...common }, github);
      assert.equal(applied.code, 0, applied.stdout);
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
      const checked = await runStep({ command: 'drift', ...common }, github);
      assert.equal(checked.code, 0, checked.stdout);
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
