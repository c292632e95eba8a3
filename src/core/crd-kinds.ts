import type { KindRef } from './inventory-lists.js';
import type { KubeObject } from './manifest.js';

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { kind?: string; plural?: string };
  versions?: { name?: string; subresources?: { status?: unknown } }[];
}

/** A kind a CRD of the manifests defines: what discovery will say of it once it is applied. */
export interface CrdKind extends Omit<KindRef, 'resource'> {
  apiVersion: string;
  /** The plural resource name; undefined in a CRD the API server would refuse. */
  resource: string | undefined;
}

/** The CustomResourceDefinitions among `objects`. */
export function crdsOf(objects: KubeObject[]): KubeObject[] {
  return objects.filter(
    (o) =>
      o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/'),
  );
}

/** The kinds the CRDs among `objects` define, one per version, with their resource and scope. */
export function crdKinds(objects: KubeObject[]): CrdKind[] {
  return crdsOf(objects).flatMap((crd) => {
    const spec = (crd.spec ?? {}) as CrdSpec;
    const group = spec.group ?? '';
    const kind = spec.names?.kind;
    if (!kind) return [];
    return (spec.versions ?? []).flatMap((v) =>
      v.name
        ? [
            {
              apiVersion: `${group}/${v.name}`,
              group,
              version: v.name,
              kind,
              resource: spec.names?.plural,
              namespaced: spec.scope !== 'Cluster',
              statusSubresource: v.subresources?.status !== undefined,
            },
          ]
        : [],
    );
  });
}
