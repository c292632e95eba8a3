import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  FIELD_MANAGER,
  KubeClient,
  compareDesired,
  desiredObject,
  discover,
  mapLimit,
  readInventory,
  serverSideApply
} from "./chunk-TCJ7FOLC.js";
import {
  applySetParent
} from "./chunk-ZSGLW4MB.js";
import {
  describeObject,
  groupOf,
  readManifestDir,
  readTextFile,
  yaml
} from "./chunk-UGI74LQ6.js";
import {
  ConfigError
} from "./chunk-7NOBEVYY.js";
import "./chunk-57EZ2WE2.js";

// src/commands/drift.ts
import { createHash } from "node:crypto";

// src/core/managed-fields.ts
function pathSegments(path) {
  const segments = [];
  for (const part of path.split("/").slice(1)) {
    const match = /^(.*?)((?:\[[^=\]]+=[^\]]*\])*)$/.exec(part);
    const name = match[1].replace(/~1/g, "/").replace(/~0/g, "~");
    if (name !== "") segments.push(name);
    for (const [, key, value] of match[2].matchAll(/\[([^=\]]+)=([^\]]*)\]/g))
      segments.push({ key, value });
  }
  return segments;
}
function child(node, segment) {
  if (typeof segment === "string") {
    const next = node[`f:${segment}`];
    return typeof next === "object" && next !== null ? next : void 0;
  }
  for (const [name, next] of Object.entries(node)) {
    if (!name.startsWith("k:")) continue;
    try {
      const key = JSON.parse(name.slice(2));
      if (String(key[segment.key]) === segment.value) return next;
    } catch {
    }
  }
  return void 0;
}
function ownsPath(fields, path) {
  let node = fields;
  const segments = pathSegments(path);
  for (const segment of segments) {
    if (!node) return false;
    const next = child(node, segment);
    if (!next) return false;
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== void 0;
}
function ownersOf(managedFields, path) {
  return (managedFields ?? []).filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path)).map((entry) => entry.manager);
}
function lastManager(managedFields, except) {
  const entries = (managedFields ?? []).filter((e) => e.manager && e.manager !== except && e.time);
  entries.sort((a, b) => a.time < b.time ? 1 : -1);
  return entries[0]?.manager;
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
  return selector.split(",").map((s) => s.trim()).filter(Boolean).every((term) => {
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
function indexedPointer(live, path) {
  let node = live;
  const parts = [];
  for (const segment of pathSegments(path)) {
    if (typeof segment === "string") {
      parts.push(segment.replace(/~/g, "~0").replace(/\//g, "~1"));
      node = node?.[segment];
    } else {
      const list = Array.isArray(node) ? node : [];
      const index = list.findIndex((item) => String(item?.[segment.key]) === segment.value);
      parts.push(index >= 0 ? String(index) : `[${segment.key}=${segment.value}]`);
      node = list[index];
    }
  }
  return `/${parts.join("/")}`;
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
  return applicable.some((rule) => rule.paths.some((p) => covers(p, path) || covers(p, pointer)));
}

// src/core/drift.ts
var HIDDEN = "(hidden)";
function mask(object, field) {
  if (object.kind !== "Secret" || !/^\/(data|stringData)(\/|$)/.test(field.path)) return field;
  return {
    ...field,
    git: field.git === void 0 ? void 0 : HIDDEN,
    live: field.live === void 0 ? void 0 : HIDDEN
  };
}
function driftOf(desired, live, rules, fieldManager) {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: "missing", fields: [] }, ignored: 0 };
  const managed = live.metadata.managedFields;
  const differences = compareDesired(desired, live);
  const seen = new Set(differences.map((d) => d.path));
  if (managed?.some((entry) => entry.manager === fieldManager)) {
    const ours = managed.find(
      (entry) => entry.manager === fieldManager && entry.operation === "Apply"
    );
    for (const path of leafPaths(desired)) {
      if (seen.has(path) || ours && ownsPath(ours.fieldsV1, path)) continue;
      const owners = ownersOf(managed, path).filter((m) => m !== fieldManager);
      if (owners.length > 0) {
        differences.push({ path, desired: valueAt(desired, path), live: valueAt(live, path) });
        seen.add(path);
      }
    }
  }
  let ignored = 0;
  const fields = [];
  for (const difference of differences) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    const owners = ownersOf(managed, difference.path).filter((m) => m !== fieldManager);
    const manager = owners[0] ?? lastManager(managed, fieldManager);
    fields.push(
      mask(desired, {
        path: difference.path,
        git: difference.desired,
        live: difference.live,
        ...manager ? { manager } : {}
      })
    );
  }
  return fields.length > 0 ? { drift: { object: name, kind: "drifted", fields }, ignored } : { ignored };
}
function leafPaths(object, path = "") {
  if (Array.isArray(object)) {
    const key = ["name", "containerPort", "port", "mountPath"].find(
      (k) => object.length > 0 && object.every(
        (i) => typeof i === "object" && i !== null && i[k] !== void 0
      )
    );
    if (!key) return [path];
    return object.flatMap(
      (item) => leafPaths(item, `${path}[${key}=${String(item[key])}]`)
    );
  }
  if (object !== null && typeof object === "object") {
    const entries = Object.entries(object);
    if (entries.length === 0) return [path];
    return entries.flatMap(
      ([key, value]) => leafPaths(value, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`)
    );
  }
  return [path];
}
function valueAt(object, path) {
  let node = object;
  for (const part of path.split("/").slice(1)) {
    const [name, ...keys] = part.split("[");
    if (name)
      node = node?.[name.replace(/~1/g, "/").replace(/~0/g, "~")];
    for (const key of keys) {
      const [k, v] = key.replace(/\]$/, "").split("=");
      node = Array.isArray(node) ? node.find((item) => String(item?.[k]) === v) : void 0;
    }
  }
  return node;
}

// src/commands/drift.ts
async function drift(options, log) {
  const manifests = await readManifestDir(options.dir);
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  const client = KubeClient.connect(options);
  try {
    return await driftCheck(
      client,
      manifests.map((m) => m.object),
      { ...options, rules },
      log
    );
  } finally {
    client.close();
  }
}
async function driftCheck(client, objects, options, log) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const desired = objects.filter((o) => !unknown.includes(o)).map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, desired);
  if (!inventory.parentLive)
    log.warning(
      `inventory ${parent.namespace}/${parent.name} does not exist: nothing was applied with it yet`
    );
  const drifted = unknown.map((o) => ({
    object: describeObject(o),
    kind: "missing",
    fields: []
  }));
  let ignored = 0;
  const flagged = [];
  for (const d of desired) {
    const result = driftOf(d.object, inventory.liveOf(d.id), options.rules ?? [], FIELD_MANAGER);
    ignored += result.ignored;
    if (result.drift) flagged.push({ desired: d, drift: result.drift });
  }
  if (options.confirm) {
    await mapLimit(
      flagged.filter((f) => f.drift.kind === "drifted"),
      8,
      async (f) => {
        f.drift.fields = await confirmFields(
          client,
          f.desired,
          inventory.liveOf(f.desired.id),
          f.drift
        );
      }
    );
  }
  drifted.push(
    ...flagged.filter((f) => f.drift.kind !== "drifted" || f.drift.fields.length > 0).map((f) => f.drift)
  );
  const desiredIds = new Set(desired.map((d) => d.id));
  for (const member of inventory.members.filter((m) => !desiredIds.has(m.id))) {
    drifted.push({ object: describeObject(member.object), kind: "extra", fields: [] });
  }
  drifted.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
  const count = (kind) => drifted.filter((d) => d.kind === kind).length;
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    clean: drifted.length === 0,
    objects: drifted,
    counts: {
      checked: objects.length,
      drifted: count("drifted"),
      missing: count("missing"),
      extra: count("extra"),
      ignored
    },
    fingerprint: fingerprintOf(drifted),
    requests: Object.fromEntries(client.counts)
  };
}
async function confirmFields(client, desired, live, drift2) {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true
  });
  if (!outcome.ok)
    throw new ConfigError(`--confirm: dry-run of ${drift2.object} failed: ${outcome.message}`);
  const changes = new Set(compareDesired(outcome.object, live).map((d) => d.path));
  const wouldChange = (path) => [...changes].some(
    (c) => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`) || path.startsWith(`${c}[`)
  );
  return drift2.fields.filter((f) => wouldChange(f.path));
}
function fingerprintOf(objects) {
  if (objects.length === 0) return "clean";
  const shape = objects.map(
    (o) => `${o.kind} ${o.object} ${o.fields.map((f) => `${f.path}=${JSON.stringify(f.live)}`).join(",")}`
  );
  return createHash("sha256").update(shape.join("\n")).digest("hex").slice(0, 16);
}
export {
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-FZ3V2SL7.js.map
