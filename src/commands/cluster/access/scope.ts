import type { KubeClient } from '../../../adapters/kube/client.js';
import { objectPath, type ResourceMap } from '../../../adapters/kube/discovery.js';
import type { AccessSet, SetObject } from '../../../core/access.js';
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  parseGroupKinds,
  type ApplySetParent,
} from '../../../core/applyset.js';
import { crdKinds } from '../../../core/crd-kinds.js';
import type { KindRef } from '../../../core/inventory-lists.js';
import type { KubeObject } from '../../../core/manifest.js';
import { PARENT_INFO, type Inventory } from '../inventory/inventory.js';

/** What the inventory's parent records from earlier runs: group-kinds and other namespaces. */
export interface InventoryRecordEntries {
  kinds: string[];
  namespaces: string[];
}

/**
 * The objects of a set with their kinds resolved: served kinds from discovery, kinds a CRD of
 * the set defines from that CRD; the namespace defaulted as apply defaults it. Objects of kinds
 * neither knows are left out (apply refuses them before this is asked).
 */
export function setObjects(
  objects: KubeObject[],
  resources: ResourceMap,
  parent: ApplySetParent,
): SetObject[] {
  const defined = crdKinds(objects);
  return objects.flatMap((object) => {
    const fromCrd = defined.find(
      (k) => k.apiVersion === object.apiVersion && k.kind === object.kind,
    );
    const info: KindRef | undefined =
      resources.find(object.apiVersion, object.kind) ??
      (fromCrd?.resource ? { ...fromCrd, resource: fromCrd.resource } : undefined);
    if (!info) return [];
    const metadata = { ...object.metadata };
    if (info.namespaced) metadata.namespace ??= parent.namespace;
    else delete metadata.namespace;
    return [{ info, object: { ...object, metadata } }];
  });
}

/**
 * Reads the parent's record with one GET; undefined when there is none yet, or when this
 * identity may not read it (the preflight then says so, where it matters).
 */
export async function readRecordEntries(
  client: KubeClient,
  parent: ApplySetParent,
): Promise<InventoryRecordEntries | undefined> {
  const response = await client.request<KubeObject>({
    method: 'GET',
    path: objectPath(PARENT_INFO, parent.name, parent.namespace),
  });
  if (response.status !== 200) return undefined;
  const annotations = response.body.metadata?.annotations ?? {};
  return {
    kinds: parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]),
    namespaces: parseGroupKinds(annotations[APPLYSET_NAMESPACES]),
  };
}

/** A set as its permissions see it: objects, the parent's record and, once read, its members. */
export function accessSet(
  parent: ApplySetParent,
  objects: SetObject[],
  resources: ResourceMap,
  record: InventoryRecordEntries | undefined,
  inventory?: Inventory,
): AccessSet {
  const kinds = inventory?.groupKinds ?? record?.kinds ?? [];
  return {
    parent,
    objects,
    // A recorded kind the cluster no longer serves (its CRD deleted) has nothing left to read.
    recordedKinds: kinds.flatMap((key) => resources.findGroupKind(key) ?? []),
    recordedNamespaces: inventory?.namespaces ?? record?.namespaces ?? [],
    members: (inventory?.members ?? []).map((m) => ({ info: m.info, object: m.object })),
  };
}
