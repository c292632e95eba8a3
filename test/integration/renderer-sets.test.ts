// Environment-repo sets that are a Helm chart or a kustomization (issue 22), applied, planned
// and checked for drift through the one function that reads a set: what plan shows is what
// apply applies; and a generated ConfigMap whose name changes is pruned only once the workload
// points at the new one (apply, wait, then prune); `ferry rbac` reads a chart set as apply does,
// so an identity bound to its output deploys the chart.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { PlanReport } from '../../src/core/plan.js';
import { wireWrites } from '../helpers/api-writes.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { driftLines, ferryApply, ferryDrift, type Target } from '../helpers/ferry-json.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { ferryAs, kubectlApply, rbacFor } from '../helpers/rbac.js';
import { RENDERER_FIXTURES, useTestTools } from '../helpers/renderer-fixtures.js';
import { serviceAccount } from '../helpers/service-account.js';

async function copyFixture(t: TestContext, fixture: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-set-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(join(RENDERER_FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

async function ferryPlan(target: Target, extra: string[] = []): Promise<PlanReport> {
  const run = await runFerry([
    'plan',
    ...['--dir', target.dir, '--inventory', target.inventory, '--namespace', target.namespace],
    ...['--kubeconfig', testKubeconfig()!, '--output', 'json', ...extra],
  ]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as PlanReport;
}

interface LiveDeployment {
  metadata: { generation: number };
  spec: { replicas: number; template: { spec: { volumes: { configMap?: { name: string } }[] } } };
  status: { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number };
}

describe('environment-repo sets built by helm and kustomize', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  before(async () => {
    await useTestTools();
    ns = await testNamespace('sets');
  });
  after(() => ns.remove());

  it('a chart folder: applied, clean, re-applied with zero writes; plan shows exactly what apply then does', async (t) => {
    const chart = await copyFixture(t, 'helm/guestbook');
    const target: Target = { dir: chart, inventory: 'gb', namespace: ns.name };
    const applied = await ferryApply(target, ['--wait', '--values', 'values-production.yaml']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(applied.json?.objects.map((o) => `${o.object}: ${o.action}`).sort(), [
      `Deployment ${ns.name}/gb-helm-guestbook: created`,
      `Service ${ns.name}/gb-helm-guestbook: created`,
    ]);
    const live = await kubectl([
      '-n',
      ns.name,
      'get',
      'service',
      'gb-helm-guestbook',
      '-o',
      'json',
    ]);
    const service = JSON.parse(live.stdout) as {
      spec: { type: string };
      metadata: { annotations: Record<string, string> };
    };
    assert.equal(service.spec.type, 'LoadBalancer', 'the named values file was used');
    assert.match(service.metadata.annotations['ferry.dev/renderer'] ?? '', /^helm v3\./);
    const drift = await runFerry([
      'drift',
      ...[
        '--dir',
        chart,
        '--inventory',
        'gb',
        '--namespace',
        ns.name,
        '--values',
        'values-production.yaml',
      ],
      ...['--kubeconfig', testKubeconfig()!, '--fail-on-drift'],
    ]);
    assert.equal(drift.code, 0, drift.stdout + drift.stderr);
    // Without the values file, drift sees the type git would now give.
    assert.deepEqual(driftLines(await ferryDrift(target)), [
      `Service ${ns.name}/gb-helm-guestbook /spec/type`,
    ]);

    const proxy = await startFaultProxy(t);
    const again = await ferryApply(target, [
      '--values',
      'values-production.yaml',
      '--kubeconfig',
      proxy.kubeconfig,
    ]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(wireWrites(proxy.requests), []);

    await writeFile(
      join(chart, 'values-production.yaml'),
      'service: {type: LoadBalancer}\nreplicaCount: 3\n',
    );
    const plan = await ferryPlan(target, ['--values', 'values-production.yaml']);
    const planned = plan.objects.map(
      (o) => `${o.object}: ${o.action} ${o.fields.map((f) => f.path).join(',')}`,
    );
    assert.deepEqual(planned, [`Deployment ${ns.name}/gb-helm-guestbook: change /spec/replicas`]);
    const changed = await ferryApply(target, ['--values', 'values-production.yaml']);
    assert.deepEqual(
      changed.json?.objects
        .filter((o) => o.action !== 'unchanged')
        .map((o) => `${o.object}: ${o.action}`),
      [`Deployment ${ns.name}/gb-helm-guestbook: configured`],
    );
  });

  it('a kustomization whose generated ConfigMap is renamed: the old one goes only after the rollout', async (t) => {
    const layout = await copyFixture(t, 'kustomize/ldap');
    const target: Target = {
      dir: join(layout, 'overlays/staging'),
      inventory: 'ldap',
      namespace: ns.name,
    };
    const first = await ferryApply(target, ['--prune', '--wait']);
    assert.equal(first.code, 0, first.stderr);
    const oldName = first
      .json!.objects.map((o) => o.object)
      .find((o) => o.includes('ldap-configmap-'))!
      .split('/')[1]!;

    // A change to the generator's file: a new hash, so a new name; the Deployment follows it.
    await writeFile(join(layout, 'base/env.startup.txt'), 'LDAP_ORGANISATION: Changed Inc.\n');
    const plan = await ferryPlan(target, ['--prune']);
    const actions = plan.objects.map(
      (o) => `${o.object.replace(/-[a-z0-9]{10}$/, '-<hash>')}: ${o.action}`,
    );
    assert.deepEqual(actions.sort(), [
      `ConfigMap ${ns.name}/staging-ldap-configmap-<hash>: create`,
      `ConfigMap ${ns.name}/staging-ldap-configmap-<hash>: prune`,
      `Deployment ${ns.name}/staging-ldap: change`,
    ]);

    const proxy = await startFaultProxy(t);
    let atDelete: LiveDeployment | undefined;
    proxy.inject({
      method: 'DELETE',
      path: new RegExp(`/configmaps/${oldName}(\\?|$)`),
      fault: {
        kind: 'before',
        action: async () => {
          const got = await kubectl([
            '-n',
            ns.name,
            'get',
            'deployment',
            'staging-ldap',
            '-o',
            'json',
          ]);
          atDelete = JSON.parse(got.stdout) as LiveDeployment;
        },
      },
    });
    const second = await ferryApply(target, [
      '--prune',
      '--wait',
      '--kubeconfig',
      proxy.kubeconfig,
    ]);
    assert.equal(second.code, 0, second.stderr);
    assert.ok(atDelete, 'the old ConfigMap was pruned');
    const newName = second
      .json!.objects.map((o) => o.object)
      .find((o) => o.includes('ldap-configmap-') && !o.endsWith(oldName))!
      .split('/')[1]!;
    const volumes = atDelete.spec.template.spec.volumes
      .map((v) => v.configMap?.name)
      .filter(Boolean);
    assert.ok(
      volumes.includes(newName) && !volumes.includes(oldName),
      `the workload pointed at ${newName}`,
    );
    const { metadata, spec, status } = atDelete;
    assert.equal(status.observedGeneration, metadata.generation, 'the rollout was observed');
    assert.equal(status.updatedReplicas, spec.replicas, 'every replica was updated');
    assert.equal(status.availableReplicas, spec.replicas, 'and available');
    assert.deepEqual(driftLines(await ferryDrift(target)), []);

    // Without --wait, prune cannot come after the rollout: apply says so, naming both.
    await writeFile(join(layout, 'base/env.startup.txt'), 'LDAP_ORGANISATION: Again Inc.\n');
    const third = await ferryApply(target, ['--prune']);
    assert.equal(third.code, 0, third.stderr);
    assert.match(
      third.stderr,
      new RegExp(
        `warning: prune deletes ConfigMap ${ns.name}/${newName} without waiting for the rollout of Deployment ${ns.name}/staging-ldap: .*add --wait`,
      ),
    );
    assert.doesNotMatch(second.stderr, /without waiting for the rollout/);
  });

  it('a chart set deployed by an identity bound to ferry rbac for it: the release named after the inventory, the values files read', async (t) => {
    // A chart with a cluster-scoped object named after its release (ferry rbac grants those by
    // name) and a value only the named values file gives.
    const chart = await mkdtemp(join(tmpdir(), 'ferry-chart-'));
    t.after(() => rm(chart, { recursive: true, force: true }));
    await mkdir(join(chart, 'templates'));
    await writeFile(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: tiers\nversion: 0.1.0\n');
    await writeFile(join(chart, 'values-production.yaml'), 'tier: production\n');
    await writeFile(
      join(chart, 'templates', 'objects.yaml'),
      [
        'apiVersion: scheduling.k8s.io/v1',
        'kind: PriorityClass',
        'metadata: {name: "{{ .Release.Name }}-{{ .Release.Namespace }}"}',
        'value: 1000',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: "{{ .Release.Name }}-tier"}',
        'data: {tier: {{ required "tier" .Values.tier | quote }}}',
        '',
      ].join('\n'),
    );
    const target: Target = { dir: chart, inventory: 'tiers', namespace: ns.name };
    const values = ['--values', 'values-production.yaml'];
    const priorityClass = `tiers-${ns.name}`;
    const sa = await serviceAccount(ns.name, 'deployer');
    const granted = await rbacFor(target, `serviceaccount:${ns.name}:deployer`, ...values);
    t.after(async () => {
      await kubectl(['delete', '--ignore-not-found', '--wait=false', '-f', '-'], granted);
      await kubectl(['delete', 'priorityclass', priorityClass, '--ignore-not-found']);
    });
    assert.ok(granted.includes(`resourceNames: [${priorityClass}]`), 'granted by the applied name');
    await kubectlApply(granted);

    const applied = await ferryAs(sa.kubeconfig, 'apply', target, ...values, '--prune', '--wait');
    assert.equal(applied.code, 0, applied.stderr);
    const planned = await ferryAs(sa.kubeconfig, 'plan', target, ...values, '--prune');
    assert.equal(planned.code, 0, planned.stderr);
    const tier = await kubectl(['-n', ns.name, 'get', 'configmap', 'tiers-tier', '-o', 'json']);
    assert.equal((JSON.parse(tier.stdout) as { data: { tier: string } }).data.tier, 'production');
    const live = await kubectl(['get', 'priorityclass', priorityClass, '-o', 'name']);
    assert.equal(live.code, 0, live.stderr);
  });

  it('--all: each chart and kustomization set built as its .ferry-set.yaml says; plan and drift then see nothing to do', async (t) => {
    // A namespace of its own: the tests above apply the same overlay under another inventory.
    const own = await testNamespace('sets-all');
    t.after(() => own.remove());
    const repo = await mkdtemp(join(tmpdir(), 'ferry-env-'));
    t.after(() => rm(repo, { recursive: true, force: true }));
    await cp(join(RENDERER_FIXTURES, 'helm/guestbook'), join(repo, 'guestbook'), {
      recursive: true,
    });
    await cp(join(RENDERER_FIXTURES, 'kustomize/ldap'), join(repo, 'ldap'), { recursive: true });
    // The chart's values file and release name come from the descriptor, nowhere else.
    await writeFile(
      join(repo, 'guestbook/.ferry-set.yaml'),
      `inventory: gb-all\nnamespace: ${own.name}\nprune: true\nwait: true\nhelm: {valuesFiles: [values-production.yaml], releaseName: web}\n`,
    );
    await writeFile(
      join(repo, 'ldap/overlays/staging/.ferry-set.yaml'),
      `inventory: ldap-all\nnamespace: ${own.name}\nprune: true\nwait: true\n`,
    );
    const git = (...args: string[]) => promisify(execFile)('git', ['-C', repo, ...args]);
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'sets');
    const sets = ['--root', repo, '--cluster', 'test', '--kubeconfig', testKubeconfig()!];

    const refused = await runFerry(['apply', '--all', ...sets, '--values', 'x.yaml']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /--values: each set's \.ferry-set\.yaml says this/);

    const applied = await runFerry(['apply', '--all', ...sets, '--output', 'json']);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    const report = JSON.parse(applied.stdout) as { counts: Record<string, number> };
    assert.equal(report.counts.applied, 2, applied.stdout);
    const live = await kubectl([
      '-n',
      own.name,
      'get',
      'service',
      'web-helm-guestbook',
      '-o',
      'json',
    ]);
    assert.equal(live.code, 0, 'the release is named as the descriptor says');
    const service = JSON.parse(live.stdout) as { spec: { type: string } };
    assert.equal(service.spec.type, 'LoadBalancer', "the descriptor's values file was used");

    const planned = await runFerry(['plan', '--all', ...sets, '--output', 'json']);
    assert.equal(planned.code, 0, planned.stdout + planned.stderr);
    const plan = JSON.parse(planned.stdout) as {
      sets: { set: string; report?: { objects: { object: string; action: string }[] } }[];
    };
    const changes = plan.sets.flatMap((row) =>
      (row.report?.objects ?? [])
        .filter((o) => o.action !== 'unchanged')
        .map((o) => `${row.set}: ${o.object} ${o.action}`),
    );
    assert.deepEqual(changes, []);
    const drift = await runFerry(['drift', '--all', ...sets, '--fail-on-drift']);
    assert.equal(drift.code, 0, drift.stdout + drift.stderr);
  });
});
