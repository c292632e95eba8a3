import { Command, CommanderError } from 'commander';
import { FERRY_VERSION } from '../core/applyset.js';
import { FerryError } from '../core/errors.js';
import { applyCommand } from './commands/apply.js';
import { driftCommand } from './commands/drift.js';
import { planCommand } from './commands/plan.js';
import { promoteCommand } from './commands/promote.js';
import { proposeCommand } from './commands/propose.js';
import { renderCommand } from './commands/render.js';
import { rollbackCommand } from './commands/rollback.js';
import type { CliIO } from './io.js';

export type { CliIO } from './io.js';

function buildProgram(io: CliIO): Command {
  const program = new Command('ferry')
    .description('Push-based GitOps for CI: carry an image tag from an app repo to a cluster.')
    .version(FERRY_VERSION)
    .option('--debug', 'print stack traces for unexpected errors')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  ferry render --config ferry.yaml --env staging --image-tag 1.4.2 --out rendered/
  ferry apply --dir rendered/ --inventory guestbook-staging --namespace guestbook --wait --prune
  ferry plan --dir rendered/ --inventory guestbook-staging --namespace guestbook --prune
  ferry drift --dir rendered/ --inventory guestbook-staging --namespace guestbook --fail-on-drift

Exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 drift found (drift --fail-on-drift) or changes (plan --detailed-exitcode).
`,
    );
  renderCommand(program, io);
  proposeCommand(program, io);
  promoteCommand(program, io);
  rollbackCommand(program, io);
  applyCommand(program, io);
  planCommand(program, io);
  driftCommand(program, io);
  return program;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIO = process): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof FerryError) {
      io.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    const debug = argv.includes('--debug');
    io.stderr.write(
      `error: ${e.message}\n${debug ? `${e.stack}\n` : '(run with --debug for details)\n'}`,
    );
    return 1;
  }
}
