import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { RENDER_OPTIONS, renderOptions } from '../../options/env-repo.js';
import type { CliIO } from '../io.js';
import { addOptions, optionValues } from '../options.js';

export function renderCommand(program: Command, io: CliIO): void {
  const command = program
    .command('render')
    .description(
      'render an app (Handlebars templates, a Kustomize overlay or a Helm chart) for one environment',
    );
  addOptions(command, RENDER_OPTIONS)
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
    .action(async () => {
      const values = optionValues(RENDER_OPTIONS, command);
      const log = consoleLogger(io.stderr, !values.out);
      const { render } = await import('../../commands/env-repo/render.js');
      const result = await render(renderOptions(values), log);
      if (!values.out) io.stdout.write(result.yaml);
    });
}
