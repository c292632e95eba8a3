import { findSets } from '../../../adapters/env-sets.js';
import { folderTrees, folderTreesAt, type FolderTrees } from '../../../adapters/git-trees.js';
import { ConfigError } from '../../../core/errors.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import { clusterSets, type ClusterSets } from '../../../core/set-order.js';
import { recordKey, type SetRecords } from './records.js';

/** The sets of one cluster under a root, checked, with their folders' tree hashes. */
export interface LoadedSets extends ClusterSets {
  root: string;
  /** Every set under the root, for any cluster. */
  all: EnvSet[];
  trees: FolderTrees;
}

/**
 * Finds and checks the sets of `cluster` under `root` (exit 2 on a bad descriptor, a cycle or
 * an unknown dependency, before anything is read from the cluster), and hashes their folders.
 */
export async function loadClusterSets(root: string, cluster: string): Promise<LoadedSets> {
  const all = await findSets(root);
  const graph = clusterSets(all, cluster);
  const trees = await folderTrees(
    root,
    graph.ordered.map((set) => set.path),
  );
  return { ...graph, root, all, trees };
}

/** The sets named by `--set` (inventory names), each one refused when unknown. */
export function selectSets(loaded: LoadedSets, names: string[] | undefined): EnvSet[] {
  if (!names || names.length === 0) return loaded.ordered;
  return names.map((name) => {
    const set = loaded.ordered.find((s) => s.descriptor.inventory === name);
    if (!set)
      throw new ConfigError(
        `--set: no set with inventory "${name}" for cluster ${loaded.cluster} under ${loaded.root}`,
      );
    return set;
  });
}

/** The namespace a set's inventory lives in: its descriptor's, else the context's. */
export function setNamespace(set: EnvSet, contextNamespace: string): string {
  return set.descriptor.namespace ?? contextNamespace;
}

/** Whether the cluster last applied exactly this folder (its tree hash is recorded). */
export function isApplied(
  loaded: LoadedSets,
  set: EnvSet,
  records: SetRecords,
  contextNamespace: string,
): boolean {
  const recorded = records.get(
    recordKey(setNamespace(set, contextNamespace), set.descriptor.inventory),
  );
  const tree = loaded.trees.trees.get(set.path);
  return tree !== undefined && recorded?.record.tree === tree;
}

/** Keeps the sets whose folder differs from what it was at `rev` (or did not exist there). */
export async function changedSince(
  loaded: LoadedSets,
  sets: EnvSet[],
  rev: string,
): Promise<EnvSet[]> {
  const before = await folderTreesAt(
    loaded.root,
    rev,
    sets.map((set) => set.path),
  );
  return sets.filter((set) => before.get(set.path) !== loaded.trees.trees.get(set.path));
}
