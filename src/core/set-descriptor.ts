import { parseDuration } from './duration.js';
import { ConfigError } from './errors.js';
import type { IgnoreRule } from './ignore.js';
import type { HookPolicy } from './sources.js';
// schema/ferry-set.schema.json, compiled ahead of time: compiling it on every run cost about as
// much as the rest of a no-op apply --all (scripts/schema-validator.ts; a unit test keeps it fresh).
import validate from './set-schema-validate.mjs';
import { checkSchema, locate, parseYamlSource } from './yaml-source.js';

/**
 * A set of the environment repository: a folder applied as one inventory, described by the
 * `.ferry-set.yaml` it holds (a dotfile, so never read as a manifest). One descriptor per
 * folder, never one central file: proposals for different apps never touch the same file.
 */

/** The descriptor's file name, in the set's folder. */
export const SET_DESCRIPTOR = '.ferry-set.yaml';

/** What `.ferry-set.yaml` says (defaults applied). */
export interface SetDescriptor {
  inventory: string;
  namespace: string | undefined;
  /** Clusters the set is applied to; undefined: every cluster. */
  clusters: string[] | undefined;
  /** Inventories of the same cluster applied (and ready) first. */
  dependsOn: string[];
  prune: boolean;
  pruneAllow: string[];
  maxDeletions: number | undefined;
  wait: boolean;
  /** `timeout` in milliseconds; undefined: apply's default. */
  timeoutMs: number | undefined;
  /** How a folder that is a chart or a kustomization is built; what it leaves out, the command line gives. */
  build: SetBuild;
}

/**
 * The descriptor's build settings (issue 22), as ferry.yaml's schema words them: `helm:` for a
 * chart folder, and `allowRemote`, `hooks`, `volatile` for a chart or a kustomization.
 */
export interface SetBuild {
  valuesFiles?: string[];
  releaseName?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  allowRemote?: boolean;
  hooks?: HookPolicy;
  volatile?: IgnoreRule[];
}

/** A set found under the root: its folder (relative to the root, `/`-separated) and descriptor. */
export interface EnvSet {
  path: string;
  /** The descriptor file as the user would name it (relative to the working folder). */
  file: string;
  descriptor: SetDescriptor;
  /** The line each key is on, for errors found later (a dependsOn entry no set has). */
  lineOf: (path: string[]) => number;
}

type RawDescriptor = Omit<
  SetDescriptor,
  'timeoutMs' | 'namespace' | 'clusters' | 'maxDeletions' | 'build'
> & {
  namespace?: string;
  clusters?: string[];
  maxDeletions?: number;
  timeout?: string;
  helm?: Pick<SetBuild, 'valuesFiles' | 'releaseName' | 'kubeVersion' | 'apiVersions'>;
} & Pick<SetBuild, 'allowRemote' | 'hooks' | 'volatile'>;

/** Parses and validates a descriptor; errors name `file:line: field`. */
export function parseSetDescriptor(
  text: string,
  file: string,
): { descriptor: SetDescriptor; lineOf: (path: string[]) => number } {
  const { data, doc, lines } = parseYamlSource(text, file);
  checkSchema(validate, data, { doc, lines }, file);
  const lineOf = (path: string[]): number => locate(doc, lines, path);
  if (data === null || typeof data !== 'object')
    throw new ConfigError(`${file}:1: expected a mapping with at least inventory`);
  const raw = data as RawDescriptor;
  let timeoutMs: number | undefined;
  if (raw.timeout !== undefined) {
    const at = `${file}:${lineOf(['timeout'])}: timeout`;
    timeoutMs = parseDuration(raw.timeout, at);
  }
  return {
    descriptor: {
      inventory: raw.inventory,
      namespace: raw.namespace,
      clusters: raw.clusters,
      dependsOn: raw.dependsOn,
      prune: raw.prune,
      pruneAllow: raw.pruneAllow,
      maxDeletions: raw.maxDeletions,
      wait: raw.wait,
      timeoutMs,
      build: {
        ...raw.helm,
        ...(raw.allowRemote !== undefined ? { allowRemote: raw.allowRemote } : {}),
        ...(raw.hooks !== undefined ? { hooks: raw.hooks } : {}),
        ...(raw.volatile !== undefined ? { volatile: raw.volatile } : {}),
      },
    },
    lineOf,
  };
}

/** What ferry writes for an app's environment folder (propose, promote, rollback). */
export interface ProposedSet {
  inventory: string;
  namespace: string | undefined;
  clusters: string[] | undefined;
  dependsOn: string[];
}

/**
 * The descriptor propose writes beside an app's rendered manifests: its folder is ferry's own,
 * so what git drops is pruned, and the set counts as applied once its rollout is done. Every
 * value is a JSON string, so names YAML would read otherwise (`true`, `null`, `1.10`) stay names.
 */
export function proposedDescriptor(set: ProposedSet): string {
  const list = (names: string[]) => `[${names.map((name) => JSON.stringify(name)).join(', ')}]`;
  const lines = [
    '# Written by ferry from ferry.yaml: this folder is applied as one inventory.',
    '# https://github.com/ferry-gitops/ferry/blob/main/docs/environment-repo.md',
    `inventory: ${JSON.stringify(set.inventory)}`,
    ...(set.namespace ? [`namespace: ${JSON.stringify(set.namespace)}`] : []),
    ...(set.clusters ? [`clusters: ${list(set.clusters)}`] : []),
    ...(set.dependsOn.length > 0 ? [`dependsOn: ${list(set.dependsOn)}`] : []),
    'prune: true',
    'wait: true',
  ];
  return `${lines.join('\n')}\n`;
}

/** Folders never searched for sets: git's own, dot-folders (.github, .ferry) and dependencies. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * True when the folder `inner` is `outer` or inside it (`/`-separated paths relative to the
 * root, the root itself being `.`): a set's folder is applied whole, so sets cannot nest.
 */
export function folderHolds(outer: string, inner: string): boolean {
  return outer === '.' || inner === outer || inner.startsWith(`${outer}/`);
}
