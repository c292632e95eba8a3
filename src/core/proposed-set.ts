import type { EnvironmentConfig, FerryConfig } from './config.js';
import { ConfigError } from './errors.js';
import {
  folderHolds,
  isSkippedFolder,
  parseSetDescriptor,
  proposedDescriptor,
  SET_DESCRIPTOR,
  type EnvSet,
} from './set-descriptor.js';
import { clusterSets } from './set-order.js';

/**
 * An app's environment as a set of the environment repository: the `.ferry-set.yaml` propose,
 * promote and rollback write into its folder, and the checks that keep it from breaking the
 * repository's other sets (issue #21).
 */

/** The descriptor an environment's folder gets, and the set it makes (errors point at ferry.yaml). */
export interface EnvironmentSet {
  text: string;
  set: EnvSet;
}

/** The set `environment` of `config` is: its folder, and the descriptor written from ferry.yaml. */
export function environmentSet(
  config: FerryConfig,
  environment: EnvironmentConfig,
): EnvironmentSet {
  const text = proposedDescriptor(environment);
  // Read back as any descriptor is: what ferry writes must pass its own schema.
  const { descriptor } = parseSetDescriptor(text, `${environment.path}/${SET_DESCRIPTOR}`);
  const lineOf = (path: string[]) => config.lineOf(['environments', environment.name, ...path]);
  return { text, set: { path: environment.path, file: config.file, descriptor, lineOf } };
}

/**
 * Refuses a proposal whose set (`ours`) would break the environment repository's sets on
 * `base` (their descriptors by folder, `.` for the root) the way `ferry apply --all` would find
 * it after the merge (exit 2 for every set of a cluster): a folder inside another set, or
 * holding one (the proposal would delete it); an inventory another set of the same cluster
 * has; a `dependsOn` no set of the cluster has; a cycle. What was already broken on `base` is
 * not this proposal's doing and is left to `apply --all`.
 */
export function checkProposedSet(
  ours: EnvSet,
  descriptors: Map<string, string>,
  base: string,
): void {
  // As `ferry sets` finds them: none under a dot-folder or node_modules.
  const found = [...descriptors]
    .filter(([path]) => path === '.' || !path.split('/').some(isSkippedFolder))
    .map(([path, text]) => ({ path, text }));
  for (const { path } of found) {
    if (path === ours.path) continue;
    const file = `${path === '.' ? '' : `${path}/`}${SET_DESCRIPTOR}`;
    if (folderHolds(path, ours.path))
      throw new ConfigError(
        `${file} on ${base}: the folder ${ours.path} is inside the set ${path}, and sets cannot nest (a set's folder is applied whole); move ${ours.path} out of ${path}, or remove that descriptor`,
      );
    if (folderHolds(ours.path, path))
      throw new ConfigError(
        `${file} on ${base}: the folder ${ours.path} holds the set ${path}, which proposing would delete (the folder is replaced whole); give ${ours.path} a folder of its own, or remove that set first if it is gone`,
      );
  }
  const sets = found.flatMap(({ path, text }) => {
    try {
      const file = `${path === '.' ? '' : `${path}/`}${SET_DESCRIPTOR} on ${base}`;
      const { descriptor, lineOf } = parseSetDescriptor(text, file);
      return [{ path, file, descriptor, lineOf }];
    } catch (error) {
      // Another set's broken descriptor is its own error, reported by apply --all.
      if (error instanceof ConfigError) return [];
      throw error;
    }
  });
  const before = sets;
  // Ours last: a shared inventory is then reported at ferry.yaml's line, not the other's.
  const after = [...sets.filter((set) => set.path !== ours.path), ours];
  const named = new Set(after.concat(before).flatMap((set) => set.descriptor.clusters ?? []));
  // With no cluster named anywhere, every run uses the default one.
  const clusters = named.size > 0 ? [...named].sort() : ['default'];
  for (const cluster of clusters) {
    const problem = orderProblem(after, cluster);
    if (problem !== undefined && problem !== orderProblem(before, cluster))
      throw new ConfigError(
        `${problem}; merged into ${base}, this proposal for ${ours.path} would stop ferry apply --all for cluster ${cluster}`,
      );
  }
}

/** What `apply --all` would refuse in these sets for `cluster`, if anything. */
function orderProblem(sets: EnvSet[], cluster: string): string | undefined {
  try {
    clusterSets(sets, cluster);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}
