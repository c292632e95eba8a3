import * as core from '@actions/core';
import { detectSource } from '../adapters/ci-environment.js';
import { redactSecrets } from '../adapters/secrets.js';
import { missingForReport, prepareKubeconfig, reportTarget } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import type { DriftReport } from '../core/drift.js';
import { driftOptions, targetOf } from '../options/cluster.js';
import type { DriftSettings } from './settings.js';

/**
 * `command: drift`: outputs `drifted` (true/false), counts and the JSON report; the job summary
 * is the markdown report; alerts (issue, commit status, webhook) fire on a change of state.
 * With `fail-on-drift`, drift fails the step.
 */
export async function runDrift({ values }: DriftSettings): Promise<void> {
  const what = targetOf(values, (option) => `input ${option}`);
  const { drift } = await import('../commands/cluster/drift/drift.js');
  const { driftStatusLine, formatDriftMarkdown } = await import('../core/drift-report.js');
  const { DriftAlertFailure } = await import('../core/drift.js');
  const { JOB_SUMMARY_LIMIT } = await import('../core/fold.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const forge = reportTarget(values);
  const wantsGitHub = values.alertIssue || values.commitStatus;
  if (wantsGitHub && !forge)
    core.warning(
      `input ${values.alertIssue ? 'alert-issue' : 'commit-status'}: cannot post to GitHub: ${missingForReport(values, Boolean(values.commitStatus))}`,
    );
  const github = wantsGitHub && forge ? { github: { ...forge, issue: values.alertIssue } } : {};
  const alerts =
    Object.keys(github).length > 0 || values.webhookUrl
      ? {
          cluster: values.cluster,
          runUrl: detectSource(process.env).runUrl || undefined,
          ...github,
          ...(values.webhookUrl ? { webhookUrl: values.webhookUrl } : {}),
        }
      : undefined;
  if (what.kind === 'sets') {
    const { runDriftSets } = await import('./run-sets.js');
    return runDriftSets(values, what, alerts);
  }
  const publish = async (report: DriftReport): Promise<void> => {
    core.setOutput('drifted', String(!report.clean));
    for (const kind of ['drifted', 'missing', 'extra'] as const) {
      core.setOutput(`${kind}-objects`, report.counts[kind]);
    }
    core.setOutput('report', redactSecrets(JSON.stringify(report)));
    const summary = formatDriftMarkdown(report, {
      cluster: values.cluster,
      limit: JOB_SUMMARY_LIMIT,
      whole: 'the `report` output holds every field',
    });
    await core.summary.addRaw(redactSecrets(summary)).write();
  };
  const report = await core
    .group('ferry drift', () =>
      drift({ ...driftOptions(values, what), kubeconfig, alerts }, actionsLogger),
    )
    .catch(async (error: unknown) => {
      // The check ran: its outputs and summary stand, then the alert's failure fails the step.
      if (error instanceof DriftAlertFailure) await publish(error.report);
      throw error;
    });
  await publish(report);
  if (!report.clean && values.failOnDrift)
    core.setFailed(`drift detected: ${driftStatusLine(report)}`);
}
