// The permissions ferry derives for a set (issue 24): exactly what its requests need, in a stable
// order, and the Roles written from them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import {
  ALL_USES,
  describePermission,
  isUrlPermission,
  requiredAccess,
  type AccessSet,
  type AccessUses,
  type Permission,
  type ResourcePermission,
  type SetObject,
} from '../../src/core/access.js';
import { rulesAllow, type SubjectRules } from '../../src/core/access-rules.js';
import { applySetParent } from '../../src/core/applyset.js';
import { ConfigError } from '../../src/core/errors.js';
import type { KindRef } from '../../src/core/inventory-lists.js';
import { parseSubject, rbacManifests } from '../../src/core/rbac-manifests.js';

const kinds: Record<string, KindRef> = {
  Deployment: {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    resource: 'deployments',
    namespaced: true,
  },
  ConfigMap: {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    resource: 'configmaps',
    namespaced: true,
  },
  Job: { group: 'batch', version: 'v1', kind: 'Job', resource: 'jobs', namespaced: true },
  Namespace: {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    resource: 'namespaces',
    namespaced: false,
  },
  ClusterRole: {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    resource: 'clusterroles',
    namespaced: false,
  },
  RoleBinding: {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'RoleBinding',
    resource: 'rolebindings',
    namespaced: true,
  },
  PersistentVolumeClaim: {
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    namespaced: true,
  },
};

function object(kind: string, name: string, namespace?: string, extra = {}): SetObject {
  const info = kinds[kind]!;
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return {
    info,
    object: { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra },
  };
}

const deployment = object('Deployment', 'web', 'shop', {
  spec: { selector: { matchLabels: { app: 'web' } } },
});

function setOf(objects: SetObject[], more: Partial<AccessSet> = {}): AccessSet {
  return {
    parent: applySetParent('web', 'shop'),
    objects,
    recordedKinds: [],
    recordedNamespaces: [],
    members: [],
    ...more,
  };
}

const NONE: AccessUses = {
  validate: false,
  write: false,
  prune: false,
  pruneAllow: [],
  wait: false,
  drift: false,
};

/** `verb resource ns name` lines, without purposes, for resource permissions. */
function lines(permissions: Permission[]): string[] {
  return permissions.flatMap((p) =>
    isUrlPermission(p)
      ? []
      : [
          [
            p.verb,
            p.group ? `${p.group}/${p.resource}` : p.resource,
            p.namespace ?? '*',
            p.name ?? '',
          ]
            .join(' ')
            .trim(),
        ],
  );
}

describe('required access', () => {
  it('reading a set needs one list per kind and namespace, its record among the ConfigMaps', () => {
    const needs = requiredAccess([setOf([deployment])], NONE);
    assert.deepEqual(lines(needs), ['list configmaps shop', 'list apps/deployments shop']);
    assert.deepEqual(
      needs.filter(isUrlPermission).map((p) => p.url),
      ['/api', '/apis', '/openapi/v3', '/openapi/v3/*'],
    );
  });

  it('reads a kind in more than three namespaces with one list across all of them', () => {
    const spread = ['a', 'b', 'c', 'd'].map((ns) => object('ConfigMap', 'x', ns));
    const needs = requiredAccess([setOf(spread)], NONE);
    assert.deepEqual(lines(needs), ['list configmaps *']);
    assert.match(describePermission(needs.find((p) => !isUrlPermission(p))!), /in all namespaces/);
  });

  it('never needs update, and delete only for prune and replaced Jobs', () => {
    const set = setOf([deployment, object('ConfigMap', 'cfg', 'shop')]);
    const apply = requiredAccess([set], { ...ALL_USES, prune: false });
    assert.ok(!apply.some((p) => p.verb === 'update'));
    assert.deepEqual(lines(apply.filter((p) => p.verb === 'delete')), []);
    const pruning = requiredAccess([set], ALL_USES);
    assert.deepEqual(lines(pruning.filter((p) => p.verb === 'delete')), [
      'delete configmaps shop',
      'delete apps/deployments shop',
    ]);
    const job = requiredAccess([setOf([object('Job', 'migrate', 'shop')])], {
      ...NONE,
      write: true,
      validate: true,
    });
    assert.deepEqual(lines(job.filter((p) => p.purposes.includes('replace Jobs'))), [
      'create batch/jobs shop',
      'delete batch/jobs shop',
      'get batch/jobs shop',
    ]);
  });

  it('names cluster-scoped objects, except in lists; prune deletes members by name too', () => {
    const set = setOf([object('ClusterRole', 'reader')], {
      members: [object('ClusterRole', 'old-reader')],
    });
    const needs = lines(requiredAccess([set], { ...NONE, validate: true, prune: true }));
    for (const line of [
      'list rbac.authorization.k8s.io/clusterroles *',
      'patch rbac.authorization.k8s.io/clusterroles * reader',
      'create rbac.authorization.k8s.io/clusterroles * reader',
      'delete rbac.authorization.k8s.io/clusterroles * reader',
      'delete rbac.authorization.k8s.io/clusterroles * old-reader',
    ])
      assert.ok(needs.includes(line), `${line} in:\n${needs.join('\n')}`);
    assert.ok(!needs.includes('patch rbac.authorization.k8s.io/clusterroles * old-reader'));
  });

  it('prune deletes no protected kind unless allowed', () => {
    const set = setOf([
      object('Namespace', 'shop'),
      object('PersistentVolumeClaim', 'data', 'shop'),
    ]);
    const deletes = (allow: string[]): string[] =>
      lines(requiredAccess([set], { ...NONE, prune: true, pruneAllow: allow })).filter((l) =>
        l.startsWith('delete'),
      );
    assert.deepEqual(deletes([]), []);
    assert.deepEqual(deletes(['PersistentVolumeClaim']), ['delete persistentvolumeclaims shop']);
  });

  it('needs escalate and bind only for RBAC objects, named', () => {
    const plain = requiredAccess([setOf([deployment])], ALL_USES);
    assert.ok(!plain.some((p) => p.verb === 'escalate' || p.verb === 'bind'));
    const binding = object('RoleBinding', 'read', 'shop', {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
    });
    const rbac = lines(
      requiredAccess([setOf([object('ClusterRole', 'reader'), binding])], ALL_USES),
    );
    assert.deepEqual(
      rbac.filter((l) => /^(escalate|bind) /.test(l)),
      [
        'escalate rbac.authorization.k8s.io/clusterroles * reader',
        'bind rbac.authorization.k8s.io/clusterroles shop reader',
      ],
    );
  });

  it('waiting watches the rollout, its Pods and reads their Events', () => {
    const needs = lines(requiredAccess([setOf([deployment])], { ...NONE, wait: true }));
    for (const line of ['watch apps/deployments shop', 'watch pods shop', 'list events shop'])
      assert.ok(needs.includes(line), line);
  });

  it('is the same for the same sets in any order', () => {
    const objects = [deployment, object('ConfigMap', 'a', 'shop'), object('ClusterRole', 'r')];
    const once = requiredAccess([setOf(objects)], ALL_USES);
    const again = requiredAccess([setOf([...objects].reverse())], ALL_USES);
    assert.deepEqual(once, again);
  });
});

describe('rbac manifests', () => {
  const subject = parseSubject('serviceaccount:ci:deployer', '--subject');

  it('parses the subject grammar and refuses anything else as a usage error', () => {
    assert.deepEqual(subject, { kind: 'ServiceAccount', namespace: 'ci', name: 'deployer' });
    assert.deepEqual(parseSubject('user:https://issuer#sub:1', 'x'), {
      kind: 'User',
      name: 'https://issuer#sub:1',
    });
    assert.deepEqual(parseSubject('group:deployers', 'x'), { kind: 'Group', name: 'deployers' });
    for (const bad of [
      'deployer',
      'serviceaccount:ci',
      'serviceaccount:Ci:x',
      'user:',
      'robot:x',
      'group:a\nb',
    ])
      assert.throws(() => parseSubject(bad, '--subject'), ConfigError, bad);
  });

  it('writes a ClusterRole, a Role per namespace and their bindings, in a stable order', () => {
    const binding = object('RoleBinding', 'read', 'shop', {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
    });
    const permissions = requiredAccess(
      [setOf([deployment, object('ClusterRole', 'reader'), binding, object('Namespace', 'shop')])],
      ALL_USES,
    );
    const text = rbacManifests({
      name: 'ferry:shop:web',
      subject,
      permissions,
      declaredNamespaces: ['shop'],
      header: ['what it covers'],
    });
    assert.equal(
      text,
      rbacManifests({
        name: 'ferry:shop:web',
        subject,
        permissions: [...permissions].reverse(),
        declaredNamespaces: ['shop'],
        header: ['what it covers'],
      }),
    );
    assert.ok(text.startsWith('# what it covers\n'));
    assert.doesNotMatch(text, /[&*]a\d/, 'no YAML anchors or aliases');
    const docs = yaml.loadAll(text) as { kind: string; metadata: { namespace?: string } }[];
    assert.deepEqual(
      docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ''}`.trim()),
      ['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'Role shop', 'RoleBinding shop'],
    );
    assert.match(text, /# escalate: the set holds these roles/);
    assert.match(text, /# bind: the set's bindings refer to these roles/);
    const role = docs[3] as unknown as {
      rules: { resources?: string[]; verbs: string[]; resourceNames?: string[] }[];
    };
    const bind = role.rules.find((r) => r.verbs.includes('bind'));
    assert.deepEqual(bind, {
      apiGroups: ['rbac.authorization.k8s.io'],
      resources: ['clusterroles'],
      resourceNames: ['reader'],
      verbs: ['bind'],
    });
  });
});

describe('rules allow', () => {
  const rules: SubjectRules = {
    resourceRules: [
      {
        verbs: ['get', 'patch'],
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['web'],
      },
      { verbs: ['list'], apiGroups: ['apps'], resources: ['*'] },
      { verbs: ['*'], apiGroups: ['batch'], resources: ['jobs'] },
    ],
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/api', '/openapi/*'] }],
  };
  const allow = (p: Omit<ResourcePermission, 'purposes'>): boolean =>
    rulesAllow(rules, { ...p, purposes: [] });

  it('matches verbs, groups and resources with wildcards, as the RBAC authorizer does', () => {
    assert.ok(allow({ verb: 'list', group: 'apps', resource: 'deployments', namespace: 'x' }));
    assert.ok(allow({ verb: 'delete', group: 'batch', resource: 'jobs', namespace: 'x' }));
    assert.ok(!allow({ verb: 'watch', group: 'apps', resource: 'deployments', namespace: 'x' }));
    assert.ok(!allow({ verb: 'list', group: '', resource: 'deployments', namespace: 'x' }));
  });

  it('lets resourceNames allow only requests that name one of them', () => {
    assert.ok(allow({ verb: 'patch', group: '', resource: 'configmaps', name: 'web' }));
    assert.ok(!allow({ verb: 'patch', group: '', resource: 'configmaps', name: 'other' }));
    assert.ok(
      !allow({ verb: 'patch', group: '', resource: 'configmaps' }),
      'a request naming nothing',
    );
  });

  it('matches non-resource URLs exactly or by a prefix ending in *', () => {
    const url = (path: string): boolean =>
      rulesAllow(rules, { verb: 'get', url: path, purposes: [] });
    assert.ok(url('/api') && url('/openapi/v3') && url('/openapi/v3/*'));
    assert.ok(!url('/apis') && !url('/api/v1'));
  });
});
