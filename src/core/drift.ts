import { APPLY_TRACE_KEYS, MANIFEST_HASH } from './applyset.js';
import { comparable, compareDesired, type FieldDifference } from './compare.js';
import { FerryError } from './errors.js';
import { formatPath, jsonEqual, type FieldPath } from './field-path.js';
import { ignoredBy, type IgnoreRule } from './ignore.js';
import { ANNOTATION_PREFIX, describeObject, type KubeObject } from './manifest.js';
import { attributeField, type Unattributed } from './attribution.js';
import { appliedFields, ownersOf, type ManagedFieldsEntry } from './managed-fields.js';
import { removedInGit } from './removed-fields.js';
import type { ObjectSchema } from './schema.js';
import { isSecretField, withoutValues } from './sops/origin.js';

/** Annotation on the inventory's parent: the drift fingerprint last alerted on. */
export const DRIFT_FINGERPRINT = 'ferry.dev/drift-fingerprint';

export type DriftKind = 'drifted' | 'missing' | 'extra';

/** One field that differs from git, and who changed it. */
export interface DriftedField {
  /** For display: `/spec/template/spec/containers[name=web]/image`. */
  path: string;
  /** The same path as structured elements (field, key, value, index). */
  segments: FieldPath;
  git: unknown;
  live: unknown;
  /**
   * The field manager that owns the live value now (`ferry`: git changed since the last apply);
   * absent when none does (see `unattributed`): the API server records no owner of a removed
   * field, so no one is blamed for a removal.
   */
  manager?: string;
  /** Why no manager is named (core/attribution.ts); set exactly when `manager` is absent. */
  unattributed?: Unattributed;
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
  /** API requests made, by verb (absent for a set of `drift --all`, whose reads are shared). */
  requests?: Record<string, number>;
}

/**
 * A drift check that ran, whose alerts then failed: `report` is still the check's result, and
 * is shown before the failure (a webhook that is down must not hide what drifted).
 */
export class DriftAlertFailure extends FerryError {
  constructor(
    cause: FerryError,
    readonly report: DriftReport,
  ) {
    super(cause.message, cause.exitCode);
  }
}

const HIDDEN = '(hidden)';
const HASH_PATH: FieldPath = [
  { field: 'metadata' },
  { field: 'annotations' },
  { field: MANIFEST_HASH },
];

/** Whether a field of a core Secret holds its values (`data`, `stringData`). */
function isSecretData(object: KubeObject, path: FieldPath): boolean {
  const top = path[0];
  if (object.kind !== 'Secret' || !top || !('field' in top)) return false;
  return top.field === 'data' || top.field === 'stringData';
}

/**
 * Secret values never appear in a report, from git or from the cluster: a Secret's data, and
 * every field that was SOPS-encrypted in git (then its path too shows no list item's value).
 * Such a field reads "changed", with no value and no unkeyed hash of one.
 */
function mask(object: KubeObject, field: DriftedField): DriftedField {
  const decrypted = isSecretField(object, field.segments);
  if (!decrypted && !isSecretData(object, field.segments)) return field;
  const segments = decrypted ? withoutValues(field.segments) : field.segments;
  return {
    ...field,
    path: formatPath(segments),
    segments,
    git: field.git === undefined ? undefined : HIDDEN,
    live: field.live === undefined ? undefined : HIDDEN,
  };
}

/** Annotations ferry writes on each apply (not part of the manifest, never drift). */
const VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`));

/**
 * Every field of one object that differs from git, as apply would see it: fields the manifest
 * sets whose live value differs, and fields ferry applied that git no longer has and no other
 * manager keeps (the next apply removes them).
 */
export function differencesOf(
  desired: KubeObject,
  live: KubeObject,
  schema: ObjectSchema,
  fieldManager: string,
): FieldDifference[] {
  const managed = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  const applied = appliedFields(live, fieldManager);
  const differences = compareDesired(comparable(desired), live, schema, applied);
  // Same manifest hash: ferry's last apply was this very manifest, so ferry owns no field git
  // lacks (its own per-apply annotations aside), and the walk can be skipped.
  const sameManifest = isSameManifest(desired, live);
  if (applied && !sameManifest) {
    for (const removed of removedInGit(applied, desired, live, schema, VOLATILE)) {
      const others = ownersOf(managed, removed.path).filter((m) => m !== fieldManager);
      if (others.length === 0) differences.push(removed);
    }
  }
  return differences.filter((d) => !jsonEqual(d.path, HASH_PATH));
}

/** Whether the live object was last applied from this very manifest (the same manifest hash). */
export function isSameManifest(desired: KubeObject, live: KubeObject): boolean {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  return hash !== undefined && live.metadata.annotations?.[MANIFEST_HASH] === hash;
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
  schema: ObjectSchema,
): { drift?: DriftedObject; ignored: number } {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: 'missing', fields: [] }, ignored: 0 };
  const managed = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  const sameManifest = isSameManifest(desired, live);
  let ignored = 0;
  const fields: DriftedField[] = [];
  for (const difference of differencesOf(desired, live, schema, fieldManager)) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    fields.push(
      mask(desired, {
        path: formatPath(difference.path),
        segments: difference.path,
        git: difference.desired,
        live: difference.live,
        ...attributeField(managed, difference.path, difference.live, fieldManager, sameManifest),
      }),
    );
  }
  return fields.length > 0
    ? { drift: { object: name, kind: 'drifted', fields }, ignored }
    : { ignored };
}
