import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  missingError
} from "./chunk-CLP63NEL.js";
import {
  SET_RECORDS_LIST
} from "./chunk-YHGA4ZUM.js";
import {
  statusMessage
} from "./chunk-WWGWLC6B.js";
import {
  SET_DESCRIPTOR,
  clusterSets,
  folderHolds,
  isSkippedFolder,
  parseSetDescriptor
} from "./chunk-CCTWZ5ZG.js";
import {
  GitRunner
} from "./chunk-ITHYXCSM.js";
import {
  pathError,
  readTextFile
} from "./chunk-FLLOJKTZ.js";
import {
  APPLYSET_ID,
  APPLYSET_TOOLING,
  FIELD_MANAGER,
  applySetParent,
  parentObject
} from "./chunk-M2WY2DRM.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import {
  oneLine
} from "./chunk-JFNBL6FX.js";

// src/core/set-record.ts
var SET_RECORD_MANAGER = "ferry-set-record";
var SET_RECORD_KEYS = {
  path: "ferry.dev/set-path",
  commit: "ferry.dev/applied-commit",
  tree: "ferry.dev/applied-tree",
  at: "ferry.dev/applied-at",
  runUrl: "ferry.dev/applied-run-url",
  failedTree: "ferry.dev/failed-tree",
  failedAt: "ferry.dev/failed-at",
  failedRunUrl: "ferry.dev/failed-run-url",
  failedReason: "ferry.dev/failed-reason"
};
function recordOf(parent) {
  const a = parent.metadata.annotations ?? {};
  const k = SET_RECORD_KEYS;
  const failedTree = a[k.failedTree];
  return {
    path: a[k.path],
    commit: a[k.commit],
    tree: a[k.tree],
    at: a[k.at],
    runUrl: a[k.runUrl] || void 0,
    failed: failedTree ? {
      tree: failedTree,
      at: a[k.failedAt] ?? "",
      runUrl: a[k.failedRunUrl] ?? "",
      reason: a[k.failedReason] ?? ""
    } : void 0
  };
}
var REASON_LIMIT = 300;
function recordPatch(outcome) {
  const k = SET_RECORD_KEYS;
  if (outcome.ok)
    return {
      [k.path]: outcome.path,
      [k.commit]: outcome.commit,
      [k.tree]: outcome.tree,
      [k.at]: outcome.at,
      [k.runUrl]: outcome.runUrl,
      [k.failedTree]: null,
      [k.failedAt]: null,
      [k.failedRunUrl]: null,
      [k.failedReason]: null
    };
  return {
    [k.path]: outcome.path,
    [k.failedTree]: outcome.tree,
    [k.failedAt]: outcome.at,
    [k.failedRunUrl]: outcome.runUrl,
    [k.failedReason]: oneLine(outcome.reason, REASON_LIMIT)
  };
}

// src/commands/cluster/sets/records.ts
var recordKey = (namespace, name) => `${namespace}/${name}`;
async function readSetRecords(client, command = "this command") {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: "/api/v1/configmaps",
    query: { labelSelector: APPLYSET_ID }
  });
  if (response.status === 403) throw await missingError(client, [SET_RECORDS_LIST], command);
  if (response.status !== 200)
    throw new OperationError(
      `reading the inventories' records (list configmaps with label ${APPLYSET_ID}): ${statusMessage(response)}`
    );
  const records = /* @__PURE__ */ new Map();
  for (const parent of response.body.items ?? []) {
    if (!parent.metadata.annotations?.[APPLYSET_TOOLING]?.startsWith("ferry/")) continue;
    const namespace = parent.metadata.namespace ?? "";
    records.set(recordKey(namespace, parent.metadata.name), {
      namespace,
      name: parent.metadata.name,
      record: recordOf(parent)
    });
  }
  return records;
}
async function writeSetRecord(client, parent, outcome) {
  const path = `/api/v1/namespaces/${encodeURIComponent(parent.namespace)}`;
  const patch = () => client.request({
    method: "PATCH",
    path: `${path}/configmaps/${encodeURIComponent(parent.name)}`,
    query: { fieldManager: SET_RECORD_MANAGER },
    contentType: "application/merge-patch+json",
    body: { metadata: { annotations: recordPatch(outcome) } }
  });
  let response = await patch();
  if (response.status === 404 && !outcome.ok) {
    const created = await client.request({
      method: "POST",
      path: `${path}/configmaps`,
      query: { fieldManager: FIELD_MANAGER },
      body: parentObject(applySetParent(parent.name, parent.namespace), [], [])
    });
    if (created.status === 201 || created.status === 409) response = await patch();
  }
  if (response.status === 404) return false;
  if (response.status !== 200)
    throw new OperationError(
      `recording the apply on inventory ${parent.namespace}/${parent.name}: ${statusMessage(response)}`
    );
  return true;
}

// src/adapters/env-sets.ts
import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";
async function findSets(root) {
  const found = [];
  const walk = async (relative2) => {
    let entries;
    try {
      entries = await readdir(join(root, relative2), { withFileTypes: true });
    } catch (error) {
      throw pathError(error, relative2 ? join(root, relative2) : root, "sets root", "folder");
    }
    if (entries.some((entry) => entry.isFile() && entry.name === SET_DESCRIPTOR))
      found.push(relative2);
    const folders = entries.filter((entry) => entry.isDirectory() && !isSkippedFolder(entry.name));
    await Promise.all(folders.map((entry) => walk(posix.join(relative2, entry.name))));
  };
  await walk("");
  found.sort();
  for (const [index, path] of found.entries()) {
    const outer = found.slice(0, index).find((other) => folderHolds(other || ".", path));
    if (outer !== void 0)
      throw new ConfigError(
        `${join(root, path, SET_DESCRIPTOR)}: a set inside the set ${outer || "."}; sets cannot nest (a set's folder is applied whole, subfolders included)`
      );
  }
  return Promise.all(
    found.map(async (path) => {
      const file = join(root, path, SET_DESCRIPTOR);
      const text = await readTextFile(file, "set descriptor");
      const { descriptor, lineOf } = parseSetDescriptor(text, file);
      return { path: path || ".", file, descriptor, lineOf };
    })
  );
}

// src/adapters/git-trees.ts
import { copyFile, mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2, relative, resolve, sep } from "node:path";
var git = new GitRunner([]);
async function folderTrees(root, folders) {
  const absolute = await realpath(resolve(root)).catch(() => resolve(root));
  const top = await git.text(["-C", absolute, "rev-parse", "--show-toplevel"], {}, "rev-parse").then((text) => text.trim()).catch(() => {
    throw new ConfigError(
      `${root}: not inside a git work tree (sets record the commit they apply)`
    );
  });
  const [head, gitIndex] = await Promise.all([
    git.text(["-C", top, "rev-parse", "--verify", "HEAD^{commit}"], { okExitCodes: [128] }),
    git.text(["-C", top, "rev-parse", "--git-path", "index"])
  ]);
  const commit = head.trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new ConfigError(`${top}: the repository has no commit yet`);
  const prefix = relative(top, absolute).split(sep).join("/");
  const inRepo = (folder) => [prefix, folder === "." ? "" : folder].filter(Boolean).join("/");
  const scratch = await mkdtemp(join2(tmpdir(), "ferry-index-"));
  try {
    const index = join2(scratch, "index");
    await copyFile(resolve(top, gitIndex.trim()), index).catch(() => void 0);
    const env = { GIT_INDEX_FILE: index };
    await git.run(["-C", top, "add", "--all", "--", prefix || "."], { env }, "add");
    const tree = (await git.text(["-C", top, "write-tree"], { env }, "write-tree")).trim();
    const now = await subtrees(top, tree);
    const trees = /* @__PURE__ */ new Map();
    for (const folder of folders) {
      const path = inRepo(folder);
      const hash = path === "" ? tree : now.get(path);
      if (hash !== void 0) trees.set(folder, hash);
    }
    return { commit, trees };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
async function subtrees(top, treeish) {
  const text = await git.text(["-C", top, "ls-tree", "-r", "-d", "-z", treeish], {}, "ls-tree");
  const trees = /* @__PURE__ */ new Map();
  for (const entry of text.split("\0").filter(Boolean)) {
    const [meta, path] = entry.split("	");
    trees.set(path, meta.split(" ")[2]);
  }
  return trees;
}
async function rootTree(top, commit) {
  return (await git.text(["-C", top, "rev-parse", `${commit}^{tree}`])).trim();
}
async function folderTreesAt(root, rev, folders) {
  const absolute = await realpath(resolve(root)).catch(() => resolve(root));
  const top = (await git.text(["-C", absolute, "rev-parse", "--show-toplevel"])).trim();
  const resolved = await git.text(["-C", top, "rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`]).catch(() => {
    throw new ConfigError(
      `--changed-since: git does not know the revision "${rev}" (fetch it first: actions/checkout with fetch-depth: 0)`
    );
  });
  const commit = resolved.trim();
  const prefix = relative(top, absolute).split(sep).join("/");
  const trees = await subtrees(top, commit);
  const result = /* @__PURE__ */ new Map();
  for (const folder of folders) {
    const path = [prefix, folder === "." ? "" : folder].filter(Boolean).join("/");
    const hash = path === "" ? await rootTree(top, commit) : trees.get(path);
    if (hash !== void 0) result.set(folder, hash);
  }
  return result;
}

// src/commands/cluster/sets/load.ts
async function loadClusterSets(root, cluster) {
  const all = await findSets(root);
  const graph = clusterSets(all, cluster);
  const trees = await folderTrees(
    root,
    graph.ordered.map((set) => set.path)
  );
  return { ...graph, root, all, trees };
}
function selectSets(loaded, names) {
  if (!names || names.length === 0) return loaded.ordered;
  return names.map((name) => {
    const set = loaded.ordered.find((s) => s.descriptor.inventory === name);
    if (!set)
      throw new ConfigError(
        `--set: no set with inventory "${name}" for cluster ${loaded.cluster} under ${loaded.root}`
      );
    return set;
  });
}
function setNamespace(set, contextNamespace) {
  return set.descriptor.namespace ?? contextNamespace;
}
function isApplied(loaded, set, records, contextNamespace) {
  const recorded = records.get(
    recordKey(setNamespace(set, contextNamespace), set.descriptor.inventory)
  );
  const tree = loaded.trees.trees.get(set.path);
  return tree !== void 0 && recorded?.record.tree === tree;
}
async function changedSince(loaded, sets, rev) {
  const before = await folderTreesAt(
    loaded.root,
    rev,
    sets.map((set) => set.path)
  );
  return sets.filter((set) => before.get(set.path) !== loaded.trees.trees.get(set.path));
}

export {
  recordKey,
  readSetRecords,
  writeSetRecord,
  loadClusterSets,
  selectSets,
  setNamespace,
  isApplied,
  changedSince
};
//# sourceMappingURL=chunk-3I6VGBQZ.js.map
