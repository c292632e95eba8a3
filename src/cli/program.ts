import { Command, CommanderError } from 'commander';
import { FERRY_VERSION } from '../core/applyset.js';
import { ConfigError, FerryError, messageOf } from '../core/errors.js';
import { quoteForMessage } from '../core/image.js';
import { applyCommand } from './commands/apply.js';
import { driftCommand } from './commands/drift.js';
import { planCommand } from './commands/plan.js';
import { promoteCommand } from './commands/promote.js';
import { proposeCommand } from './commands/propose.js';
import { rbacCommand } from './commands/rbac.js';
import { renderCommand } from './commands/render.js';
import { rollbackCommand } from './commands/rollback.js';
import { setsCommand, statusCommand } from './commands/sets.js';
import { redactingIO, type CliIO } from './io.js';
import { rememberEnvSecrets } from '../adapters/secrets.js';

export type { CliIO } from './io.js';

function buildProgram(io: CliIO, argv: string[]): Command {
  const program = new Command('ferry')
    .description('Push-based GitOps for CI: carry an image tag from an app repo to a cluster.')
    .version(FERRY_VERSION)
    .option('--debug', 'print stack traces for unexpected errors')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    // Checked in the preAction hook below, to name the flag a stray word most likely belongs to.
    .allowExcessArguments(true)
    .hook('preAction', (_program, command) => {
      refuseStrayArguments(command.args, argv);
      // Tokens and webhooks named by flags are secrets too: redacted wherever they show.
      const { tokenEnv, webhookEnv } = command.opts<{ tokenEnv?: string; webhookEnv?: string }>();
      rememberEnvSecrets(
        process.env,
        [tokenEnv, webhookEnv].filter((name) => name !== undefined),
      );
    })
    .addHelpText(
      'after',
      `
Examples:
  ferry render --config ferry.yaml --env staging --image-tag 1.4.2 --out rendered/
  ferry apply --dir rendered/ --inventory guestbook-staging --namespace guestbook --wait --prune
  ferry plan --dir rendered/ --inventory guestbook-staging --namespace guestbook --prune
  ferry drift --dir rendered/ --inventory guestbook-staging --namespace guestbook --fail-on-drift
  ferry apply --all --cluster prod-eu        # every changed set of an environment repo, in order
  ferry status --cluster prod-eu             # which commit each set of the cluster runs
  ferry rbac --dir rendered/ --inventory guestbook-staging --namespace guestbook --subject serviceaccount:ci:deployer

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
  setsCommand(program, io);
  statusCommand(program, io);
  rbacCommand(program, io);
  return program;
}

/**
 * No command takes positional arguments: a stray word is most often the rest of an unquoted
 * value (`--timeout 5 minutes`), so the message names the flag before it.
 */
function refuseStrayArguments(stray: readonly string[], argv: string[]): void {
  const word = stray[0];
  if (word === undefined) return;
  const at = argv.lastIndexOf(word);
  const flag = at >= 2 && argv[at - 2]!.startsWith('-') ? argv[at - 2] : undefined;
  throw new ConfigError(
    flag
      ? `${flag}: unexpected ${quoteForMessage(word)} after ${quoteForMessage(argv[at - 1]!)} (quote a value that has spaces)`
      : `unexpected argument ${quoteForMessage(word)}`,
  );
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: string[], terminal: CliIO = process): Promise<number> {
  rememberEnvSecrets(process.env);
  const io = redactingIO(terminal);
  const program = buildProgram(io, argv);
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
    // A bug: anything thrown, an Error or not, is one line, and its stack with --debug.
    const message = messageOf(error);
    const stack = error instanceof Error ? error.stack : undefined;
    const debug = argv.includes('--debug');
    io.stderr.write(
      `error: ${message}\n${debug ? `${stack ?? message}\n` : '(run with --debug for details)\n'}`,
    );
    return 1;
  }
}
