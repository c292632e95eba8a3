import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ApplyFailure,
  emptyReport,
  record
} from "./chunk-WZQV7YPD.js";
import {
  mapLimit
} from "./chunk-UO3RZ2OS.js";
import {
  KubeClient,
  PARENT_INFO,
  PRUNE_PROTECTED_KINDS,
  collectionPath,
  deleteObject,
  desiredObject,
  discover,
  phaseOf,
  readInventory,
  serverSideApply,
  waitForEstablished
} from "./chunk-FX6LBB4U.js";
import {
  APPLYSET_TOOLING,
  applySetParent,
  groupKind,
  parentObject
} from "./chunk-PF3JOGFO.js";
import {
  readManifestDir
} from "./chunk-MWIGHI5J.js";
import {
  describeObject,
  withAnnotations
} from "./chunk-RJ335PBH.js";
import {
  ConfigError,
  OperationError
} from "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";

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
function hasRollout(object) {
  return WORKLOAD_KINDS.has(object.kind ?? "") || condition(object, "Ready") !== void 0;
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
    default: {
      const ready = condition(object, "Ready");
      if (ready?.status === "True" && observed(object)) return { done: true, message: "Ready" };
      return {
        done: false,
        message: `Ready=${ready?.status ?? "Unknown"}${ready?.reason ? ` (${ready.reason})` : ""}`
      };
    }
  }
}
var FATAL_WAITING_REASONS = /* @__PURE__ */ new Set([
  "ImagePullBackOff",
  "ErrImagePull",
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "InvalidImageName",
  "CreateContainerError"
]);
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

// src/adapters/kube/rollout.ts
var POD_INFO = {
  group: "",
  version: "v1",
  kind: "Pod",
  resource: "pods",
  namespaced: true,
  statusSubresource: true
};
async function waitForRollouts(client, targets, timeoutMs, progress) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const outcome = { ready: [], notReady: [] };
  const pending = new Map(targets.map((t) => [describeObject(t.object), "waiting for status"]));
  try {
    await Promise.all(
      targets.map((target) => waitForOne(client, target, controller, pending, outcome, progress))
    );
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  for (const [object, last] of pending)
    outcome.notReady.push({ object, reason: `timed out after ${timeoutMs / 1e3}s: ${last}` });
  return outcome;
}
async function waitForOne(client, { info, object }, global, pending, outcome, progress) {
  const name = describeObject(object);
  const local = new AbortController();
  const stop = () => local.abort();
  global.signal.addEventListener("abort", stop);
  const finish = (reason) => {
    if (!pending.has(name)) return;
    pending.delete(name);
    if (reason) outcome.notReady.push({ object: name, reason });
    else outcome.ready.push(name);
    local.abort();
  };
  const namespace = info.namespaced ? object.metadata.namespace : void 0;
  const watches = [
    client.watch(
      collectionPath(info, namespace),
      { fieldSelector: `metadata.name=${object.metadata.name}` },
      (type, live) => {
        if (type === "BOOKMARK" || type === "ERROR") return;
        if (type === "DELETED") return finish("deleted while waiting");
        const state = rolloutState(live);
        if (state.done) {
          progress(`${name}: ${state.message}`);
          return finish();
        }
        if (state.failed) return finish(state.message);
        if (pending.get(name) !== state.message) progress(`${name}: ${state.message}`);
        pending.set(name, state.message);
      },
      local.signal
    )
  ];
  const selector = podSelector(object);
  if (selector && namespace) {
    watches.push(
      client.watch(
        collectionPath(POD_INFO, namespace),
        { labelSelector: selector },
        (type, pod) => {
          if (type !== "ADDED" && type !== "MODIFIED") return;
          const failure = podFailure(pod);
          if (!failure) return;
          void lastEvents(client, namespace, pod.metadata.name).then(
            (events) => finish(
              `pod ${pod.metadata.name}: ${failure}${events ? `; events: ${events}` : ""}`
            )
          );
        },
        local.signal
      )
    );
  }
  try {
    await Promise.all(watches);
  } finally {
    global.signal.removeEventListener("abort", stop);
  }
}
function podSelector(object) {
  const spec = object.spec;
  const labels = object.kind === "Job" ? { "batch.kubernetes.io/job-name": object.metadata.name } : spec?.selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return void 0;
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
async function lastEvents(client, namespace, pod) {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: `/api/v1/namespaces/${namespace}/events`,
    query: { fieldSelector: `involvedObject.name=${pod}` }
  });
  const items = response.status === 200 ? response.body.items ?? [] : [];
  return items.slice(-3).map((e) => `${e.reason ?? ""}: ${e.message ?? ""}`).join(" | ");
}

// src/commands/prune.ts
async function prune(client, inventory, desiredIds, options, report, log) {
  const allowed = new Set(options.pruneAllow ?? []);
  const candidates = inventory.members.filter((m) => !desiredIds.has(m.id));
  const kept = candidates.filter(
    (m) => PRUNE_PROTECTED_KINDS.includes(m.object.kind) && !allowed.has(m.object.kind)
  );
  for (const m of kept) {
    record(
      report,
      describeObject(m.object),
      "kept",
      `not in the manifests; ${m.object.kind} is only pruned with --prune-allow ${m.object.kind}`
    );
  }
  const doomed = candidates.filter((m) => !kept.includes(m));
  if (options.maxDeletions !== void 0 && doomed.length > options.maxDeletions) {
    throw new ApplyFailure(
      `prune would delete ${doomed.length} objects, more than --max-deletions ${options.maxDeletions}; nothing was deleted (${doomed.map((m) => describeObject(m.object)).join(", ")})`,
      report
    );
  }
  doomed.sort(
    (a, b) => phaseOf(b.object, b.info.namespaced) - phaseOf(a.object, a.info.namespaced)
  );
  const remaining = kept.map((m) => m.object);
  for (const member of doomed) {
    const name = describeObject(member.object);
    const error = await deleteObject(client, member.info, member.object, options.dryRun ?? false);
    if (error) {
      record(report, name, "failed", `delete rejected: ${error}; it stays in the inventory`);
      remaining.push(member.object);
    } else {
      record(report, name, "pruned");
      log.info(`${name} pruned${options.dryRun ? " (dry run)" : ""}`);
    }
  }
  return remaining;
}

// src/commands/apply.ts
async function apply(options, log) {
  const manifests = await readManifestDir(options.dir);
  const client = KubeClient.connect(options);
  try {
    return await applyObjects(
      client,
      manifests.map((m) => m.object),
      options,
      log
    );
  } finally {
    client.close();
  }
}
async function applyObjects(client, objects, options, log) {
  const dryRun = options.dryRun ?? false;
  const namespace = options.namespace ?? client.contextNamespace;
  const parent = applySetParent(options.inventory, namespace);
  const report = emptyReport(parent, dryRun);
  try {
    await run(client, objects, options, parent, report, log);
  } finally {
    report.requests = Object.fromEntries(client.counts);
  }
  return report;
}
async function run(client, objects, options, parent, report, log) {
  const dryRun = options.dryRun ?? false;
  let resources = await discover(client);
  checkKindsKnown(objects, resources);
  const clash = objects.find(
    (o) => o.kind === "ConfigMap" && o.apiVersion === "v1" && o.metadata.name === parent.name && (o.metadata.namespace ?? parent.namespace) === parent.namespace
  );
  if (clash) {
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`
    );
  }
  const isPrerequisite = (o) => o.kind === "Namespace" || o.kind === "CustomResourceDefinition";
  const served = (o) => resources.find(o.apiVersion, o.kind) !== void 0;
  const desired = objects.filter(served).map((o) => desiredObject(o, resources, parent));
  let inventory = await readInventory(client, resources, parent, desired);
  const parentLive = inventory.parentLive;
  const tooling = parentLive?.metadata.annotations?.[APPLYSET_TOOLING];
  if (parentLive && tooling && !tooling.startsWith("ferry/")) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name} belongs to ${tooling}, not ferry; choose another --inventory`
    );
  }
  const prerequisiteWrites = plan(
    desired.filter((d) => isPrerequisite(d.object)),
    inventory,
    report
  );
  await validate(client, prerequisiteWrites, inventory, options, report);
  await write(client, prerequisiteWrites, options, report, log);
  if (!dryRun && prerequisiteWrites.length > 0)
    await recordKinds(client, parent, inventory, desired, report);
  const newCrds = prerequisiteWrites.filter((d) => d.object.kind === "CustomResourceDefinition");
  const awaitingCrd = objects.filter((o) => !served(o));
  if (!dryRun && newCrds.length > 0) {
    await log.group(`waiting for ${newCrds.length} CRD(s) to be Established`, async () => {
      for (const crd of newCrds) await waitForEstablished(client, crd.object.metadata.name, 6e4);
    });
    resources = await discover(client);
    const added = awaitingCrd.filter(served).map((o) => desiredObject(o, resources, parent));
    inventory = await readInventory(client, resources, parent, added, inventory);
    desired.push(...added);
  }
  for (const o of objects.filter((x) => !resources.find(x.apiVersion, x.kind))) {
    record(
      report,
      describeObject(o),
      "created",
      "dry run: not validated, its CRD is not installed yet"
    );
  }
  const writes = plan(
    desired.filter((d) => !isPrerequisite(d.object)),
    inventory,
    report
  );
  const newNamespaces = new Set(
    prerequisiteWrites.filter((d) => d.object.kind === "Namespace" && !inventory.liveOf(d.id)).map((d) => d.object.metadata.name)
  );
  const checkable = dryRun ? writes.filter((d) => !newNamespaces.has(d.object.metadata.namespace ?? "")) : writes;
  for (const d of writes.filter((w) => !checkable.includes(w)))
    record(
      report,
      describeObject(d.object),
      "created",
      "dry run: not validated, its namespace does not exist yet"
    );
  await validate(client, checkable, inventory, options, report);
  if (!dryRun && (writes.length > 0 || !parentLive)) {
    await recordKinds(client, parent, inventory, desired, report);
  }
  for (const phase of [...new Set(writes.map((d) => d.phase))].sort((a, b) => a - b)) {
    await write(
      client,
      writes.filter((d) => d.phase === phase),
      options,
      report,
      log
    );
  }
  if (options.wait && !dryRun)
    await waitForChanged([...prerequisiteWrites, ...writes], client, options, report, log);
  if (options.prune) {
    const kept = await prune(
      client,
      inventory,
      new Set(desired.map((d) => d.id)),
      options,
      report,
      log
    );
    if (!dryRun)
      await applyParent(client, parent, [...desired.map((d) => d.object), ...kept], report);
    const failed = report.objects.filter((o) => o.action === "failed");
    if (failed.length > 0)
      throw new ApplyFailure(`${failed.length} object(s) could not be pruned`, report);
  }
}
function checkKindsKnown(objects, resources) {
  const fromCrds = /* @__PURE__ */ new Set();
  for (const crd of objects.filter((o) => o.kind === "CustomResourceDefinition")) {
    const spec = crd.spec;
    for (const version of spec?.versions ?? [])
      fromCrds.add(`${spec?.group}/${version.name}/${spec?.names?.kind}`);
  }
  const unknown = objects.filter(
    (o) => !resources.find(o.apiVersion, o.kind) && !fromCrds.has(`${o.apiVersion}/${o.kind}`)
  );
  if (unknown.length > 0) {
    const list = unknown.map((o) => `${o.kind} ${o.metadata.name} (${o.apiVersion})`).join(", ");
    throw new ConfigError(
      `unknown kind: ${list}: the cluster does not serve it and no CRD in the manifests defines it; nothing was applied`
    );
  }
}
function plan(desired, inventory, report) {
  const writes = [];
  for (const d of desired) {
    if (inventory.needsWrite(d)) writes.push(d);
    else record(report, describeObject(d.object), "unchanged");
  }
  return writes;
}
async function validate(client, writes, inventory, options, report) {
  const problems = [];
  await mapLimit(writes, options.concurrency ?? 8, async (d) => {
    const name = describeObject(d.object);
    const owner = options.adopt ? void 0 : inventory.foreignOwner(d);
    if (owner) {
      problems.push(`${name}: owned by ${owner}; refusing to adopt it (use --adopt)`);
      record(report, name, "failed", `owned by ${owner}`);
      return;
    }
    const outcome = await serverSideApply(client, d.info, d.object, {
      dryRun: true,
      force: options.forceConflicts ?? false
    });
    if (outcome.ok) {
      if (options.dryRun) record(report, name, outcome.created ? "created" : "configured");
      return;
    }
    const message = failureMessage(outcome);
    problems.push(`${name}: ${message}`);
    record(report, name, "failed", message);
  });
  if (problems.length > 0) {
    throw new ApplyFailure(
      `${problems.length} object(s) failed validation, so nothing else was changed:
  ${problems.sort().join("\n  ")}`,
      report
    );
  }
}
function failureMessage(outcome) {
  if (outcome.conflicts.length === 0) return outcome.message;
  const fields = outcome.conflicts.map((c) => `${c.field} is managed by "${c.manager}"`).join(", ");
  return `${fields} (use --force-conflicts to take over)`;
}
async function write(client, writes, options, report, log) {
  if (options.dryRun) return;
  const failures = [];
  await mapLimit(writes, options.concurrency ?? 8, async (d) => {
    const object = options.annotations ? withAnnotations(d.object, options.annotations) : d.object;
    const outcome = await serverSideApply(client, d.info, object, {
      dryRun: options.dryRun ?? false,
      force: options.forceConflicts ?? false
    });
    const name = describeObject(d.object);
    if (outcome.ok) {
      const action = outcome.created ? "created" : "configured";
      record(report, name, action);
      log.info(`${name} ${action}${options.dryRun ? " (dry run)" : ""}`);
      return;
    }
    const message = failureMessage(outcome);
    failures.push(`${name}: ${message}`);
    record(report, name, "failed", message);
  });
  if (failures.length > 0)
    throw new ApplyFailure(
      `${failures.length} object(s) failed to apply: ${failures.join("; ")}`,
      report
    );
}
async function waitForChanged(written, client, options, report, log) {
  const targets = written.filter(
    (d) => WORKLOAD_KINDS.has(d.object.kind) || hasRollout(d.object)
  );
  if (targets.length === 0) return;
  const outcome = await log.group(
    `waiting for ${targets.length} rollout(s)`,
    () => waitForRollouts(client, targets, options.timeoutMs ?? 3e5, (line) => log.info(`  ${line}`))
  );
  if (outcome.notReady.length > 0) {
    report.notReady = outcome.notReady;
    const reasons = outcome.notReady.map((n) => `${n.object}: ${n.reason}`).join("; ");
    throw new ApplyFailure(
      `${outcome.notReady.length} object(s) did not become ready (prune skipped): ${reasons}`,
      report
    );
  }
}
async function recordKinds(client, parent, inventory, desired, report) {
  const previous = inventory.members.map((m) => m.object);
  await applyParent(
    client,
    parent,
    [...previous, ...desired.map((d) => d.object)],
    report,
    inventory.groupKinds,
    inventory.namespaces
  );
}
async function applyParent(client, parent, members, report, extraKinds = [], extraNamespaces = []) {
  const kinds = [...extraKinds, ...members.map(groupKind)];
  const namespaces = [...extraNamespaces, ...members.map((o) => o.metadata.namespace ?? "")].filter(
    Boolean
  );
  const outcome = await serverSideApply(
    client,
    PARENT_INFO,
    parentObject(parent, kinds, namespaces),
    { dryRun: false, force: true }
  );
  if (!outcome.ok)
    throw new ApplyFailure(
      `inventory ${parent.namespace}/${parent.name}: ${outcome.message}`,
      report
    );
}
export {
  apply,
  applyObjects
};
//# sourceMappingURL=apply-7QG5SLGM.js.map
