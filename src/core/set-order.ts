import { ConfigError } from './errors.js';
import type { EnvSet } from './set-descriptor.js';

/** Whether a set is applied to `cluster` (a set that names no clusters goes to every cluster). */
export function isForCluster(set: EnvSet, cluster: string): boolean {
  return set.descriptor.clusters === undefined || set.descriptor.clusters.includes(cluster);
}

/** The sets of one cluster, checked as a whole and in dependency order. */
export interface ClusterSets {
  cluster: string;
  /** Dependencies before their dependents; otherwise in folder order. */
  ordered: EnvSet[];
  /** Each set's dependencies, by inventory name. */
  dependencies: Map<string, EnvSet[]>;
}

/**
 * The sets of `cluster`, checked before anything is read or written: inventory names unique,
 * every `dependsOn` a set of this cluster, and no cycle. Any of these is one ConfigError line
 * naming the descriptor and line (exit 2).
 */
export function clusterSets(all: EnvSet[], cluster: string): ClusterSets {
  const sets = all.filter((set) => isForCluster(set, cluster));
  const byName = new Map<string, EnvSet>();
  for (const set of sets) {
    const other = byName.get(set.descriptor.inventory);
    if (other)
      throw new ConfigError(
        `${set.file}:${set.lineOf(['inventory'])}: inventory: "${set.descriptor.inventory}" is also the inventory of ${other.path} (inventory names are unique among the sets of cluster ${cluster})`,
      );
    byName.set(set.descriptor.inventory, set);
  }
  const dependencies = new Map<string, EnvSet[]>();
  for (const set of sets) {
    dependencies.set(
      set.descriptor.inventory,
      set.descriptor.dependsOn.map((name, index) => {
        const dependency = byName.get(name);
        if (dependency) return dependency;
        const elsewhere = all.find((other) => other.descriptor.inventory === name);
        const why = elsewhere
          ? `the set ${name} (${elsewhere.path}) is not for cluster ${cluster}`
          : `no set has inventory "${name}"`;
        throw new ConfigError(
          `${set.file}:${set.lineOf(['dependsOn', String(index)])}: dependsOn: ${why}`,
        );
      }),
    );
  }
  return { cluster, ordered: topological(sets, dependencies), dependencies };
}

/** Depth-first order, dependencies first; a cycle is refused naming it. */
function topological(sets: EnvSet[], dependencies: Map<string, EnvSet[]>): EnvSet[] {
  const done = new Set<string>();
  const visiting: EnvSet[] = [];
  const ordered: EnvSet[] = [];
  const visit = (set: EnvSet): void => {
    const name = set.descriptor.inventory;
    if (done.has(name)) return;
    const at = visiting.indexOf(set);
    if (at >= 0) {
      const cycle = [...visiting.slice(at), set];
      throw new ConfigError(
        `${set.file}:${set.lineOf(['dependsOn'])}: dependsOn: a cycle: ${cycle.map((s) => s.descriptor.inventory).join(' → ')} (${cycle
          .slice(0, -1)
          .map((s) => s.path)
          .join(', ')}); nothing was applied`,
      );
    }
    visiting.push(set);
    for (const dependency of dependencies.get(name) ?? []) visit(dependency);
    visiting.pop();
    done.add(name);
    ordered.push(set);
  };
  for (const set of sets) visit(set);
  return ordered;
}

/**
 * Every set `name` depends on, directly or through others, dependencies first. A set applied on
 * its own (a matrix job) follows these, not only its direct dependencies: an unchanged
 * dependency in between still stands on a changed one, as `--all` orders them.
 */
export function ancestorsOf(name: string, dependencies: Map<string, EnvSet[]>): EnvSet[] {
  const seen = new Set<string>();
  const ordered: EnvSet[] = [];
  const visit = (current: string): void => {
    for (const dependency of dependencies.get(current) ?? []) {
      const next = dependency.descriptor.inventory;
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
      ordered.push(dependency);
    }
  };
  visit(name);
  return ordered;
}
