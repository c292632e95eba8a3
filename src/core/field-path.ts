/**
 * A field's address inside an object, as structured-merge-diff's `fieldpath.Path` has it: a list
 * of typed elements. It becomes a string only for display, so a key value holding `/` or `,`
 * (a volumeMount keyed by `mountPath: /var/run`) never needs parsing back.
 */
export type PathElement =
  /** A field of a struct or a key of a map. */
  | { field: string }
  /** An item of a map-list, named by its key fields (`name`, `containerPort` + `protocol`). */
  | { key: Record<string, unknown> }
  /** An item of a set, named by its value. */
  | { value: unknown }
  /** An item of an atomic list, by position (only inside values compared whole). */
  | { index: number };

export type FieldPath = readonly PathElement[];

/** JSON Pointer escaping of a field name (RFC 6901). */
export function escapeField(name: string): string {
  if (!name.includes('~') && !name.includes('/')) return name;
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * How a report shows a path: `/spec/template/spec/containers[name=web]/image`,
 * `/spec/ports[port=53,protocol=UDP]`, `/metadata/finalizers[=example.com/guard]`.
 */
export function formatPath(path: FieldPath): string {
  if (path.length === 0) return '/';
  let text = '';
  for (const element of path) {
    if ('field' in element) text += `/${escapeField(element.field)}`;
    else if ('key' in element)
      text += `[${Object.entries(element.key)
        .map(([k, v]) => `${k}=${scalarText(v)}`)
        .join(',')}]`;
    else if ('value' in element) text += `[=${scalarText(element.value)}]`;
    else text += `/${element.index}`;
  }
  return text;
}

/** Deep equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The key of a map-list item: its key fields, a missing one taking its declared default (the
 * server keys a container port written without `protocol` as TCP). Undefined when a key field
 * has neither a value nor a default.
 */
export function itemKey(
  item: unknown,
  keys: readonly string[],
  defaults: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!isRecord(item) || keys.length === 0) return undefined;
  const key: Record<string, unknown> = {};
  for (const name of keys) {
    const value = item[name] ?? defaults?.[name];
    if (value === undefined) return undefined;
    key[name] = value;
  }
  return key;
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((element, i) => jsonEqual(element, path[i]));
}

/**
 * A path while a comparison walks an object: each step points at its parent, so descending into
 * a field allocates one small node, not a copy of the whole path; it becomes a FieldPath only
 * where one is reported or looked up.
 */
export interface Trail {
  readonly parent?: Trail;
  readonly element?: PathElement;
}

/** The trail of the object itself. */
export const ROOT_TRAIL: Trail = {};

/** One step further down. */
export function extend(trail: Trail, element: PathElement): Trail {
  return { parent: trail, element };
}

/** The trail as a path, root first. */
export function toPath(trail: Trail): FieldPath {
  const elements: PathElement[] = [];
  for (let step: Trail | undefined = trail; step?.element; step = step.parent)
    elements.push(step.element);
  return elements.reverse();
}
