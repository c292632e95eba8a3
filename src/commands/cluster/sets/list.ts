import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { ConfigError } from '../../../core/errors.js';
import { ancestorsOf } from '../../../core/set-order.js';
import type { SetEntry } from '../../../core/sets-output.js';
import { readSetRecords } from './records.js';
import { changedSince, isApplied, loadClusterSets } from './load.js';

/** What `ferry sets` takes. */
export interface ListSetsOptions {
  root: string;
  /** The clusters to list sets for (one entry per set and cluster). */
  clusters: string[];
  /** Only sets whose folder differs from what the cluster last applied (one cluster). */
  changed?: boolean;
  /** Only sets whose folder differs from this revision. */
  changedSince?: string;
  kubeconfig?: string;
  context?: string;
  requestTimeoutMs?: number;
}

/**
 * `ferry sets`: the sets of each cluster under the root, dependencies first, checked as
 * `apply --all` checks them (a bad descriptor, a cycle or an unknown dependency is exit 2).
 * Only `changed` talks to a cluster: one LIST of its inventories.
 */
export async function listSets(options: ListSetsOptions, log: Logger): Promise<SetEntry[]> {
  if (options.changed && options.clusters.length !== 1)
    throw new ConfigError(
      '--changed reads what one cluster last applied: give exactly one --cluster (and its --kubeconfig)',
    );
  const entries: SetEntry[] = [];
  for (const cluster of options.clusters) {
    const loaded = await loadClusterSets(options.root, cluster);
    let sets = loaded.ordered;
    if (options.changedSince !== undefined)
      sets = await changedSince(loaded, sets, options.changedSince);
    if (options.changed) {
      const candidates = sets;
      sets = await KubeClient.using(
        { ...options, log: (line) => log.info(line) },
        async (client) => {
          const records = await readSetRecords(client);
          const context = client.contextNamespace;
          return candidates.filter((set) => !isApplied(loaded, set, records, context));
        },
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
          (a) => a.descriptor.inventory,
        ),
      });
  }
  return entries;
}
