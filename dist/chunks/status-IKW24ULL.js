import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadClusterSets,
  readSetRecords,
  recordKey,
  setNamespace
} from "./chunk-MKN4NSYP.js";
import {
  KubeClient
} from "./chunk-TAQBB7O5.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-FM3P3HNW.js";
import "./chunk-DZWKGZK7.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-HW7PKRAG.js";
import "./chunk-4XANHIC3.js";
import "./chunk-YQHPYPSF.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";

// src/commands/cluster/sets/status.ts
async function setsStatus(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    const records = await readSetRecords(client);
    const known = /* @__PURE__ */ new Set();
    const sets = loaded.ordered.map((set) => {
      const namespace = setNamespace(set, client.contextNamespace);
      const key = recordKey(namespace, set.descriptor.inventory);
      known.add(key);
      const record = records.get(key)?.record;
      const tree = loaded.trees.trees.get(set.path);
      const state = record?.tree === tree ? "current" : record?.failed?.tree === tree ? "failed" : record?.tree ? "changed" : "never applied";
      return { set: set.descriptor.inventory, path: set.path, namespace, state, record };
    });
    const orphans = [...records.entries()].filter(([key, { record }]) => !known.has(key) && record.path !== void 0).map(([, { namespace, name, record }]) => ({ namespace, name, path: record.path }));
    return { cluster: options.cluster, commit: loaded.trees.commit, sets, orphans };
  } finally {
    client.close();
  }
}
export {
  setsStatus
};
//# sourceMappingURL=status-IKW24ULL.js.map
