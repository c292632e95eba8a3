import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/field-path.ts
function escapeField(name) {
  if (!name.includes("~") && !name.includes("/")) return name;
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
function scalarText(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}
function formatPath(path) {
  if (path.length === 0) return "/";
  let text = "";
  for (const element of path) {
    if ("field" in element) text += `/${escapeField(element.field)}`;
    else if ("key" in element)
      text += `[${Object.entries(element.key).map(([k, v]) => `${k}=${scalarText(v)}`).join(",")}]`;
    else if ("value" in element) text += `[=${scalarText(element.value)}]`;
    else text += `/${element.index}`;
  }
  return text;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b;
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const left = a;
  const right = b;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function itemKey(item, keys, defaults) {
  if (!isRecord(item) || keys.length === 0) return void 0;
  const key = {};
  for (const name of keys) {
    const value = item[name] ?? defaults?.[name];
    if (value === void 0) return void 0;
    key[name] = value;
  }
  return key;
}
function isPrefix(prefix, path) {
  return prefix.length <= path.length && prefix.every((element, i) => jsonEqual(element, path[i]));
}
var ROOT_TRAIL = {};
function extend(trail, element) {
  return { parent: trail, element };
}
function toPath(trail) {
  const elements = [];
  for (let step = trail; step?.element; step = step.parent)
    elements.push(step.element);
  return elements.reverse();
}

// src/core/managed-fields.ts
var UNKNOWN_MANAGER = "unknown";
function asSet(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function parseMember(name) {
  try {
    return JSON.parse(name.slice(2));
  } catch {
    return void 0;
  }
}
function childSet(node, element) {
  if ("field" in element) return asSet(node[`f:${element.field}`]);
  if ("index" in element) return asSet(node[`i:${element.index}`]);
  const prefix = "key" in element ? "k:" : "v:";
  const wanted = "key" in element ? element.key : element.value;
  for (const [name, next] of Object.entries(node)) {
    if (name.startsWith(prefix) && jsonEqual(parseMember(name), wanted)) return asSet(next);
  }
  return void 0;
}
function ownsPath(fields, path) {
  let node = fields;
  for (const element of path) {
    if (!node) return false;
    const next = childSet(node, element);
    if (!next) return false;
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== void 0;
}
function appliedFields(live, manager) {
  const entries = live.metadata.managedFields;
  return entries?.find((entry) => entry.manager === manager && entry.operation === "Apply")?.fieldsV1;
}
function ownersOf(managedFields, path) {
  return (managedFields ?? []).filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path)).map((entry) => entry.manager);
}
function lastUpdater(managedFields, except) {
  const entries = (managedFields ?? []).filter(
    (e) => e.manager && e.manager !== except && e.operation === "Update" && e.time && !e.subresource
  );
  entries.sort((a, b) => a.time < b.time ? 1 : -1);
  return entries[0]?.manager;
}

export {
  escapeField,
  formatPath,
  jsonEqual,
  isRecord,
  itemKey,
  isPrefix,
  ROOT_TRAIL,
  extend,
  toPath,
  UNKNOWN_MANAGER,
  parseMember,
  ownsPath,
  appliedFields,
  ownersOf,
  lastUpdater
};
//# sourceMappingURL=chunk-IBUBWRKG.js.map
