import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords
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
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";

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
      const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
      try {
        const records = await readSetRecords(client);
        sets = sets.filter((set) => !isApplied(loaded, set, records, client.contextNamespace));
      } finally {
        client.close();
      }
    }
    for (const set of sets)
      entries.push({
        set: set.descriptor.inventory,
        cluster,
        path: set.path,
        namespace: set.descriptor.namespace,
        dependsOn: set.descriptor.dependsOn
      });
  }
  return entries;
}
export {
  listSets
};
//# sourceMappingURL=list-PXLBSHVU.js.map
