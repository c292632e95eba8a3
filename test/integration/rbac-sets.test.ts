// Push without cluster-admin for a whole environment repo (issue 24 item 1, "for every set of a
// cluster"; issue 21's sets), on the real control plane with the RBAC authorizer on: a
// ServiceAccount bound only to what `ferry rbac --all --cluster NAME` printed runs apply --all
// (prune and wait as each descriptor says), a no-op rerun, plan --all, drift --all, status and
// sets --changed; with one rule taken out, the one preflight of apply --all (and plan --all)
// lists exactly the missing permission before anything of any set is written.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import type { KubeObject } from '../../src/core/manifest.js';
import { wireWrites } from '../helpers/api-writes.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testKubeconfig } from '../helpers/kube.js';
import { editRules, kubectlApply, missingLines, type RbacDocument } from '../helpers/rbac.js';
import { serviceAccount, type ServiceAccountCredentials } from '../helpers/service-account.js';

const git = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

interface SetsRow {
  set: string;
  result: string;
  exitCode: number;
  report?: { counts: Record<string, number> };
}
interface SetsJson {
  sets: SetsRow[];
}

/** The fixture's sets: folder, descriptor and manifests. */
function environmentRepo(
  suffix: string,
): Record<string, { descriptor: object; objects: KubeObject[] }> {
  const group = `w${suffix}.ferry.test`;
  const ns = (i: number): string => `a${i}-${suffix}`;
  const widget = (name: string): KubeObject => ({
    apiVersion: `${group}/v1`,
    kind: 'Widget',
    metadata: { name },
    spec: { size: 1 },
  });
  const config = (name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { a: 'b' },
  });
  const app = (
    i: number,
    extra: Partial<{ prune: boolean; wait: boolean }>,
    objects: KubeObject[],
  ) => ({
    descriptor: {
      inventory: `app${i}-${suffix}`,
      namespace: ns(i),
      clusters: ['main'],
      dependsOn: [`crds-${suffix}`],
      ...extra,
    },
    objects: [config(`settings-${i}`), config(`extra-${i}`), widget(`w${i}`), ...objects],
  });
  return {
    'platform/namespaces': {
      descriptor: { inventory: `ns-${suffix}`, namespace: ns(1), prune: true },
      objects: [1, 2, 3, 4].map((i) => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns(i) },
      })),
    },
    'platform/crds': {
      descriptor: { inventory: `crds-${suffix}`, namespace: ns(1), dependsOn: [`ns-${suffix}`] },
      objects: [
        {
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: `widgets.${group}` },
          spec: {
            group,
            scope: 'Namespaced',
            names: {
              kind: 'Widget',
              plural: 'widgets',
              singular: 'widget',
              listKind: 'WidgetList',
            },
            versions: [
              {
                name: 'v1',
                served: true,
                storage: true,
                schema: {
                  openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
            ],
          },
        },
      ],
    },
    'apps/app1': app(1, { prune: true, wait: true }, [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1.0.0' }] },
          },
        },
      },
    ]),
    'apps/app2': app(2, { prune: true }, []),
    'apps/app3': app(3, {}, []),
    'apps/app4': app(4, {}, []),
    // Another cluster's set: nothing of it is granted.
    'apps/elsewhere': {
      descriptor: {
        inventory: `elsewhere-${suffix}`,
        namespace: `b-${suffix}`,
        clusters: ['other'],
      },
      objects: [config('elsewhere')],
    },
  };
}

async function writeRepo(root: string, suffix: string): Promise<void> {
  for (const [folder, { descriptor, objects }] of Object.entries(environmentRepo(suffix))) {
    await mkdir(join(root, folder), { recursive: true });
    await writeFile(join(root, folder, '.ferry-set.yaml'), yaml.dump(descriptor));
    await writeFile(
      join(root, folder, 'manifests.yaml'),
      objects.map((o) => yaml.dump(o)).join('---\n'),
    );
  }
  await git('git', ['init', '--quiet', '--initial-branch=main', root]);
  await commit(root, 'Start the environment repo');
}

async function commit(root: string, message: string): Promise<void> {
  await git('git', ['-C', root, 'add', '-A'], { env: GIT_ENV });
  await git('git', ['-C', root, 'commit', '--quiet', '-m', message], { env: GIT_ENV });
}

describe('push without cluster-admin: every set of a cluster', needsCluster, () => {
  const suffix = randomBytes(3).toString('hex');
  const ci = `ci-${suffix}`;
  const namespaces = [1, 2, 3, 4].map((i) => `a${i}-${suffix}`);
  let root: string;
  let sa: ServiceAccountCredentials;
  let granted: string;
  const sets = (command: string, kubeconfig: string, ...flags: string[]) =>
    runFerry([
      command,
      '--all',
      '--root',
      root,
      '--cluster',
      'main',
      '--kubeconfig',
      kubeconfig,
      ...flags,
    ]);

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-rbac-sets-'));
    await writeRepo(root, suffix);
    assert.equal((await kubectl(['create', 'namespace', ci])).code, 0);
    sa = await serviceAccount(ci, 'deployer');
    const printed = await runFerry([
      'rbac',
      '--all',
      '--root',
      root,
      '--cluster',
      'main',
      '--subject',
      `serviceaccount:${ci}:deployer`,
      '--kubeconfig',
      testKubeconfig()!,
    ]);
    assert.equal(printed.code, 0, printed.stderr);
    granted = printed.stdout;
  });
  after(async () => {
    await kubectl(['delete', '--ignore-not-found', '--wait=false', '-f', '-'], granted);
    await kubectl([
      'delete',
      'crd',
      `widgets.w${suffix}.ferry.test`,
      '--ignore-not-found',
      '--wait=false',
    ]);
    for (const ns of [...namespaces, ci])
      await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
    await rm(root, { recursive: true, force: true });
  });

  it("grants each set as its descriptor says, the sets' records and drift --all's LISTs across namespaces, nothing of another cluster's set", () => {
    const docs = yaml.loadAll(granted) as RbacDocument[];
    const clusterRules = docs.find((d) => d.kind === 'ClusterRole')?.rules ?? [];
    const listedEverywhere = (resource: string) =>
      clusterRules.some(
        (r) => r.resources?.[0] === resource && !r.resourceNames && r.verbs.includes('list'),
      );
    assert.ok(listedEverywhere('configmaps'), 'the LIST of every inventory across namespaces');
    assert.ok(listedEverywhere('widgets'), 'drift --all lists Widgets of 4 namespaces at once');
    assert.match(granted, /# set records: apply --all, status and sets --changed read/);
    const roleIn = (ns: string) =>
      docs.find((d) => d.kind === 'Role' && d.metadata.namespace === ns)?.rules ?? [];
    const verbsOf = (ns: string, resource: string) =>
      roleIn(ns)
        .filter((r) => r.resources?.[0] === resource && !r.resourceNames)
        .flatMap((r) => r.verbs);
    // app1 and app2 prune, app3 and app4 do not; only app1 waits.
    assert.ok(verbsOf(namespaces[1]!, 'widgets').includes('delete'));
    assert.ok(!verbsOf(namespaces[2]!, 'widgets').includes('delete'));
    assert.ok(!verbsOf(namespaces[3]!, 'configmaps').includes('delete'));
    assert.ok(verbsOf(namespaces[0]!, 'deployments').includes('watch'));
    assert.ok(!verbsOf(namespaces[1]!, 'pods').includes('watch'));
    // The record of each set is patched on its parent (here within the set's own ConfigMaps).
    assert.ok(verbsOf(namespaces[3]!, 'configmaps').includes('patch'));
    assert.match(granted, /# [^\n]*patch \([^)]*set records\)/);
    assert.doesNotMatch(granted, new RegExp(`b-${suffix}|elsewhere`), "another cluster's set");
  });

  it('with one rule of the last set taken out, apply --all and plan --all list exactly it before writing anything', async (t) => {
    const last = namespaces[3]!;
    await kubectlApply(
      editRules(granted, (rule, doc) =>
        doc.kind === 'Role' &&
        doc.metadata.namespace === last &&
        rule.resources?.[0] === 'configmaps' &&
        !rule.resourceNames
          ? { ...rule, verbs: rule.verbs.filter((v) => v !== 'patch') }
          : rule,
      ),
    );
    const proxy = await startFaultProxy(t);
    const viaProxy = await sa.via(proxy.url);
    // The Role's rule covered the set's ConfigMaps and its inventory's: both are named.
    const expected = [
      `  - patch configmaps in namespace ${last} (server-side apply)`,
      `  - patch configmaps app4-${suffix} in namespace ${last} (inventory, set records)`,
    ];
    const applied = await sets('apply', viaProxy);
    assert.equal(applied.code, 1, applied.stderr);
    assert.deepEqual(missingLines(applied.stderr), expected, applied.stderr);
    assert.match(applied.stderr, /lacks 2 permission\(s\) apply --all needs; nothing was written/);
    const planned = await sets('plan', viaProxy);
    assert.equal(planned.code, 1, planned.stderr);
    // A plan writes no record: only the dry-run's patch is missing.
    assert.deepEqual(missingLines(planned.stderr), expected.slice(0, 1), planned.stderr);
    assert.ok(proxy.requests.length > 0, 'ferry went through the proxy');
    assert.deepEqual(wireWrites(proxy.requests), [], 'no set was written, not even the first ones');
    const crd = await kubectl([
      'get',
      'crd',
      `widgets.w${suffix}.ferry.test`,
      '--ignore-not-found',
      '-o',
      'name',
    ]);
    assert.equal(crd.stdout.trim(), '', 'the CRD set, applied first otherwise, was not');

    // Without the LIST of the records, apply --all names that one.
    await kubectlApply(
      editRules(granted, (rule, doc) =>
        doc.kind === 'ClusterRole' && rule.resources?.[0] === 'configmaps'
          ? { ...rule, verbs: rule.verbs.filter((v) => v !== 'list') }
          : rule,
      ),
    );
    const blind = await sets('apply', viaProxy);
    assert.equal(blind.code, 1, blind.stderr);
    assert.deepEqual(missingLines(blind.stderr), [
      '  - list configmaps in all namespaces (set records)',
    ]);
    assert.deepEqual(wireWrites(proxy.requests), [], 'still nothing written');
  });

  it('an identity bound only to what ferry rbac --all printed applies every set, reruns with zero writes, plans, checks drift, reads status and prunes', async (t) => {
    await kubectlApply(granted);
    const first = await startFaultProxy(t);
    const applied = await sets('apply', await sa.via(first.url), '--timeout', '120s', '-o', 'json');
    const reviews = first.requests.filter((r) => /self\w+reviews/.test(r.path)).length;
    t.diagnostic(
      `first apply --all of 6 sets: ${first.requests.length} requests, ${reviews} of them access reviews`,
    );
    assert.equal(applied.code, 0, applied.stderr + applied.stdout);
    const report = JSON.parse(applied.stdout) as SetsJson;
    assert.deepEqual(
      report.sets.map((row) => row.result),
      report.sets.map(() => 'applied'),
      applied.stdout,
    );
    assert.equal(report.sets.length, 6);

    const proxy = await startFaultProxy(t);
    const again = await sets('apply', await sa.via(proxy.url), '-o', 'json');
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(wireWrites(proxy.requests), [], 'a rerun writes nothing');
    // Nothing to apply, nothing to check: the preflight costs a no-op run no request.
    assert.ok(proxy.requests.length <= 3, proxy.requests.map((r) => r.path).join('\n'));
    t.diagnostic(`no-op apply --all as the ServiceAccount: ${proxy.requests.length} request(s)`);
    assert.ok(
      (JSON.parse(again.stdout) as SetsJson).sets.every((row) => row.result === 'unchanged'),
    );

    const forced = await sets('apply', sa.kubeconfig, '--force-all', '-o', 'json');
    assert.equal(forced.code, 0, forced.stderr + forced.stdout);
    const planned = await sets('plan', sa.kubeconfig, '-o', 'json');
    assert.equal(planned.code, 0, planned.stderr + planned.stdout);
    const drift = await sets('drift', sa.kubeconfig, '--confirm', '--fail-on-drift', '-o', 'json');
    assert.equal(drift.code, 0, drift.stderr + drift.stdout);
    assert.ok(
      (JSON.parse(drift.stdout) as SetsJson).sets.every((row) => row.result === 'checked'),
      drift.stdout,
    );
    const status = await runFerry([
      'status',
      '--root',
      root,
      '--cluster',
      'main',
      '--kubeconfig',
      sa.kubeconfig,
      '-o',
      'json',
    ]);
    assert.equal(status.code, 0, status.stderr);
    const states = (JSON.parse(status.stdout) as { sets: { state: string }[] }).sets;
    assert.ok(
      states.every((s) => s.state === 'current'),
      status.stdout,
    );
    const changed = await runFerry([
      'sets',
      '--changed',
      '--root',
      root,
      '--cluster',
      'main',
      '--kubeconfig',
      sa.kubeconfig,
      '-o',
      'json',
    ]);
    assert.equal(changed.code, 0, changed.stderr);
    assert.deepEqual(JSON.parse(changed.stdout), []);

    // app2 prunes: one ConfigMap dropped from its folder is deleted.
    await rm(join(root, 'apps/app2/manifests.yaml'));
    await writeFile(
      join(root, 'apps/app2/manifests.yaml'),
      environmentRepo(suffix)
        ['apps/app2']!.objects.filter((o) => o.metadata.name !== 'extra-2')
        .map((o) => yaml.dump(o))
        .join('---\n'),
    );
    await commit(root, 'Drop a ConfigMap');
    const pruned = await sets('apply', sa.kubeconfig, '-o', 'json');
    assert.equal(pruned.code, 0, pruned.stderr + pruned.stdout);
    const rows = (JSON.parse(pruned.stdout) as SetsJson).sets;
    const app2 = rows.find((row) => row.set === `app2-${suffix}`);
    assert.equal(app2?.report?.counts.pruned, 1, pruned.stdout);
  });
});
