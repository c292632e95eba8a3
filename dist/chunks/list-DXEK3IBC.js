import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords
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
import {
  ancestorsOf
} from "./chunk-CCTWZ5ZG.js";
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
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/cluster/sets/list.ts
async function listSets(options, log) {
  if (options.changed && options.clusters.length !== 1)
    throw new ConfigError(
      "--changed reads what one cluster last applied: give exactly one --cluster (and its --kubeconfig)"
    );
  const entries = [];
  for (const cluster of options.clusters) {
    const loaded = await loadClusterSets(options.root, cluster);
    let sets = loaded.ordered;
    if (options.changedSince !== void 0)
      sets = await changedSince(loaded, sets, options.changedSince);
    if (options.changed) {
      const candidates = sets;
      sets = await KubeClient.using(
        { ...options, log: (line) => log.info(line) },
        async (client) => {
          const records = await readSetRecords(client, "sets --changed");
          const context = client.contextNamespace;
          return candidates.filter((set) => !isApplied(loaded, set, records, context));
        }
      );
    }
    for (const set of sets)
      entries.push({
        set: set.descriptor.inventory,
        cluster,
        path: set.path,
        namespace: set.descriptor.namespace,
        dependsOn: set.descriptor.dependsOn,
        ancestors: ancestorsOf(set.descriptor.inventory, loaded.dependencies).map(
          (a) => a.descriptor.inventory
        )
      });
  }
  return entries;
}
export {
  listSets
};
//# sourceMappingURL=list-DXEK3IBC.js.map
