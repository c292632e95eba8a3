import { Option, type Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import type { AlertOptions } from '../../commands/publish/drift-alerts.js';
import { ConfigError, FerryError } from '../../core/errors.js';
import { githubTarget } from '../github-target.js';
import { addForgeReportOptions } from '../forge-report-options.js';
import { gitlabTarget } from '../gitlab-target.js';
import { addRequestTimeoutOption } from '../request-timeout.js';
import { addSetSourceOptions, setSettings, type SetSourceFlags } from '../renderer-options.js';
import { useColour, type CliIO } from '../io.js';
import { parsedOption } from '../parsed-option.js';
import { parseClusterName, parseInventoryName } from '../../core/options.js';

/** Exit code for "the check ran and found drift" (with --fail-on-drift). */
export const DRIFT_EXIT_CODE = 3;

interface DriftFlags extends SetSourceFlags {
  dir: string;
  inventory: string;
  namespace?: string;
  output: 'text' | 'json' | 'markdown';
  failOnDrift?: boolean;
  ignore?: string;
  confirm?: boolean;
  kubeconfig?: string;
  context?: string;
  requestTimeout?: number;
  cluster?: string;
  alertIssue?: boolean;
  commitStatus?: string | boolean;
  repo?: string;
  webhookEnv?: string;
  tokenEnv?: string;
  apiUrl?: string;
  forge: 'github' | 'gitlab';
}

export function driftCommand(program: Command, io: CliIO): void {
  const command = program
    .command('drift')
    .description('compare the live cluster with the manifests in git and report what differs')
    .requiredOption('-d, --dir <dir>', 'folder of manifests, as applied')
    .addOption(
      parsedOption(
        '-i, --inventory <name>',
        'inventory (ApplySet) name used by ferry apply',
        parseInventoryName,
      ).makeOptionMandatory(),
    )
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
    .option('--context <name>', 'kubeconfig context');
  addSetSourceOptions(command);
  addRequestTimeoutOption(command)
    .addOption(
      parsedOption(
        '--cluster <name>',
        'cluster name for alerts (status context, issue title)',
        parseClusterName,
      ).default('default'),
    )
    .option(
      '--alert-issue',
      'open/update/close one GitHub (GitLab) issue for this cluster and inventory',
    )
    .option(
      '--commit-status [sha]',
      'post a commit status on the env-repo commit (default: $GITHUB_SHA)',
    )
    .option(
      '--repo <owner/name>',
      'repository for the issue and status (default: $GITHUB_REPOSITORY)',
    )
    .option('--webhook-env <name>', 'environment variable holding a Slack-compatible webhook URL');
  addForgeReportOptions(command, 'issue and status')
    .addHelpText(
      'after',
      `
Examples:
  ferry drift --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook
  ferry drift --dir apps/guestbook/production --inventory guestbook-production --fail-on-drift --output markdown
  ferry drift -d rendered/ -i demo --ignore drift-ignore.yaml --output json
  # on a schedule: one issue per cluster, a status on the env commit, a Slack message on change
  ferry drift -d apps/guestbook/production -i guestbook-production --cluster prod-eu \\
    --alert-issue --commit-status --webhook-env SLACK_WEBHOOK_URL

Exit codes: 0 no drift (or drift without --fail-on-drift), ${DRIFT_EXIT_CODE} drift with --fail-on-drift, 1 failure, 2 usage.
`,
    )
    .action(async (flags: DriftFlags) => {
      const { drift } = await import('../../commands/cluster/drift/drift.js');
      const { formatDriftMarkdown, formatDriftText } = await import('../../core/drift-report.js');
      const log = consoleLogger(io.stderr);
      const report = await drift(
        {
          dir: flags.dir,
          inventory: flags.inventory,
          namespace: flags.namespace,
          ignore: flags.ignore,
          confirm: flags.confirm,
          kubeconfig: flags.kubeconfig,
          context: flags.context,
          requestTimeoutMs: flags.requestTimeout,
          source: setSettings(flags),
          alerts: alertOptions(flags),
        },
        log,
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

/** Alert settings from flags and CI variables; secrets come from the environment only. */
function alertOptions(flags: DriftFlags): AlertOptions | undefined {
  const webhookUrl = flags.webhookEnv ? process.env[flags.webhookEnv] : undefined;
  if (flags.webhookEnv && !webhookUrl)
    throw new ConfigError(`--webhook-env: $${flags.webhookEnv} is not set`);
  const issue = Boolean(flags.alertIssue);
  if (flags.forge === 'gitlab') {
    const gitlab = gitlabTarget(flags, issue);
    if (!gitlab && !webhookUrl) return undefined;
    return {
      cluster: flags.cluster ?? 'default',
      runUrl: process.env.CI_JOB_URL || undefined,
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(gitlab ? { gitlab: { ...gitlab, issue } } : {}),
    };
  }
  const github = githubTarget({ ...flags, tokenEnv: flags.tokenEnv ?? 'GITHUB_TOKEN' }, issue);
  if (!github && !webhookUrl) return undefined;
  return {
    cluster: flags.cluster ?? 'default',
    runUrl: detectSource(process.env).runUrl || undefined,
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(github ? { github: { ...github, issue: Boolean(flags.alertIssue) } } : {}),
  };
}
