/**
 * How the API server merges each field, read from its own OpenAPI v3 description — the same
 * facts sigs.k8s.io/structured-merge-diff uses for server-side apply (via kube-openapi's
 * schemaconv): `x-kubernetes-list-type` (atomic | set | map with `x-kubernetes-list-map-keys`),
 * `x-kubernetes-map-type` (atomic | granular), and for older built-in lists
 * `x-kubernetes-patch-strategy: merge` with `x-kubernetes-patch-merge-key`. A list with none of
 * these is atomic; so is every CRD list without a list type.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */

/** A field's merge semantics. `ref` names a schema of the same document (resolved lazily). */
export type TypeNode =
  | { t: 'scalar'; quantity?: true }
  | {
      t: 'map';
      /** Named fields of a struct. */
      fields?: Record<string, TypeNode>;
      /** The value type of a map's other keys (`additionalProperties`, preserved unknown fields). */
      rest?: TypeNode;
      /** Replaced whole (`x-kubernetes-map-type: atomic`, e.g. a LabelSelector). */
      atomic?: true;
      /** Declared defaults of scalar fields: a map-list key field left out takes its default. */
      defaults?: Record<string, unknown>;
    }
  | { t: 'list'; items: TypeNode; list: 'atomic' | 'set' | 'map'; keys?: string[] }
  /** Schema-less ("deduced" in structured-merge-diff): maps are granular, lists atomic. */
  | { t: 'any' }
  | { ref: string };

/** One group-version's schemas, converted: named types and the kinds whose roots they are. */
export interface SchemaTable {
  types: Record<string, TypeNode>;
  /** `group/version/Kind` (core group: `/v1/Pod`) → the type name of its root. */
  kinds: Record<string, string>;
}

export const ANY = { t: 'any' } as const satisfies TypeNode;

/** The component that is a resource.Quantity: the API server rewrites it in canonical form. */
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const REF_PREFIX = '#/components/schemas/';

type OpenApiSchema = Record<string, unknown>;

function asSchema(value: unknown): OpenApiSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as OpenApiSchema)
    : undefined;
}

function refName(schema: OpenApiSchema): string | undefined {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) return ref.slice(REF_PREFIX.length);
  // Built-in documents wrap a reference to carry a description or a default: allOf: [{$ref}].
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1) return refName(asSchema(allOf[0]) ?? {});
  return undefined;
}

function listNode(schema: OpenApiSchema, items: TypeNode): TypeNode {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') return { t: 'list', items, list: 'set' };
  if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'];
    return { t: 'list', items, list: 'map', keys: Array.isArray(keys) ? keys.map(String) : [] };
  }
  if (listType === undefined) {
    // Built-in lists older than list types: a merge patch strategy makes them associative
    // (keyed by the merge key, or a set without one), as kube-openapi's schemaconv reads them.
    const strategy = schema['x-kubernetes-patch-strategy'];
    if (typeof strategy === 'string' && strategy.split(',').includes('merge')) {
      const key = schema['x-kubernetes-patch-merge-key'];
      return typeof key === 'string'
        ? { t: 'list', items, list: 'map', keys: [key] }
        : { t: 'list', items, list: 'set' };
    }
  }
  return { t: 'list', items, list: 'atomic' };
}

function mapNode(schema: OpenApiSchema): TypeNode {
  const node: Extract<TypeNode, { t: 'map' }> = { t: 'map' };
  const properties = asSchema(schema.properties);
  if (properties) {
    node.fields = {};
    for (const [name, property] of Object.entries(properties)) {
      const child = asSchema(property) ?? {};
      node.fields[name] = convertSchema(child);
      const fallback = child.default;
      if (fallback !== undefined && (typeof fallback !== 'object' || fallback === null)) {
        node.defaults = { ...node.defaults, [name]: fallback };
      }
    }
  }
  const additional = schema.additionalProperties;
  if (additional === true || schema['x-kubernetes-preserve-unknown-fields'] === true)
    node.rest = ANY;
  else if (asSchema(additional)) node.rest = convertSchema(asSchema(additional)!);
  else if (!properties) node.rest = ANY;
  if (schema['x-kubernetes-map-type'] === 'atomic') node.atomic = true;
  return node;
}

/** Converts one OpenAPI v3 schema (a component, a property, or a CRD's openAPIV3Schema). */
export function convertSchema(schema: OpenApiSchema): TypeNode {
  const name = refName(schema);
  if (name !== undefined)
    return name === QUANTITY ? { t: 'scalar', quantity: true } : { ref: name };
  if (schema['x-kubernetes-int-or-string'] === true) return { t: 'scalar' };
  const type = schema.type;
  if (type === 'array') return listNode(schema, convertSchema(asSchema(schema.items) ?? {}));
  if (type === 'object' || schema.properties !== undefined) return mapNode(schema);
  if (typeof type === 'string') return { t: 'scalar' };
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) return ANY;
  // oneOf/anyOf of scalar types (a Quantity written as string or number) compare as scalars.
  const variants = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
  if (variants?.every((v) => ['string', 'integer', 'number'].includes(String(asSchema(v)?.type))))
    return { t: 'scalar' };
  return ANY;
}

/** Converts a group-version document served at `/openapi/v3/apis/<group>/<version>`. */
export function convertDocument(document: unknown): SchemaTable {
  const schemas = asSchema(asSchema(asSchema(document)?.components)?.schemas) ?? {};
  const table: SchemaTable = { types: {}, kinds: {} };
  for (const [name, value] of Object.entries(schemas)) {
    const schema = asSchema(value) ?? {};
    table.types[name] = name === QUANTITY ? { t: 'scalar', quantity: true } : convertSchema(schema);
    const gvks = schema['x-kubernetes-group-version-kind'];
    for (const gvk of Array.isArray(gvks) ? gvks : []) {
      const { group, version, kind } = (asSchema(gvk) ?? {}) as Record<string, string>;
      table.kinds[`${group ?? ''}/${version}/${kind}`] = name;
    }
  }
  return table;
}

/**
 * A table for a CRD's own schemas (`spec.versions[].schema.openAPIV3Schema`): used for a kind
 * the server's OpenAPI does not publish yet (a CRD created moments ago).
 */
export function convertCrd(crd: object): SchemaTable {
  const spec = asSchema((crd as { spec?: unknown }).spec) ?? {};
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const group = text(spec.group);
  const kind = text(asSchema(spec.names)?.kind);
  const table: SchemaTable = { types: {}, kinds: {} };
  for (const version of Array.isArray(spec.versions) ? spec.versions : []) {
    const v = asSchema(version) ?? {};
    const schema = asSchema(asSchema(v.schema)?.openAPIV3Schema);
    if (!schema) continue;
    const name = `${group}/${text(v.name)}/${kind}`;
    table.types[name] = convertSchema(schema);
    table.kinds[name] = name;
  }
  return table;
}

/** Resolves the types of one object's fields. */
export class ObjectSchema {
  constructor(
    private readonly table: SchemaTable,
    readonly root: TypeNode,
  ) {}

  /** Follows `ref`s (unknown names are schema-less). */
  resolve(node: TypeNode | undefined): Exclude<TypeNode, { ref: string }> {
    let current: TypeNode = node ?? ANY;
    for (let hops = 0; 'ref' in current && hops < 32; hops++)
      current = this.table.types[current.ref] ?? ANY;
    return 'ref' in current ? { t: 'any' } : current;
  }

  /** The type of a struct's field or a map's value. */
  field(node: TypeNode | undefined, name: string): TypeNode {
    const resolved = this.resolve(node);
    if (resolved.t !== 'map') return ANY;
    return resolved.fields?.[name] ?? resolved.rest ?? ANY;
  }
}

/** Schema-less comparison, for kinds no schema describes. */
export const UNTYPED = new ObjectSchema({ types: {}, kinds: {} }, ANY);

/** Every kind's schema that ferry knows, by `apiVersion` and `kind`. */
export class SchemaSet {
  constructor(private readonly tables: Map<string, SchemaTable>) {}

  /** The schema of `apiVersion`/`kind`, or the schema-less one when none is known. */
  forKind(apiVersion: string, kind: string): ObjectSchema {
    const table = this.tables.get(apiVersion);
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const name = table?.kinds[`${group}/${version}/${kind}`];
    if (!table || name === undefined) return UNTYPED;
    return new ObjectSchema(table, { ref: name });
  }
}
