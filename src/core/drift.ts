import { APPLY_TRACE_KEYS, MANIFEST_HASH } from './applyset.js';
import { comparable, compareDesired, escapeSegment, type FieldDifference } from './compare.js';
import { ANNOTATION_PREFIX, describeObject, type KubeObject } from './manifest.js';
import {
  appliedFields,
  itemLabel,
  lastManager,
  ownersOf,
  type ManagedFieldsEntry,
} from './managed-fields.js';
import { ignoredBy, type IgnoreRule } from './ignore.js';

/** Annotation on the inventory's parent: the drift fingerprint last alerted on. */
export const DRIFT_FINGERPRINT = 'ferry.dev/drift-fingerprint';

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
  /** The fingerprint last alerted on, recorded on the inventory (undefined: never). */
  previousFingerprint?: string;
  /** What each alert sink did, when alerts were configured. */
  alerts?: Record<string, string>;
  requests: Record<string, number>;
}

const HIDDEN = '(hidden)';
const HASH_PATH = `/metadata/annotations/${MANIFEST_HASH.replace('/', '~1')}`;

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
 * field whose live value differs (edited, or taken over by another manager), or a field ferry
 * still owns that git no longer has; server defaults, status and fields only other managers set
 * are not. Each field names the manager that owns it now. Ignore rules drop matching paths.
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
  const applied = appliedFields(live, fieldManager);
  const differences: FieldDifference[] = compareDesired(comparable(desired), live, applied);
  // Fields ferry applied before that git no longer has: the next apply will remove them.
  if (applied) differences.push(...removedInGit(applied, desired, live));
  // The manifest hash is apply's bookkeeping: the fields that changed are reported instead.
  const reported = differences.filter((d) => d.path !== HASH_PATH);
  let ignored = 0;
  const fields: DriftedField[] = [];
  for (const difference of reported) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    const owners = ownersOf(managed, difference.path);
    // Owned by ferry alone: git changed since the last apply; nobody else touched it. Owned by
    // no one: someone removed it, most likely whoever wrote the object last.
    const others = owners.filter((m) => m !== fieldManager);
    const manager =
      others[0] ?? (owners.length === 0 ? lastManager(managed, fieldManager) : undefined);
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

/** Annotations ferry writes on each apply (not part of the manifest, never drift). */
const VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `f:${ANNOTATION_PREFIX}${key}`));

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Walks ferry's owned-field set (FieldsV1) alongside git and live: a field ferry owns that is
 * on the cluster but not in git was removed from git and not yet applied. Fields the server keeps
 * elsewhere (a Secret's stringData) have no live value and are skipped.
 */
function removedInGit(
  fields: Record<string, unknown>,
  git: unknown,
  live: unknown,
  path = '',
): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const [key, child] of Object.entries(fields)) {
    const sub = asRecord(child) ?? {};
    if (key.startsWith('f:')) {
      if (path === '/metadata/annotations' && VOLATILE.has(key)) continue;
      const name = key.slice(2);
      const liveValue = asRecord(live)?.[name];
      const gitValue = asRecord(git)?.[name];
      const childPath = `${path}/${escapeSegment(name)}`;
      if (liveValue === undefined) continue;
      if (gitValue === undefined)
        out.push({ path: childPath, desired: undefined, live: liveValue });
      else if (Object.keys(sub).length > 0)
        out.push(...removedInGit(sub, gitValue, liveValue, childPath));
    } else if (key.startsWith('k:') && Array.isArray(live)) {
      let id: Record<string, unknown>;
      try {
        id = JSON.parse(key.slice(2)) as Record<string, unknown>;
      } catch {
        continue;
      }
      const matches = (item: unknown): boolean =>
        Object.entries(id).every(([k, v]) => asRecord(item)?.[k] === v);
      // Git may leave out a key field the server defaults (a port's protocol: TCP).
      const matchesGit = (item: unknown): boolean =>
        Object.entries(id).every(
          ([k, v]) => asRecord(item)?.[k] === v || asRecord(item)?.[k] === undefined,
        ) && Object.entries(id).some(([k, v]) => asRecord(item)?.[k] === v);
      const liveItem: unknown = live.find(matches);
      if (liveItem === undefined) continue;
      const gitItem: unknown = Array.isArray(git) ? git.find(matchesGit) : undefined;
      const itemPath = `${path}[${itemLabel(id)}]`;
      if (gitItem === undefined) out.push({ path: itemPath, desired: undefined, live: liveItem });
      else out.push(...removedInGit(sub, gitItem, liveItem, itemPath));
    }
  }
  return out;
}
