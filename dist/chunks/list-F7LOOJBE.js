import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ancestorsOf,
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords
} from "./chunk-S5XPQ2SW.js";
import {
  KubeClient
} from "./chunk-KGURHNNJ.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-P25TPT5Y.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
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
          const records = await readSetRecords(client);
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
//# sourceMappingURL=list-F7LOOJBE.js.map
