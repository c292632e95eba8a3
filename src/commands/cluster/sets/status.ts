import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import type { AppliedRecord } from '../../../core/set-record.js';
import { loadClusterSets, setNamespace } from './load.js';
import { readSetRecords, recordKey } from './records.js';

/** Where a set stands on the cluster. */
export type SetState =
  /** the cluster runs the folder as it is in the work tree */
  | 'current'
  /** applied before, but the folder has changed since */
  | 'changed'
  /** the last apply of this very folder failed */
  | 'failed'
  /** no apply recorded */
  | 'never applied';

export interface SetStatus {
  set: string;
  path: string;
  namespace: string;
  state: SetState;
  record: AppliedRecord | undefined;
}

/** What `ferry status` takes. */
export interface StatusOptions {
  root: string;
  cluster: string;
  kubeconfig?: string;
  context?: string;
  requestTimeoutMs?: number;
}

export interface StatusReport {
  cluster: string;
  /** The work tree's commit. */
  commit: string;
  sets: SetStatus[];
  /** Inventories that recorded a set folder no set of this cluster has any more. */
  orphans: { namespace: string; name: string; path: string | undefined }[];
}

/**
 * `ferry status`: per set, the commit the cluster applied, when and by which run, and whether
 * the folder in the work tree differs. One request: the LIST of inventories.
 */
export async function setsStatus(options: StatusOptions, log: Logger): Promise<StatusReport> {
  const loaded = await loadClusterSets(options.root, options.cluster);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const records = await readSetRecords(client);
    const known = new Set<string>();
    const sets = loaded.ordered.map((set): SetStatus => {
      const namespace = setNamespace(set, client.contextNamespace);
      const key = recordKey(namespace, set.descriptor.inventory);
      known.add(key);
      const record = records.get(key)?.record;
      const tree = loaded.trees.trees.get(set.path);
      const state: SetState =
        record?.tree === tree
          ? 'current'
          : record?.failed?.tree === tree
            ? 'failed'
            : record?.tree
              ? 'changed'
              : 'never applied';
      return { set: set.descriptor.inventory, path: set.path, namespace, state, record };
    });
    const orphans = [...records.entries()]
      .filter(([key, { record }]) => !known.has(key) && record.path !== undefined)
      .map(([, { namespace, name, record }]) => ({ namespace, name, path: record.path }));
    return { cluster: options.cluster, commit: loaded.trees.commit, sets, orphans };
  });
}
