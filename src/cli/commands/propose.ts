import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { ProposeResult } from '../../commands/env-repo/propose/propose.js';
import type { CliIO } from '../io.js';
import { addToolOptions, toolPaths, type ToolFlags } from '../renderer-options.js';
import {
  addOutputOption,
  addPullRequestOptions,
  pullRequestOptions,
  type PullRequestFlags,
} from './pull-request-options.js';

interface ProposeFlags extends PullRequestFlags, ToolFlags {
  config: string;
  env: string;
  imageTag?: string;
  imageDigest?: string;
  allowFork?: boolean;
  sourceCommit?: string;
  runUrl?: string;
}

export function proposeCommand(program: Command, io: CliIO): void {
  const command = program
    .command('propose')
    .description(
      'render an app and propose it to the environment repo: one pull request (or branch) per app and environment',
    )
    .requiredOption('-c, --config <file>', 'path to ferry.yaml', 'ferry.yaml')
    .requiredOption('-e, --env <name>', 'environment to propose to')
    .option('-t, --image-tag <tag>', 'image tag to deploy')
    .option('--image-digest <digest>', 'image digest to deploy (sha256:…)');
  addPullRequestOptions(command)
    .option('--allow-fork', 'run under pull_request_target from a fork (unsafe)')
    .option('--source-commit <sha>', 'source commit (default: from CI variables)')
    .option('--run-url <url>', 'CI run URL (default: from CI variables)');
  addToolOptions(command);
  addOutputOption(command)
    .addHelpText(
      'after',
      `
Examples:
  FERRY_GITHUB_TOKEN=… ferry propose -c ferry.yaml -e staging -t 1.4.2 --labels deploy --auto-merge squash
  ferry propose -c examples/guestbook/ferry.yaml -e staging -t 1.4.2 --dry-run
`,
    )
    .action(async (flags: ProposeFlags) => {
      const { propose } = await import('../../commands/env-repo/propose/propose.js');
      const result = await propose(
        {
          ...pullRequestOptions(flags),
          config: flags.config,
          env: flags.env,
          imageTag: flags.imageTag,
          imageDigest: flags.imageDigest,
          source: { commit: flags.sourceCommit, runUrl: flags.runUrl },
          allowFork: flags.allowFork,
          tools: toolPaths(flags),
        },
        consoleLogger(io.stderr),
      );
      io.stdout.write(
        flags.output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result),
      );
    });
}

/** The result for a terminal: what happened and where; the whole proposal on a dry run. */
export function formatResult(result: ProposeResult): string {
  const where = result.pullRequest
    ? `pull request #${result.pullRequest.number} ${result.pullRequest.url}`
    : `branch ${result.branch}`;
  const verb = result.dryRun ? `would be ${result.operation}` : result.operation;
  const lines = [`${verb}: ${where}`];
  if (result.headSha) lines.push(`head ${result.headSha} (${result.branch} → ${result.base})`);
  if (result.dryRun) lines.push('', `title: ${result.title}`, '', result.body);
  return `${lines.join('\n')}\n`;
}
