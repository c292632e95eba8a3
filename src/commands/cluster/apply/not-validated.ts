import type { KubeObject } from '../../../core/manifest.js';
import type { DesiredObject, Inventory } from '../inventory/inventory.js';

/**
 * Objects a server-side dry-run cannot check before the run that creates what they need: their
 * Namespace (a dry run creates nothing, so the server answers 404) or the CRD that serves their
 * kind. apply --dry-run and plan both skip them, and say why in the same words.
 */
export const NOT_VALIDATED = {
  namespace: 'not validated: its namespace does not exist yet',
  crd: 'not validated: its CRD is not installed yet',
} as const;

/** Namespaces the manifests create: Namespace objects not on the cluster yet. */
export function namespacesToCreate(desired: DesiredObject[], inventory: Inventory): Set<string> {
  return new Set(
    desired
      .filter((d) => d.object.kind === 'Namespace' && !inventory.liveOf(d.id))
      .map((d) => d.object.metadata.name),
  );
}

/** Whether `object` lives in one of the `created` namespaces (so cannot be dry-run yet). */
export function inNamespaceToCreate(object: KubeObject, created: ReadonlySet<string>): boolean {
  return created.has(object.metadata.namespace ?? '');
}
