import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import type { AlertOptions } from '../../commands/publish/drift-alerts.js';
import type { DriftReport } from '../../core/drift.js';
import { ConfigError, FerryError } from '../../core/errors.js';
import { stripUserInfo } from '../../core/redact.js';
import {
  DRIFT_EXIT_CODE,
  DRIFT_OPTIONS,
  driftAllOptions,
  driftOptions,
  refuseFolderOptionsWithSets,
  targetOf,
  type DriftValues,
} from '../../options/cluster.js';
import { githubTarget } from '../github-target.js';
import { gitlabTarget } from '../gitlab-target.js';
import { addOptions, optionValues } from '../options.js';
import { useColour, type CliIO } from '../io.js';

export function driftCommand(program: Command, io: CliIO): void {
  const command = program
    .command('drift')
    .description('compare the live cluster with the manifests in git and report what differs');
  addOptions(command, DRIFT_OPTIONS)
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
  # every set of the environment repo for a cluster, each kind listed once for all
  ferry drift --all --cluster prod-eu --fail-on-drift

Exit codes: 0 no drift (or drift without --fail-on-drift), ${DRIFT_EXIT_CODE} drift with --fail-on-drift, 1 failure, 2 usage.
`,
    )
    .action(async () => {
      const values = optionValues(DRIFT_OPTIONS, command);
      const target = targetOf(values);
      if (target.kind === 'sets') {
        refuseFolderOptionsWithSets(values);
        const { driftSets } = await import('../sets-run.js');
        const alerts = alertOptions(values);
        return driftSets(
          { ...driftAllOptions(values, target), ...(alerts ? { alerts } : {}) },
          values,
          io,
        );
      }
      const { drift } = await import('../../commands/cluster/drift/drift.js');
      const { DriftAlertFailure } = await import('../../core/drift.js');
      const { formatDriftMarkdown, formatDriftText } = await import('../../core/drift-report.js');
      const log = consoleLogger(io.stderr);
      const print = (report: DriftReport): void => {
        io.stdout.write(
          values.output === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : values.output === 'markdown'
              ? formatDriftMarkdown(report)
              : formatDriftText(report, useColour(io.stdout)),
        );
      };
      const report = await drift(
        { ...driftOptions(values, target), alerts: alertOptions(values) },
        log,
      ).catch((error: unknown) => {
        // The check ran: what it found is printed, then the alert's failure fails the run.
        if (error instanceof DriftAlertFailure) print(error.report);
        throw error;
      });
      print(report);
      if (!report.clean && values.failOnDrift)
        throw new FerryError('drift detected', DRIFT_EXIT_CODE);
    });
}

/** Alert settings from flags and CI variables; secrets come from the environment only. */
function alertOptions(flags: DriftValues): AlertOptions | undefined {
  const webhookUrl = flags.webhookEnv ? process.env[flags.webhookEnv] : undefined;
  if (flags.webhookEnv && !webhookUrl)
    throw new ConfigError(`--webhook-env: $${flags.webhookEnv} is not set`);
  const issue = Boolean(flags.alertIssue);
  if (flags.forge === 'gitlab') {
    const gitlab = gitlabTarget(flags, issue);
    if (!gitlab && !webhookUrl) return undefined;
    return {
      cluster: flags.cluster,
      runUrl: stripUserInfo(process.env.CI_JOB_URL ?? '') || undefined,
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(gitlab ? { gitlab: { ...gitlab, issue } } : {}),
    };
  }
  const github = githubTarget({ ...flags, tokenEnv: flags.tokenEnv ?? 'GITHUB_TOKEN' }, issue);
  if (!github && !webhookUrl) return undefined;
  return {
    cluster: flags.cluster,
    runUrl: detectSource(process.env).runUrl || undefined,
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(github ? { github: { ...github, issue: Boolean(flags.alertIssue) } } : {}),
  };
}
