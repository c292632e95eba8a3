import { Option, type Command } from 'commander';
import type { PullRequestOptions } from '../../commands/env-repo/propose/context.js';
import { AUTO_MERGE_METHODS, parseList, type AutoMergeMethod } from '../../core/options.js';

/** Flags every command that opens a pull request takes (propose, promote, rollback). */
export interface PullRequestFlags {
  dryRun?: boolean;
  tokenEnv?: string;
  apiUrl?: string;
  labels?: string;
  reviewers?: string;
  assignees?: string;
  draft?: boolean;
  autoMerge?: AutoMergeMethod;
  output: 'text' | 'json';
}

/** Adds the pull request flags to `command`. */
export function addPullRequestOptions(command: Command): Command {
  return command
    .option('--dry-run', 'print the pull request it would open; change nothing')
    .option(
      '--token-env <name>',
      'environment variable holding the token (default: FERRY_GITHUB_TOKEN, then GITHUB_TOKEN; forge: gitlab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)',
    )
    .option(
      '--api-url <url>',
      "REST API URL (default: $GITHUB_API_URL or api.github.com; forge: gitlab: $CI_API_V4_URL, else the repo URL's host, else gitlab.com)",
    )
    .option('--labels <a,b>', 'labels for the pull request')
    .option('--reviewers <u1,u2>', 'reviewers to request')
    .option('--assignees <u>', 'assignees')
    .option('--draft', 'open the pull request as a draft')
    .addOption(
      new Option('--auto-merge <method>', 'enable auto-merge').choices(AUTO_MERGE_METHODS),
    );
}

/** Adds `-o, --output text|json`. */
export function addOutputOption(command: Command): Command {
  return command.addOption(
    new Option('-o, --output <format>', 'result format').choices(['text', 'json']).default('text'),
  );
}

/** The command options the pull request flags give. */
export function pullRequestOptions(flags: PullRequestFlags): PullRequestOptions {
  return {
    dryRun: flags.dryRun,
    tokenEnv: flags.tokenEnv,
    apiUrl: flags.apiUrl,
    labels: parseList(flags.labels),
    reviewers: parseList(flags.reviewers),
    assignees: parseList(flags.assignees),
    draft: flags.draft,
    autoMerge: flags.autoMerge,
  };
}
