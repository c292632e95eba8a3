import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import type { ApplyReport } from '../../src/core/apply-report.js';
import { driftCheck } from '../../src/commands/cluster/drift/drift.js';
import type { DriftedField, DriftReport } from '../../src/core/drift.js';
import type { IgnoreRule } from '../../src/core/ignore.js';
import { parseDocuments, type KubeObject } from '../../src/core/manifest.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

/** What a report says, reduced to `object path` lines (and `object: kind` for whole objects). */
function findings(report: DriftReport): string[] {
  return report.objects.flatMap((o) =>
    o.fields.length === 0
      ? [`${o.object}: ${o.kind}`]
      : o.fields.map((f) => `${o.object} ${f.path}`),
  );
}

/** A reported field without its structured path (asserted through the display path). */
function withoutSegments(
  field: DriftedField | undefined,
): Omit<DriftedField, 'segments'> | undefined {
  if (!field) return undefined;
  return Object.fromEntries(Object.entries(field).filter(([key]) => key !== 'segments')) as Omit<
    DriftedField,
    'segments'
  >;
}

describe('ferry drift on the real control plane', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let wide: KubeObject[];
  let guestbook: KubeObject[];
  const withClient = async <T>(work: (client: KubeClient) => Promise<T>): Promise<T> => {
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    try {
      return await work(client);
    } finally {
      client.close();
    }
  };
  const apply = (objects: KubeObject[], inventory: string): Promise<ApplyReport> =>
    withClient((c) =>
      applyObjects(
        c,
        objects,
        { dir: '', inventory, namespace: ns.name, forceConflicts: true, prune: true },
        quiet,
      ),
    );
  const check = (
    objects: KubeObject[],
    inventory: string,
    rules: IgnoreRule[] = [],
  ): Promise<DriftReport> =>
    withClient((c) => driftCheck(c, objects, { inventory, namespace: ns.name, rules }, quiet));
  const k = (...args: string[]): Promise<{ code: number; stderr: string }> =>
    kubectl(['-n', ns.name, ...args]);

  before(async () => {
    ns = await testNamespace('drift');
    const text = readFileSync('test/fixtures/wide/manifests.yaml', 'utf8').replaceAll(
      '__NS__',
      ns.name,
    );
    // Read as ferry reads a manifests folder (YAML 1.1 octal: defaultMode 0644).
    wide = parseDocuments(text, 'test/fixtures/wide/manifests.yaml') as KubeObject[];
    const rendered = await runFerry([
      'render',
      '-c',
      'examples/guestbook/ferry.yaml',
      '-e',
      'staging',
      '-t',
      '1.4.2',
    ]);
    guestbook = (yaml.loadAll(rendered.stdout) as KubeObject[]).map((o) => ({
      ...o,
      metadata: { ...o.metadata, namespace: ns.name },
    }));
  });
  // Every test starts from both sets as git has them, whatever the one before it changed, and
  // whether or not it passed: no test depends on another's clean-up.
  beforeEach(async () => {
    await apply(wide, 'wide');
    await apply(guestbook, 'guestbook');
  });
  after(async () => {
    await kubectl(['delete', 'crd', `backups.${ns.name}.ferry.dev`, `--wait=false`]);
    await kubectl(['delete', 'clusterrole', `${ns.name}-node-reader`, '--wait=false']);
    await kubectl(['delete', 'priorityclass', `${ns.name}-batch`, '--wait=false']);
    await ns.remove();
  });

  it('reports zero drift right after a clean apply of the wide fixture and the example', async () => {
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), []);
    assert.equal(report.clean, true);
    assert.equal(report.counts.checked, wide.length);
    const kinds = new Set(wide.map((o) => `${o.apiVersion}/${o.kind}`)).size;
    // Discovery (2) plus one LIST per kind; ConfigMaps, which hold the inventory, are a kind here.
    assert.ok(
      (report.requests!.discovery ?? 0) + (report.requests!.list ?? 0) <= 2 + kinds,
      JSON.stringify(report.requests),
    );
    assert.deepEqual(findings(await check(guestbook, 'guestbook')), []);
  });

  it('tells a false the server does not store from a false someone removed', async () => {
    // The fixture sets zero values the API server omits (globalDefault, hostNetwork, stdin,
    // publishNotReadyAddresses) and a status it ignores (the PodDisruptionBudget's, as kubectl
    // generates it): the clean check above proves they are not drift, and a re-apply does not
    // rewrite them.
    const again = await apply(wide, 'wide');
    assert.equal(again.counts.unchanged, wide.length, JSON.stringify(again.counts));
    // automountServiceAccountToken is a pointer: removing its false is a real change.
    const removed = await k(
      'patch',
      'serviceaccount',
      'api',
      '--type=json',
      '-p',
      '[{"op":"remove","path":"/automountServiceAccountToken"}]',
    );
    assert.equal(removed.code, 0, removed.stderr);
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), [
      `ServiceAccount ${ns.name}/api /automountServiceAccountToken`,
    ]);
    assert.equal(report.objects[0]?.fields[0]?.git, false);
    assert.equal(report.objects[0]?.fields[0]?.live, undefined);
    await apply(wide, 'wide');
    assert.deepEqual(findings(await check(wide, 'wide')), []);
  });

  it('reports a kubectl edit of an owned field, with the field, both values and the manager', async () => {
    const edited = await kubectl(['-n', ns.name, 'edit', 'configmap', 'api-config'], undefined, {
      KUBE_EDITOR: 'sed -i s/LOG_LEVEL:\\ info/LOG_LEVEL:\\ trace/',
    });
    assert.equal(edited.code, 0, edited.stderr);
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), [`ConfigMap ${ns.name}/api-config /data/LOG_LEVEL`]);
    assert.deepEqual(withoutSegments(report.objects[0]?.fields[0]), {
      path: '/data/LOG_LEVEL',
      git: 'info',
      live: 'trace',
      manager: 'kubectl-edit',
    });
  });

  it('treats scaling a Deployment that an HPA drives as not drift, and scaling one without as drift', async () => {
    assert.equal((await k('scale', 'deployment/api', '--replicas=4')).code, 0);
    assert.equal((await k('scale', 'deployment/worker', '--replicas=7')).code, 0);
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), [`Deployment ${ns.name}/worker /spec/replicas`]);
    assert.equal(report.objects[0]?.fields[0]?.live, 7);
  });

  it('reports kubectl set image at the container path', async () => {
    assert.equal((await k('set', 'image', 'deployment/guestbook', 'guestbook=evil:6.6.6')).code, 0);
    const report = await check(guestbook, 'guestbook');
    assert.deepEqual(findings(report), [
      `Deployment ${ns.name}/guestbook /spec/template/spec/containers[name=guestbook]/image`,
    ]);
    assert.equal(report.objects[0]?.fields[0]?.manager, 'kubectl-set');
  });

  it('reports a removed label', async () => {
    assert.equal((await k('label', 'service', 'guestbook', 'app.kubernetes.io/name-')).code, 0);
    assert.deepEqual(findings(await check(guestbook, 'guestbook')), [
      `Service ${ns.name}/guestbook /metadata/labels/app.kubernetes.io~1name`,
    ]);
  });

  it('reports a deleted object as missing and an object left in the inventory as extra', async () => {
    assert.equal((await k('delete', 'networkpolicy', 'api')).code, 0);
    const withoutCronJob = wide.filter((o) => o.kind !== 'CronJob');
    const report = await check(withoutCronJob, 'wide');
    assert.deepEqual(findings(report), [
      `CronJob ${ns.name}/report: extra`,
      `NetworkPolicy ${ns.name}/api: missing`,
    ]);
  });

  it('reports a field another manager took over, naming that manager', async () => {
    const theirs = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'api-config', namespace: ns.name },
      data: { FEATURES: 'a,b,c' },
    });
    assert.equal(
      (
        await kubectl(
          [
            'apply',
            '--server-side',
            '--field-manager',
            'rogue-operator',
            '--force-conflicts',
            '-f',
            '-',
          ],
          theirs,
        )
      ).code,
      0,
    );
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), [`ConfigMap ${ns.name}/api-config /data/FEATURES`]);
    assert.deepEqual(withoutSegments(report.objects[0]?.fields[0]), {
      path: '/data/FEATURES',
      git: 'a,b',
      live: 'a,b,c',
      manager: 'rogue-operator',
    });
    await apply(wide, 'wide');
    assert.deepEqual(findings(await check(wide, 'wide')), []);
  });

  it('reports fields ferry applied that git no longer has (not yet applied)', async () => {
    const trimmed = wide.map((o) =>
      o.kind === 'ConfigMap'
        ? { ...o, data: { LOG_LEVEL: 'info' } }
        : o.kind === 'Deployment' && o.metadata.name === 'worker'
          ? { ...o, metadata: { ...o.metadata, labels: undefined } }
          : o,
    );
    const withLabel = wide.map((o) =>
      o.kind === 'Deployment' && o.metadata.name === 'worker'
        ? { ...o, metadata: { ...o.metadata, labels: { tier: 'batch' } } }
        : o,
    );
    await apply(withLabel, 'wide');
    const report = await check(trimmed, 'wide');
    assert.deepEqual(findings(report), [
      `ConfigMap ${ns.name}/api-config /data/FEATURES`,
      `Deployment ${ns.name}/worker /metadata/labels/tier`,
    ]);
    assert.equal(report.objects[0]?.fields[0]?.git, undefined);
    assert.equal(report.objects[0]?.fields[0]?.live, 'a,b');
  });

  it('masks Secret values in every report', async () => {
    const patched = await k(
      'patch',
      'secret',
      'api-token',
      '--type=merge',
      '-p',
      JSON.stringify({ stringData: { token: 'changed-secret-value' } }),
    );
    assert.equal(patched.code, 0, patched.stderr);
    const report = await check(wide, 'wide');
    assert.deepEqual(findings(report), [`Secret ${ns.name}/api-token /data/token`]);
    const everything = JSON.stringify(report);
    assert.ok(
      !everything.includes('changed-secret-value') &&
        !everything.includes(Buffer.from('changed-secret-value').toString('base64')),
    );
    assert.ok(
      !everything.includes(Buffer.from('not-a-real-secret-but-still-masked').toString('base64')),
    );
    assert.equal(report.objects[0]?.fields[0]?.live, '(hidden)');
    await apply(wide, 'wide');
    const after = await check(wide, 'wide');
    assert.deepEqual(findings(after), [], 'apply restored the Secret');
  });

  it('suppresses exactly the targets of ignore rules', async () => {
    assert.equal((await k('scale', 'deployment/worker', '--replicas=3')).code, 0);
    assert.equal(
      (await k('set', 'image', 'deployment/worker', 'worker=registry.example.com/worker:hotfix'))
        .code,
      0,
    );
    assert.equal((await k('scale', 'statefulset/db', '--replicas=2')).code, 0);
    const rules: IgnoreRule[] = [
      { paths: ['/spec/replicas'], target: { kind: 'Deployment', name: 'worker' } },
      {
        paths: ['/spec/template/spec/containers/0/image'],
        target: { kind: 'Deployment', labelSelector: 'app!=api' },
      },
    ];
    const report = await check(wide, 'wide', rules);
    assert.deepEqual(findings(report), [`StatefulSet ${ns.name}/db /spec/replicas`]);
    assert.equal(report.counts.ignored, 2);
  });

  it('exits 3 with --fail-on-drift and prints a readable report', async () => {
    assert.equal((await k('scale', 'deployment/guestbook', '--replicas=9')).code, 0);
    const dir = await mkdtemp(join(tmpdir(), 'ferry-drift-'));
    await writeFile(join(dir, 'all.yaml'), guestbook.map((o) => yaml.dump(o)).join('---\n'));
    const result = await runFerry([
      'drift',
      '--dir',
      dir,
      '--inventory',
      'guestbook',
      '--namespace',
      ns.name,
      '--kubeconfig',
      testKubeconfig()!,
      '--fail-on-drift',
    ]);
    assert.equal(result.code, 3);
    assert.match(
      result.stdout,
      /\/spec\/replicas {2}\(changed by kubectl\)\n {4}git: {2}2\n {4}live: 9/,
    );
    const markdown = await runFerry([
      'drift',
      '--dir',
      dir,
      '--inventory',
      'guestbook',
      '--namespace',
      ns.name,
      '--kubeconfig',
      testKubeconfig()!,
      '--output',
      'markdown',
    ]);
    assert.equal(markdown.code, 0);
    assert.match(
      markdown.stdout,
      /\| `Deployment .*\/guestbook` \| `\/spec\/replicas` \| `2` \| `9` \| changed by `kubectl` \|/,
    );
  });
});
