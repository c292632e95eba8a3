import type { FieldPath } from './field-path.js';
import { ownersOf, type ManagedFieldsEntry } from './managed-fields.js';

/**
 * Who made a field what it is on the cluster, from `metadata.managedFields` only: a manager is
 * named when it owns the live value. The API server keeps no owner for a field that is gone
 * (an Update that removes a field drops it from every manager's set), so a removed field is
 * said to be removed, never blamed on whoever wrote the object last.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */

/** Why no manager is named for a field. */
export type Unattributed =
  /** Not on the cluster, and git is as last applied: someone removed it. */
  | 'removed'
  /** Not on the cluster, and git changed since the last apply: new in git, or removed. */
  | 'removed-or-new-in-git'
  /** On the cluster, and no manager owns it (its managedFields were cleared). */
  | 'no-owner';

/** A field's attribution: a manager's name, or why there is none. */
export type Attribution = { manager: string } | { unattributed: Unattributed };

/** How a report says each reason, after "removed" or the path. */
export const UNATTRIBUTED_WORDS: Record<Unattributed, string> = {
  removed: 'removed; the API server does not record by whom',
  'removed-or-new-in-git':
    'not on the cluster: new in git since the last apply, or removed (the API server does not record by whom)',
  'no-owner': 'no field manager owns the live value',
};

/**
 * Who owns the live value at `path` (another manager before `fieldManager`, whose own value
 * means git changed since its last apply); for a field the cluster does not have, why no one is
 * named. `sameManifest`: the live object was last applied from this very manifest.
 */
export function attributeField(
  managed: ManagedFieldsEntry[] | undefined,
  path: FieldPath,
  live: unknown,
  fieldManager: string,
  sameManifest: boolean,
): Attribution {
  const owners = ownersOf(managed, path);
  const other = owners.find((manager) => manager !== fieldManager);
  if (other !== undefined) return { manager: other };
  if (owners.length > 0) return { manager: fieldManager };
  if (live !== undefined) return { unattributed: 'no-owner' };
  return { unattributed: sameManifest ? 'removed' : 'removed-or-new-in-git' };
}
