import type { KindRef } from './inventory-lists.js';
import type { KubeObject } from './manifest.js';

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { kind?: string; plural?: string };
  versions?: { name?: string }[];
}

/**
 * The kinds the CustomResourceDefinitions among `objects` define, one per version: what a kind
 * the cluster does not serve yet will be once its CRD is applied (its resource and scope too).
 */
export function kindsDefinedBy(objects: KubeObject[]): (KindRef & { apiVersion: string })[] {
  return objects
    .filter(
      (o) =>
        o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/'),
    )
    .flatMap((crd) => {
      const spec = (crd.spec ?? {}) as CrdSpec;
      const { group = '', names = {} } = spec;
      if (!names.kind || !names.plural) return [];
      return (spec.versions ?? []).flatMap((v) =>
        v.name
          ? [
              {
                apiVersion: `${group}/${v.name}`,
                group,
                version: v.name,
                kind: names.kind!,
                resource: names.plural!,
                namespaced: spec.scope !== 'Cluster',
              },
            ]
          : [],
      );
    });
}
