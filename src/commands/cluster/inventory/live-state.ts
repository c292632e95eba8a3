import type { KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import type { ListCache } from '../../../adapters/kube/list-cache.js';
import { loadSchemas } from '../../../adapters/kube/openapi.js';
import { APPLYSET_TOOLING, type ApplySetParent } from '../../../core/applyset.js';
import { ConfigError, OperationError } from '../../../core/errors.js';
import type { KubeObject } from '../../../core/manifest.js';
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

/** The CRDs among the manifests: the schema of a kind the server does not publish yet. */
export function crdsOf(objects: KubeObject[]): KubeObject[] {
  return objects.filter(
    (o) =>
      o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/'),
  );
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

/** Refuses an inventory another tool records (kubectl's ApplySet, by KEP-3659's tooling rule). */
export function refuseForeignTooling(inventory: Inventory): void {
  const { parent, parentLive } = inventory;
  const tooling = parentLive?.metadata.annotations?.[APPLYSET_TOOLING];
  if (tooling && !tooling.startsWith('ferry/')) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name} belongs to ${tooling}, not ferry; choose another --inventory`,
    );
  }
}
