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

/** A path segment: a field name, or a list item named by its key fields. */
export type Segment = string | { keys: Record<string, string> };

/** Port lists are keyed by port and protocol; a manifest may leave the protocol to its default. */
const PORT_KEYS = new Set(['containerPort', 'port']);
const DEFAULT_PROTOCOL = 'TCP';

/** The key fields of one list item: its merge key, and a port's protocol when given. */
export function itemKeys(item: Record<string, unknown>, key: string): Record<string, string> {
  const keys: Record<string, string> = { [key]: String(item[key]) };
  // Ports are keyed by number and protocol: DNS serves 53/UDP and 53/TCP side by side.
  if (PORT_KEYS.has(key) && typeof item.protocol === 'string') keys.protocol = item.protocol;
  return keys;
}

/**
 * How a path names a list item by its key fields: `name=web`, `containerPort=80`,
 * `containerPort=53,protocol=UDP` (a port's protocol only when it is not the default TCP).
 */
export function itemLabel(keys: Record<string, unknown>): string {
  if ('name' in keys) return `name=${String(keys.name)}`;
  const isPort = Object.keys(keys).some((key) => PORT_KEYS.has(key));
  return Object.entries(keys)
    .filter(([key, value]) => !(isPort && key === 'protocol' && value === DEFAULT_PROTOCOL))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(',');
}

/** Whether a list item has the key fields a segment names (a port's protocol defaults to TCP). */
export function itemMatches(item: unknown, keys: Record<string, string>): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const record = item as Record<string, unknown>;
  const matches = Object.entries(keys).every(([key, value]) => String(record[key]) === value);
  if (!matches) return false;
  const isPort = Object.keys(keys).some((key) => PORT_KEYS.has(key));
  if (!isPort || 'protocol' in keys) return true;
  return (record.protocol ?? DEFAULT_PROTOCOL) === DEFAULT_PROTOCOL;
}

/** Splits a compare path (`/spec/containers[name=web]/ports[containerPort=53,protocol=UDP]`). */
export function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('/').slice(1)) {
    const match = /^(.*?)((?:\[[^=\]]+=[^\]]*\])*)$/.exec(part)!;
    const name = match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (name !== '') segments.push(name);
    for (const [, label] of match[2]!.matchAll(/\[([^\]]*)\]/g)) {
      const keys: Record<string, string> = {};
      for (const pair of label!.split(/,(?=[A-Za-z]+=)/)) {
        const at = pair.indexOf('=');
        keys[pair.slice(0, at)] = pair.slice(at + 1);
      }
      segments.push({ keys });
    }
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
      if (itemMatches(key, segment.keys)) return next as Record<string, unknown>;
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
