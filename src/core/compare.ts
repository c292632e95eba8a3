import { itemKeys, itemLabel, itemMatches, ownsPath } from './managed-fields.js';

/**
 * Compares what git says an object should hold with what the cluster holds, looking only at the
 * fields the manifest sets: server defaults, status and fields other managers added are not
 * differences. Lists of objects are matched by their merge key (name, containerPort, …) so order
 * and injected entries (sidecars) do not count; other lists must match exactly.
 */

/** One field whose live value is not what the manifest says. */
export interface FieldDifference {
  /** JSON-pointer-like path with merge keys, e.g. `/spec/template/spec/containers[name=web]/image`. */
  path: string;
  desired: unknown;
  /** undefined when the field is missing from the live object. */
  live: unknown;
}

const MERGE_KEYS = [
  'name',
  'containerPort',
  'port',
  'mountPath',
  'devicePath',
  'ip',
  'topologyKey',
  'type',
];

/**
 * Every field the manifest sets whose live value differs. `applied`: the fields ferry's last
 * server-side apply recorded (its managedFields entry), to recognise zero values the server
 * does not serialize.
 */
export function compareDesired(
  desired: unknown,
  live: unknown,
  applied?: Record<string, unknown>,
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  walk(desired, live, '', differences);
  if (!applied) return differences;
  // The API server omits a non-pointer field's zero value (a PriorityClass's `globalDefault:
  // false`): a field ferry applied and still owns that is absent live holds exactly that value.
  return differences.filter(
    (d) => !(d.live === undefined && isZeroScalar(d.desired) && ownsPath(applied, d.path)),
  );
}

function isZeroScalar(value: unknown): boolean {
  return value === false || value === 0 || value === '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON Pointer escaping; most keys need none, and this runs for every field of every object. */
export function escapeSegment(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function walk(desired: unknown, live: unknown, path: string, out: FieldDifference[]): void {
  if (isRecord(desired)) {
    if (live === undefined && Object.keys(desired).length === 0) return;
    if (!isRecord(live)) {
      out.push({ path: path || '/', desired, live });
      return;
    }
    for (const [key, value] of Object.entries(desired)) {
      walk(value, live[key], `${path}/${escapeSegment(key)}`, out);
    }
    return;
  }
  if (Array.isArray(desired)) {
    compareList(desired, live, path, out);
    return;
  }
  if (!scalarEquals(desired, live, path)) out.push({ path, desired, live });
}

/**
 * The key that names each item of a list, or undefined for a list compared whole. A key must be
 * on every item and tell them apart: an HPA's metrics all have a `type`, but two `Resource`
 * metrics (cpu, memory) make it no key (that list is atomic).
 */
function mergeKeyOf(list: unknown[]): string | undefined {
  if (list.length === 0 || !list.every(isRecord)) return undefined;
  const items = list;
  return MERGE_KEYS.find((key) => {
    if (!items.every((item) => item[key] !== undefined)) return false;
    const labels = items.map((item) => itemLabel(itemKeys(item, key)));
    return new Set(labels).size === labels.length;
  });
}

function compareList(
  desired: unknown[],
  live: unknown,
  path: string,
  out: FieldDifference[],
): void {
  if (!Array.isArray(live)) {
    if (desired.length === 0 && (live === undefined || live === null)) return;
    out.push({ path, desired, live });
    return;
  }
  const key = mergeKeyOf(desired);
  if (key) {
    for (const item of desired.filter(isRecord)) {
      const keys = itemKeys(item, key);
      const match: unknown = live.find((candidate) => itemMatches(candidate, keys));
      const itemPath = `${path}[${itemLabel(keys)}]`;
      if (match === undefined) out.push({ path: itemPath, desired: item, live: undefined });
      else walk(item, match, itemPath, out);
    }
    return;
  }
  if (desired.length !== live.length) {
    out.push({ path, desired, live });
    return;
  }
  const inner: FieldDifference[] = [];
  desired.forEach((item, index) => walk(item, live[index], `${path}/${index}`, inner));
  // An atomic list is one value: report it whole, the way it is owned.
  if (inner.length > 0) out.push({ path, desired, live });
}

const QUANTITY =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** A resource quantity's value (`500m` → 0.5, `1Gi` → 1073741824), or undefined. */
export function quantityValue(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  return Number(number) * 10 ** Number(exponent ?? 0) * (suffix ? SUFFIX[suffix]! : 1);
}

/** Fields of type Quantity, which the API server rewrites into canonical form. */
const QUANTITY_FIELD =
  /\/(requests|limits|hard|capacity|allocatable|overhead)[/[]|\/sizeLimit$|\/target\/(value|averageValue)$/;

/**
 * Equal as the API server means it: in quantity fields the server rewrites values into
 * canonical form (`0.5` → `500m`, `1000m` → `1`), so those compare by value.
 */
function scalarEquals(desired: unknown, live: unknown, path: string): boolean {
  if (desired === live) return true;
  // null sets nothing: server-side apply leaves the field to the server and other managers
  // (generated manifests carry `creationTimestamp: null`).
  if (desired === null) return true;
  if (!QUANTITY_FIELD.test(path)) return false;
  const a = quantityValue(desired);
  const b = quantityValue(live);
  return (
    a !== undefined &&
    b !== undefined &&
    (typeof desired === 'string' || typeof live === 'string') &&
    Math.abs(a - b) <= Math.abs(a) * 1e-9
  );
}

/**
 * The manifest as the API server will hold it, for comparing: a Secret's `stringData` is
 * write-only and stored base64-encoded in `data`, so it is compared there.
 */
export function comparable<T extends { apiVersion: string; kind: string }>(object: T): T {
  const secret = object as T & {
    stringData?: Record<string, string>;
    data?: Record<string, string>;
  };
  if (object.kind !== 'Secret' || object.apiVersion !== 'v1' || !secret.stringData) return object;
  const { stringData, ...rest } = secret;
  const encoded = Object.fromEntries(
    Object.entries(stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]),
  );
  return { ...rest, data: { ...(secret.data ?? {}), ...encoded } } as T;
}
