// Finding kustomize and helm (flag, FERRY_* variable, PATH, kubectl kustomize), their minimum
// versions, and environment-repo sets built through readSet (issue 22).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import { findTool } from '../../src/adapters/renderers/tools.js';
import { rememberedVersion } from '../../src/adapters/renderers/version-cache.js';
import { readSet } from '../../src/commands/cluster/set-source.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { runFerry } from '../helpers/cli.js';
import { RENDERER_FIXTURES, useTestTools } from '../helpers/renderer-fixtures.js';

async function scratch(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-tools-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** An executable script that prints `version` for any arguments. */
async function fakeTool(dir: string, name: string, version: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\necho '${version}'\n`);
  await chmod(path, 0o755);
  return path;
}

function kubectlOnPath(): string | undefined {
  const configured = process.env.FERRY_TEST_KUBECTL;
  if (configured) return configured;
  try {
    return (
      execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

describe('finding the renderers', () => {
  let tools: { helm: string; kustomize: string };
  before(async () => {
    tools = await useTestTools();
  });

  it('takes the flag first, then FERRY_HELM / FERRY_KUSTOMIZE, then PATH', async (t) => {
    const dir = await scratch(t);
    await mkdir(join(dir, 'bin'));
    await symlink(tools.helm, join(dir, 'bin/helm'));
    const env = { PATH: join(dir, 'bin') };
    const onPath = await findTool('helm', {}, env);
    assert.equal(onPath.command, join(dir, 'bin/helm'));
    assert.match(await onPath.label, /^helm v3\.\d+/);
    const byVariable = await findTool('helm', {}, { ...env, FERRY_HELM: tools.helm });
    assert.equal(byVariable.command, tools.helm);
    const old = await fakeTool(dir, 'old-helm', 'v3.13.3+g2b8b4c4');
    const tooOld = await findTool('helm', { helm: old }, { ...env, FERRY_HELM: tools.helm });
    await assert.rejects(tooOld.label, {
      message: `${old}: helm v3.13.3 is older than 3.14, the oldest ferry supports`,
    });
  });

  it('says where it looked when there is none; exit 2 from the CLI', async (t) => {
    const dir = await scratch(t);
    await assert.rejects(findTool('helm', {}, { PATH: dir }), {
      message:
        'helm: not found (looked at --helm, $FERRY_HELM, `helm` on PATH); install it or point --helm at it',
    });
    await assert.rejects(findTool('kustomize', { kustomize: join(dir, 'none') }, {}), {
      message: `--kustomize: ${JSON.stringify(join(dir, 'none'))} is not an executable file`,
    });
    const old = await fakeTool(dir, 'kustomize', '{Version:kustomize/v4.5.7 GitCommit:56d82a8}');
    await mkdir(join(dir, 'k'));
    await writeFile(join(dir, 'k/kustomization.yaml'), 'resources: []\n');
    const config = join(dir, 'ferry.yaml');
    await writeFile(
      config,
      'app: a\nimage: r.example/a\nkustomize: k\nenvironments:\n  dev: {repo: ../e, path: a}\n',
    );
    const run = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'dev',
      '-t',
      '1',
      '--kustomize',
      old,
    ]);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      `error: ${old}: kustomize v4.5.7 is older than 5.0, the oldest ferry supports\n`,
    );
  });

  it('asks a binary its version once, until the binary changes', async (t) => {
    const dir = await scratch(t);
    const tool = await fakeTool(dir, 'helm', 'v3.21.4');
    let asked = 0;
    const ask = () => Promise.resolve(`v3.21.${asked++}`);
    const cache = join(dir, 'cache');
    assert.equal(await rememberedVersion(tool, ['version'], ask, cache), 'v3.21.0');
    assert.equal(await rememberedVersion(tool, ['version'], ask, cache), 'v3.21.0');
    assert.equal(await rememberedVersion(tool, ['other'], ask, cache), 'v3.21.1');
    await writeFile(tool, '#!/bin/sh\necho v3.22.0 # a new build\n');
    assert.equal(await rememberedVersion(tool, ['version'], ask, cache), 'v3.21.2');
    assert.equal(asked, 3);
  });

  it('falls back to kubectl kustomize, recording the kustomize version kubectl embeds', async (t) => {
    const kubectl = kubectlOnPath();
    if (!kubectl) return t.skip('no kubectl');
    const dir = await scratch(t);
    await symlink(kubectl, join(dir, 'kubectl'));
    const tool = await findTool('kustomize', {}, { PATH: dir });
    assert.deepEqual([tool.command, tool.prefix], [join(dir, 'kubectl'), ['kustomize']]);
    assert.match(await tool.label, /^kubectl kustomize v5\.\d+\.\d+$/);
  });
});

describe('environment-repo sets: readSet builds a kustomization or a chart', () => {
  before(useTestTools);
  const describeAll = (objects: KubeObject[]) =>
    objects.map((o) => `${o.kind} ${o.metadata.name}`).sort();

  it('builds a kustomization folder, stamping the tool on each object', async (t) => {
    const dir = await scratch(t);
    await cp(join(RENDERER_FIXTURES, 'kustomize/ldap'), dir, { recursive: true });
    const set = await readSet(join(dir, 'overlays/staging'), {});
    assert.deepEqual(describeAll(set.objects), [
      'ConfigMap staging-env-config-42m8gk5kg2',
      'ConfigMap staging-ldap-configmap-4d7m6k5b42',
      'Deployment staging-ldap',
      'Service staging-ldap-service',
    ]);
    for (const object of set.objects)
      assert.match(object.metadata.annotations?.['ferry.dev/renderer'] ?? '', /^kustomize v5\./);
  });

  it('templates a chart folder with its values.yaml and the named values files, in the namespace', async (t) => {
    const dir = await scratch(t);
    await cp(join(RENDERER_FIXTURES, 'helm/guestbook'), dir, { recursive: true });
    const set = await readSet(dir, {
      namespace: 'shop',
      inventory: 'guestbook',
      source: { valuesFiles: ['values-production.yaml'] },
    });
    const service = set.objects.find((o) => o.kind === 'Service')!;
    assert.equal(service.metadata.name, 'guestbook-helm-guestbook', 'released as the inventory');
    assert.equal((service.spec as { type: string }).type, 'LoadBalancer');
    assert.equal(set.sources.get(service), join(dir, 'templates/service.yaml'));
  });

  it('reads the kubeconfig for a namespace only for a chart that needs one', async (t) => {
    const plain = await scratch(t);
    await writeFile(
      join(plain, 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    );
    const missing = join(plain, 'no-kubeconfig');
    const { objects } = await readSet(plain, { kubeconfig: missing });
    assert.equal(objects[0]?.metadata.annotations, undefined, 'plain files are read as they are');
    const chart = await scratch(t);
    await cp(join(RENDERER_FIXTURES, 'helm/guestbook'), chart, { recursive: true });
    await assert.rejects(readSet(chart, { kubeconfig: missing }), /no-kubeconfig/);
  });

  it('refuses a chart set whose values file is missing, or whose hooks are not skipped', async (t) => {
    const dir = await scratch(t);
    await cp(join(RENDERER_FIXTURES, 'helm/podinfo'), dir, { recursive: true });
    await assert.rejects(readSet(dir, { namespace: 'p', source: { valuesFiles: ['nope.yaml'] } }), {
      message: `${join(dir, 'nope.yaml')}: values file not found`,
    });
    await writeFile(join(dir, 'hooks.yaml'), 'hooks: {postUpgrade: {job: {enabled: true}}}\n');
    const source = { valuesFiles: ['hooks.yaml'], kubeVersion: '1.34', releaseName: 'p' };
    await assert.rejects(
      readSet(dir, { namespace: 'p', source }),
      /is a Helm hook \(helm\.sh\/hook: post-upgrade\)/,
    );
    const skipped = await readSet(dir, {
      namespace: 'p',
      source: { ...source, policy: { hooks: 'skip' } },
    });
    assert.ok(skipped.objects.every((o) => o.kind !== 'Job'));
    assert.ok((await readFile(join(dir, 'Chart.yaml'), 'utf8')).includes('name: podinfo'));
  });
});
