import { createHash } from 'node:crypto';
import { ConfigError } from './errors.js';
import { quoteForMessage } from './image.js';
import { groupOf, type KubeObject } from './manifest.js';
import { nameProblem, namespaceProblem } from './object-names.js';
import { parseList } from './options.js';
import { hashSource } from './sops/origin.js';

/**
 * ferry's inventory is a kubectl ApplySet (KEP-3659), so kubectl and other tools can see which
 * objects ferry applied and prove ownership: a parent ConfigMap labelled with the set's id and
 * annotated with the tooling and the group-kinds it contains, and a part-of label on every member.
 * https://kubernetes.io/docs/reference/labels-annotations-taints/#applyset-kubernetes-io-id
 */
/** ferry's field manager: the owner of every field ferry applies. */
export const FIELD_MANAGER = 'ferry';

export const APPLYSET_ID = 'applyset.kubernetes.io/id';
export const APPLYSET_PART_OF = 'applyset.kubernetes.io/part-of';
export const APPLYSET_TOOLING = 'applyset.kubernetes.io/tooling';
export const APPLYSET_GROUP_KINDS = 'applyset.kubernetes.io/contains-group-kinds';
export const APPLYSET_NAMESPACES = 'applyset.kubernetes.io/additional-namespaces';
export const MANIFEST_HASH = 'ferry.dev/manifest-hash';
export const FERRY_VERSION = '0.1.0';
export const TOOLING = `ferry/v${FERRY_VERSION}`;

/**
 * Traceability ferry writes on each object an apply changes (keys under `ferry.dev/`): which
 * env-repo commit and run last changed it. Not part of the manifest, so never drift.
 */
export function applyTraceAnnotations(source: {
  commit: string;
  runUrl: string;
}): Record<string, string> {
  return { [APPLY_TRACE_KEYS[0]]: source.commit, [APPLY_TRACE_KEYS[1]]: source.runUrl };
}

export const APPLY_TRACE_KEYS = ['env-commit', 'apply-run-url'] as const;

/** The parent object of an inventory: a ConfigMap named after it. */
export interface ApplySetParent {
  name: string;
  namespace: string;
  id: string;
}

/**
 * The ApplySet id kubectl computes: base64url(sha256("<name>.<namespace>.<kind>.<group>")).
 * Name and namespace were checked where they were given (flags, inputs, the kubeconfig); they
 * are checked again here, the one place apply, plan and drift derive the parent from them.
 */
export function applySetParent(name: string, namespace: string): ApplySetParent {
  const nameRule = nameProblem('', 'ConfigMap', name);
  if (nameRule)
    throw new ConfigError(`inventory ${quoteForMessage(name)} is not a valid name (${nameRule})`);
  const namespaceRule = namespaceProblem(namespace);
  if (namespaceRule)
    throw new ConfigError(
      `inventory namespace ${quoteForMessage(namespace)} is not a valid namespace (${namespaceRule})`,
    );
  const digest = createHash('sha256').update(`${name}.${namespace}.ConfigMap.`).digest('base64url');
  return { name, namespace, id: `applyset-${digest}-v1` };
}

/** `Kind.group` (core group: `Kind`), the form ApplySet annotations use. */
export function groupKind(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const group = groupOf(object.apiVersion);
  return group ? `${object.kind}.${group}` : object.kind;
}

/** Parses the contains-group-kinds annotation. */
export function parseGroupKinds(annotation: string | undefined): string[] {
  return parseList(annotation);
}

/** The parent ConfigMap as ferry applies it. */
export function parentObject(
  parent: ApplySetParent,
  groupKinds: string[],
  namespaces: string[],
): KubeObject {
  const others = [...new Set(namespaces)].filter((ns) => ns !== parent.namespace).sort();
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: parent.name,
      namespace: parent.namespace,
      labels: { [APPLYSET_ID]: parent.id },
      annotations: {
        [APPLYSET_TOOLING]: TOOLING,
        [APPLYSET_GROUP_KINDS]: [...new Set(groupKinds)].sort().join(','),
        ...(others.length > 0 ? { [APPLYSET_NAMESPACES]: others.join(',') } : {}),
      },
    },
  };
}

/**
 * Stable hash of an object (keys sorted), recorded on members to notice manifest changes. A
 * SOPS-decrypted object is hashed as git holds it, encrypted: an unkeyed hash of its plaintext
 * would let a short secret be guessed from the live annotation.
 */
export function manifestHash(object: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(hashSource(object))))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Why an existing ConfigMap cannot be this set's record, or undefined when it already is one of
 * ferry's: only ferry's own ApplySet parent (or none, then created) may become the record, as
 * kubectl too refuses to take over a ConfigMap that is not its parent. Values come from the
 * cluster and are quoted unless plain.
 */
export function parentProblem(live: KubeObject, parent: ApplySetParent): string | undefined {
  const id = live.metadata.labels?.[APPLYSET_ID];
  const tooling = live.metadata.annotations?.[APPLYSET_TOOLING];
  if (id === undefined) return `it has no ${APPLYSET_ID} label`;
  if (id !== parent.id) return `its ${APPLYSET_ID} label is another set's`;
  if (tooling === undefined) return `it has no ${APPLYSET_TOOLING} annotation`;
  if (!tooling.startsWith('ferry/'))
    return `it belongs to ${/^[\w./-]{1,80}$/.test(tooling) ? tooling : JSON.stringify(tooling.slice(0, 80))}, not ferry`;
  return undefined;
}

/** A member as applied: the set's part-of label and the hash of the manifest it came from. */
export function asMember(object: KubeObject, parent: ApplySetParent): KubeObject {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: {
        ...(object.metadata.labels ?? {}),
        [APPLYSET_PART_OF]: parent.id,
      },
      annotations: {
        ...(object.metadata.annotations ?? {}),
        [MANIFEST_HASH]: manifestHash(object),
      },
    },
  };
}

/**
 * Marks another owner leaves on an object: another ApplySet, Helm, Flux, Argo CD, or an explicit
 * managed-by label. Returns who, or undefined when the object is free to adopt. An ApplySet is
 * named by its inventory (`namespace/name`) when `inventoryOf` knows its id, else by the id.
 */
export function foreignOwner(
  live: KubeObject,
  parent: ApplySetParent,
  inventoryOf: (id: string) => string | undefined = () => undefined,
): string | undefined {
  const labels = live.metadata.labels ?? {};
  const annotations = live.metadata.annotations ?? {};
  const partOf = labels[APPLYSET_PART_OF];
  if (partOf && partOf !== parent.id) {
    const inventory = inventoryOf(partOf);
    return `another ApplySet (${inventory ? `inventory ${inventory}` : partOf})`;
  }
  if (annotations['meta.helm.sh/release-name'])
    return `Helm release ${annotations['meta.helm.sh/release-name']}`;
  if (labels['kustomize.toolkit.fluxcd.io/name'])
    return `Flux Kustomization ${labels['kustomize.toolkit.fluxcd.io/name']}`;
  if (labels['helm.toolkit.fluxcd.io/name'])
    return `Flux HelmRelease ${labels['helm.toolkit.fluxcd.io/name']}`;
  if (annotations['argocd.argoproj.io/tracking-id'] || labels['argocd.argoproj.io/instance'])
    return 'Argo CD';
  const managedBy = labels['app.kubernetes.io/managed-by'];
  if (managedBy && !/^ferry$/i.test(managedBy) && !partOf)
    return `${managedBy} (app.kubernetes.io/managed-by)`;
  return undefined;
}
