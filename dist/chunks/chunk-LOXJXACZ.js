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

// src/core/attribution.ts
var UNATTRIBUTED_WORDS = {
  removed: "removed; the API server does not record by whom",
  "removed-or-new-in-git": "not on the cluster: new in git since the last apply, or removed (the API server does not record by whom)",
  "no-owner": "no field manager owns the live value"
};
function attributeField(managed, path, live, fieldManager, sameManifest) {
  const owners = ownersOf(managed, path);
  const other = owners.find((manager) => manager !== fieldManager);
  if (other !== void 0) return { manager: other };
  if (owners.length > 0) return { manager: fieldManager };
  if (live !== void 0) return { unattributed: "no-owner" };
  return { unattributed: sameManifest ? "removed" : "removed-or-new-in-git" };
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
  parseMember,
  ownsPath,
  appliedFields,
  ownersOf,
  UNATTRIBUTED_WORDS,
  attributeField
};
//# sourceMappingURL=chunk-LOXJXACZ.js.map
