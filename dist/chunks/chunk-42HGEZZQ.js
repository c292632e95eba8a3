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

export {
  escapeField,
  formatPath,
  jsonEqual,
  isRecord,
  itemKey,
  isPrefix,
  ROOT_TRAIL,
  extend,
  toPath
};
//# sourceMappingURL=chunk-42HGEZZQ.js.map
