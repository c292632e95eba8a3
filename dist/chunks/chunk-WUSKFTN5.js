import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  appliedFields,
  attributeField,
  ownersOf,
  ownsPath,
  parseMember
} from "./chunk-Z3LLN2L2.js";
import {
  ignoredBy
} from "./chunk-A4S5FLSL.js";
import {
  ROOT_TRAIL,
  extend,
  formatPath,
  isRecord,
  itemKey,
  jsonEqual,
  toPath
} from "./chunk-42HGEZZQ.js";
import {
  APPLY_TRACE_KEYS,
  MANIFEST_HASH,
  isSecretField,
  withoutValues
} from "./chunk-M2WY2DRM.js";
import {
  ANNOTATION_PREFIX,
  describeObject
} from "./chunk-XIPL23AO.js";
import {
  FerryError
} from "./chunk-PTXPLBH2.js";

// src/core/quantity.ts
var QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
var SUFFIX = {
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
  E: 1e18
};
function quantityValue(value) {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") return void 0;
  const match = QUANTITY.exec(text);
  if (!match) return void 0;
  const [, number, exponent, suffix] = match;
  return Number(number) * 10 ** Number(exponent ?? 0) * (suffix ? SUFFIX[suffix] : 1);
}
function quantityEquals(a, b) {
  const x = quantityValue(a);
  const y = quantityValue(b);
  return x !== void 0 && y !== void 0 && Math.abs(x - y) <= Math.abs(x) * 1e-9;
}

// src/core/schema.ts
var ANY = { t: "any" };
var QUANTITY2 = "io.k8s.apimachinery.pkg.api.resource.Quantity";
var REF_PREFIX = "#/components/schemas/";
function asSchema(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function refName(schema) {
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith(REF_PREFIX)) return ref.slice(REF_PREFIX.length);
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1) return refName(asSchema(allOf[0]) ?? {});
  return void 0;
}
function listNode(schema, items) {
  const listType = schema["x-kubernetes-list-type"];
  if (listType === "set") return { t: "list", items, list: "set" };
  if (listType === "map") {
    const keys = schema["x-kubernetes-list-map-keys"];
    return { t: "list", items, list: "map", keys: Array.isArray(keys) ? keys.map(String) : [] };
  }
  if (listType === void 0) {
    const strategy = schema["x-kubernetes-patch-strategy"];
    if (typeof strategy === "string" && strategy.split(",").includes("merge")) {
      const key = schema["x-kubernetes-patch-merge-key"];
      return typeof key === "string" ? { t: "list", items, list: "map", keys: [key] } : { t: "list", items, list: "set" };
    }
  }
  return { t: "list", items, list: "atomic" };
}
function mapNode(schema) {
  const node = { t: "map" };
  const properties = asSchema(schema.properties);
  if (properties) {
    node.fields = {};
    for (const [name, property] of Object.entries(properties)) {
      const child = asSchema(property) ?? {};
      node.fields[name] = convertSchema(child);
      const fallback = child.default;
      if (fallback !== void 0 && (typeof fallback !== "object" || fallback === null)) {
        node.defaults = { ...node.defaults, [name]: fallback };
      }
    }
  }
  const additional = schema.additionalProperties;
  if (additional === true || schema["x-kubernetes-preserve-unknown-fields"] === true)
    node.rest = ANY;
  else if (asSchema(additional)) node.rest = convertSchema(asSchema(additional));
  else if (!properties) node.rest = ANY;
  if (schema["x-kubernetes-map-type"] === "atomic") node.atomic = true;
  return node;
}
function convertSchema(schema) {
  const name = refName(schema);
  if (name !== void 0)
    return name === QUANTITY2 ? { t: "scalar", quantity: true } : { ref: name };
  if (schema["x-kubernetes-int-or-string"] === true) return { t: "scalar" };
  const type = schema.type;
  if (type === "array") return listNode(schema, convertSchema(asSchema(schema.items) ?? {}));
  if (type === "object" || schema.properties !== void 0) return mapNode(schema);
  if (typeof type === "string") return { t: "scalar" };
  if (schema["x-kubernetes-preserve-unknown-fields"] === true) return ANY;
  const variants = [schema.oneOf, schema.anyOf].find(Array.isArray);
  if (variants?.every((v) => ["string", "integer", "number"].includes(String(asSchema(v)?.type))))
    return { t: "scalar" };
  return ANY;
}
function convertDocument(document) {
  const schemas = asSchema(asSchema(asSchema(document)?.components)?.schemas) ?? {};
  const table = { types: {}, kinds: {} };
  for (const [name, value] of Object.entries(schemas)) {
    const schema = asSchema(value) ?? {};
    table.types[name] = name === QUANTITY2 ? { t: "scalar", quantity: true } : convertSchema(schema);
    const gvks = schema["x-kubernetes-group-version-kind"];
    for (const gvk of Array.isArray(gvks) ? gvks : []) {
      const { group, version, kind } = asSchema(gvk) ?? {};
      table.kinds[`${group ?? ""}/${version}/${kind}`] = name;
    }
  }
  return table;
}
function convertCrd(crd) {
  const spec = asSchema(crd.spec) ?? {};
  const text = (value) => typeof value === "string" ? value : "";
  const group = text(spec.group);
  const kind = text(asSchema(spec.names)?.kind);
  const table = { types: {}, kinds: {} };
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
var ObjectSchema = class {
  constructor(table, root) {
    this.table = table;
    this.root = root;
  }
  table;
  root;
  /** Follows `ref`s (unknown names are schema-less). */
  resolve(node) {
    let current = node ?? ANY;
    for (let hops = 0; "ref" in current && hops < 32; hops++)
      current = this.table.types[current.ref] ?? ANY;
    return "ref" in current ? { t: "any" } : current;
  }
  /** The type of a struct's field or a map's value. */
  field(node, name) {
    const resolved = this.resolve(node);
    if (resolved.t !== "map") return ANY;
    return resolved.fields?.[name] ?? resolved.rest ?? ANY;
  }
};
var UNTYPED = new ObjectSchema({ types: {}, kinds: {} }, ANY);
var SchemaSet = class {
  constructor(tables) {
    this.tables = tables;
  }
  tables;
  /** The schema of `apiVersion`/`kind`, or the schema-less one when none is known. */
  forKind(apiVersion, kind) {
    const table = this.tables.get(apiVersion);
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    const name = table?.kinds[`${group}/${version}/${kind}`];
    if (!table || name === void 0) return UNTYPED;
    return new ObjectSchema(table, { ref: name });
  }
};

// src/core/compare.ts
function compareDesired(desired, live, schema, applied) {
  const walk = { schema, applied, out: [] };
  compareValue(desired, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}
function isZeroScalar(value) {
  return value === false || value === 0 || value === "";
}
function compareValue(desired, live, type, trail, walk) {
  if (desired === null) return;
  const node = walk.schema.resolve(type);
  if (isRecord(desired) && (node.t === "map" || node.t === "any")) {
    if (node.t === "map" && node.atomic) compareAtomic(desired, live, type, trail, walk);
    else compareFields(desired, live, type, trail, walk);
  } else if (Array.isArray(desired) && (node.t === "list" || node.t === "any")) {
    compareList(desired, live, type, node.t === "list" ? node : void 0, trail, walk);
  } else if (!scalarEquals(desired, live, node.t === "scalar" && node.quantity === true)) {
    if (live === void 0 && isZeroScalar(desired) && ownsPath(walk.applied, toPath(trail)))
      return;
    walk.out.push({ path: toPath(trail), desired, live });
  }
}
function compareFields(desired, live, type, trail, walk) {
  if (!isRecord(live)) {
    if (live === void 0 && Object.keys(desired).length === 0) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  for (const [name, value] of Object.entries(desired)) {
    compareValue(
      value,
      live[name],
      walk.schema.field(type, name),
      extend(trail, { field: name }),
      walk
    );
  }
}
function compareList(desired, live, type, node, trail, walk) {
  if (!Array.isArray(live)) {
    if (desired.length === 0 && (live === void 0 || live === null)) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  if (node?.list === "set") {
    for (const item of desired.filter((d) => !live.some((l) => jsonEqual(l, d)))) {
      walk.out.push({
        path: toPath(extend(trail, { value: item })),
        desired: item,
        live: void 0
      });
    }
    return;
  }
  const element = node ? walk.schema.resolve(node.items) : void 0;
  const defaults = element?.t === "map" ? element.defaults : void 0;
  const keys = node?.list === "map" ? node.keys ?? [] : [];
  const desiredKeys = desired.map((item) => itemKey(item, keys, defaults));
  if (!node || keys.length === 0 || desiredKeys.some((k) => k === void 0)) {
    compareAtomic(desired, live, type, trail, walk);
    return;
  }
  desired.forEach((item, i) => {
    const key = desiredKeys[i];
    const match = live.find(
      (candidate) => jsonEqual(itemKey(candidate, keys, defaults), key)
    );
    const itemPath = extend(trail, { key });
    if (match === void 0)
      walk.out.push({ path: toPath(itemPath), desired: item, live: void 0 });
    else compareValue(item, match, node.items, itemPath, walk);
  });
}
function compareAtomic(desired, live, type, trail, walk) {
  if (sameValue(desired, live, type, walk.schema, true)) return;
  if (ownsPath(walk.applied, toPath(trail)) && sameValue(desired, live, type, walk.schema, false))
    return;
  walk.out.push({ path: toPath(trail), desired, live });
}
function sameValue(desired, live, type, schema, exact) {
  if (desired === null) return !exact || live === null || live === void 0;
  const node = schema.resolve(type);
  if (Array.isArray(desired)) {
    const items = node.t === "list" ? node.items : ANY;
    return Array.isArray(live) && live.length === desired.length && desired.every((item, i) => sameValue(item, live[i], items, schema, exact));
  }
  if (isRecord(desired)) {
    if (!isRecord(live)) return !exact && live === void 0 && Object.keys(desired).length === 0;
    if (exact && Object.keys(live).some((name) => !(name in desired))) return false;
    return Object.entries(desired).every(
      ([name, value]) => sameValue(value, live[name], schema.field(type, name), schema, exact) || !exact && live[name] === void 0 && isZeroScalar(value)
    );
  }
  return scalarEquals(desired, live, node.t === "scalar" && node.quantity === true);
}
function scalarEquals(desired, live, quantity) {
  if (desired === live) return true;
  return quantity && quantityEquals(desired, live);
}
function comparable(object) {
  const secret = object;
  if (object.kind !== "Secret" || object.apiVersion !== "v1" || !secret.stringData) return object;
  const { stringData, ...rest } = secret;
  const encoded = Object.fromEntries(
    Object.entries(stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString("base64")])
  );
  return { ...rest, data: { ...secret.data ?? {}, ...encoded } };
}

// src/core/removed-fields.ts
function removedInGit(applied, git, live, schema, volatile) {
  const walk = { schema, volatile, out: [] };
  visit(applied, git, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}
function visit(fields, git, live, type, trail, walk) {
  for (const [member, child] of Object.entries(fields)) {
    const sub = isRecord(child) ? child : {};
    if (member.startsWith("f:") && isRecord(live)) {
      const name = member.slice(2);
      if (isAnnotations(trail) && walk.volatile.has(name)) continue;
      visitChild(
        sub,
        asRecord(git)?.[name],
        live[name],
        walk.schema.field(type, name),
        extend(trail, { field: name }),
        walk
      );
    } else if ((member.startsWith("k:") || member.startsWith("v:")) && Array.isArray(live)) {
      visitItem(member, sub, git, live, type, trail, walk);
    }
  }
}
function visitItem(member, sub, git, live, type, trail, walk) {
  const id = parseMember(member);
  if (id === void 0) return;
  const gitList = Array.isArray(git) ? git : [];
  if (member.startsWith("v:")) {
    const element2 = { value: id };
    if (live.some((l) => jsonEqual(l, id)) && !gitList.some((g) => jsonEqual(g, id)))
      walk.out.push({ path: toPath(extend(trail, element2)), desired: void 0, live: id });
    return;
  }
  if (!isRecord(id)) return;
  const node = walk.schema.resolve(type);
  const items = node.t === "list" ? node.items : { t: "any" };
  const element = walk.schema.resolve(items);
  const defaults = element.t === "map" ? element.defaults : void 0;
  const keys = Object.keys(id);
  const sameItem = (item) => jsonEqual(itemKey(item, keys, defaults), id);
  visitChild(
    sub,
    gitList.find(sameItem),
    live.find(sameItem),
    items,
    extend(trail, { key: id }),
    walk
  );
}
function visitChild(sub, git, live, type, trail, walk) {
  if (live === void 0) return;
  if (git === void 0) walk.out.push({ path: toPath(trail), desired: void 0, live });
  else if (Object.keys(sub).length > 0) visit(sub, git, live, type, trail, walk);
}
function isAnnotations(trail) {
  const annotations = trail.element;
  const metadata = trail.parent?.element;
  return trail.parent?.parent?.element === void 0 && annotations !== void 0 && "field" in annotations && annotations.field === "annotations" && metadata !== void 0 && "field" in metadata && metadata.field === "metadata";
}
function asRecord(value) {
  return isRecord(value) ? value : void 0;
}

// src/core/drift.ts
var DRIFT_FINGERPRINT = "ferry.dev/drift-fingerprint";
var DriftAlertFailure = class extends FerryError {
  constructor(cause, report) {
    super(cause.message, cause.exitCode);
    this.report = report;
  }
  report;
};
var HIDDEN = "(hidden)";
var HASH_PATH = [
  { field: "metadata" },
  { field: "annotations" },
  { field: MANIFEST_HASH }
];
function isSecretData(object, path) {
  const top = path[0];
  if (object.kind !== "Secret" || !top || !("field" in top)) return false;
  return top.field === "data" || top.field === "stringData";
}
function mask(object, field) {
  const decrypted = isSecretField(object, field.segments);
  if (!decrypted && !isSecretData(object, field.segments)) return field;
  const segments = decrypted ? withoutValues(field.segments) : field.segments;
  return {
    ...field,
    path: formatPath(segments),
    segments,
    git: field.git === void 0 ? void 0 : HIDDEN,
    live: field.live === void 0 ? void 0 : HIDDEN
  };
}
var VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`));
function differencesOf(desired, live, schema, fieldManager) {
  const managed = live.metadata.managedFields;
  const applied = appliedFields(live, fieldManager);
  const differences = compareDesired(comparable(desired), live, schema, applied);
  const sameManifest = isSameManifest(desired, live);
  if (applied && !sameManifest) {
    for (const removed of removedInGit(applied, desired, live, schema, VOLATILE)) {
      const others = ownersOf(managed, removed.path).filter((m) => m !== fieldManager);
      if (others.length === 0) differences.push(removed);
    }
  }
  return differences.filter((d) => !jsonEqual(d.path, HASH_PATH));
}
function isSameManifest(desired, live) {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  return hash !== void 0 && live.metadata.annotations?.[MANIFEST_HASH] === hash;
}
function driftOf(desired, live, rules, fieldManager, schema) {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: "missing", fields: [] }, ignored: 0 };
  const managed = live.metadata.managedFields;
  const sameManifest = isSameManifest(desired, live);
  let ignored = 0;
  const fields = [];
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
        ...attributeField(managed, difference.path, difference.live, fieldManager, sameManifest)
      })
    );
  }
  return fields.length > 0 ? { drift: { object: name, kind: "drifted", fields }, ignored } : { ignored };
}

export {
  convertDocument,
  convertCrd,
  SchemaSet,
  compareDesired,
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  isSameManifest,
  driftOf
};
//# sourceMappingURL=chunk-WUSKFTN5.js.map
