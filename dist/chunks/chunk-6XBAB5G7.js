import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  appliedFields,
  comparable,
  compareDesired,
  escapeSegment,
  itemLabel,
  itemMatches,
  lastManager,
  ownersOf,
  pathSegments
} from "./chunk-FX6LBB4U.js";
import {
  APPLY_TRACE_KEYS,
  MANIFEST_HASH
} from "./chunk-PF3JOGFO.js";
import {
  ANNOTATION_PREFIX,
  describeObject,
  groupOf,
  yaml
} from "./chunk-RJ335PBH.js";
import {
  ConfigError
} from "./chunk-O7TIUWNP.js";

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
      parts.push(escapeSegment(segment));
      node = node?.[segment];
    } else {
      const list = Array.isArray(node) ? node : [];
      const index = list.findIndex((item) => itemMatches(item, segment.keys));
      parts.push(index >= 0 ? String(index) : `[${itemLabel(segment.keys)}]`);
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
var DRIFT_FINGERPRINT = "ferry.dev/drift-fingerprint";
var HIDDEN = "(hidden)";
var HASH_PATH = `/metadata/annotations/${MANIFEST_HASH.replace("/", "~1")}`;
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
  const applied = appliedFields(live, fieldManager);
  const differences = compareDesired(comparable(desired), live, applied);
  if (applied) differences.push(...removedInGit(applied, desired, live));
  const reported = differences.filter((d) => d.path !== HASH_PATH);
  let ignored = 0;
  const fields = [];
  for (const difference of reported) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    const owners = ownersOf(managed, difference.path);
    const others = owners.filter((m) => m !== fieldManager);
    const manager = others[0] ?? (owners.length === 0 ? lastManager(managed, fieldManager) : void 0);
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
var VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `f:${ANNOTATION_PREFIX}${key}`));
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function removedInGit(fields, git, live, path = "") {
  const out = [];
  for (const [key, child] of Object.entries(fields)) {
    const sub = asRecord(child) ?? {};
    if (key.startsWith("f:")) {
      if (path === "/metadata/annotations" && VOLATILE.has(key)) continue;
      const name = key.slice(2);
      const liveValue = asRecord(live)?.[name];
      const gitValue = asRecord(git)?.[name];
      const childPath = `${path}/${escapeSegment(name)}`;
      if (liveValue === void 0) continue;
      if (gitValue === void 0)
        out.push({ path: childPath, desired: void 0, live: liveValue });
      else if (Object.keys(sub).length > 0)
        out.push(...removedInGit(sub, gitValue, liveValue, childPath));
    } else if (key.startsWith("k:") && Array.isArray(live)) {
      let id;
      try {
        id = JSON.parse(key.slice(2));
      } catch {
        continue;
      }
      const matches = (item) => Object.entries(id).every(([k, v]) => asRecord(item)?.[k] === v);
      const matchesGit = (item) => Object.entries(id).every(
        ([k, v]) => asRecord(item)?.[k] === v || asRecord(item)?.[k] === void 0
      ) && Object.entries(id).some(([k, v]) => asRecord(item)?.[k] === v);
      const liveItem = live.find(matches);
      if (liveItem === void 0) continue;
      const gitItem = Array.isArray(git) ? git.find(matchesGit) : void 0;
      const itemPath = `${path}[${itemLabel(id)}]`;
      if (gitItem === void 0) out.push({ path: itemPath, desired: void 0, live: liveItem });
      else out.push(...removedInGit(sub, gitItem, liveItem, itemPath));
    }
  }
  return out;
}

export {
  parseIgnoreRules,
  DRIFT_FINGERPRINT,
  driftOf
};
//# sourceMappingURL=chunk-6XBAB5G7.js.map
