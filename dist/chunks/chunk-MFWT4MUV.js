import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ROOT_TRAIL,
  UNKNOWN_MANAGER,
  appliedFields,
  escapeField,
  extend,
  formatPath,
  isRecord,
  itemKey,
  jsonEqual,
  lastUpdater,
  ownersOf,
  ownsPath,
  parseMember,
  toPath
} from "./chunk-IBUBWRKG.js";
import {
  TransportError,
  statusMessage
} from "./chunk-TAQBB7O5.js";
import {
  withLiveBuildAnnotations
} from "./chunk-P3BBT7K4.js";
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  APPLY_TRACE_KEYS,
  FIELD_MANAGER,
  MANIFEST_HASH,
  asMember,
  foreignOwner,
  parseGroupKinds
} from "./chunk-YQHPYPSF.js";
import {
  ANNOTATION_PREFIX,
  describeObject,
  groupOf,
  identityOf
} from "./chunk-547FW4JV.js";
import {
  parseList
} from "./chunk-M3MUK5BQ.js";
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/kube/discovery.ts
var ResourceMap = class {
  constructor(byKind) {
    this.byKind = byKind;
    for (const info of byKind.values()) {
      const key = info.group ? `${info.kind}.${info.group}` : info.kind;
      if (!this.byGroupKind.has(key)) this.byGroupKind.set(key, info);
    }
  }
  byKind;
  byGroupKind = /* @__PURE__ */ new Map();
  /** Looks up an ApplySet group-kind (`Deployment.apps`, `ConfigMap`) at its preferred version. */
  findGroupKind(groupKind) {
    return this.byGroupKind.get(groupKind);
  }
  /** Looks up `apiVersion` + `kind`; undefined when the server does not serve it. */
  find(apiVersion, kind) {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }
};
var AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
async function discover(client) {
  const byKind = /* @__PURE__ */ new Map();
  for (const path of ["/api", "/apis"]) {
    const response = await client.request({
      verb: "discovery",
      method: "GET",
      path,
      accept: AGGREGATED
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items))
      throw discoveryError(path, response);
    for (const group of response.body.items) {
      const groupName = group.metadata?.name ?? "";
      for (const version of group.versions ?? []) {
        const apiVersion = groupName ? `${groupName}/${version.version}` : version.version;
        for (const resource of version.resources ?? []) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          byKind.set(`${apiVersion}/${kind}`, {
            group: groupName,
            version: version.version,
            kind,
            resource: resource.resource,
            namespaced: resource.scope === "Namespaced",
            statusSubresource: (resource.subresources ?? []).some(
              (s) => s.subresource === "status"
            )
          });
        }
      }
    }
  }
  return new ResourceMap(byKind);
}
function discoveryError(path, response) {
  const said = statusMessage(response).trim();
  if (response.status === 400 && /HTTP request to an HTTPS server/i.test(said))
    return new ConfigError(
      `the API server speaks HTTPS but the kubeconfig's server URL starts with http:// (it answered "${said}"): use https://`
    );
  if (response.status === 200 || response.status === 404 || response.status === 406)
    return new OperationError(
      `API discovery failed (${path}: HTTP ${response.status}); the API server must serve aggregated discovery (Kubernetes \u2265 1.30)`
    );
  return new OperationError(`API discovery failed (${path}: HTTP ${response.status}: ${said})`);
}
function collectionPath(info, namespace) {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced && namespace ? `${base}/namespaces/${namespace}/${info.resource}` : `${base}/${info.resource}`;
}
function objectPath(info, name, namespace) {
  return `${collectionPath(info, namespace)}/${encodeURIComponent(name)}`;
}

// src/adapters/kube/watch.ts
var MIN_WATCH_MS = 1e3;
async function watchUntil(client, path, query, onEvent, signal, onInterrupted = () => {
}) {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await client.watch(path, query, onEvent, signal);
    } catch (error) {
      if (!(error instanceof TransportError && error.retryable)) throw error;
      onInterrupted(error.message);
    }
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
  }
}
function abortableSleep(ms, signal) {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
    signal.addEventListener("abort", finish);
  });
}

// src/adapters/kube/objects.ts
async function serverSideApply(client, info, object, call) {
  const response = await client.request({
    method: "PATCH",
    path: objectPath(
      info,
      object.metadata.name,
      info.namespaced ? object.metadata.namespace : void 0
    ),
    query: {
      fieldManager: call.fieldManager ?? FIELD_MANAGER,
      force: call.force ? "true" : void 0,
      dryRun: call.dryRun ? "All" : void 0
    },
    contentType: "application/apply-patch+yaml",
    // YAML is JSON's superset; sending JSON keeps numbers and strings exactly as parsed.
    body: JSON.stringify(object)
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, created: response.status === 201, object: response.body };
  }
  return {
    ok: false,
    status: response.status,
    message: statusMessage(response),
    conflicts: conflictsOf(response)
  };
}
function conflictsOf(response) {
  if (response.status !== 409) return [];
  const causes = response.body?.details?.causes ?? [];
  return causes.filter((cause) => cause.reason === "FieldManagerConflict").map((cause) => ({
    field: cause.field ?? "?",
    manager: /conflict with "([^"]+)"/.exec(cause.message ?? "")?.[1] ?? "?"
  }));
}
async function listObjects(client, info, labelSelector, namespace) {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: collectionPath(info, namespace),
    query: { labelSelector }
  });
  if (response.status !== 200) {
    throw new Error(
      `list ${info.resource}${namespace ? ` in ${namespace}` : ""}: ${statusMessage(response)}`
    );
  }
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return (response.body.items ?? []).map((item) => ({ ...item, apiVersion, kind: info.kind }));
}
async function deleteObject(client, info, live, dryRun) {
  const uid = live.metadata.uid;
  const response = await client.request({
    method: "DELETE",
    path: objectPath(
      info,
      live.metadata.name,
      info.namespaced ? live.metadata.namespace : void 0
    ),
    query: { dryRun: dryRun ? "All" : void 0 },
    body: {
      kind: "DeleteOptions",
      apiVersion: "v1",
      propagationPolicy: "Background",
      ...uid ? { preconditions: { uid } } : {}
    }
  });
  if (response.status === 200 || response.status === 202 || response.status === 404)
    return void 0;
  return statusMessage(response);
}
async function waitForEstablished(client, name, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let established = false;
  try {
    await watchUntil(
      client,
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
      { fieldSelector: `metadata.name=${name}` },
      (_type, object) => {
        const conditions = object.status?.conditions ?? [];
        if (conditions.some((c) => c.type === "Established" && c.status === "True")) {
          established = true;
          controller.abort();
        }
      },
      controller.signal
    );
  } finally {
    clearTimeout(timer);
  }
  if (!established)
    throw new Error(
      `CustomResourceDefinition ${name} was not Established within ${timeoutMs / 1e3}s`
    );
}
async function validateAsNew(client, info, object) {
  const response = await client.request({
    method: "POST",
    path: collectionPath(info, info.namespaced ? object.metadata.namespace : void 0),
    query: { dryRun: "All", fieldManager: FIELD_MANAGER },
    body: object
  });
  const exists = response.status === 409 && response.body?.reason === "AlreadyExists";
  if (response.status === 200 || response.status === 201 || exists) return void 0;
  return statusMessage(response);
}
async function waitUntilGone(client, info, object, timeoutMs) {
  const path = objectPath(
    info,
    object.metadata.name,
    info.namespaced ? object.metadata.namespace : void 0
  );
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const response = await client.request({ method: "GET", path });
    if (response.status === 404) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

// src/core/completed-jobs.ts
import { createHash } from "node:crypto";
var COMPLETED_JOB_PREFIX = "ran-job.ferry.dev/";
function isJob(object) {
  return object.kind === "Job" && object.apiVersion.startsWith("batch/");
}
function completedJobKey(id) {
  return `${COMPLETED_JOB_PREFIX}${createHash("sha256").update(id).digest("hex").slice(0, 20)}`;
}
function hasTtl(job) {
  const spec = job.spec;
  return typeof spec?.ttlSecondsAfterFinished === "number";
}
function hasCompleted(live) {
  const conditions = live.status?.conditions ?? [];
  return conditions.some((c) => c.type === "Complete" && c.status === "True");
}
function completedBefore(parentLive, id, desired) {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const recorded = parentLive?.metadata.annotations?.[completedJobKey(id)];
  return isJob(desired) && hash !== void 0 && recorded === hash;
}

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

// src/core/ignore.ts
function parseIgnoreRules(text, file) {
  let data;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const list = Array.isArray(data) ? data : data?.ignore;
  if (!Array.isArray(list))
    throw new ConfigError(`${file}: expected a list of rules or an "ignore:" list`);
  return list.map((rule, index) => {
    const r = rule;
    if (!r || !Array.isArray(r.paths) || r.paths.some((p) => typeof p !== "string" || !p.startsWith("/"))) {
      throw new ConfigError(
        `${file}: ignore[${index}].paths: expected a list of JSON pointers starting with "/"`
      );
    }
    return { paths: r.paths, ...r.target ? { target: r.target } : {} };
  });
}
function matchesSelector(selector, values) {
  if (!selector) return true;
  const map = values ?? {};
  return parseList(selector).every((term) => {
    const notEqual = /^([^!=]+)!=(.*)$/.exec(term);
    if (notEqual) return map[notEqual[1].trim()] !== notEqual[2].trim();
    const equal = /^([^!=]+)==?(.*)$/.exec(term);
    if (equal) return map[equal[1].trim()] === equal[2].trim();
    if (term.startsWith("!")) return !(term.slice(1) in map);
    return term in map;
  });
}
function targets(rule, object) {
  const t = rule.target;
  if (!t) return true;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return (t.kind === void 0 || t.kind === object.kind) && (t.name === void 0 || t.name === object.metadata.name) && (t.namespace === void 0 || t.namespace === object.metadata.namespace) && (t.group === void 0 || t.group === (group ?? groupOf(object.apiVersion))) && (t.version === void 0 || t.version === version) && matchesSelector(t.labelSelector, object.metadata.labels) && matchesSelector(t.annotationSelector, object.metadata.annotations);
}
function isItem(item, element) {
  if ("value" in element) return jsonEqual(item, element.value);
  if (!("key" in element) || !isRecord(item)) return false;
  return Object.entries(element.key).every(([k, v]) => item[k] === void 0 || item[k] === v);
}
function indexedPointer(live, path) {
  let node = live;
  let pointer = "";
  for (const element of path) {
    if ("field" in element) {
      pointer += `/${escapeField(element.field)}`;
      node = isRecord(node) ? node[element.field] : void 0;
      continue;
    }
    const list = Array.isArray(node) ? node : [];
    const index = "index" in element ? element.index : list.findIndex((item) => isItem(item, element));
    pointer += `/${index >= 0 ? index : formatPath([element])}`;
    node = list[index];
  }
  return pointer || "/";
}
function covers(rulePath, path) {
  const rule = rulePath.split("/");
  const actual = path.split("/");
  if (rule.length > actual.length) return false;
  return rule.every((part, i) => part === "*" || part === actual[i]);
}
function ignoredBy(rules, live, path) {
  const applicable = rules.filter((rule) => targets(rule, live));
  if (applicable.length === 0) return false;
  const pointer = indexedPointer(live, path);
  const shown = formatPath(path);
  return applicable.some((rule) => rule.paths.some((p) => covers(p, shown) || covers(p, pointer)));
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
var HIDDEN = "(hidden)";
var HASH_PATH = [
  { field: "metadata" },
  { field: "annotations" },
  { field: MANIFEST_HASH }
];
function mask(object, field) {
  const top = field.segments[0];
  if (object.kind !== "Secret" || !top || !("field" in top)) return field;
  if (top.field !== "data" && top.field !== "stringData") return field;
  return {
    ...field,
    git: field.git === void 0 ? void 0 : HIDDEN,
    live: field.live === void 0 ? void 0 : HIDDEN
  };
}
var VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`));
function differencesOf(desired, live, schema, fieldManager) {
  const managed = live.metadata.managedFields;
  const applied = appliedFields(live, fieldManager);
  const differences = compareDesired(comparable(desired), live, schema, applied);
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const sameManifest = hash !== void 0 && live.metadata.annotations?.[MANIFEST_HASH] === hash;
  if (applied && !sameManifest) {
    for (const removed of removedInGit(applied, desired, live, schema, VOLATILE)) {
      const others = ownersOf(managed, removed.path).filter((m) => m !== fieldManager);
      if (others.length === 0) differences.push(removed);
    }
  }
  return differences.filter((d) => !jsonEqual(d.path, HASH_PATH));
}
function managerOf(managed, path, fieldManager) {
  const owners = ownersOf(managed, path);
  const others = owners.filter((m) => m !== fieldManager);
  if (others[0]) return others[0];
  if (owners.length > 0) return fieldManager;
  return lastUpdater(managed, fieldManager) ?? UNKNOWN_MANAGER;
}
function driftOf(desired, live, rules, fieldManager, schema) {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: "missing", fields: [] }, ignored: 0 };
  const managed = live.metadata.managedFields;
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
        manager: managerOf(managed, difference.path, fieldManager)
      })
    );
  }
  return fields.length > 0 ? { drift: { object: name, kind: "drifted", fields }, ignored } : { ignored };
}

// src/core/ordering.ts
var PHASES = {
  Namespace: 0,
  CustomResourceDefinition: 0,
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  PriorityClass: 1,
  StorageClass: 1,
  PersistentVolume: 1,
  IngressClass: 1,
  RuntimeClass: 1,
  ServiceAccount: 2,
  Role: 2,
  RoleBinding: 2,
  ConfigMap: 2,
  Secret: 2,
  SealedSecret: 2,
  ExternalSecret: 2,
  ResourceQuota: 2,
  LimitRange: 2,
  PersistentVolumeClaim: 2,
  NetworkPolicy: 2,
  Service: 3,
  Deployment: 4,
  StatefulSet: 4,
  DaemonSet: 4,
  ReplicaSet: 4,
  Job: 4,
  CronJob: 4,
  Pod: 4,
  HorizontalPodAutoscaler: 4,
  PodDisruptionBudget: 4,
  MutatingWebhookConfiguration: 6,
  ValidatingWebhookConfiguration: 6,
  ValidatingAdmissionPolicy: 6,
  ValidatingAdmissionPolicyBinding: 6
};
function phaseOf(object, namespaced) {
  return PHASES[object.kind] ?? (namespaced ? 5 : 1);
}
var PRUNE_PROTECTED_KINDS = [
  "Namespace",
  "CustomResourceDefinition",
  "PersistentVolume",
  "PersistentVolumeClaim"
];

// src/commands/cluster/inventory/inventory.ts
var PARENT_INFO = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  namespaced: true,
  statusSubresource: false
};
function desiredObject(object, resources, parent) {
  const info = resources.find(object.apiVersion, object.kind);
  const metadata = { ...object.metadata };
  if (info.namespaced) metadata.namespace ??= parent.namespace;
  else delete metadata.namespace;
  const asApplied = { ...object, metadata };
  if (info.statusSubresource) delete asApplied.status;
  const member = asMember(asApplied, parent);
  return { id: identityOf(member), object: member, info, phase: phaseOf(member, info.namespaced) };
}
var PER_NAMESPACE_LIMIT = 3;
var Inventory = class _Inventory {
  constructor(parent, parentLive, groupKinds, namespaces, live, members) {
    this.parent = parent;
    this.parentLive = parentLive;
    this.groupKinds = groupKinds;
    this.namespaces = namespaces;
    this.live = live;
    this.members = members;
  }
  parent;
  parentLive;
  groupKinds;
  namespaces;
  live;
  members;
  liveOf(id) {
    return this.live.get(id);
  }
  /**
   * A Job that ran for this very manifest and was then removed by its TTL: done, not missing
   * (core/completed-jobs.ts).
   */
  ranAndRemoved(desired) {
    return !this.live.has(desired.id) && completedBefore(this.parentLive, desired.id, desired.object);
  }
  /**
   * Whether applying would change the object: new, manifest changed, or any field drift would
   * report (the same comparison, so everything drift reports, apply restores).
   */
  needsWrite(desired, schemas) {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (live.metadata.annotations?.[MANIFEST_HASH] !== desired.object.metadata.annotations?.[MANIFEST_HASH])
      return true;
    const schema = schemas.forKind(desired.object.apiVersion, desired.object.kind);
    return differencesOf(desired.object, live, schema, FIELD_MANAGER).length > 0;
  }
  /** This inventory plus what a later read found (kinds a just-created CRD serves). */
  merge(other) {
    const live = new Map([...this.live, ...other.live]);
    return new _Inventory(this.parent, this.parentLive, this.groupKinds, this.namespaces, live, [
      ...this.members,
      ...other.members
    ]);
  }
  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired) {
    const live = this.live.get(desired.id);
    return live ? foreignOwner(live, this.parent) : void 0;
  }
};
function addToPlan(plan, info, namespace, selector) {
  const key = info.group ? `${info.kind}.${info.group}` : info.kind;
  const entry = plan.get(key) ?? { info, namespaces: /* @__PURE__ */ new Set(), selector };
  if (info.namespaced && namespace) entry.namespaces.add(namespace);
  plan.set(key, entry);
}
async function runPlan(client, plan, shared) {
  const list = (info, selector, ns) => shared?.lookup(info, selector, ns) ?? listObjects(client, info, selector, ns);
  const lists = [...plan.values()].flatMap(({ info, namespaces, selector }) => {
    if (!info.namespaced || namespaces.size > PER_NAMESPACE_LIMIT) {
      return [list(info, selector).then((items) => ({ info, items, scope: "*" }))];
    }
    return [...namespaces].map((ns) => list(info, selector, ns).then((items) => ({ info, items })));
  });
  return Promise.all(lists);
}
async function readInventory(client, resources, parent, desired, extend2, shared) {
  const first = /* @__PURE__ */ new Map();
  for (const d of desired) addToPlan(first, d.info, d.object.metadata.namespace, "");
  if (!extend2) addToPlan(first, PARENT_INFO, parent.namespace, "");
  const results = await runPlan(client, first, shared);
  const live = /* @__PURE__ */ new Map();
  const parentId = `/ConfigMap/${parent.namespace}/${parent.name}`;
  const collect = (batch) => batch.flatMap(
    ({ info, items }) => items.flatMap((object) => {
      const id = identityOf(object);
      live.set(id, object);
      return object.metadata.labels?.[APPLYSET_PART_OF] === parent.id ? [{ id, object, info }] : [];
    })
  );
  const members = collect(results);
  const parentLive = extend2 ? extend2.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  ];
  if (!extend2) {
    const second = /* @__PURE__ */ new Map();
    for (const key of recordedKinds) {
      const info = resources.findGroupKind(key);
      if (!info) continue;
      const listed = first.get(key);
      const missing = info.namespaced ? recordedNamespaces.filter((ns) => !listed?.namespaces.has(ns)) : listed ? [] : [void 0];
      const coveredClusterWide = listed && (!info.namespaced || listed.namespaces.size > PER_NAMESPACE_LIMIT);
      if (coveredClusterWide) continue;
      for (const ns of missing) addToPlan(second, info, ns, `${APPLYSET_PART_OF}=${parent.id}`);
    }
    members.push(...collect(await runPlan(client, second, shared)));
  }
  for (const d of desired) {
    const liveObject = live.get(d.id);
    const carried = liveObject && withLiveBuildAnnotations(d.object, liveObject, parent);
    if (carried) d.object = carried;
  }
  const inventory = new Inventory(
    parent,
    parentLive,
    recordedKinds,
    recordedNamespaces.slice(1),
    live,
    members
  );
  return extend2 ? extend2.merge(inventory) : inventory;
}

export {
  discover,
  collectionPath,
  objectPath,
  watchUntil,
  serverSideApply,
  listObjects,
  deleteObject,
  waitForEstablished,
  validateAsNew,
  waitUntilGone,
  isJob,
  completedJobKey,
  hasTtl,
  hasCompleted,
  convertDocument,
  convertCrd,
  SchemaSet,
  compareDesired,
  parseIgnoreRules,
  DRIFT_FINGERPRINT,
  differencesOf,
  driftOf,
  phaseOf,
  PRUNE_PROTECTED_KINDS,
  PARENT_INFO,
  desiredObject,
  readInventory
};
//# sourceMappingURL=chunk-MFWT4MUV.js.map
