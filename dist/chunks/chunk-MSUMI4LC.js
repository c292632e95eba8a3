import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  kindKey,
  listsOf,
  objectsPlan,
  recordedPlan
} from "./chunk-6ER3YKVD.js";
import {
  APPLYSET_PART_OF
} from "./chunk-M2WY2DRM.js";
import {
  PRUNE_PROTECTED_KINDS
} from "./chunk-I5IJWC2A.js";

// src/core/rollout.ts
var WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "Job"]);
function condition(object, type) {
  return object.status?.conditions?.find((c) => c.type === type);
}
function observed(object) {
  const generation = object.metadata?.generation;
  const seen = object.status?.observedGeneration;
  return generation === void 0 || seen !== void 0 && seen >= generation;
}
function isCustomGroup(group) {
  return group.includes(".") && (!group.endsWith(".k8s.io") || group.endsWith(".x-k8s.io"));
}
function waitsForRollout(object, info) {
  return WORKLOAD_KINDS.has(object.kind) || info.statusSubresource && isCustomGroup(info.group);
}
function rolloutState(object) {
  const status = object.status ?? {};
  switch (object.kind) {
    case "Deployment": {
      const progressing = condition(object, "Progressing");
      if (progressing?.reason === "ProgressDeadlineExceeded") {
        return {
          done: false,
          failed: true,
          message: `ProgressDeadlineExceeded: ${progressing.message ?? ""}`.trim()
        };
      }
      if (!observed(object))
        return { done: false, message: "waiting for the controller to observe the new generation" };
      const want = object.spec?.replicas ?? 1;
      const updated = status.updatedReplicas ?? 0;
      const total = status.replicas ?? 0;
      const available = status.availableReplicas ?? 0;
      if (updated < want) return { done: false, message: `${updated} of ${want} updated replicas` };
      if (total > updated)
        return { done: false, message: `${total - updated} old replicas pending termination` };
      if (available < updated)
        return { done: false, message: `${available} of ${updated} updated replicas available` };
      return { done: true, message: `${available} replicas available` };
    }
    case "StatefulSet": {
      if (!observed(object))
        return { done: false, message: "waiting for the controller to observe the new generation" };
      const want = object.spec?.replicas ?? 1;
      const ready = status.readyReplicas ?? 0;
      if (ready < want) return { done: false, message: `${ready} of ${want} replicas ready` };
      const partition = object.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
      if (object.spec?.updateStrategy?.type === "OnDelete")
        return { done: true, message: `${ready} replicas ready` };
      if (partition > 0) {
        const updated = status.updatedReplicas ?? 0;
        return updated >= want - partition ? { done: true, message: `partitioned rollout: ${updated} updated` } : { done: false, message: `${updated} of ${want - partition} replicas updated` };
      }
      if (status.updateRevision !== status.currentRevision) {
        return {
          done: false,
          message: `${status.updatedReplicas ?? 0} of ${want} replicas updated`
        };
      }
      return { done: true, message: `${ready} replicas ready` };
    }
    case "DaemonSet": {
      if (!observed(object))
        return { done: false, message: "waiting for the controller to observe the new generation" };
      const want = status.desiredNumberScheduled ?? 0;
      const updated = status.updatedNumberScheduled ?? 0;
      const available = status.numberAvailable ?? 0;
      if (updated < want)
        return { done: false, message: `${updated} of ${want} updated pods scheduled` };
      if (available < want)
        return { done: false, message: `${available} of ${want} updated pods available` };
      return { done: true, message: `${available} pods available` };
    }
    case "Job": {
      const failed = condition(object, "Failed");
      if (failed?.status === "True")
        return {
          done: false,
          failed: true,
          message: `Job failed: ${failed.reason ?? ""} ${failed.message ?? ""}`.trim()
        };
      if (condition(object, "Complete")?.status === "True")
        return { done: true, message: "completed" };
      return {
        done: false,
        message: `${status.succeeded ?? 0} succeeded, ${status.active ?? 0} active`
      };
    }
    default:
      return customResourceState(object);
  }
}
function current(object, c) {
  const generation = object.metadata?.generation;
  return c.observedGeneration === void 0 || generation === void 0 || c.observedGeneration >= generation;
}
function describeCondition(c) {
  return `${c.type}=${c.status ?? "Unknown"}${c.reason ? ` (${c.reason})` : ""}${c.message ? `: ${c.message}` : ""}`;
}
function customResourceState(object) {
  const seen = object.status?.observedGeneration;
  if (seen !== void 0 && !observed(object))
    return { done: false, message: "waiting for its controller to observe the new generation" };
  const stalled = condition(object, "Stalled");
  if (stalled?.status === "True" && current(object, stalled))
    return { done: false, failed: true, message: describeCondition(stalled) };
  const ready = condition(object, "Ready") ?? condition(object, "Synced");
  if (ready) {
    if (ready.status === "True" && current(object, ready))
      return { done: true, message: ready.type };
    return { done: false, message: describeCondition(ready) };
  }
  const reconciling = condition(object, "Reconciling");
  if (reconciling?.status === "True")
    return { done: false, message: describeCondition(reconciling) };
  if (Object.keys(object.status ?? {}).length === 0)
    return { done: false, message: "waiting for its controller to report status" };
  return { done: true, message: "status reported" };
}
var FATAL_WAITING_REASONS = /* @__PURE__ */ new Set([
  "ImagePullBackOff",
  "ErrImagePull",
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "InvalidImageName",
  "CreateContainerError"
]);
function podSelector(object) {
  const spec = object.spec;
  const labels = object.kind === "Job" ? { "batch.kubernetes.io/job-name": object.metadata.name } : spec?.selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return void 0;
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function podFailure(pod) {
  const statuses = [
    ...pod.status?.initContainerStatuses ?? [],
    ...pod.status?.containerStatuses ?? []
  ];
  for (const container of statuses) {
    const waiting = container.state?.waiting;
    if (waiting && FATAL_WAITING_REASONS.has(waiting.reason ?? "")) {
      return `container ${container.name}: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ""}`;
    }
  }
  return void 0;
}

// src/core/access.ts
var isUrlPermission = (p) => "url" in p;
var ALL_USES = {
  validate: true,
  write: true,
  prune: true,
  pruneAllow: [],
  wait: true,
  drift: true
};
var DISCOVERY_URLS = ["/api", "/apis", "/openapi/v3", "/openapi/v3/*"];
var PARENT_KIND = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  namespaced: true
};
var CRD_KIND = { group: "apiextensions.k8s.io", resource: "customresourcedefinitions" };
var PODS = { group: "", resource: "pods" };
var EVENTS = { group: "", resource: "events" };
var RBAC_GROUP = "rbac.authorization.k8s.io";
var Permissions = class {
  byKey = /* @__PURE__ */ new Map();
  add(permission) {
    const key = isUrlPermission(permission) ? `\0${permission.url}` : [
      permission.group,
      permission.resource,
      permission.namespace ?? "",
      permission.name ?? "",
      permission.verb
    ].join("");
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...permission, purposes: [...permission.purposes] });
    else
      for (const p of permission.purposes) if (!known.purposes.includes(p)) known.purposes.push(p);
  }
  /** `verb` on an object's resource: namespaced ones in their namespace; cluster-scoped by name. */
  onObject(verb, o, purpose, named = !o.info.namespaced) {
    this.add({
      verb,
      group: o.info.group,
      resource: o.info.resource,
      ...o.info.namespaced ? { namespace: o.object.metadata.namespace } : {},
      ...named ? { name: o.object.metadata.name } : {},
      purposes: [purpose]
    });
  }
  sorted() {
    return [...this.byKey.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, p]) => p);
  }
};
function requiredAccess(sets, uses) {
  const out = new Permissions();
  for (const url of DISCOVERY_URLS) out.add({ verb: "get", url, purposes: ["discovery"] });
  for (const set of sets) addSet(out, set, uses);
  return out.sorted();
}
function addSet(out, set, uses) {
  const { parent, objects } = set;
  addReads(out, set);
  const parentObject = {
    info: PARENT_KIND,
    object: {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: parent.name, namespace: parent.namespace }
    }
  };
  if (uses.validate) {
    for (const o of objects) {
      out.onObject("patch", o, "server-side apply");
      out.onObject("create", o, "server-side apply");
      addRbacGrants(out, o);
    }
  }
  if (uses.write) {
    out.onObject("get", parentObject, "inventory", true);
    out.onObject("patch", parentObject, "inventory", true);
    out.onObject("create", parentObject, "inventory", false);
    for (const o of objects) {
      out.onObject("get", o, "lost race");
      if (o.info.group === CRD_KIND.group && o.info.resource === CRD_KIND.resource)
        out.onObject("watch", o, "new CRDs", true);
      if (o.object.kind === "Job" && o.info.group === "batch") {
        out.onObject("delete", o, "replace Jobs");
        out.onObject("get", o, "replace Jobs");
        out.onObject("create", o, "replace Jobs", false);
      }
    }
  }
  if (uses.wait) for (const o of objects) addWait(out, o);
  if (uses.prune) addPrune(out, set, uses.pruneAllow);
  if (uses.drift) {
    for (const o of objects) out.onObject("patch", o, "drift --confirm");
    out.onObject("patch", parentObject, "drift alerts", true);
    out.onObject("create", parentObject, "drift alerts", true);
  }
}
function addReads(out, set) {
  const { parent } = set;
  const first = objectsPlan([
    ...set.objects.map((o) => ({ info: o.info, namespace: o.object.metadata.namespace })),
    { info: PARENT_KIND, namespace: parent.namespace }
  ]);
  const second = recordedPlan(
    first,
    set.recordedKinds,
    [parent.namespace, ...set.recordedNamespaces],
    `${APPLYSET_PART_OF}=${parent.id}`
  );
  for (const list of [...listsOf(first), ...listsOf(second)]) {
    out.add({
      verb: "list",
      group: list.info.group,
      resource: list.info.resource,
      ...list.namespace !== void 0 ? { namespace: list.namespace } : {},
      ...list.info.namespaced && list.namespace === void 0 ? { allNamespaces: true } : {},
      purposes: ["read"]
    });
  }
}
function addRbacGrants(out, o) {
  if (o.info.group !== RBAC_GROUP) return;
  const namespace = o.info.namespaced ? { namespace: o.object.metadata.namespace } : {};
  if (o.info.resource === "roles" || o.info.resource === "clusterroles") {
    const name = o.object.metadata.name;
    out.add({
      verb: "escalate",
      group: RBAC_GROUP,
      resource: o.info.resource,
      ...namespace,
      name,
      purposes: ["escalate"]
    });
  }
  if (o.info.resource === "rolebindings" || o.info.resource === "clusterrolebindings") {
    const ref = o.object.roleRef;
    if (!ref?.name || ref.kind !== "Role" && ref.kind !== "ClusterRole") return;
    const resource = ref.kind === "Role" ? "roles" : "clusterroles";
    out.add({
      verb: "bind",
      group: RBAC_GROUP,
      resource,
      ...namespace,
      name: ref.name,
      purposes: ["bind"]
    });
  }
}
function addWait(out, o) {
  const { group, statusSubresource = false } = o.info;
  if (!waitsForRollout(o.object, { group, statusSubresource })) return;
  out.onObject("watch", o, "wait");
  const namespace = o.object.metadata.namespace;
  if (!o.info.namespaced || namespace === void 0 || !podSelector(o.object)) return;
  out.add({ verb: "watch", ...PODS, namespace, purposes: ["wait"] });
  out.add({ verb: "list", ...EVENTS, namespace, purposes: ["wait"] });
}
function addPrune(out, set, pruneAllow) {
  const all = [...set.objects, ...set.members];
  const prunable = (info) => !PRUNE_PROTECTED_KINDS.includes(info.kind) || pruneAllow.includes(info.kind);
  for (const o of all) if (prunable(o.info)) out.onObject("delete", o, "prune");
  const kinds = /* @__PURE__ */ new Map();
  for (const info of [...all.map((o) => o.info), ...set.recordedKinds])
    kinds.set(kindKey(info), info);
  const namespaces = /* @__PURE__ */ new Set([
    set.parent.namespace,
    ...set.recordedNamespaces,
    ...all.flatMap((o) => o.info.namespaced ? [o.object.metadata.namespace ?? ""] : [])
  ]);
  namespaces.delete("");
  for (const { group, resource, namespaced } of kinds.values()) {
    if (!namespaced) out.add({ verb: "list", group, resource, purposes: ["prune"] });
    else
      for (const namespace of namespaces)
        out.add({ verb: "list", group, resource, namespace, purposes: ["prune"] });
  }
}
function describePermission(p) {
  const why = ` (${p.purposes.join(", ")})`;
  if (isUrlPermission(p)) return `get ${p.url}${why}`;
  const resource = p.group ? `${p.group}/${p.resource}` : p.resource;
  const name = p.name ? ` ${p.name}` : "";
  const where = p.namespace ? ` in namespace ${p.namespace}` : p.allNamespaces ? " in all namespaces" : "";
  return `${p.verb} ${resource}${name}${where}${why}`;
}

export {
  waitsForRollout,
  rolloutState,
  podSelector,
  podFailure,
  isUrlPermission,
  ALL_USES,
  requiredAccess,
  describePermission
};
//# sourceMappingURL=chunk-MSUMI4LC.js.map
