// `ferry apply --all` over an environment repository of 13 sets (a CRD, namespaces, an operator
// that uses the CRD, eight apps that need both, a set of their own, and one set for another
// cluster) on the real control plane: dependency order, a no-op second run, one changed folder,
// and what the cluster records. Every request goes through a pass-through proxy, so the counts
// are ferry's own.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { applySetParent, APPLYSET_PART_OF } from '../../src/core/applyset.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { SET_RECORD_KEYS, SET_RECORD_MANAGER } from '../../src/core/set-record.js';
import { wireWrites } from '../helpers/api-writes.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testNamespace } from '../helpers/kube.js';
import {
  envRepo,
  GITHUB_RUN,
  rowsBySet,
  setFiles,
  setsJson,
  type EnvRepo,
  withEnv,
  type SetsJson,
} from '../helpers/sets-env.js';
import { deployment } from '../helpers/workloads.js';

const APPS = Array.from({ length: 8 }, (_, i) => `app-${i + 1}`);

/** The CRD every operator and app set uses; its group is this run's own. */
function crd(group: string): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
}

const widget = (group: string, name: string, size: number): KubeObject => ({
  apiVersion: `${group}/v1`,
  kind: 'Widget',
  metadata: { name },
  spec: { size },
});

const configMap = (name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

/**
 * The repository: `platform/crds` (the CRD), `platform/namespaces` (one namespace per app),
 * `platform/operator` (a Deployment waited for, and a Widget: needs the CRD), `platform/monitoring`
 * (independent), `apps/app-N/production` (a Widget and a ConfigMap in the app's namespace:
 * needs the namespaces and the operator), and `apps/app-1/staging` for cluster staging only.
 */
function repoFiles(suffix: string, ns: string): Record<string, string> {
  const group = `s${suffix}.ferry.test`;
  const appNs = (app: string): string => `sets-${suffix}-${app}`;
  const files: Record<string, string> = {
    ...setFiles('platform/crds', { inventory: 'crds', namespace: ns }, [crd(group)]),
    ...setFiles(
      'platform/namespaces',
      { inventory: 'namespaces', namespace: ns },
      APPS.map((app) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: appNs(app) } })),
    ),
    ...setFiles(
      'platform/operator',
      { inventory: 'operator', namespace: ns, dependsOn: ['crds'], wait: true },
      [deployment('operator', 'registry.example.com/operator:1'), widget(group, 'operator', 1)],
    ),
    ...setFiles('platform/monitoring', { inventory: 'monitoring', namespace: ns }, [
      configMap('monitoring-config', { scrape: '30s' }),
    ]),
    ...setFiles(
      'apps/app-1/staging',
      { inventory: 'app-1-staging', namespace: ns, clusters: ['staging'] },
      [configMap('app-1-staging', { env: 'staging' })],
    ),
  };
  for (const app of APPS)
    Object.assign(
      files,
      setFiles(
        `apps/${app}/production`,
        {
          inventory: app,
          namespace: appNs(app),
          clusters: ['production', 'staging'],
          dependsOn: ['operator', 'namespaces'],
        },
        [widget(group, app, 2), configMap(`${app}-config`, { env: 'production' })],
      ),
    );
  return files;
}

/** The set names applied to cluster production. */
const PRODUCTION = ['crds', 'namespaces', 'operator', 'monitoring', ...APPS];
/** Each set's dependencies. */
const DEPENDS: Record<string, string[]> = {
  operator: ['crds'],
  ...Object.fromEntries(APPS.map((app) => [app, ['operator', 'namespaces']])),
};

/** The parent ConfigMap of an inventory, live. */
async function parentOf(name: string, namespace: string): Promise<KubeObject> {
  const got = await kubectl(['-n', namespace, 'get', 'configmap', name, '-o', 'json']);
  assert.equal(got.code, 0, got.stderr);
  return JSON.parse(got.stdout) as KubeObject;
}

/** Runs `ferry <args>` through the proxy with the GitHub run's variables set; JSON report. */
async function ferryJson(
  proxy: FaultProxy,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; report: SetsJson; stderr: string }> {
  return withEnv(env, async () => {
    const result = await runFerry([...args, '--kubeconfig', proxy.kubeconfig, '--output', 'json']);
    assert.ok(result.stdout.startsWith('{'), `${result.stdout}\n${result.stderr}`);
    return { code: result.code, report: setsJson(result.stdout), stderr: result.stderr };
  });
}

describe('ferry apply --all on an environment repository', needsCluster, () => {
  const suffix = randomBytes(3).toString('hex');
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let repo: EnvRepo;
  const appNs = (app: string): string => `sets-${suffix}-${app}`;
  const apply = (proxy: FaultProxy, env: Record<string, string> = {}) =>
    ferryJson(proxy, ['apply', '--all', '--root', repo.dir, '--cluster', 'production'], env);

  before(async () => {
    ns = await testNamespace('sets-apply');
    repo = await envRepo({ after: (fn) => cleanups.push(fn) }, repoFiles(suffix, ns.name));
  });
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    await Promise.all(cleanups.map((fn) => fn()));
    await kubectl(['delete', 'crd', `widgets.s${suffix}.ferry.test`, '--wait=false']);
    await kubectl(['delete', 'namespace', ...APPS.map(appNs), '--wait=false']);
    await ns.remove();
  });

  it('applies every set of the cluster once, dependencies first, and records each', async (t: TestContext) => {
    const proxy = await startFaultProxy(t);
    const { code, report, stderr } = await apply(proxy, GITHUB_RUN.env);
    assert.equal(code, 0, stderr);
    const rows = rowsBySet(report);
    assert.deepEqual([...rows.keys()].sort(), [...PRODUCTION].sort(), 'only production sets');
    for (const row of report.sets) assert.equal(row.result, 'applied', `${row.set}: ${row.detail}`);
    assert.equal(report.counts.applied, 12);

    // Dependencies first: the proxy saw each set's first request after the request that
    // recorded each of its dependencies as applied.
    const commit = await repo.rev('HEAD');
    const namespaceOf = (name: string): string => (APPS.includes(name) ? appNs(name) : ns.name);
    for (const name of PRODUCTION) {
      const parent = await parentOf(name, namespaceOf(name));
      const a = parent.metadata.annotations ?? {};
      const path = rows.get(name)!.path;
      assert.equal(a[SET_RECORD_KEYS.commit], commit, name);
      assert.equal(a[SET_RECORD_KEYS.tree], await repo.rev(`HEAD:${path}`), name);
      assert.equal(a[SET_RECORD_KEYS.path], path, name);
      assert.equal(a[SET_RECORD_KEYS.runUrl], GITHUB_RUN.url, name);
      assert.ok(Date.parse(a[SET_RECORD_KEYS.at] ?? '') > Date.now() - 600_000, name);
      assert.equal(a[SET_RECORD_KEYS.failedTree], undefined, name);
    }
    const log = proxy.requests.map((r) => `${r.method} ${r.path}`);
    const recorded = (name: string): number =>
      log.findIndex(
        (line) =>
          line.startsWith(`PATCH /api/v1/namespaces/${namespaceOf(name)}/configmaps/${name}?`) &&
          line.includes(`fieldManager=${SET_RECORD_MANAGER}`),
      );
    // A set's own requests: the operator's Deployment and Widget, an app's namespace. The run's
    // one permission check reads every set's record (GET of its parent) before anything is
    // written, so a later set's missing permission stops the run before the first set's writes:
    // that read is not the set's run.
    const firstOf = (name: string): number =>
      log.findIndex((line) =>
        name === 'operator'
          ? new RegExp(`/namespaces/${ns.name}/(deployments|widgets)\\b`).test(line)
          : line.includes(`/namespaces/${appNs(name)}/`) &&
            line !== `GET /api/v1/namespaces/${appNs(name)}/configmaps/${name}`,
      );
    for (const [name, dependencies] of Object.entries(DEPENDS))
      for (const dependency of dependencies) {
        assert.ok(recorded(dependency) >= 0, `${dependency} recorded through the proxy`);
        assert.ok(
          firstOf(name) > recorded(dependency),
          `${name} read or wrote (request ${firstOf(name)}) before ${dependency} was recorded (request ${recorded(dependency)})`,
        );
      }
    // The apps' objects are there: their namespaces and the CRD existed when they were applied.
    const widgets = await kubectl(['get', `widgets.s${suffix}.ferry.test`, '-A', '-o', 'name']);
    assert.equal(widgets.stdout.trim().split('\n').length, 9, widgets.stderr);
    // The set for cluster staging only was not applied.
    const staging = await kubectl(['-n', ns.name, 'get', 'configmap', 'app-1-staging']);
    assert.notEqual(staging.code, 0);
  });

  it('writes nothing and makes at most 3 requests when nothing changed', async (t) => {
    const proxy = await startFaultProxy(t);
    const { code, report, stderr } = await apply(proxy);
    assert.equal(code, 0, stderr);
    assert.equal(report.counts.unchanged, 12, JSON.stringify(report.counts));
    assert.deepEqual(wireWrites(proxy.requests), []);
    assert.ok(proxy.requests.length <= 3, proxy.requests.map((r) => r.path).join('\n'));
    const counted = Object.values(report.requests).reduce((a, b) => a + b, 0);
    assert.equal(counted, proxy.requests.length, JSON.stringify(report.requests));
  });

  it('applies only the set whose folder changed, reading nothing of the others', async (t) => {
    const path = 'apps/app-3/production/manifests.yaml';
    const text = await readFile(join(repo.dir, path), 'utf8');
    await repo.write(path, text.replace('env: production', 'env: production-v2'));
    const commit = await repo.commit('Change app-3');
    const proxy = await startFaultProxy(t);
    const { code, report, stderr } = await apply(proxy);
    assert.equal(code, 0, stderr);
    for (const row of report.sets)
      assert.equal(row.result, row.set === 'app-3' ? 'applied' : 'unchanged', row.set);
    const live = await kubectl([
      '-n',
      appNs('app-3'),
      'get',
      'configmap',
      'app-3-config',
      '-o',
      'json',
    ]);
    assert.equal((JSON.parse(live.stdout) as { data: { env: string } }).data.env, 'production-v2');
    const parent = await parentOf('app-3', appNs('app-3'));
    assert.equal(parent.metadata.annotations?.[SET_RECORD_KEYS.commit], commit);

    // The request log: the one LIST of inventories, then app-3's namespace and members only.
    const own = applySetParent('app-3', appNs('app-3')).id;
    const others = PRODUCTION.filter((name) => name !== 'app-3');
    const foreign = proxy.requests.filter((r) => {
      const url = new URL(r.path, 'http://proxy');
      const namespace = /\/namespaces\/([^/]+)/.exec(url.pathname)?.[1];
      if (namespace !== undefined && namespace !== appNs('app-3')) return true;
      const selector = url.searchParams.get('labelSelector');
      if (
        selector &&
        selector !== 'applyset.kubernetes.io/id' &&
        selector !== `${APPLYSET_PART_OF}=${own}`
      )
        return true;
      return others.some((name) => url.pathname.endsWith(`/configmaps/${name}`));
    });
    assert.deepEqual(
      foreign.map((r) => `${r.method} ${r.path}`),
      [],
      'requests outside the changed set',
    );
    assert.ok(
      proxy.requests.some((r) => r.path.includes(`/namespaces/${appNs('app-3')}/`)),
      'the changed set was applied through the proxy',
    );
  });
});
