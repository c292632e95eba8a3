import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { ProposeResult } from '../../commands/env-repo/propose/propose.js';
import type { CliIO } from '../io.js';
import { PROPOSE_OPTIONS, proposeOptions } from '../../options/env-repo.js';
import { addOptions, optionValues } from '../options.js';

export function proposeCommand(program: Command, io: CliIO): void {
  const command = program
    .command('propose')
    .description(
      'render an app and propose it to the environment repo: one pull request (or branch) per app and environment',
    );
  addOptions(command, PROPOSE_OPTIONS)
    .addHelpText(
      'after',
      `
Examples:
  FERRY_GITHUB_TOKEN=… ferry propose -c ferry.yaml -e staging -t 1.4.2 --labels deploy --auto-merge squash
  ferry propose -c examples/guestbook/ferry.yaml -e staging -t 1.4.2 --dry-run
`,
    )
    .action(async () => {
      const flags = optionValues(PROPOSE_OPTIONS, command);
      const { propose } = await import('../../commands/env-repo/propose/propose.js');
      const result = await propose(proposeOptions(flags), consoleLogger(io.stderr));
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
