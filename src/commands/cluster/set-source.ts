import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readManifestDir } from '../../adapters/files.js';
import { loadKubeTarget } from '../../adapters/kube/kubeconfig.js';
import type { Logger } from '../../adapters/logger.js';
import { helmTemplate } from '../../adapters/renderers/helm.js';
import { kustomizeBuild } from '../../adapters/renderers/kustomize.js';
import { findTool, type ToolPaths } from '../../adapters/renderers/tools.js';
import { KUSTOMIZATION_FILES } from '../../core/kustomization.js';
import type { KubeObject, RenderedManifest } from '../../core/manifest.js';
import { withAnnotations } from '../../core/manifest.js';
import { applyHookPolicy } from '../../core/rendered-stream.js';
import type { SetBuild } from '../../core/set-descriptor.js';
import {
  DEFAULT_RENDER_POLICY,
  RENDERER_ANNOTATION,
  type RenderPolicy,
} from '../../core/sources.js';
import { openSecrets, type SecretOptions } from './secrets/open.js';

/** A set's manifests as apply, plan and drift work on them, and the file each object came from. */
export interface SetManifests {
  objects: KubeObject[];
  /** The file of each object, for messages that name it (a duplicate names both files). */
  sources: ReadonlyMap<KubeObject, string>;
}

/**
 * How to build a set folder that is a kustomization or a Helm chart (issue 22). A folder of
 * plain manifests needs none of it. From the command line for one folder (`--dir`); with
 * `--all` or `--set`, each set's descriptor (`.ferry-set.yaml`) first ({@link withDescriptor}).
 */
export interface SetSettings {
  /** A chart's release name (default: the inventory, else the folder's name). */
  releaseName?: string | undefined;
  /** A chart's values files, relative to the set folder, after its values.yaml. */
  valuesFiles?: string[] | undefined;
  /** A chart's `.Capabilities`: the cluster's version and the API versions it serves. */
  kubeVersion?: string | undefined;
  apiVersions?: string[] | undefined;
  /** allowRemote, hooks and volatile paths; defaults: offline, hooks refused, nothing volatile. */
  policy?: { [K in keyof RenderPolicy]?: RenderPolicy[K] | undefined };
  tools?: ToolPaths | undefined;
}

/**
 * A set's build settings from its descriptor (`.ferry-set.yaml`): with `--all` or `--set`, each
 * folder says how it is built; only the tools come from the command line or the environment.
 */
export function withDescriptor(build: SetBuild, tools: ToolPaths | undefined): SetSettings {
  return {
    tools,
    valuesFiles: build.valuesFiles,
    releaseName: build.releaseName,
    kubeVersion: build.kubeVersion,
    apiVersions: build.apiVersions,
    policy: { allowRemote: build.allowRemote, hooks: build.hooks, volatile: build.volatile },
  };
}

/** What reading a set takes: secrets, how to build it, and where a chart is templated for. */
export interface SetReadOptions extends SecretOptions {
  /** Names a chart's release unless the settings do. */
  inventory?: string;
  /** The namespace a chart is templated for; else the kubeconfig context's (read only then). */
  namespace?: string;
  kubeconfig?: string;
  context?: string;
  source?: SetSettings;
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
 * allowed; hooks refused unless skipped), each built object annotated with the tool that made it.
 */
async function setObjects(dir: string, options: SetReadOptions): Promise<RenderedManifest[]> {
  const kind = await setKind(dir);
  if (kind === 'manifests') return readManifestDir(dir);
  const settings = options.source ?? {};
  const given = settings.policy ?? {};
  const policy: RenderPolicy = {
    allowRemote: given.allowRemote ?? DEFAULT_RENDER_POLICY.allowRemote,
    hooks: given.hooks ?? DEFAULT_RENDER_POLICY.hooks,
    volatile: given.volatile ?? DEFAULT_RENDER_POLICY.volatile,
  };
  const tool = await findTool(kind, settings.tools);
  const built =
    kind === 'kustomize'
      ? await kustomizeBuild({ dir, display: dir, policy, tool })
      : await helmTemplate({
          chart: dir,
          display: dir,
          releaseName: settings.releaseName ?? options.inventory ?? basename(dir),
          namespace: options.namespace ?? loadKubeTarget(options).namespace,
          valuesFiles: (settings.valuesFiles ?? []).map((file) => ({
            path: join(dir, file),
            display: join(dir, file),
          })),
          values: [],
          ...(settings.kubeVersion ? { kubeVersion: settings.kubeVersion } : {}),
          apiVersions: settings.apiVersions ?? [],
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

/**
 * Reads a set's folder the one way apply, plan and drift all read it, so what plan shows is
 * what apply applies: its manifests, or the kustomization or chart it holds built (issue 22);
 * SOPS files decrypted in memory and plaintext Secrets refused unless allowed.
 */
export async function readSet(dir: string, options: SetReadOptions): Promise<SetManifests> {
  const manifests = await openSecrets(await setObjects(dir, options), options);
  return {
    objects: manifests.map((m) => m.object),
    sources: new Map(manifests.map((m) => [m.object, m.source])),
  };
}
