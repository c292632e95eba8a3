import type { KubeClient } from '../adapters/kube/client.js';
import type { ResourceInfo, ResourceMap } from '../adapters/kube/discovery.js';
import { listObjects } from '../adapters/kube/objects.js';
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  MANIFEST_HASH,
  foreignOwner,
  groupKind,
  parseGroupKinds,
  type ApplySetParent,
} from '../core/applyset.js';
import { compareDesired } from '../core/compare.js';
import { identityOf, type KubeObject } from '../core/manifest.js';

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

/** Above this many namespaces, one cluster-wide LIST per kind beats one LIST per namespace. */
const PER_NAMESPACE_LIMIT = 3;

/**
 * What the cluster holds for an ApplySet and the objects about to be applied, read with one
 * LIST per kind (per namespace for sets spanning up to three): live state for every desired
 * object (member or not) and every member of the set, including kinds the manifests dropped.
 */
export class Inventory {
  constructor(
    readonly parent: ApplySetParent,
    /** Group-kinds and namespaces the parent recorded on the previous run. */
    readonly groupKinds: string[],
    readonly namespaces: string[],
    private readonly live: Map<string, KubeObject>,
    readonly members: LiveMember[],
  ) {}

  liveOf(id: string): KubeObject | undefined {
    return this.live.get(id);
  }

  /** Whether applying would change the object: new, manifest changed, or owned fields edited live. */
  needsWrite(desired: DesiredObject): boolean {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (
      live.metadata.annotations?.[MANIFEST_HASH] !==
      desired.object.metadata.annotations?.[MANIFEST_HASH]
    )
      return true;
    return compareDesired(desired.object, live).length > 0;
  }

  /** This inventory plus what a later read found (kinds a just-created CRD serves). */
  merge(other: Inventory): Inventory {
    const live = new Map([...this.live, ...other.live]);
    return new Inventory(this.parent, this.groupKinds, this.namespaces, live, [
      ...this.members,
      ...other.members,
    ]);
  }

  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired: DesiredObject): string | undefined {
    const live = this.live.get(desired.id);
    return live ? foreignOwner(live, this.parent) : undefined;
  }
}

/** Reads the inventory: the parent's record, then one LIST per kind. */
export async function readInventory(
  client: KubeClient,
  resources: ResourceMap,
  parent: ApplySetParent,
  parentObject: KubeObject | undefined,
  desired: DesiredObject[],
  /** Also list the kinds the parent recorded (false when extending an inventory already read). */
  includeRecorded = true,
): Promise<Inventory> {
  const annotations = parentObject?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES]),
  ];
  const byKind = new Map<
    string,
    { info: ResourceInfo; namespaces: Set<string>; membersOnly: boolean }
  >();
  for (const d of desired) {
    const key = groupKind(d.object);
    const entry = byKind.get(key) ?? {
      info: d.info,
      namespaces: new Set<string>(),
      membersOnly: false,
    };
    if (d.object.metadata.namespace) entry.namespaces.add(d.object.metadata.namespace);
    byKind.set(key, entry);
  }
  for (const key of includeRecorded ? recordedKinds : []) {
    const info = resources.findGroupKind(key);
    if (!info) continue; // the kind is gone from the cluster (CRD deleted): nothing left to list
    const entry = byKind.get(key) ?? { info, namespaces: new Set<string>(), membersOnly: true };
    for (const ns of recordedNamespaces) entry.namespaces.add(ns);
    byKind.set(key, entry);
  }
  const selector = `${APPLYSET_PART_OF}=${parent.id}`;
  const lists = [...byKind.values()].flatMap(({ info, namespaces, membersOnly }) => {
    const label = membersOnly ? selector : '';
    if (!info.namespaced || namespaces.size > PER_NAMESPACE_LIMIT)
      return [listObjects(client, info, label).then((items) => ({ info, items }))];
    return [...namespaces].map((ns) =>
      listObjects(client, info, label, ns).then((items) => ({ info, items })),
    );
  });
  const live = new Map<string, KubeObject>();
  const members: LiveMember[] = [];
  for (const { info, items } of await Promise.all(lists)) {
    for (const object of items) {
      const id = identityOf(object);
      live.set(id, object);
      if (object.metadata.labels?.[APPLYSET_PART_OF] === parent.id)
        members.push({ id, object, info });
    }
  }
  return new Inventory(parent, recordedKinds, recordedNamespaces.slice(1), live, members);
}
