import { Command, CommanderError, Option } from 'commander';
import { consoleLogger } from '../adapters/logger.js';
import { render } from '../commands/render.js';
import { FerryError } from '../core/errors.js';

const VERSION = '0.1.0';

/** Output the CLI writes to; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function buildProgram(io: CliIO): Command {
  const program = new Command('ferry')
    .description('Push-based GitOps for CI: carry an image tag from an app repo to a cluster.')
    .version(VERSION)
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
  ferry render --config ferry.yaml --env staging --image-tag 1.4.2
  ferry render --config ferry.yaml --env production --image-tag 1.4.2 --out rendered/

Exit codes: 0 ok, 1 failure, 2 usage or configuration error.`,
    );

  program
    .command('render')
    .description("render an app's Handlebars YAML templates for one environment")
    .requiredOption('-c, --config <file>', 'path to ferry.yaml', 'ferry.yaml')
    .requiredOption('-e, --env <name>', 'environment to render')
    .option('-t, --image-tag <tag>', 'image tag to deploy')
    .option('--image-digest <digest>', 'image digest to deploy (sha256:…)')
    .option('-o, --out <dir>', 'write one file per object into this folder (replaced wholesale)')
    .addOption(new Option('--source-commit <sha>', 'source commit (default: from CI variables)'))
    .addOption(new Option('--run-url <url>', 'CI run URL (default: from CI variables)'))
    .addHelpText(
      'after',
      `
Examples:
  # print one YAML stream
  ferry render --config examples/guestbook/ferry.yaml --env staging --image-tag 1.4.2
  # write one file per object, by digest
  ferry render -c ferry.yaml -e production --image-digest sha256:<64 hex> --out out/production`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const log = consoleLogger(io.stderr, !opts.out);
      const result = await render(
        {
          config: opts.config!,
          env: opts.env!,
          imageTag: opts.imageTag,
          imageDigest: opts.imageDigest,
          out: opts.out,
          source: { commit: opts.sourceCommit, runUrl: opts.runUrl },
        },
        log,
      );
      if (!opts.out) io.stdout.write(result.yaml);
    });
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
    const debug = argv.includes('--debug');
    const e = error as Error;
    io.stderr.write(
      `error: ${e.message}\n${debug ? `${e.stack}\n` : '(run with --debug for details)\n'}`,
    );
    return 1;
  }
}
