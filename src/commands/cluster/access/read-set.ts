import type { KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import { ALL_USES, type AccessSet, type AccessUses } from '../../../core/access.js';
import { applySetParent } from '../../../core/applyset.js';
import type { KubeObject } from '../../../core/manifest.js';
import { checkKindsKnown } from '../apply/apply.js';
import { desiredObject, readInventory } from '../inventory/inventory.js';
import { refuseParentClash } from '../inventory/live-state.js';
import type { Logger } from '../../../adapters/logger.js';
import { readSet, type SetSettings } from '../set-source.js';
import { accessSet, setObjects } from './scope.js';

/** One set: a folder of manifests applied as one inventory. */
export interface RbacSetOptions {
  dir: string;
  inventory: string;
  /** The inventory's namespace, and of objects that name none (default: the context's). */
  namespace?: string;
  /** What the identity does with it (default: everything, prune of `pruneAllow` included). */
  uses?: AccessUses;
  /** How the header names the set's settings (an environment repo's set: its descriptor's). */
  note?: string;
  /** How a set that is a kustomization or a chart is built, as apply builds it (issue 22). */
  source?: SetSettings;
  /** The set's manifests, when the caller has read them already (`rbac --all`). */
  manifests?: KubeObject[];
}

/** A set read for its permissions. */
export interface ReadAccessSet {
  set: AccessSet;
  uses: AccessUses;
  summary: string;
}

/**
 * A set read for its permissions: the manifests resolved (kinds defined by CRDs among `crds`
 * too: the sets applied with it), the inventory's record and members.
 */
export async function readAccessSet(
  client: KubeClient,
  resources: ResourceMap,
  options: RbacSetOptions,
  crds: KubeObject[] = [],
  log?: Logger,
): Promise<ReadAccessSet> {
  const namespace = options.namespace ?? client.contextNamespace;
  // As apply reads it (SOPS files decrypted: their names may be encrypted too; a chart
  // templated with the inventory as its release, so the names granted are the names applied);
  // whether a Secret is plaintext is apply's question, not this one's.
  const manifests =
    options.manifests ??
    (
      await readSet(options.dir, {
        allowPlaintextSecrets: true,
        inventory: options.inventory,
        namespace,
        ...(options.source ? { source: options.source } : {}),
        ...(log ? { log } : {}),
      })
    ).objects;
  const parent = applySetParent(options.inventory, namespace);
  checkKindsKnown([...manifests, ...crds], resources);
  refuseParentClash(manifests, parent);
  const objects = setObjects(manifests, resources, parent, [...manifests, ...crds]);
  const served = manifests
    .filter((o) => resources.find(o.apiVersion, o.kind))
    .map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, served);
  const kinds = new Set(manifests.map((o) => `${o.apiVersion}/${o.kind}`)).size;
  const summary = `inventory ${parent.namespace}/${parent.name}: ${manifests.length} object(s) of ${kinds} kind(s) from ${options.dir}${options.note ?? ''}, ${inventory.members.length} live member(s)`;
  return {
    set: accessSet(parent, objects, resources, undefined, inventory),
    uses: options.uses ?? ALL_USES,
    summary,
  };
}
