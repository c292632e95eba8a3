import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  jsonEqual
} from "./chunk-42HGEZZQ.js";

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
  parseMember,
  ownsPath,
  appliedFields,
  ownersOf,
  UNATTRIBUTED_WORDS,
  attributeField
};
//# sourceMappingURL=chunk-Z3LLN2L2.js.map
