import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  TransportError,
  statusMessage
} from "./chunk-KGURHNNJ.js";
import {
  listsOf,
  objectsPlan,
  recordedPlan
} from "./chunk-6ER3YKVD.js";
import {
  differencesOf
} from "./chunk-TNGCXRZU.js";
import {
  withLiveBuildAnnotations
} from "./chunk-QYBJ5BVV.js";
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_ID,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  FIELD_MANAGER,
  MANIFEST_HASH,
  asMember,
  foreignOwner,
  parseGroupKinds
} from "./chunk-M2WY2DRM.js";
import {
  describeObject,
  identityOf
} from "./chunk-XIPL23AO.js";
import {
  phaseOf
} from "./chunk-I5IJWC2A.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/kube/discovery.ts
var ResourceMap = class {
  constructor(byKind) {
    this.byKind = byKind;
    for (const info of byKind.values()) {
      const key = info.group ? `${info.kind}.${info.group}` : info.kind;
      if (!this.byGroupKind.has(key)) this.byGroupKind.set(key, info);
    }
  }
  byKind;
  byGroupKind = /* @__PURE__ */ new Map();
  /** Looks up an ApplySet group-kind (`Deployment.apps`, `ConfigMap`) at its preferred version. */
  findGroupKind(groupKind) {
    return this.byGroupKind.get(groupKind);
  }
  /** Looks up `apiVersion` + `kind`; undefined when the server does not serve it. */
  find(apiVersion, kind) {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }
};
var AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
async function discover(client) {
  const byKind = /* @__PURE__ */ new Map();
  for (const path of ["/api", "/apis"]) {
    const response = await client.request({
      verb: "discovery",
      method: "GET",
      path,
      accept: AGGREGATED
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items))
      throw discoveryError(path, response);
    for (const group of response.body.items) {
      const groupName = group.metadata?.name ?? "";
      for (const version of group.versions ?? []) {
        const apiVersion = groupName ? `${groupName}/${version.version}` : version.version;
        for (const resource of version.resources ?? []) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          byKind.set(`${apiVersion}/${kind}`, {
            group: groupName,
            version: version.version,
            kind,
            resource: resource.resource,
            namespaced: resource.scope === "Namespaced",
            statusSubresource: (resource.subresources ?? []).some(
              (s) => s.subresource === "status"
            )
          });
        }
      }
    }
  }
  return new ResourceMap(byKind);
}
function discoveryError(path, response) {
  const said = statusMessage(response).trim();
  if (response.status === 400 && /HTTP request to an HTTPS server/i.test(said))
    return new ConfigError(
      `the API server speaks HTTPS but the kubeconfig's server URL starts with http:// (it answered "${said}"): use https://`
    );
  if (response.status === 200 || response.status === 404 || response.status === 406)
    return new OperationError(
      `API discovery failed (${path}: HTTP ${response.status}); the API server must serve aggregated discovery (Kubernetes \u2265 1.30)`
    );
  return new OperationError(`API discovery failed (${path}: HTTP ${response.status}: ${said})`);
}
function pathSegment(value, what) {
  if (value === "" || value === "." || value === "..")
    throw new OperationError(
      `refusing to request a URL with ${JSON.stringify(value)} as the ${what}`
    );
  return encodeURIComponent(value);
}
function collectionPath(info, namespace) {
  const version = pathSegment(info.version, "API version");
  const base = info.group ? `/apis/${pathSegment(info.group, "API group")}/${version}` : `/api/${version}`;
  const resource = pathSegment(info.resource, "resource");
  return info.namespaced && namespace !== void 0 ? `${base}/namespaces/${pathSegment(namespace, "namespace")}/${resource}` : `${base}/${resource}`;
}
function objectPath(info, name, namespace) {
  return `${collectionPath(info, namespace)}/${pathSegment(name, "name")}`;
}

// src/adapters/kube/watch.ts
var MIN_WATCH_MS = 1e3;
async function watchUntil(client, path, query, onEvent, signal, onInterrupted = () => {
}) {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await client.watch(path, query, onEvent, signal);
    } catch (error) {
      if (!(error instanceof TransportError && error.retryable)) throw error;
      onInterrupted(error.message);
    }
    if (signal.aborted) break;
    await untilAborted(reread(client, path, query, onEvent, onInterrupted), signal);
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
  }
}
async function reread(client, path, query, onEvent, onInterrupted) {
  try {
    const response = await client.request({
      verb: "list",
      method: "GET",
      path,
      query
    });
    if (response.status !== 200) {
      onInterrupted(`re-reading ${path} failed: HTTP ${response.status}`);
      return;
    }
    const { apiVersion, kind = "" } = response.body;
    const itemKind = kind.replace(/List$/, "");
    for (const item of response.body.items ?? [])
      onEvent("ADDED", { apiVersion, kind: itemKind, ...item });
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    onInterrupted(`re-reading ${path} failed: ${error.message}`);
  }
}
async function untilAborted(work, signal) {
  work.catch(() => void 0);
  let stop = () => {
  };
  const abort = new Promise((done) => {
    stop = done;
    signal.addEventListener("abort", stop, { once: true });
  });
  try {
    await Promise.race([work, abort]);
  } finally {
    signal.removeEventListener("abort", stop);
  }
}
function abortableSleep(ms, signal) {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
    signal.addEventListener("abort", finish);
  });
}

// src/adapters/kube/objects.ts
function pathOf(info, object) {
  return objectPath(
    info,
    object.metadata.name,
    info.namespaced ? object.metadata.namespace : void 0
  );
}
async function serverSideApply(client, info, object, call) {
  const response = await client.request({
    method: "PATCH",
    path: pathOf(info, object),
    query: {
      fieldManager: call.fieldManager ?? FIELD_MANAGER,
      force: call.force ? "true" : void 0,
      dryRun: call.dryRun ? "All" : void 0
    },
    contentType: "application/apply-patch+yaml",
    // YAML is JSON's superset; sending JSON keeps numbers and strings exactly as parsed.
    body: JSON.stringify(object)
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, created: response.status === 201, object: response.body };
  }
  return {
    ok: false,
    status: response.status,
    message: statusMessage(response),
    conflicts: conflictsOf(response)
  };
}
function conflictsOf(response) {
  if (response.status !== 409) return [];
  const causes = response.body?.details?.causes ?? [];
  return causes.filter((cause) => cause.reason === "FieldManagerConflict").map((cause) => ({
    field: cause.field ?? "?",
    manager: /conflict with "([^"]+)"/.exec(cause.message ?? "")?.[1] ?? "?"
  }));
}
async function listObjects(client, info, labelSelector, namespace) {
  return (await listObjectsAt(client, info, labelSelector, namespace)).items;
}
async function listObjectsAt(client, info, labelSelector, namespace) {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: collectionPath(info, namespace),
    query: { labelSelector }
  });
  if (response.status !== 200) {
    throw new Error(
      `list ${info.resource}${namespace ? ` in ${namespace}` : ""}: ${statusMessage(response)}`
    );
  }
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return {
    items: (response.body.items ?? []).map((item) => ({ ...item, apiVersion, kind: info.kind })),
    resourceVersion: response.body.metadata?.resourceVersion
  };
}
async function getObject(client, info, object) {
  const response = await client.request({
    method: "GET",
    path: pathOf(info, object)
  });
  if (response.status === 404) return void 0;
  if (response.status !== 200)
    throw new OperationError(`get ${describeObject(object)}: ${statusMessage(response)}`);
  return { ...response.body, apiVersion: object.apiVersion, kind: object.kind };
}
async function deleteObject(client, info, live, dryRun) {
  const uid = live.metadata.uid;
  const response = await client.request({
    method: "DELETE",
    path: pathOf(info, live),
    query: { dryRun: dryRun ? "All" : void 0 },
    body: {
      kind: "DeleteOptions",
      apiVersion: "v1",
      propagationPolicy: "Background",
      ...uid ? { preconditions: { uid } } : {}
    }
  });
  if (response.status === 200 || response.status === 202 || response.status === 404)
    return void 0;
  return statusMessage(response);
}
async function waitForEstablished(client, name, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let established = false;
  try {
    await watchUntil(
      client,
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
      { fieldSelector: `metadata.name=${name}` },
      (_type, object) => {
        const conditions = object.status?.conditions ?? [];
        if (conditions.some((c) => c.type === "Established" && c.status === "True")) {
          established = true;
          controller.abort();
        }
      },
      controller.signal
    );
  } finally {
    clearTimeout(timer);
  }
  if (!established)
    throw new Error(
      `CustomResourceDefinition ${name} was not Established within ${timeoutMs / 1e3}s`
    );
}
async function validateAsNew(client, info, object) {
  const response = await client.request({
    method: "POST",
    path: collectionPath(info, info.namespaced ? object.metadata.namespace : void 0),
    query: { dryRun: "All", fieldManager: FIELD_MANAGER },
    body: object
  });
  const exists = response.status === 409 && response.body?.reason === "AlreadyExists";
  if (response.status === 200 || response.status === 201 || exists) return void 0;
  return statusMessage(response);
}
async function waitUntilGone(client, info, object, timeoutMs) {
  const path = pathOf(info, object);
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const response = await client.request({ method: "GET", path });
    if (response.status === 404) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

// src/core/completed-jobs.ts
import { createHash } from "node:crypto";
var COMPLETED_JOB_PREFIX = "ran-job.ferry.dev/";
function isJob(object) {
  return object.kind === "Job" && object.apiVersion.startsWith("batch/");
}
function completedJobKey(id) {
  return `${COMPLETED_JOB_PREFIX}${createHash("sha256").update(id).digest("hex").slice(0, 20)}`;
}
function hasTtl(job) {
  const spec = job.spec;
  return typeof spec?.ttlSecondsAfterFinished === "number";
}
function hasCompleted(live) {
  const conditions = live.status?.conditions ?? [];
  return conditions.some((c) => c.type === "Complete" && c.status === "True");
}
function completedBefore(parentLive, id, desired) {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const recorded = parentLive?.metadata.annotations?.[completedJobKey(id)];
  return isJob(desired) && hash !== void 0 && recorded === hash;
}

// src/commands/cluster/inventory/inventory.ts
var PARENT_INFO = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  namespaced: true,
  statusSubresource: false
};
function desiredObject(object, resources, parent) {
  const info = resources.find(object.apiVersion, object.kind);
  const metadata = { ...object.metadata };
  if (info.namespaced)
    metadata.namespace ||= parent.namespace;
  else delete metadata.namespace;
  const asApplied = { ...object, metadata };
  if (info.statusSubresource) delete asApplied.status;
  const member = asMember(asApplied, parent);
  return { id: identityOf(member), object: member, info, phase: phaseOf(member, info.namespaced) };
}
var Inventory = class _Inventory {
  constructor(parent, parentLive, groupKinds, namespaces, live, members, listedAt = /* @__PURE__ */ new Map()) {
    this.parent = parent;
    this.parentLive = parentLive;
    this.groupKinds = groupKinds;
    this.namespaces = namespaces;
    this.live = live;
    this.members = members;
    this.listedAt = listedAt;
  }
  parent;
  parentLive;
  groupKinds;
  namespaces;
  live;
  members;
  listedAt;
  liveOf(id) {
    return this.live.get(id);
  }
  /**
   * A Job that ran for this very manifest and was then removed by its TTL: done, not missing
   * (core/completed-jobs.ts).
   */
  ranAndRemoved(desired) {
    return !this.live.has(desired.id) && completedBefore(this.parentLive, desired.id, desired.object);
  }
  /**
   * Whether applying would change the object: new, manifest changed, or any field drift would
   * report (the same comparison, so everything drift reports, apply restores).
   */
  needsWrite(desired, schemas) {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (live.metadata.annotations?.[MANIFEST_HASH] !== desired.object.metadata.annotations?.[MANIFEST_HASH])
      return true;
    const schema = schemas.forKind(desired.object.apiVersion, desired.object.kind);
    return differencesOf(desired.object, live, schema, FIELD_MANAGER).length > 0;
  }
  /** This inventory plus what a later read found (kinds a just-created CRD serves). */
  merge(other) {
    const live = new Map([...this.live, ...other.live]);
    const listedAt = new Map([...this.listedAt, ...other.listedAt]);
    return new _Inventory(
      this.parent,
      this.parentLive,
      this.groupKinds,
      this.namespaces,
      live,
      [...this.members, ...other.members],
      listedAt
    );
  }
  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired) {
    const live = this.live.get(desired.id);
    return live ? this.ownerOf(live) : void 0;
  }
  /**
   * Who else owns `live` (core/applyset.ts), another ApplySet named by its inventory when its
   * parent is a ConfigMap this read saw (ConfigMaps in the inventory's namespace are all read)
   * or one of `parents` (read since).
   */
  ownerOf(live, parents = []) {
    return foreignOwner(live, this.parent, (id) => {
      for (const object of [...parents, ...this.live.values()])
        if (object.kind === "ConfigMap" && object.metadata.labels?.[APPLYSET_ID] === id)
          return `${object.metadata.namespace}/${object.metadata.name}`;
      return void 0;
    });
  }
  /**
   * The resourceVersion a write of `desired` is conditional on: the live object's as read, or,
   * for an object the read did not find, the revision of the LIST that did not find it. Either
   * way the API server refuses the write (409) if anyone created or changed the object since,
   * so ferry claims an object only in the state it checked (no other owner).
   */
  readVersion(desired) {
    const live = this.live.get(desired.id);
    if (live) return live.metadata.resourceVersion;
    const { info } = desired;
    return this.listedAt.get(listKey(info, desired.object.metadata.namespace)) ?? this.listedAt.get(listKey(info, void 0));
  }
};
function listKey(info, namespace) {
  return `${info.group ? `${info.kind}.${info.group}` : info.kind}|${info.namespaced && namespace ? namespace : "*"}`;
}
async function runPlan(client, plan, shared) {
  const list = async (info, selector, namespace) => {
    const cached = shared?.lookup(info, selector, namespace);
    if (cached) return { info, items: await cached };
    const { items, resourceVersion } = await listObjectsAt(client, info, selector, namespace);
    const listed = selector === "" && resourceVersion ? [listKey(info, namespace), resourceVersion] : void 0;
    return { info, items, ...listed ? { listed } : {} };
  };
  return Promise.all(
    listsOf(plan).map(({ info, namespace, selector }) => list(info, selector, namespace))
  );
}
async function readInventory(client, resources, parent, desired, extend, shared) {
  const first = objectsPlan([
    ...desired.map((d) => ({ info: d.info, namespace: d.object.metadata.namespace })),
    // The parent lives among the ConfigMaps of its namespace.
    ...extend ? [] : [{ info: PARENT_INFO, namespace: parent.namespace }]
  ]);
  const results = await runPlan(client, first, shared);
  const live = /* @__PURE__ */ new Map();
  const parentId = `/ConfigMap/${parent.namespace}/${parent.name}`;
  const listedAt = /* @__PURE__ */ new Map();
  const collect = (batch) => batch.flatMap(({ info, items, listed }) => {
    if (listed) listedAt.set(...listed);
    return items.flatMap((object) => {
      const id = identityOf(object);
      live.set(id, object);
      return object.metadata.labels?.[APPLYSET_PART_OF] === parent.id ? [{ id, object, info }] : [];
    });
  });
  const members = collect(results);
  const parentLive = extend ? extend.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  ];
  if (!extend) {
    const kinds = recordedKinds.flatMap((key) => resources.findGroupKind(key) ?? []);
    const selector = `${APPLYSET_PART_OF}=${parent.id}`;
    const second = recordedPlan(first, kinds, recordedNamespaces, selector);
    members.push(...collect(await runPlan(client, second, shared)));
  }
  for (const d of desired) {
    const liveObject = live.get(d.id);
    const carried = liveObject && withLiveBuildAnnotations(d.object, liveObject, parent);
    if (carried) d.object = carried;
  }
  const inventory = new Inventory(
    parent,
    parentLive,
    recordedKinds,
    recordedNamespaces.slice(1),
    live,
    members,
    listedAt
  );
  return extend ? extend.merge(inventory) : inventory;
}

export {
  discover,
  collectionPath,
  objectPath,
  watchUntil,
  serverSideApply,
  listObjects,
  getObject,
  deleteObject,
  waitForEstablished,
  validateAsNew,
  waitUntilGone,
  isJob,
  completedJobKey,
  hasTtl,
  hasCompleted,
  PARENT_INFO,
  desiredObject,
  readInventory
};
//# sourceMappingURL=chunk-EJ2WBDOI.js.map
