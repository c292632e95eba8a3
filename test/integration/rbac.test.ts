// Push without cluster-admin (issue 24), on the real control plane with the RBAC authorizer on:
// a ServiceAccount bound only to what `ferry rbac` printed runs apply, re-apply, prune, plan and
// drift of public manifests; with one verb taken out, the preflight names exactly that
// permission and nothing is written; a set holding RBAC objects needs escalate and bind.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import type { KubeObject } from '../../src/core/manifest.js';
import { wireWrites } from '../helpers/api-writes.js';
import { loadCorpusSet, type CorpusSet } from '../helpers/corpus.js';
import { manifestsDir, type ApplyJson, type Target } from '../helpers/ferry-json.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testNamespace } from '../helpers/kube.js';
import {
  editRules,
  ferryAs,
  kubectlApply,
  missingLines,
  rbacFor,
  suffixClusterScoped,
  type RbacDocument,
} from '../helpers/rbac.js';
import { serviceAccount, type ServiceAccountCredentials } from '../helpers/service-account.js';

interface CorpusCase {
  folder: string;
  home: string;
  /** Keep only some of the set (a project's CRDs are left to the fidelity test). */
  keep?: (o: KubeObject) => boolean;
}

const CASES: CorpusCase[] = [
  // Namespace, Roles and ClusterRoles with their bindings, Jobs, an IngressClass.
  { folder: 'ingress-nginx', home: 'ingress-nginx' },
  // ~50 namespaced objects of 9 kinds (its two CRDs stay with the fidelity test).
  { folder: 'argo-cd', home: 'argocd', keep: (o) => o.kind !== 'CustomResourceDefinition' },
];

for (const spec of CASES) {
  describe(`push without cluster-admin: ${spec.folder}`, needsCluster, () => {
    const suffix = randomBytes(3).toString('hex');
    const ci = `ci-${suffix}`;
    let set: CorpusSet;
    let objects: KubeObject[];
    let target: Target;
    let sa: ServiceAccountCredentials;
    let granted: string;

    before(async () => {
      set = await loadCorpusSet(spec.folder, spec.home, suffix);
      objects = suffixClusterScoped(set, suffix).filter(spec.keep ?? (() => true));
      for (const ns of [...set.undeclared, ci]) {
        const made = await kubectl(['create', 'namespace', ns]);
        assert.equal(made.code, 0, made.stderr);
      }
      target = {
        dir: await manifestsDir(objects),
        inventory: `rbac-${spec.folder}`,
        namespace: set.namespace(spec.home),
      };
      sa = await serviceAccount(ci, 'deployer');
      granted = await rbacFor(target, `serviceaccount:${ci}:deployer`);
    });
    after(async () => {
      await kubectl(['delete', '--ignore-not-found', '--wait=false', '-f', '-'], granted);
      await kubectl([
        'delete',
        '--ignore-not-found',
        '--wait=false',
        '-f',
        `${target.dir}/all.yaml`,
      ]);
      for (const ns of [...set.undeclared, ci])
        await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
    });

    it('grants escalate and bind exactly when the set holds RBAC objects, saying why', () => {
      const rules = (yaml.loadAll(granted) as RbacDocument[]).flatMap((d) => d.rules ?? []);
      const rbacObjects = objects.filter((o) =>
        o.apiVersion.startsWith('rbac.authorization.k8s.io/'),
      );
      const roles = rbacObjects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole');
      const escalated = rules
        .filter((r) => r.verbs.includes('escalate'))
        .flatMap((r) => r.resourceNames ?? []);
      assert.deepEqual(escalated.sort(), roles.map((o) => o.metadata.name).sort());
      const refs = rbacObjects.flatMap((o) => {
        const ref = (o as { roleRef?: { name: string } }).roleRef;
        return ref ? [ref.name] : [];
      });
      const bound = rules
        .filter((r) => r.verbs.includes('bind'))
        .flatMap((r) => r.resourceNames ?? []);
      assert.deepEqual([...new Set(bound)].sort(), [...new Set(refs)].sort());
      if (roles.length > 0) assert.match(granted, /# escalate: the set holds these roles/);
      if (refs.length > 0) assert.match(granted, /# bind: the set's bindings refer to these roles/);
      assert.ok(!rules.some((r) => r.verbs.includes('update') || r.verbs.includes('*')));
      assert.ok(!rules.some((r) => (r.resources ?? []).includes('*')));
    });

    it('with one verb taken out, the preflight of apply and plan lists exactly it and nothing is written', async (t) => {
      // The home namespace's Role without patch on Deployments.
      const home = target.namespace;
      await kubectlApply(
        editRules(granted, (rule, doc) =>
          doc.kind === 'Role' &&
          doc.metadata.namespace === home &&
          rule.resources?.[0] === 'deployments' &&
          !rule.resourceNames
            ? { ...rule, verbs: rule.verbs.filter((v) => v !== 'patch') }
            : rule,
        ),
      );
      const proxy = await startFaultProxy(t);
      const viaProxy = await sa.via(proxy.url);
      const applied = await ferryAs(viaProxy, 'apply', target, '--prune', '--wait');
      assert.equal(applied.code, 1, applied.stderr);
      const expected = [`  - patch apps/deployments in namespace ${home} (server-side apply)`];
      assert.deepEqual(missingLines(applied.stderr), expected, applied.stderr);
      assert.match(
        applied.stderr,
        new RegExp(`${sa.username} lacks 1 permission\\(s\\) apply needs; nothing was written`),
      );
      const planned = await ferryAs(viaProxy, 'plan', target);
      assert.equal(planned.code, 1, planned.stderr);
      assert.deepEqual(missingLines(planned.stderr), expected, planned.stderr);
      // Without the rules (a webhook authorizer shows none), access reviews alone find the same.
      proxy.inject({
        method: 'POST',
        path: /selfsubjectrulesreviews/,
        fault: { kind: 'status', status: 403 },
        times: Infinity,
      });
      const reviewed = await ferryAs(viaProxy, 'apply', target, '--prune', '--wait');
      assert.equal(reviewed.code, 1, reviewed.stderr);
      assert.deepEqual(missingLines(reviewed.stderr), expected, reviewed.stderr);
      assert.ok(proxy.requests.length > 0, 'ferry went through the proxy');
      assert.deepEqual(wireWrites(proxy.requests), [], 'nothing written');
      const parent = await kubectl([
        '-n',
        home,
        'get',
        'configmap',
        target.inventory,
        '--ignore-not-found',
        '-o',
        'name',
      ]);
      assert.equal(parent.stdout.trim(), '', 'no inventory record either');
    });

    it('a Role cannot stand in for the ClusterRole: a cluster-scoped permission granted in a namespace is still missing', async (t) => {
      const home = target.namespace;
      const named = objects.find((o) => o.kind === 'IngressClass');
      if (!named) return t.skip('the set holds no IngressClass');
      // patch on the IngressClass moves from the ClusterRole to the home namespace's Role, where
      // it grants nothing for a cluster-scoped object.
      const moved = {
        apiGroups: ['networking.k8s.io'],
        resources: ['ingressclasses'],
        verbs: ['patch'],
      };
      const edited = editRules(granted, (rule, doc) =>
        doc.kind === 'ClusterRole' && rule.resources?.[0] === 'ingressclasses' && rule.resourceNames
          ? { ...rule, verbs: rule.verbs.filter((v) => v !== 'patch') }
          : rule,
      ).replace(
        `namespace: ${home}\nrules:\n`,
        `namespace: ${home}\nrules:\n  - ${JSON.stringify(moved)}\n`,
      );
      assert.match(edited, /ingressclasses"\],"verbs":\["patch"\]/);
      await kubectlApply(edited);
      const applied = await ferryAs(sa.kubeconfig, 'apply', target);
      assert.equal(applied.code, 1, applied.stderr);
      assert.deepEqual(missingLines(applied.stderr), [
        `  - patch networking.k8s.io/ingressclasses ${named.metadata.name} (server-side apply)`,
      ]);
    });

    it("without escalate and bind, the API server refuses the set's RBAC objects", async (t) => {
      const rbacObjects = objects.filter((o) =>
        o.apiVersion.startsWith('rbac.authorization.k8s.io/'),
      );
      if (rbacObjects.length === 0) return t.skip('the set holds no RBAC objects');
      await kubectlApply(
        editRules(granted, (rule) => ({
          ...rule,
          verbs: rule.verbs.filter((v) => v !== 'escalate' && v !== 'bind'),
        })),
      );
      const applied = await ferryAs(
        sa.kubeconfig,
        'apply',
        target,
        '--skip-preflight',
        '-o',
        'json',
      );
      assert.equal(applied.code, 1, applied.stderr);
      assert.match(
        applied.stdout + applied.stderr,
        /attempting to grant RBAC permissions not currently held/,
      );
    });

    it('an identity bound only to what ferry rbac printed applies, re-applies with zero writes, plans, checks drift and prunes', async (t) => {
      await kubectlApply(granted);
      const applied = await ferryAs(
        sa.kubeconfig,
        'apply',
        target,
        '--prune',
        '--wait',
        '--timeout',
        '120s',
        '-o',
        'json',
      );
      assert.equal(applied.code, 0, applied.stderr);
      const report = JSON.parse(applied.stdout) as ApplyJson;
      assert.equal(report.counts.failed, 0, applied.stdout);
      t.diagnostic(`first apply as the ServiceAccount: ${JSON.stringify(report.requests)}`);

      const proxy = await startFaultProxy(t);
      const again = await ferryAs(
        await sa.via(proxy.url),
        'apply',
        target,
        '--prune',
        '--wait',
        '-o',
        'json',
      );
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(wireWrites(proxy.requests), [], 'a re-apply writes nothing');
      const reviews = proxy.requests.filter((r) =>
        r.path.includes('selfsubjectaccessreviews'),
      ).length;
      t.diagnostic(
        `re-apply of ${objects.length} objects: ${proxy.requests.length} requests, ${reviews} access reviews`,
      );

      const planned = await ferryAs(sa.kubeconfig, 'plan', target, '--prune');
      assert.equal(planned.code, 0, planned.stderr);
      const drifted = await ferryAs(sa.kubeconfig, 'drift', target, '--confirm');
      assert.equal(drifted.code, 0, drifted.stderr);

      // Prune one namespaced object and, where the set has one, one cluster-scoped object: the
      // Roles were written for the old manifests, which named them.
      const dropped = [
        objects.find((o) => o.kind === 'Service'),
        objects.find((o) => !o.metadata.namespace && o.kind !== 'Namespace'),
      ].filter((o): o is KubeObject => o !== undefined);
      const fewer = {
        ...target,
        dir: await manifestsDir(objects.filter((o) => !dropped.includes(o))),
      };
      const pruned = await ferryAs(sa.kubeconfig, 'apply', fewer, '--prune', '-o', 'json');
      assert.equal(pruned.code, 0, pruned.stderr);
      const prunedReport = JSON.parse(pruned.stdout) as ApplyJson;
      assert.equal(prunedReport.counts.pruned, dropped.length, pruned.stdout);
    });
  });
}

describe('the preflight on a cluster that answers no access reviews', needsCluster, () => {
  it('warns that nothing was checked, and applies', async (t) => {
    const ns = await testNamespace('rbac-no-reviews');
    t.after(ns.remove);
    const proxy = await startFaultProxy(t);
    proxy.inject({
      method: 'POST',
      path: /^\/apis\/authorization\.k8s\.io\/v1\/self\w+reviews/,
      fault: { kind: 'status', status: 403 },
      times: Infinity,
    });
    const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' } };
    const target = { dir: await manifestsDir([config]), inventory: 'set', namespace: ns.name };
    const applied = await ferryAs(proxy.kubeconfig, 'apply', target);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(
      applied.stderr,
      /warning: permissions not checked before writing: the API server answers no access reviews \(SelfSubjectAccessReview: HTTP 403/,
    );
  });
});

describe('push without cluster-admin: a set that brings its own CRD', needsCluster, () => {
  it('an identity bound to what ferry rbac printed before the CRD existed creates it, its resources, and prunes them', async (t) => {
    const suffix = randomBytes(3).toString('hex');
    const group = `widgets-${suffix}.ferry.test`;
    const home = `crd-${suffix}`;
    const ci = `ci-${suffix}`;
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: home } },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `widgets.${group}` },
        spec: {
          group,
          scope: 'Namespaced',
          names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
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
      { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1' }, data: { a: 'b' } },
    ];
    const target = { dir: await manifestsDir(objects), inventory: 'widgets', namespace: home };
    assert.equal((await kubectl(['create', 'namespace', ci])).code, 0);
    const sa = await serviceAccount(ci, 'deployer');
    const granted = await rbacFor(target, `serviceaccount:${ci}:deployer`);
    t.after(async () => {
      await kubectl(['delete', '--ignore-not-found', '--wait=false', '-f', '-'], granted);
      await kubectl(['delete', 'crd', `widgets.${group}`, '--ignore-not-found', '--wait=false']);
      for (const ns of [home, ci])
        await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
    });
    // The kind is not served yet: its resource and scope come from the CRD in the set.
    const rules = (yaml.loadAll(granted) as RbacDocument[]).flatMap((d) => d.rules ?? []);
    assert.ok(
      rules.some((r) => r.apiGroups?.[0] === group && r.resources?.[0] === 'widgets'),
      granted,
    );
    const crdRule = rules.find(
      (r) => r.resources?.[0] === 'customresourcedefinitions' && r.resourceNames,
    );
    assert.deepEqual(crdRule?.resourceNames, [`widgets.${group}`]);
    assert.ok(crdRule?.verbs.includes('watch'), 'watched until Established, by name');
    await kubectlApply(granted);

    const applied = await ferryAs(
      sa.kubeconfig,
      'apply',
      target,
      '--prune',
      '--wait',
      '-o',
      'json',
    );
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal((JSON.parse(applied.stdout) as ApplyJson).counts.failed, 0);
    const widget = await kubectl(['-n', home, 'get', `widgets.${group}`, 'w1', '-o', 'name']);
    assert.equal(widget.code, 0, widget.stderr);

    const proxy = await startFaultProxy(t);
    const again = await ferryAs(await sa.via(proxy.url), 'apply', target, '--prune', '--wait');
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(wireWrites(proxy.requests), [], 'a re-apply writes nothing');
    assert.equal((await ferryAs(sa.kubeconfig, 'plan', target)).code, 0);
    assert.equal((await ferryAs(sa.kubeconfig, 'drift', target, '--fail-on-drift')).code, 0);

    const fewer = {
      ...target,
      dir: await manifestsDir(objects.filter((o) => o.kind !== 'Widget')),
    };
    const pruned = await ferryAs(sa.kubeconfig, 'apply', fewer, '--prune', '-o', 'json');
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.equal((JSON.parse(pruned.stdout) as ApplyJson).counts.pruned, 1, pruned.stdout);

    // A write that lost a race (the object moved after ferry read it) reads the object again:
    // the Roles cover that read too.
    const changed = objects
      .filter((o) => o.kind !== 'Widget')
      .map((o) => (o.kind === 'ConfigMap' ? { ...o, data: { a: 'c' } } : o));
    const racing = await startFaultProxy(t);
    racing.inject({
      method: 'PATCH',
      path: /\/configmaps\/c1\?(?!.*dryRun)/,
      fault: {
        kind: 'before',
        action: async () => {
          await kubectl(['-n', home, 'annotate', 'configmap', 'c1', 'raced=yes', '--overwrite']);
        },
      },
    });
    const raced = await ferryAs(await sa.via(racing.url), 'apply', {
      ...target,
      dir: await manifestsDir(changed),
    });
    assert.equal(raced.code, 0, raced.stderr);
    const reread = racing.requests.filter(
      (r) => r.method === 'GET' && r.path.startsWith(`/api/v1/namespaces/${home}/configmaps/c1`),
    );
    assert.equal(reread.length, 1, 'the object was read again after the lost race');
  });
});
