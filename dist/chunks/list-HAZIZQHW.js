import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords
} from "./chunk-FVFK7GYP.js";
import {
  KubeClient
} from "./chunk-RH3J56GQ.js";
import "./chunk-B2GFME57.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-LF67XUXD.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
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
//# sourceMappingURL=list-HAZIZQHW.js.map
