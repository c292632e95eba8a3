import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadClusterSets,
  readSetRecords,
  recordKey,
  setNamespace
} from "./chunk-3I6VGBQZ.js";
import "./chunk-CLP63NEL.js";
import "./chunk-YHGA4ZUM.js";
import "./chunk-S7UZDVDB.js";
import {
  KubeClient
} from "./chunk-WWGWLC6B.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-WUSKFTN5.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/cluster/sets/status.ts
async function setsStatus(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const records = await readSetRecords(client, "status");
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
  });
}
export {
  setsStatus
};
//# sourceMappingURL=status-INUND322.js.map
