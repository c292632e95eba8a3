import { dirname, join, resolve } from 'node:path';
import { detectSource } from '../../adapters/ci-environment.js';
import {
  linkGuard,
  pathRelation,
  readTemplates,
  readTextFile,
  replaceDirectory,
  repositoryRoot,
} from '../../adapters/files.js';
import type { Logger } from '../../adapters/logger.js';
import type { ToolPaths } from '../../adapters/renderers/tools.js';
import { parseConfig, type EnvironmentConfig, type FerryConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import { imageReference, type ImageReference } from '../../core/image.js';
import { describeObject, toYamlDocument, type RenderedManifest } from '../../core/manifest.js';
import { manifestFileNames } from '../../core/file-names.js';
import type { SourceInfo } from '../../core/render.js';
import { renderedBy } from '../../core/rendered-by.js';
import { renderApp, sourceFolder } from './app-source.js';

export interface RenderOptions {
  /** Path to ferry.yaml. */
  config: string;
  env: string;
  imageTag?: string;
  imageDigest?: string;
  /** Folder to write one file per object into; without it the result is one YAML stream. */
  out?: string;
  /** Overrides for detected source info (CI variables). */
  source?: Partial<SourceInfo>;
  /** Where kustomize and helm are, when not on PATH (`--kustomize`, `--helm`). */
  tools?: ToolPaths;
}

export interface RenderResult {
  image: ImageReference;
  environment: EnvironmentConfig;
  /** `Kind namespace/name` of each object, in output order. */
  objects: string[];
  /** The whole multi-document stream. */
  yaml: string;
  /** Files written under `out` (relative), when `out` was given. */
  files: string[];
  /** One file name and YAML text per object, whether or not they were written. */
  documents: Map<string, string>;
  /** The kustomize or helm that made the objects (`helm v3.21.4`); undefined for templates. */
  renderer?: string;
}

/** Loads ferry.yaml; `baseDir` is its folder, which relative paths in it are relative to. */
export async function loadConfig(
  configPath: string,
): Promise<{ config: FerryConfig; baseDir: string }> {
  const baseDir = dirname(resolve(configPath));
  const inside = await linkGuard(await repositoryRoot(baseDir), 'the repository');
  await inside(configPath, 'config file');
  const config = parseConfig(await readTextFile(configPath, 'config file'), configPath);
  return { config, baseDir };
}

/** Loads ferry.yaml and picks one environment, with a clear error for an unknown name. */
export async function loadEnvironment(
  configPath: string,
  envName: string,
): Promise<{ config: FerryConfig; environment: EnvironmentConfig; baseDir: string }> {
  const { config, baseDir } = await loadConfig(configPath);
  // Own keys only: `constructor` or `__proto__` must not find Object's.
  const environment = Object.hasOwn(config.environments, envName)
    ? config.environments[envName]
    : undefined;
  if (!environment) {
    const known = Object.keys(config.environments).join(', ');
    throw new ConfigError(`${configPath}: no environment "${envName}" (environments: ${known})`);
  }
  return { config, environment, baseDir };
}

/** What {@link renderEnvironment} gives: the objects, one YAML document per file, the renderer. */
export interface EnvironmentRendering {
  manifests: RenderedManifest[];
  documents: Map<string, string>;
  renderer?: string;
}

/**
 * Renders an app (its templates, overlay or chart, under `baseDir`, the folder of ferry.yaml)
 * for one environment with exactly this image and source, its encrypted secrets added: the
 * objects, and one YAML document per object by file name.
 */
export async function renderEnvironment(
  config: FerryConfig,
  environment: EnvironmentConfig,
  image: ImageReference,
  source: SourceInfo,
  baseDir: string,
  extra: { tools?: ToolPaths | undefined; log?: Logger } = {},
): Promise<EnvironmentRendering> {
  const repository = await repositoryRoot(baseDir);
  const secrets = environment.secrets
    ? await readTemplates(
        join(baseDir, environment.secrets),
        baseDir,
        environment.secrets,
        repository,
        'secrets folder',
      )
    : [];
  const { manifests, renderer } = await renderApp({
    config,
    environment,
    image,
    source,
    baseDir,
    repository,
    secrets,
    ...extra,
  });
  const names = manifestFileNames(manifests);
  const documents = new Map(
    names.map((name, i) => {
      const { object, verbatim } = manifests[i]!;
      return [name, verbatim ?? toYamlDocument(object)];
    }),
  );
  return { manifests, documents, ...(renderer ? { renderer } : {}) };
}

/**
 * Refuses an `--out` that would replace the app's own sources: the templates folder (or the
 * overlay, or the chart), a folder inside it (read back as templates next time) or holding it,
 * or a folder holding ferry.yaml.
 */
async function refuseOutOverlap(
  out: string,
  configPath: string,
  sources: { path: string; what: string } | undefined,
) {
  const toSources = sources ? await pathRelation(out, sources.path) : 'apart';
  const problem =
    (await pathRelation(out, configPath)) === 'holds'
      ? `holds the config file ${configPath}`
      : toSources === 'apart'
        ? undefined
        : `${toSources === 'same' ? 'is' : toSources === 'inside' ? 'is inside' : 'holds'} the ${sources!.what} ${sources!.path}`;
  if (problem)
    throw new ConfigError(
      `--out ${out}: ${problem}; choose a folder of its own for rendered files`,
    );
}

/** `ferry render`: renders an app's templates for one environment. */
export async function render(options: RenderOptions, log: Logger): Promise<RenderResult> {
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const image = imageReference(config.image, options.imageTag, options.imageDigest);
  const source = detectSource(process.env, options.source);
  const { manifests, documents, renderer } = await renderEnvironment(
    config,
    environment,
    image,
    source,
    baseDir,
    { tools: options.tools, log },
  );
  const names = [...documents.keys()];
  if (options.out) {
    await refuseOutOverlap(options.out, options.config, sourceFolder(config, environment, baseDir));
    await replaceDirectory(options.out, documents, (text, name) => !!renderedBy(text, name));
    log.info(
      `rendered ${manifests.length} objects for ${config.app}/${environment.name} into ${options.out}`,
    );
  }
  return {
    image,
    environment,
    objects: manifests.map(({ object }) => describeObject(object)),
    yaml: [...documents.values()]
      .map((text) => (text.endsWith('\n') ? text : `${text}\n`))
      .join('---\n'),
    files: options.out ? names : [],
    documents,
    ...(renderer ? { renderer } : {}),
  };
}
