/**
 * Reads `metadata.managedFields` (the API server's record of which field manager owns which
 * field, as FieldsV1 sets) to say who owns a field a drift report names.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  subresource?: string;
  fieldsV1?: Record<string, unknown>;
}

type Segment = string | { key: string; value: string };

/** Splits a compare path (`/spec/containers[name=web]/image`) into segments. */
export function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('/').slice(1)) {
    const match = /^(.*?)((?:\[[^=\]]+=[^\]]*\])*)$/.exec(part)!;
    const name = match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (name !== '') segments.push(name);
    for (const [, key, value] of match[2]!.matchAll(/\[([^=\]]+)=([^\]]*)\]/g))
      segments.push({ key: key!, value: value! });
  }
  return segments;
}

function child(
  node: Record<string, unknown>,
  segment: Segment,
): Record<string, unknown> | undefined {
  if (typeof segment === 'string') {
    const next = node[`f:${segment}`];
    return typeof next === 'object' && next !== null
      ? (next as Record<string, unknown>)
      : undefined;
  }
  for (const [name, next] of Object.entries(node)) {
    if (!name.startsWith('k:')) continue;
    try {
      const key = JSON.parse(name.slice(2)) as Record<string, unknown>;
      if (String(key[segment.key]) === segment.value) return next as Record<string, unknown>;
    } catch {
      // not a key we can read
    }
  }
  return undefined;
}

/** Whether a FieldsV1 set covers `path` (the field itself, or an atomic ancestor owned whole). */
export function ownsPath(fields: Record<string, unknown> | undefined, path: string): boolean {
  let node = fields;
  const segments = pathSegments(path);
  for (const segment of segments) {
    if (!node) return false;
    const next = child(node, segment);
    if (!next) return false;
    // An empty set is a leaf: a scalar or an atomic list/map owned as one value.
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== undefined;
}

/** The fields `manager` set with server-side apply on a live object (its Apply entry), if any. */
export function appliedFields(
  live: { metadata: object },
  manager: string,
): Record<string, unknown> | undefined {
  const entries = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  return entries?.find((entry) => entry.manager === manager && entry.operation === 'Apply')
    ?.fieldsV1;
}

/** Managers that own `path` on a live object. */
export function ownersOf(managedFields: ManagedFieldsEntry[] | undefined, path: string): string[] {
  return (managedFields ?? [])
    .filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path))
    .map((entry) => entry.manager!);
}

/** The manager that touched the object last (for a field no one owns any more: it was removed). */
export function lastManager(
  managedFields: ManagedFieldsEntry[] | undefined,
  except: string,
): string | undefined {
  // Status writers (controllers reporting status) never change the spec or metadata.
  const entries = (managedFields ?? []).filter(
    (e) => e.manager && e.manager !== except && e.time && !e.subresource,
  );
  entries.sort((a, b) => (a.time! < b.time! ? 1 : -1));
  return entries[0]?.manager;
}
