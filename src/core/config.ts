import type { Document, LineCounter } from 'yaml';
import { ConfigError } from './errors.js';
// schema/ferry.schema.json, compiled ahead of time: loading ajv and compiling the schema cost
// about 100 ms of every render's start-up (scripts/schema-validator.ts; a unit test keeps it fresh).
import validate from './ferry-schema-validate.mjs';
import type { IgnoreRule } from './ignore.js';
import { SOURCE_KEYS, type AppSource, type HookPolicy, type RenderPolicy } from './sources.js';
import { checkSchema, locate, parseYamlSource } from './yaml-source.js';
import { repoPathProblem } from './git-names.js';

export type Forge = 'github' | 'gitlab' | 'git';

/** One environment of an app, as written in ferry.yaml (defaults applied). */
export interface EnvironmentConfig {
  name: string;
  repo: string;
  /** As written; undefined means "infer from repo" (see inferForge). */
  forge: Forge | undefined;
  branch: string;
  path: string;
  namespace: string | undefined;
  /** The inventory of the environment's set (`.ferry-set.yaml`); default `<app>-<environment>`. */
  inventory: string;
  /** Clusters the set goes to; undefined: every cluster. */
  clusters: string[] | undefined;
  /** Inventories `ferry apply --all` applies (and waits for) before this environment's. */
  dependsOn: string[];
  /** Folder of this environment's SOPS-encrypted manifests, relative to ferry.yaml. */
  secrets: string | undefined;
  promoteFrom: string | undefined;
  values: Record<string, unknown>;
  /** Helm values files, relative to ferry.yaml, in order. */
  valuesFiles: string[];
  /** The cluster's Kubernetes version, for Helm's `.Capabilities.KubeVersion`. */
  kubeVersion: string | undefined;
  /** API versions the cluster serves, for Helm's `.Capabilities.APIVersions`. */
  apiVersions: string[];
}

/** A validated ferry.yaml. */
export interface FerryConfig {
  app: string;
  image: string;
  /** How the manifests are made; paths as written, relative to the config file. */
  source: AppSource;
  policy: RenderPolicy;
  environments: Record<string, EnvironmentConfig>;
  /** The file as named when read, and the line of a key in it, for errors found later. */
  file: string;
  lineOf: (path: (string | number)[]) => number;
}

/**
 * Parses and validates ferry.yaml text. Errors name the file, line and field:
 * `ferry.yaml:12: environments.production.branch: expected a string`.
 */
export function parseConfig(text: string, fileName: string): FerryConfig {
  const { data, doc, lines } = parseYamlSource(text, fileName);
  refuseSourceCount(data, doc, lines, fileName);
  checkSchema(validate, data, { doc, lines }, fileName);
  const config = data as RawConfig;
  const environments: Record<string, EnvironmentConfig> = {};
  for (const [name, env] of Object.entries(config.environments)) {
    environments[name] = {
      name,
      repo: env.repo,
      forge: env.forge,
      branch: env.branch ?? 'main',
      path: env.path.replace(/\/+$/, ''),
      namespace: env.namespace,
      inventory: env.inventory ?? `${config.app}-${name}`,
      clusters: env.clusters,
      dependsOn: env.dependsOn,
      secrets: env.secrets?.replace(/\/+$/, ''),
      promoteFrom: env.promoteFrom,
      values: env.values ?? {},
      valuesFiles: env.valuesFiles ?? [],
      kubeVersion: env.kubeVersion,
      apiVersions: env.apiVersions ?? [],
    };
  }
  const lineOf = (path: (string | number)[]) => locate(doc, lines, path);
  for (const env of Object.values(environments)) {
    const own = env.dependsOn.indexOf(env.inventory);
    if (own >= 0) {
      const at = lineOf(['environments', env.name, 'dependsOn', own]);
      throw new ConfigError(
        `${fileName}:${at}: environments.${env.name}.dependsOn[${own}]: "${env.inventory}" is this environment's own inventory`,
      );
    }
    const pathProblem = repoPathProblem(env.path);
    if (pathProblem) {
      const at = lineOf(['environments', env.name, 'path']);
      throw new ConfigError(`${fileName}:${at}: environments.${env.name}.path: ${pathProblem}`);
    }
    if (env.promoteFrom !== undefined && !(env.promoteFrom in environments)) {
      const at = lineOf(['environments', env.name, 'promoteFrom']);
      throw new ConfigError(
        `${fileName}:${at}: environments.${env.name}.promoteFrom: no environment named "${env.promoteFrom}"`,
      );
    }
  }
  const source = sourceOf(config);
  if (source.kind !== 'helm') refuseHelmOnlyKeys(config, doc, lines, fileName);
  const policy: RenderPolicy = {
    allowRemote: config.allowRemote ?? false,
    hooks: config.hooks ?? 'refuse',
    volatile: config.volatile ?? [],
  };
  const { app, image } = config;
  return { app, image, source, policy, environments, file: fileName, lineOf };
}

function sourceOf(config: RawConfig): AppSource {
  if (config.kustomize !== undefined) return { kind: 'kustomize', folder: config.kustomize };
  if (config.helm !== undefined) {
    const { releaseName, ...helm } = config.helm;
    return { kind: 'helm', ...helm, releaseName: releaseName ?? config.app };
  }
  return { kind: 'templates', folder: config.templates! };
}

/** Exactly one of templates, kustomize and helm; a second names the line of the second. */
function refuseSourceCount(data: unknown, doc: Document, lines: LineCounter, fileName: string) {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
  const given = SOURCE_KEYS.filter((key) => key in data);
  const keys = SOURCE_KEYS.join(', ');
  if (given.length === 0)
    throw new ConfigError(
      `${fileName}:${locate(doc, lines, [])}: (top level): give one of ${keys} (how the manifests are made)`,
    );
  if (given.length > 1) {
    const at = locate(doc, lines, [given[1]!]);
    throw new ConfigError(
      `${fileName}:${at}: ${given[1]}: give only one of ${keys} (${given[0]} is given too)`,
    );
  }
}

/** Values files and cluster versions mean something to helm only: elsewhere they are a mistake. */
function refuseHelmOnlyKeys(
  config: RawConfig,
  doc: Document,
  lines: LineCounter,
  fileName: string,
) {
  for (const [name, env] of Object.entries(config.environments)) {
    const key = (['valuesFiles', 'kubeVersion', 'apiVersions'] as const).find(
      (k) => env[k] !== undefined,
    );
    if (key === undefined) continue;
    const at = locate(doc, lines, ['environments', name, key]);
    throw new ConfigError(
      `${fileName}:${at}: environments.${name}.${key}: only for a Helm chart (helm:)`,
    );
  }
}

/** The forge an environment uses: as configured, or inferred from the shape of its repo. */
export function inferForge(env: Pick<EnvironmentConfig, 'forge' | 'repo'>): Forge {
  if (env.forge) return env.forge;
  if (/^(https?:\/\/|git@)github\.com[/:]/.test(env.repo)) return 'github';
  if (/gitlab/.test(env.repo)) return 'gitlab';
  // `owner/name` with no scheme and no leading path character reads as a GitHub repository.
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(env.repo) && !env.repo.startsWith('.')) {
    return 'github';
  }
  return 'git';
}

interface RawConfig {
  app: string;
  image: string;
  templates?: string;
  kustomize?: string;
  helm?: Omit<Extract<AppSource, { kind: 'helm' }>, 'kind' | 'releaseName'> & {
    releaseName?: string;
  };
  allowRemote?: boolean;
  hooks?: HookPolicy;
  volatile?: IgnoreRule[];
  environments: Record<
    string,
    {
      repo: string;
      forge?: Forge;
      branch?: string;
      path: string;
      namespace?: string;
      inventory?: string;
      clusters?: string[];
      dependsOn: string[];
      secrets?: string;
      promoteFrom?: string;
      values?: Record<string, unknown>;
      valuesFiles?: string[];
      kubeVersion?: string;
      apiVersions?: string[];
    }
  >;
}
