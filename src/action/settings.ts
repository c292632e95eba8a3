import * as core from '@actions/core';
import { ConfigError } from '../core/errors.js';

/** Commands the action exposes (only ones that work). */
export const ACTION_COMMANDS = [
  'render',
  'propose',
  'apply',
  'plan',
  'drift',
  'promote',
  'rollback',
] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export interface RenderSettings {
  command: 'render';
  config: string;
  environment: string;
  imageTag: string | undefined;
  imageDigest: string | undefined;
  out: string;
}

export interface ApplySettings {
  command: 'apply';
  dir: string;
  inventory: string;
  namespace: string | undefined;
  prune: boolean;
  pruneAllow: string[];
  maxDeletions: number | undefined;
  wait: boolean;
  timeout: string;
  dryRun: boolean;
  forceConflicts: boolean;
  adopt: boolean;
  /** Kubeconfig file content or path; undefined: the standard locations. */
  kubeconfig: string | undefined;
  context: string | undefined;
  report: GitHubReportSettings;
}

export interface PlanSettings {
  command: 'plan';
  dir: string;
  inventory: string;
  namespace: string | undefined;
  prune: boolean;
  pruneAllow: string[];
  forceConflicts: boolean;
  adopt: boolean;
  /** Post the plan on the pull request, one comment per cluster edited in place. */
  comment: boolean;
  /** Pull request number; undefined: from the event payload. */
  pullRequest: number | undefined;
  kubeconfig: string | undefined;
  context: string | undefined;
  report: GitHubReportSettings;
}

/** Where commit statuses, issues and webhooks go (apply and drift). */
export interface GitHubReportSettings {
  cluster: string;
  commitStatus: boolean;
  /** Token for statuses and issues; undefined: GITHUB_TOKEN. */
  token: string | undefined;
  apiUrl: string | undefined;
}

export interface DriftSettings {
  command: 'drift';
  dir: string;
  inventory: string;
  namespace: string | undefined;
  failOnDrift: boolean;
  ignore: string | undefined;
  confirm: boolean;
  alertIssue: boolean;
  webhookUrl: string | undefined;
  kubeconfig: string | undefined;
  context: string | undefined;
  report: GitHubReportSettings;
}

/** Inputs of every command that opens a pull request (propose, promote, rollback). */
export interface PullRequestSettings {
  /** Token for the environment repo; undefined: FERRY_GITHUB_TOKEN or GITHUB_TOKEN. */
  token: string | undefined;
  apiUrl: string | undefined;
  labels: string[];
  reviewers: string[];
  assignees: string[];
  draft: boolean;
  autoMerge: 'merge' | 'squash' | 'rebase' | undefined;
  dryRun: boolean;
}

export interface ProposeSettings extends PullRequestSettings {
  command: 'propose';
  config: string;
  environment: string;
  imageTag: string | undefined;
  imageDigest: string | undefined;
  allowFork: boolean;
}

export interface PromoteSettings extends PullRequestSettings {
  command: 'promote';
  config: string;
  /** Source environment; undefined: the target's promoteFrom. */
  from: string | undefined;
  /** Target environment; undefined: every environment promoted from `from`. */
  to: string | undefined;
  force: boolean;
  minSoak: string | undefined;
  cluster: string;
}

export interface RollbackSettings extends PullRequestSettings {
  command: 'rollback';
  config: string;
  environment: string;
  /** Env-repo commit SHA, image tag or digest; undefined: the revision before the last change. */
  rollbackTo: string | undefined;
  reason: string | undefined;
}

/** Every input of the action for the chosen command, read and checked once. */
export type ActionSettings =
  | RenderSettings
  | ProposeSettings
  | ApplySettings
  | PlanSettings
  | DriftSettings
  | PromoteSettings
  | RollbackSettings;

function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

function flag(name: string): boolean {
  return optional(name) === undefined ? false : core.getBooleanInput(name);
}

function required(name: string, command: string): string {
  const value = optional(name);
  if (value === undefined)
    throw new ConfigError(`input ${name} is required for command ${command}`);
  return value;
}

/** A comma-separated input as a list, blanks dropped. */
function list(name: string): string[] {
  return (optional(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function pullRequestSettings(): PullRequestSettings {
  const autoMerge = optional('auto-merge');
  if (autoMerge !== undefined && !['merge', 'squash', 'rebase'].includes(autoMerge)) {
    throw new ConfigError(`input auto-merge: "${autoMerge}" is not one of merge, squash, rebase`);
  }
  return {
    token: optional('token'),
    apiUrl: optional('api-url'),
    labels: list('labels'),
    reviewers: list('reviewers'),
    assignees: list('assignees'),
    draft: flag('draft'),
    autoMerge: autoMerge as PullRequestSettings['autoMerge'],
    dryRun: flag('dry-run'),
  };
}

function reportSettings(): GitHubReportSettings {
  const token = optional('token');
  if (token) core.setSecret(token);
  return {
    cluster: optional('cluster') ?? 'default',
    commitStatus: flag('commit-status'),
    token,
    apiUrl: optional('api-url'),
  };
}

/** Reads the action's inputs into one settings object (see action.yml for each input). */
export function readSettings(): ActionSettings {
  const command = core.getInput('command', { required: true });
  switch (command) {
    case 'render':
      return {
        command,
        config: optional('config') ?? 'ferry.yaml',
        environment: required('environment', command),
        imageTag: optional('image-tag'),
        imageDigest: optional('image-digest'),
        out: optional('out') ?? `${process.env.RUNNER_TEMP ?? '.'}/ferry/rendered`,
      };
    case 'propose':
      return {
        command,
        config: optional('config') ?? 'ferry.yaml',
        environment: required('environment', command),
        imageTag: optional('image-tag'),
        imageDigest: optional('image-digest'),
        ...pullRequestSettings(),
        allowFork: flag('allow-fork'),
      };
    case 'promote':
      return {
        command,
        config: optional('config') ?? 'ferry.yaml',
        from: optional('from'),
        to: optional('to'),
        force: flag('force'),
        minSoak: optional('min-soak'),
        cluster: optional('cluster') ?? 'default',
        ...pullRequestSettings(),
      };
    case 'rollback':
      return {
        command,
        config: optional('config') ?? 'ferry.yaml',
        environment: required('environment', command),
        rollbackTo: optional('rollback-to'),
        reason: optional('reason'),
        ...pullRequestSettings(),
      };
    case 'apply': {
      const maxDeletions = optional('max-deletions');
      if (maxDeletions !== undefined && !/^\d+$/.test(maxDeletions)) {
        throw new ConfigError(`input max-deletions: "${maxDeletions}" is not a whole number`);
      }
      return {
        command,
        dir: required('dir', command),
        inventory: required('inventory', command),
        namespace: optional('namespace'),
        prune: flag('prune'),
        pruneAllow: list('prune-allow'),
        maxDeletions: maxDeletions === undefined ? undefined : Number(maxDeletions),
        wait: flag('wait'),
        timeout: optional('timeout') ?? '5m',
        dryRun: flag('dry-run'),
        forceConflicts: flag('force-conflicts'),
        adopt: flag('adopt'),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        report: reportSettings(),
      };
    }
    case 'plan': {
      const pullRequest = optional('pull-request');
      if (pullRequest !== undefined && !/^[1-9][0-9]{0,9}$/.test(pullRequest))
        throw new ConfigError(`input pull-request: "${pullRequest}" is not a pull request number`);
      return {
        command,
        dir: required('dir', command),
        inventory: required('inventory', command),
        namespace: optional('namespace'),
        prune: flag('prune'),
        pruneAllow: list('prune-allow'),
        forceConflicts: flag('force-conflicts'),
        adopt: flag('adopt'),
        comment: flag('comment'),
        pullRequest: pullRequest === undefined ? undefined : Number(pullRequest),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        report: reportSettings(),
      };
    }
    case 'drift': {
      const webhookUrl = optional('webhook-url');
      if (webhookUrl) core.setSecret(webhookUrl);
      return {
        command,
        dir: required('dir', command),
        inventory: required('inventory', command),
        namespace: optional('namespace'),
        failOnDrift: flag('fail-on-drift'),
        ignore: optional('ignore'),
        confirm: flag('confirm'),
        alertIssue: flag('alert-issue'),
        webhookUrl,
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        report: reportSettings(),
      };
    }
    default:
      throw new ConfigError(
        `input command: "${command}" is not one of ${ACTION_COMMANDS.join(', ')}`,
      );
  }
}
