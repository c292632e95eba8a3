import { Option, type Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { FerryError } from '../../core/errors.js';
import { useColour, type CliIO } from '../io.js';

/** Exit code for "the check ran and found drift" (with --fail-on-drift). */
export const DRIFT_EXIT_CODE = 3;

interface DriftFlags {
  dir: string;
  inventory: string;
  namespace?: string;
  output: 'text' | 'json' | 'markdown';
  failOnDrift?: boolean;
  ignore?: string;
  confirm?: boolean;
  kubeconfig?: string;
  context?: string;
}

export function driftCommand(program: Command, io: CliIO): void {
  program
    .command('drift')
    .description('compare the live cluster with the manifests in git and report what differs')
    .requiredOption('-d, --dir <dir>', 'folder of manifests, as applied')
    .requiredOption('-i, --inventory <name>', 'inventory (ApplySet) name used by ferry apply')
    .option(
      '-n, --namespace <ns>',
      "namespace for objects that name none, and of the inventory (default: the context's)",
    )
    .addOption(
      new Option('-o, --output <format>', 'report format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('--fail-on-drift', `exit with code ${DRIFT_EXIT_CODE} when drift is found`)
    .option(
      '--ignore <file>',
      'ignore rules: JSON-pointer paths with target selectors (Flux driftDetection.ignore shape)',
    )
    .option('--confirm', 'confirm flagged objects with a server-side dry-run apply')
    .option(
      '--kubeconfig <path>',
      'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubeconfig context')
    .addHelpText(
      'after',
      `
Examples:
  ferry drift --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook
  ferry drift --dir apps/guestbook/production --inventory guestbook-production --fail-on-drift --output markdown
  ferry drift -d rendered/ -i demo --ignore drift-ignore.yaml --output json

Exit codes: 0 no drift (or drift without --fail-on-drift), ${DRIFT_EXIT_CODE} drift with --fail-on-drift, 1 failure, 2 usage.
`,
    )
    .action(async (flags: DriftFlags) => {
      const { drift } = await import('../../commands/drift.js');
      const { formatDriftMarkdown, formatDriftText } =
        await import('../../commands/drift-report.js');
      const report = await drift(
        {
          dir: flags.dir,
          inventory: flags.inventory,
          namespace: flags.namespace,
          ignore: flags.ignore,
          confirm: flags.confirm,
          kubeconfig: flags.kubeconfig,
          context: flags.context,
        },
        consoleLogger(io.stderr),
      );
      const text =
        flags.output === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : flags.output === 'markdown'
            ? formatDriftMarkdown(report)
            : formatDriftText(report, useColour(io.stdout));
      io.stdout.write(text);
      if (!report.clean && flags.failOnDrift)
        throw new FerryError('drift detected', DRIFT_EXIT_CODE);
    });
}
