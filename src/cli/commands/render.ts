import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { CliIO } from '../io.js';
import { addToolOptions, toolPaths } from '../renderer-options.js';

export function renderCommand(program: Command, io: CliIO): void {
  const command = program
    .command('render')
    .description(
      'render an app (Handlebars templates, a Kustomize overlay or a Helm chart) for one environment',
    )
    .requiredOption('-c, --config <file>', 'path to ferry.yaml', 'ferry.yaml')
    .requiredOption('-e, --env <name>', 'environment to render')
    .option('-t, --image-tag <tag>', 'image tag to deploy')
    .option('--image-digest <digest>', 'image digest to deploy (sha256:…)')
    .option('-o, --out <dir>', 'write one file per object into this folder (replaced wholesale)')
    .option('--source-commit <sha>', 'source commit (default: from CI variables)')
    .option('--run-url <url>', 'CI run URL (default: from CI variables)');
  addToolOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  # print one YAML stream
  ferry render --config examples/guestbook/ferry.yaml --env staging --image-tag 1.4.2
  # write one file per object, by digest
  ferry render -c ferry.yaml -e production --image-digest sha256:<64 hex> --out out/production
`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const log = consoleLogger(io.stderr, !opts.out);
      const { render } = await import('../../commands/env-repo/render.js');
      const result = await render(
        {
          config: opts.config!,
          env: opts.env!,
          imageTag: opts.imageTag,
          imageDigest: opts.imageDigest,
          out: opts.out,
          source: { commit: opts.sourceCommit, runUrl: opts.runUrl },
          tools: toolPaths(opts),
        },
        log,
      );
      if (!opts.out) io.stdout.write(result.yaml);
    });
}
