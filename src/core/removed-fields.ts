import type { FieldDifference } from './compare.js';
import {
  extend,
  isRecord,
  itemKey,
  jsonEqual,
  ROOT_TRAIL,
  toPath,
  type PathElement,
  type Trail,
} from './field-path.js';
import { parseMember, type FieldSet } from './managed-fields.js';
import type { ObjectSchema, TypeNode } from './schema.js';

interface Walk {
  schema: ObjectSchema;
  /** Annotation names ferry writes itself on each apply: never compared with git. */
  volatile: ReadonlySet<string>;
  out: FieldDifference[];
}

/**
 * Walks ferry's owned-field set (FieldsV1) alongside git and live: a field ferry owns that is on
 * the cluster but not in git was removed from git and not yet applied. Fields the server keeps
 * elsewhere (a Secret's stringData) have no live value and are skipped.
 */
export function removedInGit(
  applied: FieldSet,
  git: unknown,
  live: unknown,
  schema: ObjectSchema,
  volatile: ReadonlySet<string>,
): FieldDifference[] {
  const walk: Walk = { schema, volatile, out: [] };
  visit(applied, git, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}

function visit(
  fields: FieldSet,
  git: unknown,
  live: unknown,
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  for (const [member, child] of Object.entries(fields)) {
    const sub = isRecord(child) ? child : {};
    if (member.startsWith('f:') && isRecord(live)) {
      const name = member.slice(2);
      if (isAnnotations(trail) && walk.volatile.has(name)) continue;
      visitChild(
        sub,
        asRecord(git)?.[name],
        live[name],
        walk.schema.field(type, name),
        extend(trail, { field: name }),
        walk,
      );
    } else if ((member.startsWith('k:') || member.startsWith('v:')) && Array.isArray(live)) {
      visitItem(member, sub, git, live, type, trail, walk);
    }
  }
}

function visitItem(
  member: string,
  sub: FieldSet,
  git: unknown,
  live: unknown[],
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  const id = parseMember(member);
  if (id === undefined) return;
  const gitList = Array.isArray(git) ? git : [];
  if (member.startsWith('v:')) {
    const element: PathElement = { value: id };
    if (live.some((l) => jsonEqual(l, id)) && !gitList.some((g) => jsonEqual(g, id)))
      walk.out.push({ path: toPath(extend(trail, element)), desired: undefined, live: id });
    return;
  }
  if (!isRecord(id)) return;
  const node = walk.schema.resolve(type);
  const items = node.t === 'list' ? node.items : { t: 'any' as const };
  const element = walk.schema.resolve(items);
  const defaults = element.t === 'map' ? element.defaults : undefined;
  const keys = Object.keys(id);
  const sameItem = (item: unknown): boolean => jsonEqual(itemKey(item, keys, defaults), id);
  visitChild(
    sub,
    gitList.find(sameItem),
    live.find(sameItem),
    items,
    extend(trail, { key: id }),
    walk,
  );
}

function visitChild(
  sub: FieldSet,
  git: unknown,
  live: unknown,
  type: TypeNode,
  trail: Trail,
  walk: Walk,
): void {
  if (live === undefined) return;
  if (git === undefined) walk.out.push({ path: toPath(trail), desired: undefined, live });
  else if (Object.keys(sub).length > 0) visit(sub, git, live, type, trail, walk);
}

/** Whether the trail is `/metadata/annotations`. */
function isAnnotations(trail: Trail): boolean {
  const annotations = trail.element;
  const metadata = trail.parent?.element;
  return (
    trail.parent?.parent?.element === undefined &&
    annotations !== undefined &&
    'field' in annotations &&
    annotations.field === 'annotations' &&
    metadata !== undefined &&
    'field' in metadata &&
    metadata.field === 'metadata'
  );
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
