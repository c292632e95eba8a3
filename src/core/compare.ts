import {
  extend,
  isRecord,
  itemKey,
  jsonEqual,
  ROOT_TRAIL,
  toPath,
  type FieldPath,
  type Trail,
} from './field-path.js';
import { ownsPath, type FieldSet } from './managed-fields.js';
import { quantityEquals } from './quantity.js';
import { ANY, type ObjectSchema, type TypeNode } from './schema.js';

/**
 * Compares what git says an object should hold with what the cluster holds, the way server-side
 * apply merges: only fields the manifest sets count (server defaults, status and fields other
 * managers added are not differences); a map-list's items are matched by the keys the schema
 * names, a set's by value; an atomic list or struct is one value, compared whole.
 */

/** One field whose live value is not what the manifest says. */
export interface FieldDifference {
  path: FieldPath;
  desired: unknown;
  /** undefined when the field is missing from the live object. */
  live: unknown;
}

interface Walk {
  schema: ObjectSchema;
  /** ferry's own Apply entry: the fields whose live value is what ferry last applied. */
  applied: FieldSet | undefined;
  out: FieldDifference[];
}

/**
 * Every field the manifest sets whose live value differs. `applied`: the fields ferry's last
 * server-side apply recorded (its managedFields entry), which tells a zero value the server does
 * not serialize, or a default it filled in inside an atomic value, from a change.
 */
export function compareDesired(
  desired: unknown,
  live: unknown,
  schema: ObjectSchema,
  applied?: FieldSet,
): FieldDifference[] {
  const walk: Walk = { schema, applied, out: [] };
  compareValue(desired, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}

function isZeroScalar(value: unknown): boolean {
  return value === false || value === 0 || value === '';
}

function compareValue(
  desired: unknown,
  live: unknown,
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  // null sets nothing: server-side apply leaves the field to the server and other managers
  // (generated manifests carry `creationTimestamp: null`).
  if (desired === null) return;
  const node = walk.schema.resolve(type);
  if (isRecord(desired) && (node.t === 'map' || node.t === 'any')) {
    if (node.t === 'map' && node.atomic) compareAtomic(desired, live, type, trail, walk);
    else compareFields(desired, live, type, trail, walk);
  } else if (Array.isArray(desired) && (node.t === 'list' || node.t === 'any')) {
    compareList(desired, live, type, node.t === 'list' ? node : undefined, trail, walk);
  } else if (!scalarEquals(desired, live, node.t === 'scalar' && node.quantity === true)) {
    // The API server omits a non-pointer field's zero value (`readOnly: false`): a field ferry
    // applied and still owns that is absent live holds exactly that value.
    if (live === undefined && isZeroScalar(desired) && ownsPath(walk.applied, toPath(trail)))
      return;
    walk.out.push({ path: toPath(trail), desired, live });
  }
}

function compareFields(
  desired: Record<string, unknown>,
  live: unknown,
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  if (!isRecord(live)) {
    if (live === undefined && Object.keys(desired).length === 0) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  for (const [name, value] of Object.entries(desired)) {
    compareValue(
      value,
      live[name],
      walk.schema.field(type, name),
      extend(trail, { field: name }),
      walk,
    );
  }
}

function compareList(
  desired: unknown[],
  live: unknown,
  type: TypeNode,
  node: Extract<TypeNode, { t: 'list' }> | undefined,
  trail: Trail,
  walk: Walk,
): void {
  if (!Array.isArray(live)) {
    if (desired.length === 0 && (live === undefined || live === null)) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  if (node?.list === 'set') {
    for (const item of desired.filter((d) => !live.some((l) => jsonEqual(l, d)))) {
      walk.out.push({
        path: toPath(extend(trail, { value: item })),
        desired: item,
        live: undefined,
      });
    }
    return;
  }
  const element = node ? walk.schema.resolve(node.items) : undefined;
  const defaults = element?.t === 'map' ? element.defaults : undefined;
  const keys = node?.list === 'map' ? (node.keys ?? []) : [];
  const desiredKeys = desired.map((item) => itemKey(item, keys, defaults));
  // Atomic (or keys the server would reject anyway): the list is one value.
  if (!node || keys.length === 0 || desiredKeys.some((k) => k === undefined)) {
    compareAtomic(desired, live, type, trail, walk);
    return;
  }
  desired.forEach((item, i) => {
    const key = desiredKeys[i]!;
    const match: unknown = live.find((candidate) =>
      jsonEqual(itemKey(candidate, keys, defaults), key),
    );
    const itemPath = extend(trail, { key });
    if (match === undefined)
      walk.out.push({ path: toPath(itemPath), desired: item, live: undefined });
    else compareValue(item, match, node.items, itemPath, walk);
  });
}

/**
 * An atomic value is replaced whole by an apply, so it differs unless it is the same value. The
 * server may fill in defaults inside it (a NetworkPolicy port's `protocol`): when ferry still
 * owns the value, no one changed it since ferry's apply, and extra live fields are those.
 */
function compareAtomic(
  desired: unknown,
  live: unknown,
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  if (sameValue(desired, live, type, walk.schema, true)) return;
  if (ownsPath(walk.applied, toPath(trail)) && sameValue(desired, live, type, walk.schema, false))
    return;
  walk.out.push({ path: toPath(trail), desired, live });
}

/**
 * Whether `live` holds the value `desired` sets: `exact`, nothing more (lists item by item); or
 * else at least what `desired` sets, with omitted zero values allowed.
 */
function sameValue(
  desired: unknown,
  live: unknown,
  type: TypeNode,
  schema: ObjectSchema,
  exact: boolean,
): boolean {
  if (desired === null) return !exact || live === null || live === undefined;
  const node = schema.resolve(type);
  if (Array.isArray(desired)) {
    const items = node.t === 'list' ? node.items : ANY;
    return (
      Array.isArray(live) &&
      live.length === desired.length &&
      desired.every((item, i) => sameValue(item, live[i], items, schema, exact))
    );
  }
  if (isRecord(desired)) {
    if (!isRecord(live)) return !exact && live === undefined && Object.keys(desired).length === 0;
    if (exact && Object.keys(live).some((name) => !(name in desired))) return false;
    return Object.entries(desired).every(
      ([name, value]) =>
        sameValue(value, live[name], schema.field(type, name), schema, exact) ||
        (!exact && live[name] === undefined && isZeroScalar(value)),
    );
  }
  return scalarEquals(desired, live, node.t === 'scalar' && node.quantity === true);
}

/** Equal as the API server means it: quantities compare by value (`0.5` and `500m`). */
function scalarEquals(desired: unknown, live: unknown, quantity: boolean): boolean {
  if (desired === live) return true;
  return quantity && quantityEquals(desired, live);
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
