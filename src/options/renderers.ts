import type { ToolPaths } from '../adapters/renderers/tools.js';
import type { SetSettings } from '../commands/cluster/set-source.js';
import { parseKubeVersion, parseList } from '../core/options.js';
import { HOOK_POLICIES, type HookPolicy } from '../core/sources.js';
import { flag, valued, type Values } from './declare.js';

/**
 * The renderer options (issue 22): where kustomize and helm are, for every command that renders
 * or reads a set; and how one set folder (`--dir`) that is a chart or a kustomization is built
 * (apply, plan, drift, rbac). With `--all` or `--set` each set's `.ferry-set.yaml` says how
 * instead, and these are refused (refuseFolderOptionsWithSets).
 */
export const TOOLS = [
  valued(
    'kustomize',
    '<path>',
    'kustomize to run (default: $FERRY_KUSTOMIZE, then kustomize or kubectl kustomize on PATH)',
    { details: 'kustomize 5 or newer; its version is recorded on every object it built' },
  ),
  valued('helm', '<path>', 'helm to run (default: $FERRY_HELM, then helm on PATH)', {
    details: 'helm 3.14 or newer (or 4); its version is recorded on every object it rendered',
  }),
] as const;

export const SET_SOURCE = [
  ...TOOLS,
  valued('values', '<files>', "a chart set's values files, relative to --dir, in order", {
    parse: (text) => parseList(text),
    only: 'cli',
    details:
      "comma-separated; after the chart's values.yaml; with --all, each set's .ferry-set.yaml (helm.valuesFiles)",
  }),
  valued('release-name', '<name>', "a chart set's release name (default: the inventory)", {
    only: 'cli',
  }),
  valued(
    'kube-version',
    '<version>',
    "the cluster's Kubernetes version, for a chart's .Capabilities",
    {
      parse: parseKubeVersion,
      only: 'cli',
    },
  ),
  flag(
    'allow-remote',
    'let a kustomization fetch remote resources, and a chart its dependencies not vendored in charts/',
    { only: 'cli', details: 'off: a set builds offline, from what git holds' },
  ),
  valued<'hooks', HookPolicy>(
    'hooks',
    '<policy>',
    'Helm hooks in a chart set: refuse, or skip (leave them out)',
    {
      choices: HOOK_POLICIES,
      only: 'cli',
      details: 'refused by default: a plain apply cannot run a hook in its phase',
    },
  ),
] as const;

/** The tool paths the options give (each undefined when not given). */
export function toolPaths(values: Partial<Values<typeof TOOLS>>): ToolPaths {
  return { kustomize: values.kustomize, helm: values.helm };
}

/** The set settings the options give (each undefined when not given). */
export function setSettings(values: Partial<Values<typeof SET_SOURCE>>): SetSettings {
  return {
    tools: toolPaths(values),
    valuesFiles: values.values,
    releaseName: values.releaseName,
    kubeVersion: values.kubeVersion,
    policy: { allowRemote: values.allowRemote, hooks: values.hooks },
  };
}
