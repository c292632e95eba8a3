import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  SchemaSet,
  convertCrd,
  convertDocument,
  desiredObject,
  readInventory
} from "./chunk-3HVYEVBG.js";
import {
  APPLYSET_TOOLING
} from "./chunk-2MBPYCZ5.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/core/concurrency.ts
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

// src/commands/cluster/inventory/live-state.ts
function crdsOf(objects) {
  return objects.filter(
    (o) => o.kind === "CustomResourceDefinition" && o.apiVersion.startsWith("apiextensions.k8s.io/")
  );
}
async function readLiveState(client, resources, parent, objects) {
  const desired = objects.filter((o) => resources.find(o.apiVersion, o.kind)).map((o) => desiredObject(o, resources, parent));
  const [inventory, schemas] = await Promise.all([
    readInventory(client, resources, parent, desired),
    loadSchemas(client, objects, crdsOf(objects))
  ]);
  return { desired, inventory, schemas };
}
function refuseParentClash(objects, parent) {
  const clash = objects.some(
    (o) => o.kind === "ConfigMap" && o.apiVersion === "v1" && o.metadata.name === parent.name && (o.metadata.namespace ?? parent.namespace) === parent.namespace
  );
  if (clash) {
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`
    );
  }
}
function refuseForeignTooling(inventory) {
  const { parent, parentLive } = inventory;
  const tooling = parentLive?.metadata.annotations?.[APPLYSET_TOOLING];
  if (tooling && !tooling.startsWith("ferry/")) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name} belongs to ${tooling}, not ferry; choose another --inventory`
    );
  }
}

export {
  mapLimit,
  readLiveState,
  refuseParentClash,
  refuseForeignTooling
};
//# sourceMappingURL=chunk-3RLU3DTX.js.map
