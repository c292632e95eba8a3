import type { PromoteOptions } from '../commands/env-repo/promote/promote.js';
import type { ProposeOptions, PullRequestOptions } from '../commands/env-repo/propose/context.js';
import type { RenderOptions } from '../commands/env-repo/render.js';
import type { RollbackOptions } from '../commands/env-repo/rollback/rollback.js';
import {
  AUTO_MERGE_METHODS,
  parseClusterName,
  parseDurationOption,
  parseList,
} from '../core/options.js';
import { apiUrl, output, WORKFLOW_TOKEN } from './common.js';
import { defaulted, flag, required, reworded, valued, type Values } from './declare.js';
import { TOOLS, toolPaths } from './renderers.js';

/** The options of the commands that render an app or open pull requests in the environment repo. */

const config = defaulted(
  valued('config', '<file>', "path to the app's ferry.yaml", { short: 'c' }),
  'ferry.yaml',
  'ferry.yaml',
);
const env = required(
  valued('env', '<name>', 'environment, as named in ferry.yaml', {
    short: 'e',
    input: 'environment',
  }),
);
const imageTag = valued('image-tag', '<tag>', 'image tag to deploy (OCI tag grammar)', {
  short: 't',
  details: 'give this, --image-digest, or both',
});
const imageDigest = valued('image-digest', '<digest>', 'image digest to deploy (sha256:<64 hex>)', {
  details: 'with a tag gives `repo:tag@digest`',
});
const sourceCommit = valued(
  'source-commit',
  '<sha>',
  'source commit (default: from CI variables)',
  {
    only: 'cli',
  },
);
const runUrl = valued('run-url', '<url>', 'CI run URL (default: from CI variables)', {
  only: 'cli',
});

export const RENDER_OPTIONS = [
  config,
  reworded(env, 'environment to render, as named in ferry.yaml'),
  imageTag,
  imageDigest,
  valued('out', '<dir>', 'write one file per object into this folder (replaced wholesale)', {
    short: 'o',
    details:
      'all or nothing; the folder must be new, empty or hold only files ferry rendered (see [file names](#file-names)), and not be, hold or lie in the templates folder; without it, one YAML stream on stdout',
    inputHelp:
      'Folder for the rendered manifests, one file per object (replaces only a folder of files ferry rendered). Default: $RUNNER_TEMP/ferry/rendered (the system temp folder when RUNNER_TEMP is unset or empty).',
  }),
  sourceCommit,
  runUrl,
  ...TOOLS,
] as const;

export type RenderValues = Values<typeof RENDER_OPTIONS>;

/** What render's options give the command. */
export function renderOptions(values: RenderValues): RenderOptions {
  return {
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    out: values.out,
    source: { commit: values.sourceCommit, runUrl: values.runUrl },
    tools: toolPaths(values),
  };
}

/** Every command that opens a pull request (propose, promote, rollback) takes these. */
const PULL_REQUEST = [
  flag('dry-run', 'print the pull request it would open; change nothing', {
    details: 'reads the env repo and prints the title, body and diff',
  }),
  valued(
    'token-env',
    '<name>',
    'environment variable holding the token (default: FERRY_GITHUB_TOKEN, then GITHUB_TOKEN; forge: gitlab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)',
    { only: 'cli' },
  ),
  valued(
    'token',
    '<token>',
    "Token for the environment repository. The default, this workflow's GITHUB_TOKEN, reaches only this repository, and pull requests it opens start no workflows: for an environment repository elsewhere pass a GitHub App installation token or a PAT with contents and pull-requests write. A FERRY_GITHUB_TOKEN variable in the step's env wins over this input. Masked.",
    { only: 'action', secret: true, inputFallback: WORKFLOW_TOKEN },
  ),
  reworded(
    apiUrl,
    "REST API URL (default: $GITHUB_API_URL or api.github.com; forge: gitlab: $CI_API_V4_URL, else the repo URL's host, else gitlab.com)",
  ),
  valued('labels', '<a,b>', 'labels for the pull request, comma-separated', {
    parse: (text) => parseList(text),
  }),
  valued('reviewers', '<u1,u2>', 'reviewers to request, comma-separated logins', {
    parse: (text) => parseList(text),
  }),
  valued('assignees', '<u>', 'assignees, comma-separated logins', {
    parse: (text) => parseList(text),
  }),
  flag('draft', 'open the pull request as a draft'),
  valued<'auto-merge', (typeof AUTO_MERGE_METHODS)[number]>(
    'auto-merge',
    '<method>',
    'enable auto-merge with this method',
    {
      choices: AUTO_MERGE_METHODS,
      details: "GitHub's enablePullRequestAutoMerge; GitLab's merge when the pipeline succeeds",
    },
  ),
  output(['text', 'json']),
] as const;

type PullRequestValues = Values<typeof PULL_REQUEST>;

/** What the pull request options give a command. */
function pullRequestOptions(values: PullRequestValues): PullRequestOptions {
  return {
    dryRun: values.dryRun,
    tokenEnv: values.tokenEnv,
    apiUrl: values.apiUrl,
    labels: values.labels ?? [],
    reviewers: values.reviewers ?? [],
    assignees: values.assignees ?? [],
    draft: values.draft,
    autoMerge: values.autoMerge,
  };
}

export const PROPOSE_OPTIONS = [
  config,
  reworded(env, 'environment to propose to, as named in ferry.yaml'),
  imageTag,
  imageDigest,
  ...PULL_REQUEST,
  flag('allow-fork', 'run under pull_request_target for a pull request from a fork (unsafe)', {
    details: 'the fork code would run with your token',
  }),
  sourceCommit,
  runUrl,
  ...TOOLS,
] as const;

export type ProposeValues = Values<typeof PROPOSE_OPTIONS>;

/** What propose's options give the command. */
export function proposeOptions(values: ProposeValues): ProposeOptions {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    source: { commit: values.sourceCommit, runUrl: values.runUrl },
    allowFork: values.allowFork,
    tools: toolPaths(values),
  };
}

export const PROMOTE_OPTIONS = [
  config,
  valued('from', '<env>', "source environment (default: the target's promoteFrom)"),
  valued('to', '<env>', 'target environment (default: every environment promoted from --from)', {
    details: 'one pull request each',
  }),
  flag('force', 'promote even if gates fail (the pull request says so first)'),
  valued('min-soak', '<duration>', 'gate: minimum time since the source was deployed (e.g. 1h)', {
    // Checked here, so a bad value fails before any request; promote parses it again.
    parse: (text, option) => (parseDurationOption(text, option), text),
    details: 'since its latest successful ferry/apply status',
  }),
  defaulted(
    valued(
      'cluster',
      '<name>',
      'source cluster in the status contexts ferry/apply (<name>) and ferry/drift (<name>)',
      { parse: parseClusterName },
    ),
    'default',
    'default',
  ),
  ...PULL_REQUEST,
  ...TOOLS,
] as const;

export type PromoteValues = Values<typeof PROMOTE_OPTIONS>;

/** What promote's options give the command. */
export function promoteOptions(values: PromoteValues): PromoteOptions {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    from: values.from,
    to: values.to,
    force: values.force,
    minSoak: values.minSoak,
    cluster: values.cluster,
    tools: toolPaths(values),
  };
}

export const ROLLBACK_OPTIONS = [
  config,
  reworded(env, 'environment to roll back, as named in ferry.yaml'),
  valued(
    'to',
    '<commit|tag>',
    'env-repo commit SHA, or image tag or digest, to restore (default: the revision before the last change)',
    { input: 'rollback-to' },
  ),
  valued(
    'reason',
    '<text>',
    'why, recorded in the pin and shown in the pull request (default: the image rolled back from)',
  ),
  ...PULL_REQUEST,
] as const;

export type RollbackValues = Values<typeof ROLLBACK_OPTIONS>;

/** What rollback's options give the command. */
export function rollbackOptions(values: RollbackValues): RollbackOptions {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    env: values.env,
    to: values.to,
    reason: values.reason,
  };
}
