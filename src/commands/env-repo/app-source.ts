import { join, resolve } from 'node:path';
import { pathRelation, readTemplates } from '../../adapters/files.js';
import type { Logger } from '../../adapters/logger.js';
import { helmTemplate } from '../../adapters/renderers/helm.js';
import { kustomizeBuild } from '../../adapters/renderers/kustomize.js';
import { findTool, type ToolPaths } from '../../adapters/renderers/tools.js';
import { usesImage } from '../../core/build-annotations.js';
import { isRemoteChartReference } from '../../core/chart.js';
import type { EnvironmentConfig, FerryConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import type { ImageReference } from '../../core/image.js';
import type { RenderedManifest } from '../../core/manifest.js';
import { finishManifests } from '../../core/finish-manifests.js';
import type { SourceInfo, TemplateFile } from '../../core/render.js';
import { applyHookPolicy } from '../../core/rendered-stream.js';
import type { AppSource } from '../../core/sources.js';

/** One environment of an app to render, and where its files are. */
export interface AppRender {
  config: FerryConfig;
  environment: EnvironmentConfig;
  image: ImageReference;
  source: SourceInfo;
  /** The folder of ferry.yaml: every path in it is relative to this. */
  baseDir: string;
  /** The app's work tree: templates' links stay inside it. */
  repository: string;
  /** The environment's SOPS-encrypted manifests, added as they are. */
  secrets: TemplateFile[];
  tools?: ToolPaths | undefined;
  log?: Logger | undefined;
}

/** The checked, annotated objects, and the tool that made them (undefined for Handlebars). */
export interface AppRendering {
  manifests: RenderedManifest[];
  renderer?: string;
}

/** `{a: {b: value}}` for the values path `a.b`. */
function valuesAt(path: string, value: string): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

type HelmSource = Extract<AppSource, { kind: 'helm' }>;

/** The values that carry the image into a chart: the tag (with a digest, `tag@digest`), the repository. */
function imageValues(source: HelmSource, image: ImageReference): Record<string, unknown>[] {
  if (!image.tag)
    throw new ConfigError(
      `helm.imageValue: a chart receives the image as a tag; give --image-tag (with --image-digest, ${source.imageValue} gets tag@digest)`,
    );
  const tag = image.digest ? `${image.tag}@${image.digest}` : image.tag;
  const values = [valuesAt(source.imageValue, tag)];
  if (source.imageRepositoryValue)
    values.push(valuesAt(source.imageRepositoryValue, image.repository));
  return values;
}

/** Runs the app's kustomize or helm source for one environment: objects as the tool printed them. */
async function runTool(render: AppRender, source: Exclude<AppSource, { kind: 'templates' }>) {
  const { config, environment, image, baseDir } = render;
  if (source.kind === 'kustomize') {
    const display = source.folder.replaceAll('{env}', environment.name);
    const tool = await findTool('kustomize', render.tools);
    const dir = join(baseDir, display);
    const manifests = await kustomizeBuild({ dir, display, policy: config.policy, tool, image });
    return { manifests, tool, display, how: '`kustomize edit set image`' };
  }
  const tool = await findTool('helm', render.tools);
  const manifests = await helmTemplate({
    chart: isRemoteChartReference(source.chart) ? source.chart : join(baseDir, source.chart),
    display: source.chart,
    ...(source.version ? { version: source.version } : {}),
    releaseName: source.releaseName,
    namespace: environment.namespace ?? 'default',
    valuesFiles: environment.valuesFiles.map((file) => ({
      path: join(baseDir, file),
      display: file,
    })),
    values: [environment.values, ...imageValues(source, image)],
    ...(environment.kubeVersion ? { kubeVersion: environment.kubeVersion } : {}),
    apiVersions: environment.apiVersions,
    policy: config.policy,
    tool,
  });
  return { manifests, tool, display: source.chart, how: `helm.${source.imageValue}` };
}

/**
 * The folder an app's sources are in (templates, the environment's overlay, a local chart), as
 * `--out` must not overlap it; undefined for a remote chart.
 */
export function sourceFolder(
  config: FerryConfig,
  environment: EnvironmentConfig,
  baseDir: string,
): { path: string; what: string } | undefined {
  const { source } = config;
  if (source.kind === 'templates')
    return { path: resolve(baseDir, source.folder), what: 'templates folder' };
  if (source.kind === 'kustomize')
    return {
      path: resolve(baseDir, source.folder.replaceAll('{env}', environment.name)),
      what: 'kustomize folder',
    };
  if (isRemoteChartReference(source.chart)) return undefined;
  return { path: resolve(baseDir, source.chart), what: 'chart' };
}

/** The templates (`written` is the folder as ferry.yaml names it); links stay in the work tree. */
async function readAppTemplates(render: AppRender, written: string): Promise<TemplateFile[]> {
  const { baseDir, repository } = render;
  const folder = resolve(baseDir, written);
  // A folder ferry.yaml names outside the work tree (an absolute `templates:`) is the user's
  // choice, and its links stay inside that folder.
  const outside = (await pathRelation(folder, repository)) === 'apart';
  return readTemplates(folder, baseDir, written, outside ? folder : repository);
}

/**
 * Renders an app for one environment from its source — Handlebars templates, a Kustomize
 * overlay or a Helm chart — into the same checked, annotated objects (issue 22).
 */
export async function renderApp(render: AppRender): Promise<AppRendering> {
  const { config, environment, image, source, secrets } = render;
  if (config.source.kind === 'templates') {
    // Loaded on use: an overlay or a chart needs no template engine.
    const { renderManifests } = await import('../../core/render.js');
    const templates = await readAppTemplates(render, config.source.folder);
    return {
      manifests: renderManifests({ config, environment, image, source, templates, secrets }),
    };
  }
  const built = await runTool(render, config.source);
  const { manifests, skipped } = applyHookPolicy(built.manifests, config.policy.hooks);
  if (skipped.length > 0)
    render.log?.info(`hooks: skip: left out ${skipped.length} Helm hook(s): ${skipped.join(', ')}`);
  // The image reaching no object means the overlay or chart spells it another way: the build
  // would deploy the old image while saying the new one. Refused rather than stamped.
  if (!manifests.some((m) => usesImage(m.object, image)))
    throw new ConfigError(
      `${built.display}: no object uses ${image.ref} after ${built.how}; check that image: (${config.image}) is how the workloads name the image`,
    );
  const renderer = await built.tool.label;
  return {
    manifests: finishManifests(manifests, {
      config,
      environment,
      image,
      source,
      secrets,
      renderer,
    }),
    renderer,
  };
}
