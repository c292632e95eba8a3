/**
 * Reads `metadata.managedFields` (the API server's record of which field manager owns which
 * field, as FieldsV1 sets) with the same path elements the server writes: `f:<field>`,
 * `k:<json of the key fields>`, `v:<json value>`, `i:<index>`, and `.` for the item itself.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
import { jsonEqual, type FieldPath, type PathElement } from './field-path.js';

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  subresource?: string;
  fieldsV1?: Record<string, unknown>;
}

/** A FieldsV1 set (or one of its nodes). */
export type FieldSet = Record<string, unknown>;

function asSet(value: unknown): FieldSet | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as FieldSet)
    : undefined;
}

/** Parses the JSON after a `k:` or `v:` prefix; undefined when it is not JSON. */
export function parseMember(name: string): unknown {
  try {
    return JSON.parse(name.slice(2)) as unknown;
  } catch {
    return undefined;
  }
}

/** The node of a FieldsV1 set that one path element leads to. */
export function childSet(node: FieldSet, element: PathElement): FieldSet | undefined {
  if ('field' in element) return asSet(node[`f:${element.field}`]);
  if ('index' in element) return asSet(node[`i:${element.index}`]);
  const prefix = 'key' in element ? 'k:' : 'v:';
  const wanted = 'key' in element ? element.key : element.value;
  for (const [name, next] of Object.entries(node)) {
    if (name.startsWith(prefix) && jsonEqual(parseMember(name), wanted)) return asSet(next);
  }
  return undefined;
}

/** Whether a FieldsV1 set covers `path`: the field itself, or an ancestor owned whole. */
export function ownsPath(fields: FieldSet | undefined, path: FieldPath): boolean {
  let node = fields;
  for (const element of path) {
    if (!node) return false;
    const next = childSet(node, element);
    if (!next) return false;
    // An empty set is a leaf: a scalar, or an atomic list or map owned as one value.
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== undefined;
}

/** The fields `manager` set with server-side apply on a live object (its Apply entry), if any. */
export function appliedFields(live: { metadata: object }, manager: string): FieldSet | undefined {
  const entries = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  return entries?.find((entry) => entry.manager === manager && entry.operation === 'Apply')
    ?.fieldsV1;
}

/** Managers that own `path` on a live object. */
export function ownersOf(
  managedFields: ManagedFieldsEntry[] | undefined,
  path: FieldPath,
): string[] {
  return (managedFields ?? [])
    .filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path))
    .map((entry) => entry.manager!);
}
