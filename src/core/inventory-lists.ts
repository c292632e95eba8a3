/**
 * Which LISTs reading an inventory makes: one per kind, per namespace for sets spanning up to
 * three namespaces, else one across all namespaces. Defined once here, so the reads
 * (commands/cluster/inventory) and the permissions they need (core/access.ts) cannot disagree.
 */

/** What a LIST needs to know of a kind (discovery's ResourceInfo is one). */
export interface KindRef {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name used in URLs and RBAC rules, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  /** Served with a `status` subresource (a custom resource whose controller reports there). */
  statusSubresource?: boolean;
}

/** Above this many namespaces, one cluster-wide LIST per kind beats one LIST per namespace. */
export const PER_NAMESPACE_LIMIT = 3;

/** One LIST: a kind in one namespace, or across all (`namespace` undefined), with a label selector. */
export interface ListSpec<K extends KindRef = KindRef> {
  info: K;
  namespace?: string;
  selector: string;
}

/** The LISTs of one round, by group-kind (`Deployment.apps`, `ConfigMap`). */
export type ListPlan<K extends KindRef = KindRef> = Map<
  string,
  { info: K; namespaces: Set<string>; selector: string }
>;

/** `Kind.group` (core group: `Kind`), the form ApplySet annotations use. */
export function kindKey(info: Pick<KindRef, 'group' | 'kind'>): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

function addToPlan<K extends KindRef>(
  plan: ListPlan<K>,
  info: K,
  namespace: string | undefined,
  selector: string,
): void {
  const key = kindKey(info);
  const entry = plan.get(key) ?? { info, namespaces: new Set<string>(), selector };
  if (info.namespaced && namespace) entry.namespaces.add(namespace);
  plan.set(key, entry);
}

/** Whether a plan's entry lists its kind across all namespaces (or is cluster-scoped). */
function clusterWide(entry: { info: KindRef; namespaces: Set<string> }): boolean {
  return !entry.info.namespaced || entry.namespaces.size > PER_NAMESPACE_LIMIT;
}

/** The LIST requests of a plan. */
export function listsOf<K extends KindRef>(plan: ListPlan<K>): ListSpec<K>[] {
  return [...plan.values()].flatMap(({ info, namespaces, selector }) =>
    clusterWide({ info, namespaces })
      ? [{ info, selector }]
      : [...namespaces].map((namespace) => ({ info, namespace, selector })),
  );
}

/**
 * The first round: every kind of the objects about to be applied, unfiltered (objects not yet
 * in the set are seen too), in their namespaces.
 */
export function objectsPlan<K extends KindRef>(
  objects: { info: K; namespace?: string }[],
): ListPlan<K> {
  const plan: ListPlan<K> = new Map();
  for (const o of objects) addToPlan(plan, o.info, o.namespace, '');
  return plan;
}

/**
 * The second round: members of kinds and namespaces the parent records that the first round did
 * not cover (kinds the manifests dropped), filtered by the set's label.
 */
export function recordedPlan<K extends KindRef>(
  first: ListPlan<K>,
  recordedKinds: K[],
  recordedNamespaces: string[],
  selector: string,
): ListPlan<K> {
  const second: ListPlan<K> = new Map();
  for (const info of recordedKinds) {
    const listed = first.get(kindKey(info));
    if (listed && clusterWide(listed)) continue;
    const missing = info.namespaced
      ? recordedNamespaces.filter((ns) => !listed?.namespaces.has(ns))
      : listed
        ? []
        : [undefined];
    for (const ns of missing) addToPlan(second, info, ns, selector);
  }
  return second;
}
