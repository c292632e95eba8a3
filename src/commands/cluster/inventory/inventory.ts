import type { KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceInfo, ResourceMap } from '../../../adapters/kube/discovery.js';
import type { ListCache } from '../../../adapters/kube/list-cache.js';
import { FIELD_MANAGER, listObjectsAt } from '../../../adapters/kube/objects.js';
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_ID,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  asMember,
  MANIFEST_HASH,
  foreignOwner,
  parseGroupKinds,
  type ApplySetParent,
} from '../../../core/applyset.js';
import { withLiveBuildAnnotations } from '../../../core/build-annotations.js';
import { completedBefore } from '../../../core/completed-jobs.js';
import { differencesOf } from '../../../core/drift.js';
import type { SchemaSet } from '../../../core/schema.js';
import { identityOf, type KubeObject } from '../../../core/manifest.js';
import { phaseOf } from '../../../core/ordering.js';
import {
  listsOf,
  objectsPlan,
  recordedPlan,
  type ListPlan,
} from '../../../core/inventory-lists.js';

/** An object ferry wants on the cluster, resolved against discovery. */
export interface DesiredObject {
  id: string;
  object: KubeObject;
  info: ResourceInfo;
  phase: number;
}

/** A live member of the set: carries the set's part-of label. */
export interface LiveMember {
  id: string;
  object: KubeObject;
  info: ResourceInfo;
}

/** The ApplySet parent is a ConfigMap. */
export const PARENT_INFO: ResourceInfo = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  namespaced: true,
  statusSubresource: false,
};

/** Resolves an object against discovery, defaults its namespace, and makes it a member of the set. */
export function desiredObject(
  object: KubeObject,
  resources: ResourceMap,
  parent: ApplySetParent,
): DesiredObject {
  const info = resources.find(object.apiVersion, object.kind)!;
  const metadata = { ...object.metadata };
  if (info.namespaced)
    metadata.namespace ||= parent.namespace; // `namespace: ""` is none
  else delete metadata.namespace;
  // Generated manifests often carry a `status` (`kubectl create … -o yaml`); where the API
  // server keeps status behind its subresource it ignores it, so it is neither applied nor
  // compared (it would be drift forever).
  const asApplied: KubeObject & { status?: unknown } = { ...object, metadata };
  if (info.statusSubresource) delete asApplied.status;
  const member = asMember(asApplied, parent);
  return { id: identityOf(member), object: member, info, phase: phaseOf(member, info.namespaced) };
}

/**
 * What the cluster holds for an ApplySet and the objects about to be applied, read with one
 * LIST per kind (per namespace for sets spanning up to three): live state for every desired
 * object (member or not) and every member of the set, including kinds the manifests dropped.
 */
export class Inventory {
  constructor(
    readonly parent: ApplySetParent,
    /** The parent ConfigMap as it is on the cluster, if the set was applied before. */
    readonly parentLive: KubeObject | undefined,
    /** Group-kinds and namespaces the parent recorded on the previous run. */
    readonly groupKinds: string[],
    readonly namespaces: string[],
    private readonly live: Map<string, KubeObject>,
    readonly members: LiveMember[],
    /** The resourceVersion of each LIST read, by {@link listKey}: the state it saw. */
    private readonly listedAt: Map<string, string> = new Map(),
  ) {}

  liveOf(id: string): KubeObject | undefined {
    return this.live.get(id);
  }

  /**
   * A Job that ran for this very manifest and was then removed by its TTL: done, not missing
   * (core/completed-jobs.ts).
   */
  ranAndRemoved(desired: DesiredObject): boolean {
    return (
      !this.live.has(desired.id) && completedBefore(this.parentLive, desired.id, desired.object)
    );
  }

  /**
   * Whether applying would change the object: new, manifest changed, or any field drift would
   * report (the same comparison, so everything drift reports, apply restores).
   */
  needsWrite(desired: DesiredObject, schemas: SchemaSet): boolean {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (
      live.metadata.annotations?.[MANIFEST_HASH] !==
      desired.object.metadata.annotations?.[MANIFEST_HASH]
    )
      return true;
    const schema = schemas.forKind(desired.object.apiVersion, desired.object.kind);
    return differencesOf(desired.object, live, schema, FIELD_MANAGER).length > 0;
  }

  /** This inventory plus what a later read found (kinds a just-created CRD serves). */
  merge(other: Inventory): Inventory {
    const live = new Map([...this.live, ...other.live]);
    const listedAt = new Map([...this.listedAt, ...other.listedAt]);
    return new Inventory(
      this.parent,
      this.parentLive,
      this.groupKinds,
      this.namespaces,
      live,
      [...this.members, ...other.members],
      listedAt,
    );
  }

  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired: DesiredObject): string | undefined {
    const live = this.live.get(desired.id);
    return live ? this.ownerOf(live) : undefined;
  }

  /**
   * Who else owns `live` (core/applyset.ts), another ApplySet named by its inventory when its
   * parent is a ConfigMap this read saw (ConfigMaps in the inventory's namespace are all read)
   * or one of `parents` (read since).
   */
  ownerOf(live: KubeObject, parents: KubeObject[] = []): string | undefined {
    return foreignOwner(live, this.parent, (id) => {
      for (const object of [...parents, ...this.live.values()])
        if (object.kind === 'ConfigMap' && object.metadata.labels?.[APPLYSET_ID] === id)
          return `${object.metadata.namespace}/${object.metadata.name}`;
      return undefined;
    });
  }

  /**
   * The resourceVersion a write of `desired` is conditional on: the live object's as read, or,
   * for an object the read did not find, the revision of the LIST that did not find it. Either
   * way the API server refuses the write (409) if anyone created or changed the object since,
   * so ferry claims an object only in the state it checked (no other owner).
   */
  readVersion(desired: DesiredObject): string | undefined {
    const live = this.live.get(desired.id);
    if (live) return (live.metadata as { resourceVersion?: string }).resourceVersion;
    const { info } = desired;
    return (
      this.listedAt.get(listKey(info, desired.object.metadata.namespace)) ??
      this.listedAt.get(listKey(info, undefined))
    );
  }
}

/** A LIST's scope: group-kind and namespace (`*`: every namespace, or cluster-scoped). */
function listKey(info: ResourceInfo, namespace: string | undefined): string {
  return `${info.group ? `${info.kind}.${info.group}` : info.kind}|${info.namespaced && namespace ? namespace : '*'}`;
}

interface ListResult {
  info: ResourceInfo;
  items: KubeObject[];
  /** {@link listKey} of an unfiltered list, with its resourceVersion. */
  listed?: [string, string];
}

/**
 * Runs the LISTs of a plan in parallel; returns the objects and what was covered. With `shared`
 * (several sets read at once, for drift: no write needs a list's resourceVersion), a LIST it
 * already holds is answered from it.
 */
async function runPlan(
  client: KubeClient,
  plan: ListPlan<ResourceInfo>,
  shared?: ListCache,
): Promise<ListResult[]> {
  const list = async (
    info: ResourceInfo,
    selector: string,
    namespace: string | undefined,
  ): Promise<ListResult> => {
    const cached = shared?.lookup(info, selector, namespace);
    if (cached) return { info, items: await cached };
    const { items, resourceVersion } = await listObjectsAt(client, info, selector, namespace);
    // Only an unfiltered list proves an object absent.
    const listed: [string, string] | undefined =
      selector === '' && resourceVersion ? [listKey(info, namespace), resourceVersion] : undefined;
    return { info, items, ...(listed ? { listed } : {}) };
  };
  return Promise.all(
    listsOf(plan).map(({ info, namespace, selector }) => list(info, selector, namespace)),
  );
}

/**
 * Reads the inventory with one LIST per kind: every kind of `desired` (unfiltered, so objects
 * not yet in the set are seen too) plus ConfigMaps in the inventory's namespace, which holds its
 * parent; then, from the parent's record, members of kinds and namespaces the manifests no
 * longer have (filtered by the set's label). `extend` reads only `desired` (after a CRD appeared).
 * A desired object that differs from its live one only by per-build annotations an older ferry
 * stamped on it takes them over (see core/build-annotations.ts), so it is not rewritten.
 */
export async function readInventory(
  client: KubeClient,
  resources: ResourceMap,
  parent: ApplySetParent,
  desired: DesiredObject[],
  extend?: Inventory,
  shared?: ListCache,
): Promise<Inventory> {
  const first = objectsPlan([
    ...desired.map((d) => ({ info: d.info, namespace: d.object.metadata.namespace })),
    // The parent lives among the ConfigMaps of its namespace.
    ...(extend ? [] : [{ info: PARENT_INFO, namespace: parent.namespace }]),
  ]);
  const results = await runPlan(client, first, shared);
  const live = new Map<string, KubeObject>();
  const parentId = `/ConfigMap/${parent.namespace}/${parent.name}`;
  const listedAt = new Map<string, string>();
  const collect = (batch: ListResult[]): LiveMember[] =>
    batch.flatMap(({ info, items, listed }) => {
      if (listed) listedAt.set(...listed);
      return items.flatMap((object) => {
        const id = identityOf(object);
        live.set(id, object);
        return object.metadata.labels?.[APPLYSET_PART_OF] === parent.id
          ? [{ id, object, info }]
          : [];
      });
    });
  const members = collect(results);
  const parentLive = extend ? extend.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES]),
  ];
  if (!extend) {
    // A kind gone from the cluster (CRD deleted) has nothing left to list.
    const kinds = recordedKinds.flatMap((key) => resources.findGroupKind(key) ?? []);
    const selector = `${APPLYSET_PART_OF}=${parent.id}`;
    const second = recordedPlan(first, kinds, recordedNamespaces, selector);
    members.push(...collect(await runPlan(client, second, shared)));
  }
  // Objects applied by an older ferry still carry per-build annotations git no longer has.
  for (const d of desired) {
    const liveObject = live.get(d.id);
    const carried = liveObject && withLiveBuildAnnotations(d.object, liveObject, parent);
    if (carried) d.object = carried;
  }
  const inventory = new Inventory(
    parent,
    parentLive,
    recordedKinds,
    recordedNamespaces.slice(1),
    live,
    members,
    listedAt,
  );
  return extend ? extend.merge(inventory) : inventory;
}
