import type { Command } from 'commander';
import type { ToolPaths } from '../adapters/renderers/tools.js';
import type { SetSettings } from '../commands/cluster/set-source.js';
import { parseChoice, parseKubeVersion, parseList } from '../core/options.js';
import { HOOK_POLICIES, type HookPolicy } from '../core/sources.js';
import { parsedOption } from './parsed-option.js';

/**
 * The renderer options (issue 22), in one block: where kustomize and helm are (render, propose,
 * promote, apply, plan, drift), and how a set folder that is a chart or a kustomization is built
 * (apply, plan, drift; these move to the set's descriptor, `.ferry-set.yaml`, with issue 21).
 */
export interface ToolFlags {
  kustomize?: string;
  helm?: string;
}

export interface SetSourceFlags extends ToolFlags {
  values?: string[];
  releaseName?: string;
  kubeVersion?: string;
  allowRemote?: boolean;
  hooks?: HookPolicy;
}

/** `--kustomize <path>` and `--helm <path>`. */
export function addToolOptions(command: Command): Command {
  return command
    .option(
      '--kustomize <path>',
      'kustomize to run (default: $FERRY_KUSTOMIZE, kustomize or kubectl kustomize on PATH)',
    )
    .option('--helm <path>', 'helm to run (default: $FERRY_HELM, helm on PATH)');
}

/** The tool paths the flags give, if any. */
export function toolPaths(flags: ToolFlags): ToolPaths | undefined {
  if (!flags.kustomize && !flags.helm) return undefined;
  return {
    ...(flags.kustomize ? { kustomize: flags.kustomize } : {}),
    ...(flags.helm ? { helm: flags.helm } : {}),
  };
}

/** The tool options and those of a set that is a chart or a kustomization. */
export function addSetSourceOptions(command: Command): Command {
  return addToolOptions(command)
    .addOption(
      parsedOption(
        '--values <files>',
        "a chart set's values files, relative to --dir (comma-separated, in order)",
        parseList,
      ),
    )
    .option('--release-name <name>', "a chart set's release name (default: the inventory)")
    .addOption(
      parsedOption(
        '--kube-version <version>',
        "the cluster's Kubernetes version, for a chart's .Capabilities",
        parseKubeVersion,
      ),
    )
    .option(
      '--allow-remote',
      'let a kustomization fetch remote resources and a chart its undeclared dependencies',
    )
    .addOption(
      parsedOption(
        '--hooks <policy>',
        'Helm hooks in a chart set: refuse (default), or skip (leave them out)',
        (text, option) => parseChoice(text, HOOK_POLICIES, option),
      ),
    );
}

/** The set settings the flags give, if any. */
export function setSettings(flags: SetSourceFlags): SetSettings | undefined {
  const tools = toolPaths(flags);
  const policy = {
    ...(flags.allowRemote ? { allowRemote: true } : {}),
    ...(flags.hooks ? { hooks: flags.hooks } : {}),
  };
  const settings: SetSettings = {
    ...(tools ? { tools } : {}),
    ...(flags.values?.length ? { valuesFiles: flags.values } : {}),
    ...(flags.releaseName ? { releaseName: flags.releaseName } : {}),
    ...(flags.kubeVersion ? { kubeVersion: flags.kubeVersion } : {}),
    ...(Object.keys(policy).length > 0 ? { policy } : {}),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}
