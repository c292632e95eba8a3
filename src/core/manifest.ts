import yaml from 'js-yaml';
import { ConfigError } from './errors.js';
import { quoteForMessage } from './image.js';
import { nameProblem, namespaceProblem } from './object-names.js';
import {
  KUBE_READ_SCHEMA,
  KUBE_WRITE_SCHEMA,
  MAX_EXPANDED_VALUES,
  expandedSize,
} from './kube-yaml.js';

/** A Kubernetes object as rendered: plain data, with the identity every check keys on. */
export interface RenderedManifest {
  /** Template file it came from, for messages. */
  source: string;
  object: KubeObject;
  /**
   * The file's exact text, for a SOPS-encrypted manifest render passes through untouched
   * (core/sops/pass-through.ts): written as it is, never re-serialised.
   */
  verbatim?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } & Record<string, unknown>;
  [field: string]: unknown;
}

/** The prefix of every annotation ferry writes. */
export const ANNOTATION_PREFIX = 'ferry.dev/';

/** `group/kind/namespace/name`, the identity Kubernetes gives an object. */
export function identityOf(object: KubeObject): string {
  return `${groupOf(object.apiVersion)}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** API group of an apiVersion: '' for the core group (`v1`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Human name used in messages: `Deployment guestbook` or `Deployment web/guestbook`. */
export function describeObject(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ''}${object.metadata.name}`;
}

/**
 * A character YAML does not allow in a stream (outside `c-printable`, YAML 1.2 §5.1), or U+FFFD
 * (a byte that was not UTF-8): text holding one is not a YAML file, and error messages never
 * quote from it (issue 19 item 8).
 */
const NOT_YAML_TEXT = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffc\u{10000}-\u{10ffff}]/u;

/**
 * Parses a YAML stream into documents, with errors naming the file and the line. For a template
 * (`rendered`), that is the line of the rendered text (block helpers can make it differ from the
 * template's own line), and the message says so.
 */
export function parseDocuments(text: string, source: string, rendered = false): unknown[] {
  try {
    const documents = yaml.loadAll(text, undefined, {
      filename: source,
      schema: KUBE_READ_SCHEMA,
      json: false,
    });
    for (const document of documents)
      if (expandedSize(document) > MAX_EXPANDED_VALUES)
        throw new ConfigError(
          `${source}: YAML aliases expand to more than ${MAX_EXPANDED_VALUES} values (an alias bomb?); refused`,
        );
    return documents;
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = (error.mark?.line ?? 0) + 1;
      // A file that is not YAML text at all (`/proc/self/environ` has NULs) is never quoted.
      const content = NOT_YAML_TEXT.test(text) ? '' : (text.split('\n')[line - 1]?.trim() ?? '');
      throw new ConfigError(
        `${source}:${line}: invalid YAML${rendered ? ' after rendering' : ''}: ${error.reason}${content ? ` (at ${JSON.stringify(content.slice(0, 60))})` : ''}`,
      );
    }
    throw error;
  }
}

/** Checks that a parsed document is a Kubernetes object: apiVersion, kind, metadata.name. */
export function asKubeObject(
  document: unknown,
  source: string,
  index: number,
  item?: number,
): KubeObject {
  const where = `${source}: document ${index + 1}${item === undefined ? '' : `, item ${item + 1}`}`;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ConfigError(`${where}: expected a mapping (a Kubernetes object)`);
  }
  const object = document as Record<string, unknown>;
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof object[field] !== 'string' || object[field] === '') {
      throw new ConfigError(`${where}: ${field} is required and must be a string`);
    }
  }
  const metadata = object.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ConfigError(`${where} (${String(object.kind)}): metadata is required`);
  }
  const { name, namespace, annotations } = metadata as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') {
    throw new ConfigError(
      `${where} (${String(object.kind)}): metadata.name is required and must be a string`,
    );
  }
  if (namespace !== undefined && typeof namespace !== 'string') {
    throw new ConfigError(
      `${where} (${String(object.kind)} ${name}): metadata.namespace must be a string`,
    );
  }
  // Names and namespaces become URL path segments: checked by the API server's own rules; in a
  // SOPS file they may still be encrypted, and are checked once decrypted (secrets/open.ts).
  const kind = object.kind as string;
  if (typeof object.sops === 'object' && object.sops !== null) return object as KubeObject;
  const nameRule = nameProblem(groupOf(object.apiVersion as string), kind, name);
  if (nameRule)
    throw new ConfigError(
      `${where} (${kind}): metadata.name ${quoteForMessage(name)} is not a valid ${kind} name (${nameRule})`,
    );
  // An empty namespace is no namespace, as kubectl reads it.
  const namespaceRule = namespace ? namespaceProblem(namespace) : undefined;
  if (namespaceRule)
    throw new ConfigError(
      `${where} (${kind} ${name}): metadata.namespace ${quoteForMessage(namespace as string)} is not a valid namespace (${namespaceRule})`,
    );
  if (annotations !== undefined && annotations !== null) {
    const bad = Object.entries(annotations).find(([, v]) => typeof v !== 'string');
    if (typeof annotations !== 'object' || bad) {
      throw new ConfigError(
        `${where} (${String(object.kind)} ${name}): metadata.annotations${bad ? `.${bad[0]}` : ''} must be a string (quote it)`,
      );
    }
  }
  return object as KubeObject;
}

/**
 * The objects one YAML document holds: itself, or the items of a list (`kind: List`, as
 * `kubectl get -o yaml` writes several objects), which kubectl applies one by one.
 */
export function documentObjects(document: unknown, source: string, index: number): KubeObject[] {
  const list = document as { kind?: unknown; items?: unknown } | null;
  if (
    typeof list === 'object' &&
    list !== null &&
    typeof list.kind === 'string' &&
    list.kind.endsWith('List') &&
    Array.isArray(list.items)
  )
    return list.items.map((item, i) => asKubeObject(item, source, index, i));
  return [asKubeObject(document, source, index)];
}

/**
 * Where objects land that name no namespace, for identity checks: `namespace` for a namespaced
 * kind (the set's or environment's), none for a cluster-scoped one (whose `metadata.namespace`
 * the API server ignores). `namespaced` answers undefined when the scope is not known.
 */
export interface NamespaceDefaults {
  namespace: string | undefined;
  namespaced: (object: KubeObject) => boolean | undefined;
}

/**
 * Fails on two objects with the same group, kind, namespace and name, naming both files. With
 * `defaults`, identity is taken after defaulting the namespace, so a copy without `namespace`
 * and one naming the namespace it lands in are the same object (each apply would otherwise
 * undo the other, and drift would never be clean).
 */
export function checkUniqueIdentities(
  manifests: RenderedManifest[],
  defaults?: NamespaceDefaults,
): void {
  const seen = new Map<string, { source: string; defaulted: boolean }>();
  for (const { object, source } of manifests) {
    const resolved = defaults ? withDefaultNamespace(object, defaults) : object;
    const id = identityOf(resolved);
    const defaulted = resolved.metadata.namespace !== object.metadata.namespace;
    const first = seen.get(id);
    if (first !== undefined) {
      const how = first.defaulted || defaulted ? ', once its namespace is defaulted' : '';
      throw new ConfigError(
        `${source}: ${describeObject(resolved)} is already defined in ${first.source} (duplicate object identity${how})`,
      );
    }
    seen.set(id, { source, defaulted });
  }
}

function withDefaultNamespace(object: KubeObject, defaults: NamespaceDefaults): KubeObject {
  const namespaced = defaults.namespaced(object);
  if (namespaced === undefined) return object;
  const metadata = { ...object.metadata };
  if (!namespaced) delete metadata.namespace;
  else if (metadata.namespace === undefined && defaults.namespace !== undefined)
    metadata.namespace = defaults.namespace;
  return { ...object, metadata };
}

/** Adds ferry's traceability annotations, skipping empty values. Returns a new object. */
export function withAnnotations(
  object: KubeObject,
  annotations: Record<string, string>,
): KubeObject {
  const added = Object.fromEntries(
    Object.entries(annotations)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [`${ANNOTATION_PREFIX}${key}`, value]),
  );
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...(object.metadata.annotations ?? {}), ...added },
    },
  };
}

/** Serializes one object as YAML, deterministically (key order as rendered). */
export function toYamlDocument(object: unknown): string {
  return yaml.dump(object, {
    noRefs: true,
    lineWidth: -1,
    quotingType: '"',
    schema: KUBE_WRITE_SCHEMA,
  });
}
