import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readManifestDir } from '../../adapters/files.js';
import { loadKubeTarget } from '../../adapters/kube/kubeconfig.js';
import type { Logger } from '../../adapters/logger.js';
import { helmTemplate } from '../../adapters/renderers/helm.js';
import { kustomizeBuild } from '../../adapters/renderers/kustomize.js';
import { findTool, type ToolPaths } from '../../adapters/renderers/tools.js';
import { KUSTOMIZATION_FILES } from '../../core/kustomization.js';
import { withAnnotations, type RenderedManifest } from '../../core/manifest.js';
import { applyHookPolicy } from '../../core/rendered-stream.js';
import {
  DEFAULT_RENDER_POLICY,
  RENDERER_ANNOTATION,
  type RenderPolicy,
} from '../../core/sources.js';

/**
 * How to read one set folder of the environment repo. A folder of plain manifests needs none of
 * it; a kustomization or a chart (issue 22) takes the rest. Per-set values will come from the
 * set's own descriptor (`.ferry-set.yaml`, issue 21); until then from the command line.
 */
export interface SetSourceOptions {
  /** The namespace a chart is templated for (`helm template --namespace`); read only for a chart. */
  namespace: string | (() => string);
  /** A chart's release name (default: the folder's name). */
  releaseName?: string;
  /** A chart's values files, relative to the set folder, after its values.yaml. */
  valuesFiles?: string[];
  /** A chart's `.Capabilities`: the cluster's version and the API versions it serves. */
  kubeVersion?: string;
  apiVersions?: string[];
  /** allowRemote, hooks and volatile paths; defaults: offline, hooks refused, nothing volatile. */
  policy?: { [K in keyof RenderPolicy]?: RenderPolicy[K] | undefined };
  tools?: ToolPaths;
  log?: Logger;
}

/** What a set folder holds: plain manifests, a kustomization, or a Helm chart. */
export type SetKind = 'manifests' | 'kustomize' | 'helm';

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** A kustomization in the folder makes it a kustomize set; a Chart.yaml a chart; else plain. */
export async function setKind(dir: string): Promise<SetKind> {
  for (const name of KUSTOMIZATION_FILES) if (await isFile(join(dir, name))) return 'kustomize';
  return (await isFile(join(dir, 'Chart.yaml'))) ? 'helm' : 'manifests';
}

/**
 * The objects of one set folder, as apply applies them: the files as they are, or what
 * `kustomize build` or `helm template` makes of the folder (twice, compared; offline unless
 * allowed; hooks refused unless skipped), each built object annotated with the tool that made
 * it. apply, plan and drift all read a set through this, so plan shows what apply applies.
 */
export async function readSet(dir: string, options: SetSourceOptions): Promise<RenderedManifest[]> {
  const kind = await setKind(dir);
  if (kind === 'manifests') return readManifestDir(dir);
  const given = options.policy ?? {};
  const policy: RenderPolicy = {
    allowRemote: given.allowRemote ?? DEFAULT_RENDER_POLICY.allowRemote,
    hooks: given.hooks ?? DEFAULT_RENDER_POLICY.hooks,
    volatile: given.volatile ?? DEFAULT_RENDER_POLICY.volatile,
  };
  const tool = await findTool(kind, options.tools);
  const built =
    kind === 'kustomize'
      ? await kustomizeBuild({ dir, display: dir, policy, tool })
      : await helmTemplate({
          chart: dir,
          display: dir,
          releaseName: options.releaseName ?? basename(dir),
          namespace:
            typeof options.namespace === 'string' ? options.namespace : options.namespace(),
          valuesFiles: (options.valuesFiles ?? []).map((file) => ({
            path: join(dir, file),
            display: join(dir, file),
          })),
          values: [],
          ...(options.kubeVersion ? { kubeVersion: options.kubeVersion } : {}),
          apiVersions: options.apiVersions ?? [],
          policy,
          tool,
        });
  const { manifests, skipped } = applyHookPolicy(built, policy.hooks);
  if (skipped.length > 0)
    options.log?.info(
      `hooks: skip: left out ${skipped.length} Helm hook(s): ${skipped.join(', ')}`,
    );
  const renderer = await tool.label;
  return manifests.map(({ source, object }) => ({
    source,
    object: withAnnotations(object, { [RENDERER_ANNOTATION]: renderer }),
  }));
}

/** The options of a set that the command line (and later the set's descriptor) gives. */
export type SetSettings = Omit<SetSourceOptions, 'namespace' | 'log'>;

/** What apply, plan and drift know of the set they read. */
export interface SetReading {
  dir: string;
  inventory: string;
  namespace?: string;
  kubeconfig?: string;
  context?: string;
  source?: SetSettings;
}

/**
 * {@link readSet} for a command: a chart's release is named after the inventory unless the set
 * says otherwise, and its namespace is the command's (else the kubeconfig context's, read from
 * the kubeconfig only when a chart needs it: a plain folder is read before anything else).
 */
export function readCommandSet(options: SetReading, log: Logger): Promise<RenderedManifest[]> {
  return readSet(options.dir, {
    ...options.source,
    releaseName: options.source?.releaseName ?? options.inventory,
    namespace: () => options.namespace ?? loadKubeTarget(options).namespace,
    log,
  });
}
