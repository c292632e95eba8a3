import type { ValidateFunction } from 'ajv';
import schema from '../../schema/ferry.schema.json' with { type: 'json' };
import { ConfigError } from './errors.js';
import { checkSchema, compileSchema, locate, parseYamlSource } from './yaml-source.js';
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
}

/** A validated ferry.yaml. */
export interface FerryConfig {
  app: string;
  image: string;
  /** Templates folder as written, relative to the config file. */
  templates: string;
  environments: Record<string, EnvironmentConfig>;
  /** The file as named when read, and the line of a key in it, for errors found later. */
  file: string;
  lineOf: (path: (string | number)[]) => number;
}

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use (commands that never read ferry.yaml skip it). */
function validator(): ValidateFunction {
  compiled ??= compileSchema(schema, { useDefaults: true });
  return compiled;
}

/**
 * Parses and validates ferry.yaml text. Errors name the file, line and field:
 * `ferry.yaml:12: environments.production.branch: expected a string`.
 */
export function parseConfig(text: string, fileName: string): FerryConfig {
  const { data, doc, lines } = parseYamlSource(text, fileName);
  checkSchema(validator(), data, { doc, lines }, fileName);
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
  const { app, image, templates } = config;
  return { app, image, templates, environments, file: fileName, lineOf };
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
  templates: string;
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
    }
  >;
}
