import * as core from '@actions/core';
import { detectSource } from '../adapters/ci-environment.js';
import { redactSecrets } from '../adapters/secrets.js';
import { missingForReport, prepareKubeconfig, reportTarget } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import type { DriftSettings } from './settings.js';

/**
 * `command: drift`: outputs `drifted` (true/false), counts and the JSON report; the job summary
 * is the markdown report; alerts (issue, commit status, webhook) fire on a change of state.
 * With `fail-on-drift`, drift fails the step.
 */
export async function runDrift(settings: DriftSettings): Promise<void> {
  const { drift } = await import('../commands/cluster/drift/drift.js');
  const { driftStatusLine, formatDriftMarkdown } = await import('../core/drift-report.js');
  const { JOB_SUMMARY_LIMIT } = await import('../core/fold.js');
  const kubeconfig = await prepareKubeconfig(settings.kubeconfig);
  const target = reportTarget(settings.report);
  const wantsGitHub = settings.alertIssue || settings.report.commitStatus;
  if (wantsGitHub && !target)
    core.warning(
      `input ${settings.alertIssue ? 'alert-issue' : 'commit-status'}: cannot post to GitHub: ${missingForReport(settings.report, settings.report.commitStatus)}`,
    );
  const github = wantsGitHub && target ? { github: { ...target, issue: settings.alertIssue } } : {};
  const alerts =
    Object.keys(github).length > 0 || settings.webhookUrl
      ? {
          cluster: settings.report.cluster,
          runUrl: detectSource(process.env).runUrl || undefined,
          ...github,
          ...(settings.webhookUrl ? { webhookUrl: settings.webhookUrl } : {}),
        }
      : undefined;
  const report = await core.group('ferry drift', () =>
    drift(
      {
        dir: settings.dir,
        inventory: settings.inventory,
        namespace: settings.namespace,
        ignore: settings.ignore,
        confirm: settings.confirm,
        kubeconfig,
        context: settings.context,
        requestTimeoutMs: settings.requestTimeoutMs,
        alerts,
      },
      actionsLogger,
    ),
  );
  core.setOutput('drifted', String(!report.clean));
  for (const kind of ['drifted', 'missing', 'extra'] as const) {
    core.setOutput(`${kind}-objects`, report.counts[kind]);
  }
  core.setOutput('report', redactSecrets(JSON.stringify(report)));
  await core.summary
    .addRaw(
      redactSecrets(
        formatDriftMarkdown(report, {
          cluster: settings.report.cluster,
          limit: JOB_SUMMARY_LIMIT,
          whole: 'the `report` output holds every field',
        }),
      ),
    )
    .write();
  if (!report.clean && settings.failOnDrift)
    core.setFailed(`drift detected: ${driftStatusLine(report)}`);
}
