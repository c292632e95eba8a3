import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/inventory-lists.ts
var PER_NAMESPACE_LIMIT = 3;
function kindKey(info) {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}
function addToPlan(plan, info, namespace, selector) {
  const key = kindKey(info);
  const entry = plan.get(key) ?? { info, namespaces: /* @__PURE__ */ new Set(), selector };
  if (info.namespaced && namespace) entry.namespaces.add(namespace);
  plan.set(key, entry);
}
function clusterWide(entry) {
  return !entry.info.namespaced || entry.namespaces.size > PER_NAMESPACE_LIMIT;
}
function listsOf(plan) {
  return [...plan.values()].flatMap(
    ({ info, namespaces, selector }) => clusterWide({ info, namespaces }) ? [{ info, selector }] : [...namespaces].map((namespace) => ({ info, namespace, selector }))
  );
}
function objectsPlan(objects) {
  const plan = /* @__PURE__ */ new Map();
  for (const o of objects) addToPlan(plan, o.info, o.namespace, "");
  return plan;
}
function recordedPlan(first, recordedKinds, recordedNamespaces, selector) {
  const second = /* @__PURE__ */ new Map();
  for (const info of recordedKinds) {
    const listed = first.get(kindKey(info));
    if (listed && clusterWide(listed)) continue;
    const missing = info.namespaced ? recordedNamespaces.filter((ns) => !listed?.namespaces.has(ns)) : listed ? [] : [void 0];
    for (const ns of missing) addToPlan(second, info, ns, selector);
  }
  return second;
}

export {
  PER_NAMESPACE_LIMIT,
  kindKey,
  listsOf,
  objectsPlan,
  recordedPlan
};
//# sourceMappingURL=chunk-6ER3YKVD.js.map
