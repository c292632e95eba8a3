import type { KubeClient } from '../../../adapters/kube/client.js';
import { crdKinds, crdsOf } from '../../../core/crd-kinds.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import type { ListCache } from '../../../adapters/kube/list-cache.js';
import { loadSchemas } from '../../../adapters/kube/openapi.js';
import { parentProblem, type ApplySetParent } from '../../../core/applyset.js';
import { ConfigError } from '../../../core/errors.js';
import { checkUniqueIdentities, type KubeObject } from '../../../core/manifest.js';
import type { SchemaSet } from '../../../core/schema.js';
import { desiredObject, readInventory, type DesiredObject, type Inventory } from './inventory.js';

/** Reads made once for several sets (`drift --all`), which each set's read draws on. */
export interface SharedReads {
  lists: ListCache;
  schemas: SchemaSet;
}

/** What apply, plan and drift know of a set before they compare or write anything. */
export interface LiveState {
  /** The served objects, resolved against discovery and made members of the set. */
  desired: DesiredObject[];
  inventory: Inventory;
  schemas: SchemaSet;
}

/**
 * Reads the set's live state and the merge semantics of its kinds, side by side: one LIST per
 * kind (readInventory) and the OpenAPI index plus any document not cached (loadSchemas). Objects
 * of kinds the server does not serve yet are left out of `desired`.
 */
export async function readLiveState(
  client: KubeClient,
  resources: ResourceMap,
  parent: ApplySetParent,
  objects: KubeObject[],
  shared?: SharedReads,
): Promise<LiveState> {
  const desired = objects
    .filter((o) => resources.find(o.apiVersion, o.kind))
    .map((o) => desiredObject(o, resources, parent));
  const [inventory, schemas] = await Promise.all([
    readInventory(client, resources, parent, desired, undefined, shared?.lists),
    shared?.schemas ?? loadSchemas(client, objects, crdsOf(objects)),
  ]);
  return { desired, inventory, schemas };
}

/** Refuses manifests that hold the inventory's own record (its parent ConfigMap). */
export function refuseParentClash(objects: KubeObject[], parent: ApplySetParent): void {
  const clash = objects.some(
    (o) =>
      o.kind === 'ConfigMap' &&
      o.apiVersion === 'v1' &&
      o.metadata.name === parent.name &&
      (o.metadata.namespace ?? parent.namespace) === parent.namespace,
  );
  if (clash) {
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`,
    );
  }
}

/**
 * Refuses an inventory whose ConfigMap exists and is not ferry's record: a plain ConfigMap of
 * the same name, or another tool's ApplySet parent (kubectl's, by KEP-3659's tooling rule).
 */
export function refuseForeignParent(inventory: Inventory): void {
  const { parent, parentLive } = inventory;
  const problem = parentLive && parentProblem(parentLive, parent);
  if (problem) throw new ConfigError(foreignParentMessage(parent, problem));
}

/** The one line saying an inventory's ConfigMap is not ferry's record, and why. */
export function foreignParentMessage(parent: ApplySetParent, problem: string): string {
  return `--inventory ${parent.name}: ConfigMap ${parent.namespace}/${parent.name} exists and is not an inventory record of ferry's (${problem}); choose another --inventory`;
}

/**
 * The kinds the CRDs among the manifests define, as `apiVersion/kind` (one per served version),
 * and whether each is namespaced: what discovery will say once they are applied.
 */
export function kindsDefinedBy(objects: KubeObject[]): Map<string, boolean> {
  return new Map(crdKinds(objects).map((k) => [`${k.apiVersion}/${k.kind}`, k.namespaced]));
}

/**
 * Refuses two manifests of one object, naming both files, once each namespace is what the API
 * server will make of it: a namespaced kind's missing namespace is the set's, a cluster-scoped
 * kind has none (discovery, or a CRD among the manifests, says which). `sources` names the file
 * of each object.
 */
export function refuseDuplicates(
  objects: KubeObject[],
  sources: ReadonlyMap<KubeObject, string>,
  parent: ApplySetParent,
  resources: ResourceMap,
): void {
  const defined = kindsDefinedBy(objects);
  checkUniqueIdentities(
    objects.map((object, i) => ({ source: sources.get(object) ?? `manifest ${i + 1}`, object })),
    {
      namespace: parent.namespace,
      namespaced: (o) =>
        resources.find(o.apiVersion, o.kind)?.namespaced ??
        defined.get(`${o.apiVersion}/${o.kind}`),
    },
  );
}
