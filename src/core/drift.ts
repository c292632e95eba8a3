import { compareDesired, type FieldDifference } from './compare.js';
import { describeObject, type KubeObject } from './manifest.js';
import { lastManager, ownersOf, ownsPath, type ManagedFieldsEntry } from './managed-fields.js';
import { ignoredBy, type IgnoreRule } from './ignore.js';

export type DriftKind = 'drifted' | 'missing' | 'extra';

/** One field that differs from git, and who changed it. */
export interface DriftedField {
  path: string;
  git: unknown;
  live: unknown;
  /** The field manager that owns the field now (or last touched the object, for a removed field). */
  manager?: string;
}

export interface DriftedObject {
  object: string;
  kind: DriftKind;
  fields: DriftedField[];
}

export interface DriftReport {
  inventory: { name: string; namespace: string; id: string };
  clean: boolean;
  objects: DriftedObject[];
  counts: { checked: number; drifted: number; missing: number; extra: number; ignored: number };
  /** Stable digest of what drifted, so alerts fire only when it changes. */
  fingerprint: string;
  requests: Record<string, number>;
}

const HIDDEN = '(hidden)';

/** Secret values never appear in a report, from git or from the cluster. */
function mask(object: KubeObject, field: DriftedField): DriftedField {
  if (object.kind !== 'Secret' || !/^\/(data|stringData)(\/|$)/.test(field.path)) return field;
  return {
    ...field,
    git: field.git === undefined ? undefined : HIDDEN,
    live: field.live === undefined ? undefined : HIDDEN,
  };
}

/**
 * Compares one desired object (as ferry applies it) with its live state. Drift is a manifest
 * field whose live value differs, or one that another manager has taken over; server defaults,
 * status and fields only other managers set are not. Ignore rules drop matching paths.
 */
export function driftOf(
  desired: KubeObject,
  live: KubeObject | undefined,
  rules: IgnoreRule[],
  fieldManager: string,
): { drift?: DriftedObject; ignored: number } {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: 'missing', fields: [] }, ignored: 0 };
  const managed = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  const differences: FieldDifference[] = compareDesired(desired, live);
  const seen = new Set(differences.map((d) => d.path));
  // A field with the right value that another manager now owns will be fought over on the next
  // apply (a conflict): report it too. Only meaningful once ferry has applied the object.
  if (managed?.some((entry) => entry.manager === fieldManager)) {
    const ours = managed.find(
      (entry) => entry.manager === fieldManager && entry.operation === 'Apply',
    );
    for (const path of leafPaths(desired)) {
      if (seen.has(path) || (ours && ownsPath(ours.fieldsV1, path))) continue;
      const owners = ownersOf(managed, path).filter((m) => m !== fieldManager);
      if (owners.length > 0) {
        differences.push({ path, desired: valueAt(desired, path), live: valueAt(live, path) });
        seen.add(path);
      }
    }
  }
  let ignored = 0;
  const fields: DriftedField[] = [];
  for (const difference of differences) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    const owners = ownersOf(managed, difference.path).filter((m) => m !== fieldManager);
    const manager = owners[0] ?? lastManager(managed, fieldManager);
    fields.push(
      mask(desired, {
        path: difference.path,
        git: difference.desired,
        live: difference.live,
        ...(manager ? { manager } : {}),
      }),
    );
  }
  return fields.length > 0
    ? { drift: { object: name, kind: 'drifted', fields }, ignored }
    : { ignored };
}

/** Leaf field paths of an object, in compare's path notation. */
function leafPaths(object: unknown, path = ''): string[] {
  if (Array.isArray(object)) {
    const key = ['name', 'containerPort', 'port', 'mountPath'].find(
      (k) =>
        object.length > 0 &&
        object.every(
          (i) =>
            typeof i === 'object' && i !== null && (i as Record<string, unknown>)[k] !== undefined,
        ),
    );
    if (!key) return [path];
    return object.flatMap((item: Record<string, unknown>) =>
      leafPaths(item, `${path}[${key}=${String(item[key])}]`),
    );
  }
  if (object !== null && typeof object === 'object') {
    const entries = Object.entries(object);
    if (entries.length === 0) return [path];
    return entries.flatMap(([key, value]) =>
      leafPaths(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return [path];
}

function valueAt(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const part of path.split('/').slice(1)) {
    const [name, ...keys] = part.split('[');
    if (name)
      node = (node as Record<string, unknown> | undefined)?.[
        name.replace(/~1/g, '/').replace(/~0/g, '~')
      ];
    for (const key of keys) {
      const [k, v] = key.replace(/\]$/, '').split('=');
      node = Array.isArray(node)
        ? node.find((item: Record<string, unknown>) => String(item?.[k!]) === v)
        : undefined;
    }
  }
  return node;
}
