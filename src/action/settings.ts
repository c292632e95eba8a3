import * as core from '@actions/core';
import { parseDuration } from '../core/duration.js';
import { ConfigError } from '../core/errors.js';
import {
  AUTO_MERGE_METHODS,
  DEFAULT_TIMEOUT_MS,
  parseBoolean,
  parseChoice,
  parseClusterName,
  parseCount,
  parseDurationOption,
  parseInventoryName,
  parseList,
  type AutoMergeMethod,
} from '../core/options.js';
import { parseSubject, type RbacSubject } from '../core/rbac-manifests.js';
import { maskSecret } from './mask.js';

/** Commands the action exposes (only ones that work). */
export const ACTION_COMMANDS = [
  'render',
  'propose',
  'apply',
  'plan',
  'drift',
  'promote',
  'rollback',
  'rbac',
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
  /** Prune even when the folder holds no manifests (deletes every member). */
  pruneEmpty: boolean;
  pruneAllow: string[];
  maxDeletions: number | undefined;
  wait: boolean;
  timeoutMs: number;
  dryRun: boolean;
  forceConflicts: boolean;
  gitWinsOver: string[];
  adopt: boolean;
  /** Kubeconfig file content or path; undefined: the standard locations. */
  kubeconfig: string | undefined;
  context: string | undefined;
  /** `request-timeout` in ms; undefined: the client's default. */
  requestTimeoutMs: number | undefined;
  report: GitHubReportSettings;
  /** Check the permissions the run needs before it reads or writes. */
  preflight: boolean;
}

export interface PlanSettings {
  command: 'plan';
  dir: string;
  inventory: string;
  namespace: string | undefined;
  prune: boolean;
  pruneAllow: string[];
  forceConflicts: boolean;
  gitWinsOver: string[];
  adopt: boolean;
  /** Post the plan on the pull request, one comment per cluster edited in place. */
  comment: boolean;
  /** Pull request number; undefined: from the event payload. */
  pullRequest: number | undefined;
  kubeconfig: string | undefined;
  context: string | undefined;
  requestTimeoutMs: number | undefined;
  report: GitHubReportSettings;
  preflight: boolean;
}

/** `command: rbac`: the Roles an identity needs for one set (issue 24). */
export interface RbacSettings {
  command: 'rbac';
  dir: string;
  inventory: string;
  namespace: string | undefined;
  subject: RbacSubject;
  pruneAllow: string[];
  kubeconfig: string | undefined;
  context: string | undefined;
  requestTimeoutMs: number | undefined;
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
  /** `request-timeout` in ms; undefined: the client's default. */
  requestTimeoutMs: number | undefined;
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
  autoMerge: AutoMergeMethod | undefined;
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
  | RollbackSettings
  | RbacSettings;

function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/** `input <name>`: how every message names an input, as the workflow wrote it. */
const input = (name: string): string => `input ${name}`;

/** An optional input parsed with one of the shared option parsers (core/options.ts). */
function parsed<T>(name: string, parse: (text: string, option: string) => T): T | undefined {
  const value = optional(name);
  return value === undefined ? undefined : parse(value, input(name));
}

function flag(name: string): boolean {
  return parsed(name, parseBoolean) ?? false;
}

function required(name: string, command: string): string {
  const value = optional(name);
  if (value === undefined)
    throw new ConfigError(`input ${name} is required for command ${command}`);
  return value;
}

/** A comma-separated input as a list, blanks dropped. */
function list(name: string): string[] {
  return parseList(optional(name));
}

/** The `request-timeout` input (kubectl's duration grammar), checked before any request. */
function requestTimeout(): number | undefined {
  const value = optional('request-timeout');
  return value === undefined ? undefined : parseDuration(value, 'input request-timeout');
}

function pullRequestSettings(): PullRequestSettings {
  return {
    token: maskSecret(optional('token')),
    apiUrl: optional('api-url'),
    labels: list('labels'),
    reviewers: list('reviewers'),
    assignees: list('assignees'),
    draft: flag('draft'),
    autoMerge: parsed('auto-merge', (text, option) =>
      parseChoice(text, AUTO_MERGE_METHODS, option),
    ),
    dryRun: flag('dry-run'),
  };
}

function reportSettings(): GitHubReportSettings {
  return {
    cluster: parsed('cluster', parseClusterName) ?? 'default',
    commitStatus: flag('commit-status'),
    token: maskSecret(optional('token')),
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
        // Checked here, so a bad value names the input; promote parses it again.
        minSoak: parsed('min-soak', (text, option) => (parseDurationOption(text, option), text)),
        cluster: parsed('cluster', parseClusterName) ?? 'default',
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
    case 'apply':
      return {
        command,
        dir: required('dir', command),
        inventory: parseInventoryName(required('inventory', command), input('inventory')),
        namespace: optional('namespace'),
        prune: flag('prune'),
        pruneEmpty: flag('prune-empty'),
        pruneAllow: list('prune-allow'),
        maxDeletions: parsed('max-deletions', parseCount),
        wait: flag('wait'),
        timeoutMs: parsed('timeout', parseDurationOption) ?? DEFAULT_TIMEOUT_MS,
        dryRun: flag('dry-run'),
        forceConflicts: flag('force-conflicts'),
        gitWinsOver: list('git-wins-over'),
        adopt: flag('adopt'),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        requestTimeoutMs: requestTimeout(),
        report: reportSettings(),
        preflight: parsed('preflight', parseBoolean) ?? true,
      };
    case 'plan': {
      const pullRequest = optional('pull-request');
      if (pullRequest !== undefined && !/^[1-9][0-9]{0,9}$/.test(pullRequest))
        throw new ConfigError(`input pull-request: "${pullRequest}" is not a pull request number`);
      return {
        command,
        dir: required('dir', command),
        inventory: parseInventoryName(required('inventory', command), input('inventory')),
        namespace: optional('namespace'),
        prune: flag('prune'),
        pruneAllow: list('prune-allow'),
        forceConflicts: flag('force-conflicts'),
        gitWinsOver: list('git-wins-over'),
        adopt: flag('adopt'),
        comment: flag('comment'),
        pullRequest: pullRequest === undefined ? undefined : Number(pullRequest),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        requestTimeoutMs: requestTimeout(),
        report: reportSettings(),
        preflight: parsed('preflight', parseBoolean) ?? true,
      };
    }
    case 'rbac':
      return {
        command,
        dir: required('dir', command),
        inventory: parseInventoryName(required('inventory', command), input('inventory')),
        namespace: optional('namespace'),
        subject: parseSubject(required('subject', command), input('subject')),
        pruneAllow: list('prune-allow'),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        requestTimeoutMs: requestTimeout(),
      };
    case 'drift':
      return {
        command,
        dir: required('dir', command),
        inventory: parseInventoryName(required('inventory', command), input('inventory')),
        namespace: optional('namespace'),
        failOnDrift: flag('fail-on-drift'),
        ignore: optional('ignore'),
        confirm: flag('confirm'),
        alertIssue: flag('alert-issue'),
        webhookUrl: maskSecret(optional('webhook-url')),
        kubeconfig: optional('kubeconfig'),
        context: optional('context'),
        requestTimeoutMs: requestTimeout(),
        report: reportSettings(),
      };
    default:
      throw new ConfigError(
        `input command: "${command}" is not one of ${ACTION_COMMANDS.join(', ')}`,
      );
  }
}
