import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DRIFT_FINGERPRINT,
  KubeClient,
  SchemaSet,
  compareDesired,
  convertCrd,
  convertDocument,
  desiredObject,
  discover,
  driftOf,
  parseIgnoreRules,
  readInventory,
  serverSideApply
} from "./chunk-3WS5T5O7.js";
import {
  isPrefix
} from "./chunk-IBUBWRKG.js";
import {
  readManifestDir,
  readTextFile
} from "./chunk-QCKBONQO.js";
import {
  FIELD_MANAGER,
  MANIFEST_HASH,
  applySetParent,
  describeObject
} from "./chunk-2MBPYCZ5.js";
import {
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/commands/drift.ts
import { createHash as createHash2 } from "node:crypto";

// src/adapters/kube/openapi.ts
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
var CACHE_FORMAT = 1;
function cacheDir(env = process.env) {
  if (env.FERRY_CACHE_DIR) return env.FERRY_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "ferry");
}
function indexPath(apiVersion) {
  return apiVersion.includes("/") ? `apis/${apiVersion}` : `api/${apiVersion}`;
}
var VERSIONS_KEPT = 4;
async function loadSchemas(client, objects, crds = [], directory = join(cacheDir(), "openapi")) {
  const wanted = [...new Set(objects.map((o) => o.apiVersion))];
  const tables = /* @__PURE__ */ new Map();
  if (wanted.length === 0) return new SchemaSet(tables);
  const index = await client.request({
    verb: "openapi",
    method: "GET",
    path: "/openapi/v3",
    accept: "application/json"
  });
  if (index.status !== 200 || typeof index.body?.paths !== "object") {
    throw new OperationError(
      `reading the API server's OpenAPI index (/openapi/v3) failed: HTTP ${index.status}; ferry needs OpenAPI v3 (Kubernetes \u2265 1.27) to compare objects as the server merges them`
    );
  }
  await Promise.all(
    wanted.map(async (apiVersion) => {
      const url = index.body.paths?.[indexPath(apiVersion)]?.serverRelativeURL;
      const published = url ? await documentTable(client, url, directory) : void 0;
      const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
      const unpublished = objects.some(
        (o) => o.apiVersion === apiVersion && !published?.kinds[`${group}/${version}/${o.kind}`]
      );
      const fromCrds = unpublished ? crdTable(apiVersion, crds) : void 0;
      const table = merge(published, fromCrds);
      if (table) tables.set(apiVersion, table);
    })
  );
  return new SchemaSet(tables);
}
function merge(...parts) {
  const tables = parts.filter((t) => t !== void 0);
  if (tables.length <= 1) return tables[0];
  return {
    types: Object.assign({}, ...tables.map((t) => t.types)),
    kinds: Object.assign({}, ...tables.map((t) => t.kinds))
  };
}
function crdTable(apiVersion, crds) {
  const [group] = apiVersion.split("/");
  const tables = crds.filter((crd) => crd.spec?.group === group).map(convertCrd);
  return merge(...tables);
}
function cacheFile(url) {
  const [path = "", query = ""] = url.split("?");
  const hash = new URLSearchParams(query).get("hash") ?? "";
  const name = path.replace(/^\/openapi\/v3\//, "").replace(/[^A-Za-z0-9.-]+/g, "_");
  return `${name}@${hash.replace(/[^A-Za-z0-9]/g, "")}.v${CACHE_FORMAT}.json`;
}
async function documentTable(client, url, directory) {
  const hashed = url.includes("hash=");
  const name = cacheFile(url);
  const file = join(directory, name);
  if (hashed) {
    const cached = await readFile(file, "utf8").catch(() => void 0);
    if (cached !== void 0) {
      try {
        return JSON.parse(cached);
      } catch {
      }
    }
  }
  const [path = "", query = ""] = url.split("?");
  const response = await client.request({
    verb: "openapi",
    method: "GET",
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    accept: "application/json"
  });
  if (response.status !== 200) {
    throw new OperationError(
      `reading the API server's OpenAPI (${path}) failed: HTTP ${response.status}`
    );
  }
  const table = convertDocument(response.body);
  if (hashed) await store(directory, name, table);
  return table;
}
async function store(directory, name, table) {
  const file = join(directory, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, JSON.stringify(table));
    await rename(temporary, file);
    const prefix = name.slice(0, name.indexOf("@") + 1);
    const versions = (await readdir(directory)).filter(
      (f) => f.startsWith(prefix) && f.endsWith(".json")
    );
    if (versions.length <= VERSIONS_KEPT) return;
    const dated = await Promise.all(
      versions.map(async (f) => ({ f, at: (await stat(join(directory, f))).mtimeMs }))
    );
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(VERSIONS_KEPT).map(({ f }) => rm(join(directory, f))));
  } catch {
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

// src/commands/concurrency.ts
async function mapLimit(items, limit, work) {
  let next = 0;
  const errors = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

// src/commands/drift.ts
async function drift(options, log) {
  const manifests = await readManifestDir(options.dir);
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    const report = await driftCheck(
      client,
      manifests.map((m) => m.object),
      { ...options, rules },
      log
    );
    if (options.alerts) {
      const { sendDriftAlerts } = await import("./drift-alerts-EKVJEPZI.js");
      report.alerts = await sendDriftAlerts(report, options.alerts, client, log);
    }
    return report;
  } finally {
    client.close();
  }
}
async function driftCheck(client, objects, options, log) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const desired = objects.filter((o) => !unknown.includes(o)).map((o) => desiredObject(o, resources, parent));
  const [inventory, schemas] = await Promise.all([
    readInventory(client, resources, parent, desired),
    loadSchemas(
      client,
      desired.map((d) => d.object),
      crdsOf(objects)
    )
  ]);
  const schemaOf = (d) => schemas.forKind(d.object.apiVersion, d.object.kind);
  if (!inventory.parentLive)
    log.warning(
      `inventory ${parent.namespace}/${parent.name} does not exist: nothing was applied with it yet`
    );
  const drifted = unknown.map((o) => ({
    object: describeObject(o),
    kind: "missing",
    fields: []
  }));
  let ignored = 0;
  const flagged = [];
  for (const d of desired) {
    if (!inventory.liveOf(d.id) && completedBefore(inventory.parentLive, d.id, d.object)) continue;
    const result = driftOf(
      d.object,
      inventory.liveOf(d.id),
      options.rules ?? [],
      FIELD_MANAGER,
      schemaOf(d)
    );
    ignored += result.ignored;
    if (result.drift) flagged.push({ desired: d, drift: result.drift });
  }
  if (options.confirm) {
    await mapLimit(
      flagged.filter((f) => f.drift.kind === "drifted"),
      8,
      async (f) => {
        f.drift.fields = await confirmFields(
          client,
          f.desired,
          inventory.liveOf(f.desired.id),
          f.drift,
          schemaOf(f.desired)
        );
      }
    );
  }
  drifted.push(
    ...flagged.filter((f) => f.drift.kind !== "drifted" || f.drift.fields.length > 0).map((f) => f.drift)
  );
  const desiredIds = new Set(desired.map((d) => d.id));
  for (const member of inventory.members.filter((m) => !desiredIds.has(m.id))) {
    drifted.push({ object: describeObject(member.object), kind: "extra", fields: [] });
  }
  drifted.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
  const count = (kind) => drifted.filter((d) => d.kind === kind).length;
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    clean: drifted.length === 0,
    objects: drifted,
    counts: {
      checked: objects.length,
      drifted: count("drifted"),
      missing: count("missing"),
      extra: count("extra"),
      ignored
    },
    fingerprint: fingerprintOf(drifted),
    previousFingerprint: inventory.parentLive?.metadata.annotations?.[DRIFT_FINGERPRINT],
    requests: Object.fromEntries(client.counts)
  };
}
async function confirmFields(client, desired, live, drift2, schema) {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true
  });
  if (!outcome.ok)
    throw new OperationError(`--confirm: dry-run of ${drift2.object} failed: ${outcome.message}`);
  const changes = compareDesired(outcome.object, live, schema).map((d) => d.path);
  return drift2.fields.filter(
    (f) => changes.some((c) => isPrefix(c, f.segments) || isPrefix(f.segments, c))
  );
}
function crdsOf(objects) {
  return objects.filter(
    (o) => o.kind === "CustomResourceDefinition" && o.apiVersion.startsWith("apiextensions.k8s.io/")
  );
}
function fingerprintOf(objects) {
  if (objects.length === 0) return "clean";
  const shape = objects.map(
    (o) => `${o.kind} ${o.object} ${o.fields.map((f) => `${f.path}=${JSON.stringify(f.live)}`).join(",")}`
  );
  return createHash2("sha256").update(shape.join("\n")).digest("hex").slice(0, 16);
}

export {
  loadSchemas,
  isJob,
  completedJobKey,
  hasTtl,
  hasCompleted,
  completedBefore,
  mapLimit,
  drift,
  driftCheck,
  crdsOf,
  fingerprintOf
};
//# sourceMappingURL=chunk-XGHRJXCU.js.map
