import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { RollbackResult } from '../../commands/env-repo/rollback/rollback.js';
import type { CliIO } from '../io.js';
import { ROLLBACK_OPTIONS, rollbackOptions } from '../../options/env-repo.js';
import { addOptions, optionValues } from '../options.js';
import { formatResult } from './propose.js';

export function rollbackCommand(program: Command, io: CliIO): void {
  const command = program
    .command('rollback')
    .description(
      "restore an environment's folder to a previous revision and pin its image, as one pull request",
    );
  addOptions(command, ROLLBACK_OPTIONS)
    .addHelpText(
      'after',
      `
The pull request restores the folder exactly as it was at that revision and writes the pin
.ferry/pins/<app>/<env>.yaml: while it exists, propose and promote refuse any other image for
that app and environment. To unpin, delete the file in a pull request.

Examples:
  FERRY_GITHUB_TOKEN=… ferry rollback -c ferry.yaml -e production
  ferry rollback -c ferry.yaml -e production --to 1.4.1 --reason "1.4.2 leaks memory"
  ferry rollback -c ferry.yaml -e production --to 3f9c2e1 --dry-run
`,
    )
    .action(async () => {
      const flags = optionValues(ROLLBACK_OPTIONS, command);
      const { rollback } = await import('../../commands/env-repo/rollback/rollback.js');
      const result = await rollback(rollbackOptions(flags), consoleLogger(io.stderr));
      io.stdout.write(
        flags.output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatRollback(result),
      );
    });
}

/** The result for a terminal: what is restored and pinned, then the proposal's outcome. */
export function formatRollback(result: RollbackResult): string {
  const head =
    `roll back to ${result.revision.slice(0, 12)} (${result.chosenBy}): ` +
    `pins ${result.pinnedImage} in ${result.pinPath}`;
  return `${head}\n${formatResult(result)}`;
}
