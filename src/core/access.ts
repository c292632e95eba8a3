/**
 * The Kubernetes permissions ferry needs for a set, derived from what its commands request (the
 * full list of requests: adapters/kube/objects.ts, discovery.ts, openapi.ts, rollout.ts and the
 * inventory record). One function, used by `ferry rbac` to write the Roles and by the preflight
 * of apply and plan to check them, so the two cannot disagree. ferry never sends PUT (`update`):
 * it writes by server-side apply (`patch`, and `create` for a new object), creates the inventory
 * record and validates a replaced Job with POST (`create`), and deletes with a uid precondition.
 */
import { APPLYSET_PART_OF, type ApplySetParent } from './applyset.js';
import { kindKey, listsOf, objectsPlan, recordedPlan, type KindRef } from './inventory-lists.js';
import type { KubeObject } from './manifest.js';
import { PRUNE_PROTECTED_KINDS } from './ordering.js';
import { podSelector, waitsForRollout } from './rollout.js';

/** Why ferry needs a permission, as the generated Roles' comments and the preflight say it. */
export type Purpose =
  | 'discovery'
  | 'read'
  | 'server-side apply'
  | 'inventory'
  | 'lost race'
  | 'replace Jobs'
  | 'new CRDs'
  | 'prune'
  | 'wait'
  | 'drift --confirm'
  | 'drift alerts'
  | 'escalate'
  | 'bind';

/**
 * A verb on a resource: in `namespace` (undefined: cluster-scoped, or across all namespaces),
 * on the object `name` only when set.
 */
export interface ResourcePermission {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  /** A namespaced resource across all namespaces (a LIST of a kind in more than three). */
  allNamespaces?: true;
  name?: string;
  purposes: Purpose[];
}

/** A GET of a non-resource URL (discovery, OpenAPI); `*` at the end matches any suffix. */
export interface UrlPermission {
  verb: 'get';
  url: string;
  purposes: Purpose[];
}

export type Permission = ResourcePermission | UrlPermission;

export const isUrlPermission = (p: Permission): p is UrlPermission => 'url' in p;

/** An object of the set, its kind resolved (its namespace defaulted as apply defaults it). */
export interface SetObject {
  info: KindRef;
  object: KubeObject;
}

/** One inventory as far as its permissions go. */
export interface AccessSet {
  parent: ApplySetParent;
  /** The manifests, each resolved to its resource (kinds a CRD of the set defines, from the CRD). */
  objects: SetObject[];
  /** Kinds and other namespaces the parent records from earlier runs (kinds the cluster serves). */
  recordedKinds: KindRef[];
  recordedNamespaces: string[];
  /** Live members of the set, when read: prune may delete any of them. */
  members: SetObject[];
}

/** What the identity does with the sets. */
export interface AccessUses {
  /** Server-side dry-runs of each write (apply, plan, apply --dry-run). */
  validate: boolean;
  /** Real writes: objects, the inventory record, replaced Jobs, new CRDs awaited (apply). */
  write: boolean;
  /** Delete members the manifests dropped (apply --prune), and the labelled LISTs it makes. */
  prune: boolean;
  /** Protected kinds (Namespace, CRD, PV, PVC) prune may delete (`--prune-allow`). */
  pruneAllow: readonly string[];
  /** Watch rollouts, their Pods and Events (apply --wait). */
  wait: boolean;
  /** drift --confirm's dry-runs and the alert state drift records on the parent. */
  drift: boolean;
}

/** Every use: what `ferry rbac` grants (plan, apply --prune --wait, drift with alerts). */
export const ALL_USES: AccessUses = {
  validate: true,
  write: true,
  prune: true,
  pruneAllow: [],
  wait: true,
  drift: true,
};

/**
 * What ferry's discovery and OpenAPI reads need: the default ClusterRole `system:discovery`
 * grants these to every authenticated user.
 */
export const DISCOVERY_URLS = ['/api', '/apis', '/openapi/v3', '/openapi/v3/*'];

const PARENT_KIND: KindRef = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  namespaced: true,
};
const CRD_KIND = { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' };
const PODS = { group: '', resource: 'pods' };
const EVENTS = { group: '', resource: 'events' };
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The permissions, deduplicated (purposes merged), in a stable order. */
class Permissions {
  private readonly byKey = new Map<string, Permission>();

  add(permission: Permission): void {
    // Sorts by resource, namespace and name, then verb; URLs first.
    const key = isUrlPermission(permission)
      ? `\u0000${permission.url}`
      : [
          permission.group,
          permission.resource,
          permission.namespace ?? '',
          permission.name ?? '',
          permission.verb,
        ].join('\u0001');
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...permission, purposes: [...permission.purposes] });
    else
      for (const p of permission.purposes) if (!known.purposes.includes(p)) known.purposes.push(p);
  }

  /** `verb` on an object's resource: namespaced ones in their namespace; cluster-scoped by name. */
  onObject(verb: string, o: SetObject, purpose: Purpose, named = !o.info.namespaced): void {
    this.add({
      verb,
      group: o.info.group,
      resource: o.info.resource,
      ...(o.info.namespaced ? { namespace: o.object.metadata.namespace } : {}),
      ...(named ? { name: o.object.metadata.name } : {}),
      purposes: [purpose],
    });
  }

  sorted(): Permission[] {
    return [...this.byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, p]) => p);
  }
}

/**
 * The permissions the uses of these sets need. Namespaced resources are granted per namespace
 * without names (one check per verb, resource and namespace), except the inventory's own record
 * and what escalate and bind name; cluster-scoped objects by name, except LISTs, which read a
 * whole kind and so cannot be limited to names (RBAC matches `resourceNames` for list and watch
 * only with a `metadata.name` field selector).
 */
export function requiredAccess(sets: AccessSet[], uses: AccessUses): Permission[] {
  const out = new Permissions();
  for (const url of DISCOVERY_URLS) out.add({ verb: 'get', url, purposes: ['discovery'] });
  for (const set of sets) addSet(out, set, uses);
  return out.sorted();
}

function addSet(out: Permissions, set: AccessSet, uses: AccessUses): void {
  const { parent, objects } = set;
  addReads(out, set);
  const parentObject: SetObject = {
    info: PARENT_KIND,
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: parent.name, namespace: parent.namespace },
    },
  };
  if (uses.validate) {
    for (const o of objects) {
      out.onObject('patch', o, 'server-side apply');
      out.onObject('create', o, 'server-side apply');
      addRbacGrants(out, o);
    }
  }
  if (uses.write) {
    out.onObject('get', parentObject, 'inventory', true);
    out.onObject('patch', parentObject, 'inventory', true);
    // A new record is created with POST, which names no object: RBAC cannot limit it to a name.
    out.onObject('create', parentObject, 'inventory', false);
    for (const o of objects) {
      // A write conditional on what ferry read, refused because the object moved meanwhile,
      // reads the object again (writes.ts, claimingApply).
      out.onObject('get', o, 'lost race');
      if (o.info.group === CRD_KIND.group && o.info.resource === CRD_KIND.resource)
        out.onObject('watch', o, 'new CRDs', true);
      if (o.object.kind === 'Job' && o.info.group === 'batch') {
        // A changed Job is deleted and created again; its replacement is validated by a dry-run
        // POST, which names no object.
        out.onObject('delete', o, 'replace Jobs');
        out.onObject('get', o, 'replace Jobs');
        out.onObject('create', o, 'replace Jobs', false);
      }
    }
  }
  if (uses.wait) for (const o of objects) addWait(out, o);
  if (uses.prune) addPrune(out, set, uses.pruneAllow);
  if (uses.drift) {
    for (const o of objects) out.onObject('patch', o, 'drift --confirm');
    out.onObject('patch', parentObject, 'drift alerts', true);
    out.onObject('create', parentObject, 'drift alerts', true);
  }
}

/** The LISTs readInventory makes (core/inventory-lists.ts), unfiltered and by label. */
function addReads(out: Permissions, set: AccessSet): void {
  const { parent } = set;
  const first = objectsPlan([
    ...set.objects.map((o) => ({ info: o.info, namespace: o.object.metadata.namespace })),
    { info: PARENT_KIND, namespace: parent.namespace },
  ]);
  const second = recordedPlan(
    first,
    set.recordedKinds,
    [parent.namespace, ...set.recordedNamespaces],
    `${APPLYSET_PART_OF}=${parent.id}`,
  );
  for (const list of [...listsOf(first), ...listsOf(second)]) {
    out.add({
      verb: 'list',
      group: list.info.group,
      resource: list.info.resource,
      ...(list.namespace !== undefined ? { namespace: list.namespace } : {}),
      ...(list.info.namespaced && list.namespace === undefined ? { allNamespaces: true } : {}),
      purposes: ['read'],
    });
  }
}

/**
 * Creating or changing a Role or ClusterRole that grants rights the identity does not hold needs
 * `escalate` on it; a binding needs `bind` on the role it refers to, in the binding's namespace.
 */
function addRbacGrants(out: Permissions, o: SetObject): void {
  if (o.info.group !== RBAC_GROUP) return;
  const namespace = o.info.namespaced ? { namespace: o.object.metadata.namespace } : {};
  if (o.info.resource === 'roles' || o.info.resource === 'clusterroles') {
    const name = o.object.metadata.name;
    out.add({
      verb: 'escalate',
      group: RBAC_GROUP,
      resource: o.info.resource,
      ...namespace,
      name,
      purposes: ['escalate'],
    });
  }
  if (o.info.resource === 'rolebindings' || o.info.resource === 'clusterrolebindings') {
    const ref = (o.object as { roleRef?: { kind?: string; name?: string } }).roleRef;
    if (!ref?.name || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) return;
    const resource = ref.kind === 'Role' ? 'roles' : 'clusterroles';
    out.add({
      verb: 'bind',
      group: RBAC_GROUP,
      resource,
      ...namespace,
      name: ref.name,
      purposes: ['bind'],
    });
  }
}

/** `--wait`: a watch of each rollout by name, of its Pods, and the Events of a failing Pod. */
function addWait(out: Permissions, o: SetObject): void {
  const { group, statusSubresource = false } = o.info;
  if (!waitsForRollout(o.object, { group, statusSubresource })) return;
  out.onObject('watch', o, 'wait');
  const namespace = o.object.metadata.namespace;
  if (!o.info.namespaced || namespace === undefined || !podSelector(o.object)) return;
  out.add({ verb: 'watch', ...PODS, namespace, purposes: ['wait'] });
  out.add({ verb: 'list', ...EVENTS, namespace, purposes: ['wait'] });
}

/**
 * `--prune`: deleting any member the manifests dropped — namespaced kinds in the namespaces where
 * the set has objects or members of them, cluster-scoped ones by name — and the labelled LISTs
 * that look for members of every kind in every namespace of the set once the record shrinks.
 */
function addPrune(out: Permissions, set: AccessSet, pruneAllow: readonly string[]): void {
  const all = [...set.objects, ...set.members];
  const prunable = (info: KindRef): boolean =>
    !PRUNE_PROTECTED_KINDS.includes(info.kind) || pruneAllow.includes(info.kind);
  for (const o of all) if (prunable(o.info)) out.onObject('delete', o, 'prune');
  const kinds = new Map<string, KindRef>();
  for (const info of [...all.map((o) => o.info), ...set.recordedKinds])
    kinds.set(kindKey(info), info);
  const namespaces = new Set([
    set.parent.namespace,
    ...set.recordedNamespaces,
    ...all.flatMap((o) => (o.info.namespaced ? [o.object.metadata.namespace ?? ''] : [])),
  ]);
  namespaces.delete('');
  for (const { group, resource, namespaced } of kinds.values()) {
    if (!namespaced) out.add({ verb: 'list', group, resource, purposes: ['prune'] });
    else
      for (const namespace of namespaces)
        out.add({ verb: 'list', group, resource, namespace, purposes: ['prune'] });
  }
}

/** One line for a permission: `patch apps/deployments in namespace shop (apply)`. */
export function describePermission(p: Permission): string {
  const why = ` (${p.purposes.join(', ')})`;
  if (isUrlPermission(p)) return `get ${p.url}${why}`;
  const resource = p.group ? `${p.group}/${p.resource}` : p.resource;
  const name = p.name ? ` ${p.name}` : '';
  const where = p.namespace
    ? ` in namespace ${p.namespace}`
    : p.allNamespaces
      ? ' in all namespaces'
      : '';
  return `${p.verb} ${resource}${name}${where}${why}`;
}
