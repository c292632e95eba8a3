import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  AccessPreflight,
  applyUses
} from "./chunk-CLP63NEL.js";
import {
  podFailure,
  podSelector,
  rolloutState,
  waitsForRollout
} from "./chunk-YHGA4ZUM.js";
import {
  foreignParentMessage,
  kindsDefinedBy,
  readLiveState,
  readSet,
  refuseDuplicates,
  refuseForeignParent,
  refuseParentClash
} from "./chunk-U2UB3TUE.js";
import {
  mapLimit
} from "./chunk-S7UZDVDB.js";
import {
  KubeClient,
  PARENT_INFO,
  collectionPath,
  completedJobKey,
  deleteObject,
  desiredObject,
  discover,
  getObject,
  hasCompleted,
  hasTtl,
  isJob,
  listObjects,
  objectPath,
  readInventory,
  serverSideApply,
  statusMessage,
  validateAsNew,
  waitForEstablished,
  waitUntilGone,
  watchUntil
} from "./chunk-WWGWLC6B.js";
import {
  ApplyFailure,
  emptyReport,
  record,
  recordRestored
} from "./chunk-OUNTDO6S.js";
import {
  differencesOf,
  isSameManifest
} from "./chunk-WUSKFTN5.js";
import {
  attributeField,
  ownersOf
} from "./chunk-Z3LLN2L2.js";
import {
  formatPath
} from "./chunk-42HGEZZQ.js";
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_ID,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  FIELD_MANAGER,
  MANIFEST_HASH,
  applySetParent,
  groupKind,
  parentObject,
  parentProblem,
  parseGroupKinds
} from "./chunk-M2WY2DRM.js";
import {
  describeObject,
  withAnnotations
} from "./chunk-XIPL23AO.js";
import {
  DEFAULT_TIMEOUT_MS,
  PRUNE_PROTECTED_KINDS,
  phaseOf
} from "./chunk-I5IJWC2A.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/commands/cluster/apply/problems.ts
function refuseEmptyPrune(manifests, options) {
  if (options.prune && manifests === 0 && !options.pruneEmpty)
    throw new ConfigError(
      `${options.dir}: no manifests, and prune would delete every object of inventory ${options.inventory}; nothing was changed (to mean it, pass --prune-empty, action input prune-empty)`
    );
}
function namespaceFailure(outcome) {
  const namespace = outcome.status === 404 ? /^namespaces "([^"]+)" not found$/.exec(outcome.message)?.[1] : void 0;
  return namespace === void 0 ? void 0 : `namespace ${namespace} does not exist: create it, or add a Namespace manifest to the folder`;
}
var ValidationProblems = class {
  perObject = [];
  namespaces = /* @__PURE__ */ new Set();
  failed = 0;
  /** Records `object`'s failure: `message`, or once for all, its namespace's absence. */
  add(object, message, outcome) {
    this.failed += 1;
    const namespace = outcome && namespaceFailure(outcome);
    if (namespace === void 0) this.perObject.push(`${object}: ${message}`);
    else this.namespaces.add(namespace);
  }
  /** Throws one ApplyFailure saying everything that was refused, if anything was. */
  throwIfAny(report) {
    if (this.failed === 0) return;
    const missing = [...this.namespaces].sort();
    if (this.perObject.length === 0)
      throw new ApplyFailure(`${missing.join("; ")}; nothing was applied`, report);
    const lines = [...missing, ...this.perObject.sort()];
    throw new ApplyFailure(
      `${this.failed} object(s) failed validation, so nothing else was changed:
  ${lines.join("\n  ")}`,
      report
    );
  }
};

// src/commands/cluster/apply/not-validated.ts
var NOT_VALIDATED = {
  namespace: "not validated: its namespace does not exist yet",
  crd: "not validated: its CRD is not installed yet"
};
function namespacesToCreate(desired, inventory) {
  return new Set(
    desired.filter((d) => d.object.kind === "Namespace" && !inventory.liveOf(d.id)).map((d) => d.object.metadata.name)
  );
}
function inNamespaceToCreate(object, created) {
  return created.has(object.metadata.namespace ?? "");
}

// src/core/hand-edits.ts
var HAND_EDIT_MANAGERS = [
  "kubectl",
  "kubectl-edit",
  "kubectl-patch",
  "kubectl-set",
  "kubectl-scale",
  "kubectl-label",
  "kubectl-annotate",
  "kubectl-client-side-apply",
  "before-first-apply"
];
function isHandEdit(manager, gitWinsOver = []) {
  return manager !== void 0 && (HAND_EDIT_MANAGERS.includes(manager) || gitWinsOver.includes(manager));
}

// src/commands/cluster/apply/writes.ts
var WRITE_CONCURRENCY = 8;
var REPLACE_DELETE_TIMEOUT_MS = 6e4;
var COMPLETED_AND_REMOVED = "ran for this manifest, then removed by its TTL";
function planWrites(desired, inventory, schemas, report) {
  const plan = {
    writes: [],
    replace: /* @__PURE__ */ new Set(),
    force: /* @__PURE__ */ new Set(),
    createdBare: /* @__PURE__ */ new Set()
  };
  for (const d of desired) {
    if (inventory.ranAndRemoved(d)) {
      record(report, describeObject(d.object), "unchanged", COMPLETED_AND_REMOVED);
      continue;
    }
    if (!inventory.needsWrite(d, schemas)) {
      record(report, describeObject(d.object), "unchanged");
      continue;
    }
    plan.writes.push(d);
    if (inventory.liveOf(d.id) && isJob(d.object)) plan.replace.add(d.id);
  }
  return plan;
}
function failureMessage(outcome) {
  if (outcome.conflicts.length === 0) return namespaceFailure(outcome) ?? outcome.message;
  const fields = outcome.conflicts.map((c) => `${c.field} is managed by "${c.manager}"`).join(", ");
  const managers = [...new Set(outcome.conflicts.map((c) => c.manager))].join(",");
  return `${fields} (to take it over: --git-wins-over ${managers}, or --force-conflicts for every manager)`;
}
function restoredFields(d, live, schemas, gitWinsOver, forced) {
  const managed = live.metadata.managedFields;
  const schema = schemas.forKind(d.object.apiVersion, d.object.kind);
  const object = describeObject(d.object);
  const sameManifest = isSameManifest(d.object, live);
  return differencesOf(d.object, live, schema, FIELD_MANAGER).flatMap(
    (difference) => {
      const path = formatPath(difference.path);
      const owners = ownersOf(managed, difference.path);
      const manager = forced ? owners.find((m) => isHandEdit(m, gitWinsOver)) : void 0;
      if (manager) return [{ object, path, manager }];
      const who = attributeField(
        managed,
        difference.path,
        difference.live,
        FIELD_MANAGER,
        sameManifest
      );
      return "unattributed" in who && who.unattributed === "removed" ? [{ object, path, unattributed: "removed" }] : [];
    }
  );
}
async function validateWrite(client, d, replace, inventory, options) {
  const owner = options.adopt ? void 0 : inventory.foreignOwner(d);
  if (owner) return { ok: false, message: `owned by ${owner}; refusing to adopt it (use --adopt)` };
  if (replace) {
    const problem = await validateAsNew(client, d.info, d.object);
    return problem ? { ok: false, message: problem } : { ok: true, created: false, replaced: true, forced: false };
  }
  const dryRun = (force) => serverSideApply(client, d.info, d.object, { dryRun: true, force });
  let outcome = await dryRun(options.forceConflicts);
  const handEditsOnly = !outcome.ok && outcome.conflicts.length > 0 && outcome.conflicts.every((c) => isHandEdit(c.manager, options.gitWinsOver));
  if (handEditsOnly) outcome = await dryRun(true);
  if (!outcome.ok) return { ok: false, message: failureMessage(outcome), outcome };
  return { ok: true, created: outcome.created, replaced: false, forced: handEditsOnly };
}
async function validateWrites(client, plan, inventory, schemas, options, report) {
  const problems = new ValidationProblems();
  const restored = [];
  await mapLimit(plan.writes, WRITE_CONCURRENCY, async (d) => {
    const name = describeObject(d.object);
    const check = await validateWrite(client, d, plan.replace.has(d.id), inventory, options);
    if (!check.ok) {
      problems.add(name, check.message, check.outcome);
      record(report, name, "failed", check.message);
      return;
    }
    if (check.forced) plan.force.add(d.id);
    const live = check.replaced ? void 0 : inventory.liveOf(d.id);
    if (live) restored.push(...restoredFields(d, live, schemas, options.gitWinsOver, check.forced));
    if (options.dryRun)
      record(report, name, check.replaced ? "replaced" : check.created ? "created" : "configured");
  });
  problems.throwIfAny(report);
  const order = (r) => `${r.object} ${r.path}`;
  recordRestored(
    report,
    restored.sort((a, b) => order(a).localeCompare(order(b)))
  );
}
async function writePlanned(client, plan, inventory, options, report, log) {
  if (options.dryRun) return;
  const failures = [];
  await mapLimit(plan.writes, WRITE_CONCURRENCY, async (d) => {
    const name = describeObject(d.object);
    const object = options.annotations ? withAnnotations(d.object, options.annotations) : d.object;
    const replacing = plan.replace.has(d.id);
    if (replacing) {
      const problem = await replaceLive(client, d, inventory);
      if (problem) {
        failures.push(`${name}: ${problem}`);
        record(report, name, "failed", problem);
        return;
      }
    }
    const outcome = await claimingApply(client, d, object, inventory, {
      force: options.forceConflicts || plan.force.has(d.id),
      adopt: options.adopt
    });
    if (outcome.ok) {
      const created = outcome.created || plan.createdBare.has(d.id);
      const action = replacing ? "replaced" : created ? "created" : "configured";
      record(
        report,
        name,
        action,
        replacing ? "its template changed: deleted and created again" : void 0
      );
      log.info(`${name} ${action}`);
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
async function replaceLive(client, d, inventory) {
  const live = inventory.liveOf(d.id);
  if (!live) return void 0;
  const problem = await deleteObject(client, d.info, live, false);
  if (problem) return `could not delete it to replace it: ${problem}`;
  const gone = await waitUntilGone(client, d.info, live, REPLACE_DELETE_TIMEOUT_MS);
  return gone ? void 0 : `still being deleted after ${REPLACE_DELETE_TIMEOUT_MS / 1e3}s; run apply again`;
}
var CLAIM_ROUNDS = 5;
async function claimingApply(client, d, object, inventory, call) {
  let resourceVersion = inventory.readVersion(d);
  for (let round = 1; ; round++) {
    const conditional = resourceVersion ? { ...object, metadata: { ...object.metadata, resourceVersion } } : object;
    const outcome = await serverSideApply(client, d.info, conditional, {
      dryRun: false,
      force: call.force
    });
    const stale = !outcome.ok && outcome.status === 409 && outcome.conflicts.length === 0;
    if (!stale || round === CLAIM_ROUNDS) return outcome;
    const live = await getObject(client, d.info, object);
    if (!live) continue;
    const owner = call.adopt ? void 0 : await ownerNow(client, inventory, live);
    if (owner)
      return {
        ok: false,
        status: 409,
        message: `owned by ${owner} (it claimed the object after this run read it); refusing to adopt it (use --adopt)`,
        conflicts: []
      };
    resourceVersion = live.metadata.resourceVersion;
  }
}
async function ownerNow(client, inventory, live) {
  const partOf = live.metadata.labels?.[APPLYSET_PART_OF];
  const { parent } = inventory;
  const parents = partOf && partOf !== parent.id ? await listObjects(client, PARENT_INFO, `${APPLYSET_ID}=${partOf}`, parent.namespace).catch(
    () => []
    // unreadable: the owner is named by its id
  ) : [];
  return inventory.ownerOf(live, parents);
}

// src/commands/cluster/inventory/job-records.ts
function unrecordedCompletions(desired, inventory) {
  return desired.filter((d) => {
    const live = inventory.liveOf(d.id);
    const hash = d.object.metadata.annotations?.[MANIFEST_HASH];
    return isJob(d.object) && live !== void 0 && hasCompleted(live) && live.metadata.annotations?.[MANIFEST_HASH] === hash && inventory.parentLive?.metadata.annotations?.[completedJobKey(d.id)] !== hash;
  });
}
async function recordCompletions(client, parent, jobs) {
  if (jobs.length === 0) return;
  const annotations = Object.fromEntries(
    jobs.map((d) => [completedJobKey(d.id), d.object.metadata.annotations?.[MANIFEST_HASH]])
  );
  const response = await client.request({
    method: "PATCH",
    path: objectPath(PARENT_INFO, parent.name, parent.namespace),
    query: { fieldManager: FIELD_MANAGER },
    contentType: "application/merge-patch+json",
    body: JSON.stringify({ metadata: { annotations } })
  });
  if (response.status !== 200) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name}: recording completed Jobs failed: ${statusMessage(response)}`
    );
  }
}

// src/commands/cluster/inventory/record.ts
var MAX_ROUNDS = 10;
var NAMESPACE_INFO = {
  group: "",
  version: "v1",
  kind: "Namespace",
  resource: "namespaces",
  namespaced: false,
  statusSubresource: true
};
var InventoryRecord = class {
  constructor(client, inventory, report) {
    this.client = client;
    this.inventory = inventory;
    this.report = report;
    this.live = inventory.parentLive;
    this.known = true;
    this.start = entriesOf(
      inventory.members.map((m) => m.object),
      this.parentNamespace
    );
    for (const kind of inventory.groupKinds) this.start.kinds.add(kind);
    for (const ns of inventory.namespaces) this.start.namespaces.add(ns);
  }
  client;
  inventory;
  report;
  /** The parent as last read or written; undefined before the first read when not known. */
  live;
  known;
  /** The parent's own namespace, when this run created it (bare) to hold the record. */
  createdNamespace;
  start;
  get parentNamespace() {
    return this.inventory.parent.namespace;
  }
  /**
   * Records the kinds and namespaces of `objects` and of the members read (never removes any):
   * call it before labelling `objects`.
   */
  async add(objects) {
    const members = this.inventory.members.map((m) => m.object);
    const wanted = entriesOf([...members, ...objects], this.parentNamespace);
    const ownNamespace = objects.some(
      (o) => o.kind === "Namespace" && o.apiVersion === "v1" && o.metadata.name === this.parentNamespace
    );
    await this.swap((current) => union(current, wanted), ownNamespace);
  }
  /** Reads the record again and adds back what a concurrent pruning run removed. */
  async confirm(objects) {
    this.known = false;
    await this.add(objects);
  }
  /**
   * After a prune: drops the kinds and namespaces this run found recorded and no longer needs
   * (`kept` are the objects that stay), leaving any that others added meanwhile; then lists the
   * dropped ones for members labelled in between (a concurrent run's) and records them again.
   */
  async shrink(kept, resources) {
    const keep = entriesOf(kept, this.parentNamespace);
    const dropKinds = [...this.start.kinds].filter((k) => !keep.kinds.has(k));
    const dropNamespaces = [...this.start.namespaces].filter((ns) => !keep.namespaces.has(ns));
    if (dropKinds.length === 0 && dropNamespaces.length === 0) return;
    await this.swap((current) => ({
      kinds: new Set([...current.kinds].filter((k) => !dropKinds.includes(k))),
      namespaces: new Set([...current.namespaces].filter((ns) => !dropNamespaces.includes(ns)))
    }));
    const strays = await this.labelledIn(resources, dropKinds, keep, dropNamespaces);
    if (strays.length > 0) await this.add(strays);
  }
  /** Members of the set (by label) of the dropped kinds, or in the dropped namespaces. */
  async labelledIn(resources, dropKinds, keep, dropNamespaces) {
    const selector = `${APPLYSET_PART_OF}=${this.inventory.parent.id}`;
    const lists = [];
    const everywhere = [...this.start.namespaces];
    for (const kind of /* @__PURE__ */ new Set([...dropKinds, ...dropNamespaces.length ? keep.kinds : []])) {
      const info = resources.findGroupKind(kind);
      if (!info) continue;
      const namespaces = dropKinds.includes(kind) ? everywhere : dropNamespaces;
      if (!info.namespaced) lists.push(listObjects(this.client, info, selector));
      else for (const ns of namespaces) lists.push(listObjects(this.client, info, selector, ns));
    }
    return (await Promise.all(lists)).flat();
  }
  /** Writes `next(current record)` until no other writer came in between. */
  async swap(next, mayCreateNamespace = false) {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      if (!this.known) await this.read();
      const current = entriesOf([], this.parentNamespace, this.live);
      const wanted = next(current);
      if (this.live && sameEntries(current, wanted)) return;
      const body = parentObject(this.inventory.parent, [...wanted.kinds], [...wanted.namespaces]);
      const response = this.live ? await this.update(body, this.live) : await this.client.request({
        method: "POST",
        path: collectionPath(PARENT_INFO, this.parentNamespace),
        query: { fieldManager: FIELD_MANAGER },
        body
      });
      if (response.status === 200 || response.status === 201) {
        this.live = response.body;
        return;
      }
      if (response.status === 404 && !this.live) {
        if (!mayCreateNamespace) this.fail(`namespace ${this.parentNamespace} does not exist`);
        await this.createNamespace();
        mayCreateNamespace = false;
        continue;
      }
      if (response.status !== 409 && response.status !== 404) this.fail(statusMessage(response));
      this.known = false;
    }
    this.fail(`changed by other runs ${MAX_ROUNDS} times in a row; try again`);
  }
  async createNamespace() {
    const outcome = await serverSideApply(
      this.client,
      NAMESPACE_INFO,
      { apiVersion: "v1", kind: "Namespace", metadata: { name: this.parentNamespace } },
      { dryRun: false, force: false }
    );
    if (!outcome.ok) this.fail(`cannot create its namespace: ${outcome.message}`);
    if (outcome.created) this.createdNamespace = this.parentNamespace;
  }
  /** Server-side apply with the resourceVersion read: a precondition, 409 if it moved. */
  async update(body, live) {
    const resourceVersion = live.metadata.resourceVersion;
    const outcome = await serverSideApply(
      this.client,
      PARENT_INFO,
      { ...body, metadata: { ...body.metadata, resourceVersion } },
      { dryRun: false, force: true }
    );
    return outcome.ok ? { status: 200, body: outcome.object } : { status: outcome.status, body: { message: outcome.message } };
  }
  async read() {
    const { name } = this.inventory.parent;
    const response = await this.client.request({
      method: "GET",
      path: objectPath(PARENT_INFO, name, this.parentNamespace)
    });
    if (response.status !== 200 && response.status !== 404)
      this.fail(`cannot read it: HTTP ${response.status}`);
    this.live = response.status === 200 ? response.body : void 0;
    const problem = this.live && parentProblem(this.live, this.inventory.parent);
    if (problem) this.fail(foreignParentMessage(this.inventory.parent, problem), false);
    this.known = true;
  }
  fail(message, prefixed = true) {
    const { namespace, name } = this.inventory.parent;
    const line = prefixed ? `inventory ${namespace}/${name}: ${message}` : message;
    throw new ApplyFailure(line, this.report);
  }
};
function entriesOf(objects, parentNamespace, parent) {
  const annotations = parent?.metadata.annotations ?? {};
  const kinds = /* @__PURE__ */ new Set([
    ...parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]),
    ...objects.map(groupKind)
  ]);
  const namespaces = /* @__PURE__ */ new Set([
    parentNamespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES]),
    ...objects.map((o) => o.metadata.namespace ?? "").filter(Boolean)
  ]);
  return { kinds, namespaces };
}
function union(a, b) {
  return {
    kinds: /* @__PURE__ */ new Set([...a.kinds, ...b.kinds]),
    namespaces: /* @__PURE__ */ new Set([...a.namespaces, ...b.namespaces])
  };
}
function sameEntries(a, b) {
  const same = (x, y) => x.size === y.size && [...x].every((v) => y.has(v));
  return same(a.kinds, b.kinds) && same(a.namespaces, b.namespaces);
}

// src/commands/cluster/apply/prune.ts
var NAMED_DELETIONS = 20;
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
    const named = doomed.slice(0, NAMED_DELETIONS).map((m) => describeObject(m.object));
    const more = doomed.length - named.length;
    throw new ApplyFailure(
      `prune would delete ${doomed.length} objects, more than --max-deletions ${options.maxDeletions}; nothing was deleted (${named.join(", ")}${more > 0 ? ` and ${more} more` : ""})`,
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

// src/adapters/kube/rollout.ts
var POD_INFO = {
  group: "",
  version: "v1",
  kind: "Pod",
  resource: "pods",
  namespaced: true,
  statusSubresource: true
};
var EVENT_INFO = { ...POD_INFO, kind: "Event", resource: "events" };
async function waitForRollouts(client, targets, timeoutMs, progress) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const outcome = { ready: [], notReady: [] };
  const pending = new Map(targets.map((t) => [describeObject(t.object), "waiting for status"]));
  const interruptions = /* @__PURE__ */ new Map();
  const wait = { pending, interruptions, outcome, progress };
  try {
    await Promise.all(targets.map((target) => waitForOne(client, target, controller, wait)));
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  for (const [object, last] of pending) {
    const interruption = interruptions.get(object);
    const note = interruption === void 0 ? "" : ` (watch interrupted: ${interruption})`;
    outcome.notReady.push({
      object,
      reason: `timed out after ${timeoutMs / 1e3}s: ${last}${note}`
    });
  }
  return outcome;
}
async function waitForOne(client, { info, object }, global, { pending, interruptions, outcome, progress }) {
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
  const interrupted = (reason) => {
    if (!pending.has(name)) return;
    progress(`${name}: ${reason}; watching again`);
    interruptions.set(name, reason);
  };
  const watches = [
    watchUntil(
      client,
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
      local.signal,
      interrupted
    )
  ];
  const selector = podSelector(object);
  if (selector && namespace) {
    watches.push(
      watchUntil(
        client,
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
        local.signal,
        interrupted
      )
    );
  }
  try {
    await Promise.all(watches);
  } finally {
    global.signal.removeEventListener("abort", stop);
  }
}
async function lastEvents(client, namespace, pod) {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: collectionPath(EVENT_INFO, namespace),
    query: { fieldSelector: `involvedObject.name=${pod}` }
  });
  const items = response.status === 200 ? response.body.items ?? [] : [];
  return items.slice(-3).map((e) => `${e.reason ?? ""}: ${e.message ?? ""}`).join(" | ");
}

// src/commands/cluster/apply/wait.ts
function rolloutTargets(desired, written, inventory) {
  const wrote = new Set(written.map((d) => d.id));
  return desired.filter((d) => {
    if (!waitsForRollout(d.object, d.info)) return false;
    if (wrote.has(d.id)) return true;
    const live = inventory.liveOf(d.id);
    return live !== void 0 && !rolloutState(live).done;
  });
}
async function waitForTargets(targets, written, client, timeoutMs, report, log) {
  if (targets.length === 0) return;
  const wrote = new Set(written.map((d) => d.id));
  const earlier = targets.filter((d) => !wrote.has(d.id)).length;
  const title = `waiting for ${targets.length} rollout(s)${earlier > 0 ? ` (${earlier} not current since an earlier run)` : ""}`;
  const outcome = await log.group(
    title,
    () => waitForRollouts(
      client,
      targets,
      timeoutMs ?? DEFAULT_TIMEOUT_MS,
      (line) => log.info(`  ${line}`)
    )
  );
  if (outcome.notReady.length === 0) return;
  const unwritten = new Set(
    targets.filter((d) => !wrote.has(d.id)).map((d) => describeObject(d.object))
  );
  report.notReady = outcome.notReady.map(
    (n) => unwritten.has(n.object) ? { ...n, reason: `${n.reason} (unchanged by this run, not current since an earlier one)` } : n
  );
  const reasons = report.notReady.map((n) => `${n.object}: ${n.reason}`).join("; ");
  throw new ApplyFailure(
    `${outcome.notReady.length} object(s) did not become ready (prune skipped): ${reasons}`,
    report
  );
}
function someNames(objects) {
  const named = objects.slice(0, 3).map((o) => describeObject(o.object));
  return objects.length > 3 ? `${named.join(", ")} and ${objects.length - 3} more` : named.join(", ");
}
function pruneBeforeRollout(desired, written, inventory) {
  const kept = new Set(desired.map((d) => d.id));
  const config = inventory.members.filter(
    (m) => !kept.has(m.id) && m.object.apiVersion === "v1" && (m.object.kind === "ConfigMap" || m.object.kind === "Secret")
  );
  const wrote = new Set(written.map((d) => d.id));
  const rolling = desired.filter((d) => wrote.has(d.id) && waitsForRollout(d.object, d.info));
  if (config.length === 0 || rolling.length === 0) return void 0;
  return `prune deletes ${someNames(config)} without waiting for the rollout of ${someNames(rolling)}: pods that still use them may fail to start; add --wait to prune after the rollout`;
}

// src/commands/cluster/apply/apply.ts
async function apply(options, log) {
  const set = await readSet(options.dir, { ...options, log });
  refuseEmptyPrune(set.objects.length, options);
  return KubeClient.using(
    { ...options, log: (line) => log.info(line) },
    (client) => applyObjects(client, set.objects, options, log, set.sources)
  );
}
async function applyObjects(client, objects, options, log, sources = /* @__PURE__ */ new Map()) {
  const dryRun = options.dryRun ?? false;
  const namespace = options.namespace ?? client.contextNamespace;
  const parent = applySetParent(options.inventory, namespace);
  const report = emptyReport(parent, dryRun);
  try {
    await run(client, { objects, sources }, options, parent, report, log);
  } finally {
    report.requests = Object.fromEntries(client.counts);
  }
  return report;
}
var CRD_ESTABLISHED_TIMEOUT_MS = 6e4;
var DISCOVERY_RETRY_MS = 500;
async function run(client, { objects, sources }, options, parent, report, log) {
  const state = await readState(client, { objects, sources }, options, parent, report, log);
  const prerequisites = await applyPrerequisites(state, objects);
  const rest = await applyTheRest(state, prerequisites);
  if (!options.dryRun) {
    const written = [...prerequisites.writes, ...rest.writes];
    const ran = [
      ...unrecordedCompletions(state.desired, state.inventory),
      ...written.filter((d) => isJob(d.object) && hasTtl(d.object))
    ];
    if (options.wait) {
      const targets = rolloutTargets(state.desired, written, state.inventory);
      await waitForTargets(targets, written, client, options.timeoutMs, report, log);
      ran.push(...targets.filter((d) => isJob(d.object)));
    } else if (options.prune) {
      const warning = pruneBeforeRollout(state.desired, written, state.inventory);
      if (warning) log.warning(warning);
    }
    if (state.inventory.parentLive || written.length > 0)
      await recordCompletions(client, parent, [...new Set(ran)]);
  }
  if (options.prune) await pruneAndRecord(state);
}
async function readState(client, { objects, sources }, options, parent, report, log) {
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  refuseDuplicates(objects, sources, parent, resources);
  refuseParentClash(objects, parent);
  const preflight = options.skipPreflight ? void 0 : new AccessPreflight(
    client,
    parent,
    objects,
    resources,
    applyUses(options),
    "apply",
    log,
    options.accessReviewer
  );
  await preflight?.beforeReads();
  const { desired, inventory, schemas } = await readLiveState(client, resources, parent, objects);
  refuseForeignParent(inventory);
  await preflight?.beforeWrites(inventory);
  const writeOptions = {
    dryRun: options.dryRun ?? false,
    forceConflicts: options.forceConflicts ?? false,
    adopt: options.adopt ?? false,
    gitWinsOver: options.gitWinsOver ?? [],
    ...options.annotations ? { annotations: options.annotations } : {}
  };
  return {
    client,
    options,
    writeOptions,
    parent,
    report,
    log,
    resources,
    desired,
    inventory,
    schemas,
    record: new InventoryRecord(client, inventory, report)
  };
}
var objectsOf = (desired) => desired.map((d) => d.object);
function namespaceObject(name) {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}
function isPrerequisite(o) {
  return o.kind === "Namespace" || o.kind === "CustomResourceDefinition";
}
async function applyPrerequisites(state, objects) {
  const { client, writeOptions, parent, report, log } = state;
  const dryRun = writeOptions.dryRun;
  const plan = planWrites(
    state.desired.filter((d) => isPrerequisite(d.object)),
    state.inventory,
    state.schemas,
    report
  );
  await validateWrites(client, plan, state.inventory, state.schemas, writeOptions, report);
  if (!dryRun && plan.writes.length > 0) await state.record.add(objectsOf(state.desired));
  const created = state.record.createdNamespace;
  const manifest = plan.writes.find(
    (d) => d.object.kind === "Namespace" && d.object.metadata.name === created
  );
  if (manifest) plan.createdBare.add(manifest.id);
  await writePlanned(client, plan, state.inventory, writeOptions, report, log);
  if (created !== void 0 && !manifest) {
    const name = describeObject(namespaceObject(created));
    record(report, name, "created");
    log.info(`${name} created`);
  }
  const newCrds = plan.writes.filter((d) => d.object.kind === "CustomResourceDefinition");
  const awaitingCrd = objects.filter((o) => !state.resources.find(o.apiVersion, o.kind));
  if (!dryRun && newCrds.length > 0) {
    await log.group(`waiting for ${newCrds.length} CRD(s) to be Established`, async () => {
      for (const crd of newCrds)
        await waitForEstablished(client, crd.object.metadata.name, CRD_ESTABLISHED_TIMEOUT_MS);
    });
    state.resources = await discoverServing(client, awaitingCrd);
    const added = awaitingCrd.filter((o) => state.resources.find(o.apiVersion, o.kind)).map((o) => desiredObject(o, state.resources, parent));
    state.inventory = await readInventory(client, state.resources, parent, added, state.inventory);
    state.desired.push(...added);
  }
  const unserved = objects.filter((x) => !state.resources.find(x.apiVersion, x.kind));
  if (!dryRun && unserved.length > 0) {
    const kinds = [...new Set(unserved.map((o) => `${o.kind} (${o.apiVersion})`))].join(", ");
    throw new ApplyFailure(
      `the API server does not serve ${kinds} yet, though its CRD is Established; nothing of those kinds was applied: run apply again`,
      report
    );
  }
  for (const o of unserved) record(report, describeObject(o), "created", NOT_VALIDATED.crd);
  return plan;
}
async function discoverServing(client, awaiting) {
  const deadline = Date.now() + CRD_ESTABLISHED_TIMEOUT_MS;
  for (; ; ) {
    const resources = await discover(client);
    const served = awaiting.every((o) => resources.find(o.apiVersion, o.kind));
    if (served || Date.now() >= deadline) return resources;
    await new Promise((done) => setTimeout(done, DISCOVERY_RETRY_MS));
  }
}
async function applyTheRest(state, prerequisites) {
  const { client, writeOptions, report, log, inventory } = state;
  const dryRun = writeOptions.dryRun;
  const plan = planWrites(
    state.desired.filter((d) => !isPrerequisite(d.object)),
    inventory,
    state.schemas,
    report
  );
  const newNamespaces = dryRun ? namespacesToCreate(prerequisites.writes, inventory) : /* @__PURE__ */ new Set();
  const unchecked = plan.writes.filter((d) => inNamespaceToCreate(d.object, newNamespaces));
  for (const d of unchecked)
    record(report, describeObject(d.object), "created", NOT_VALIDATED.namespace);
  const checkable = { ...plan, writes: plan.writes.filter((d) => !unchecked.includes(d)) };
  await validateWrites(client, checkable, inventory, state.schemas, writeOptions, report);
  const unrecorded = !inventory.parentLive && state.desired.length > 0;
  if (!dryRun && (plan.writes.length > 0 || unrecorded)) {
    await state.record.add(objectsOf(state.desired));
  }
  for (const phase of [...new Set(plan.writes.map((d) => d.phase))].sort((a, b) => a - b)) {
    const writes = plan.writes.filter((d) => d.phase === phase);
    await writePlanned(client, { ...plan, writes }, inventory, writeOptions, report, log);
  }
  if (!dryRun && prerequisites.writes.length + plan.writes.length > 0)
    await state.record.confirm(objectsOf(state.desired));
  return plan;
}
async function pruneAndRecord(state) {
  const { client, options, report, log, inventory, desired } = state;
  const kept = await prune(
    client,
    inventory,
    new Set(desired.map((d) => d.id)),
    options,
    report,
    log
  );
  if (!options.dryRun) await state.record.shrink([...objectsOf(desired), ...kept], state.resources);
  const failed = report.objects.filter((o) => o.action === "failed");
  if (failed.length > 0)
    throw new ApplyFailure(`${failed.length} object(s) could not be pruned`, report);
}
function checkKindsKnown(objects, resources) {
  const fromCrds = kindsDefinedBy(objects);
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

export {
  refuseEmptyPrune,
  NOT_VALIDATED,
  namespacesToCreate,
  inNamespaceToCreate,
  isHandEdit,
  WRITE_CONCURRENCY,
  validateWrite,
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=chunk-NXCK2OS6.js.map
