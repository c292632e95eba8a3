import * as core from '@actions/core';
import { detectSource } from '../adapters/ci-environment.js';
import { redactSecrets } from '../adapters/secrets.js';
import { prepareKubeconfig, reportTarget } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import { driftOptions } from '../options/cluster.js';
import type { DriftSettings } from './settings.js';

/**
 * `command: drift`: outputs `drifted` (true/false), counts and the JSON report; the job summary
 * is the markdown report; alerts (issue, commit status, webhook) fire on a change of state.
 * With `fail-on-drift`, drift fails the step.
 */
export async function runDrift({ values }: DriftSettings): Promise<void> {
  const { drift } = await import('../commands/cluster/drift/drift.js');
  const { formatDriftMarkdown } = await import('../core/drift-report.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const target = reportTarget(values);
  const wantsGitHub = values.alertIssue || values.commitStatus;
  if (wantsGitHub && !target)
    core.warning(
      'drift alerts to GitHub need a token (input token or GITHUB_TOKEN) and GITHUB_REPOSITORY',
    );
  const github = wantsGitHub && target ? { github: { ...target, issue: values.alertIssue } } : {};
  const alerts =
    Object.keys(github).length > 0 || values.webhookUrl
      ? {
          cluster: values.cluster,
          runUrl: detectSource(process.env).runUrl || undefined,
          ...github,
          ...(values.webhookUrl ? { webhookUrl: values.webhookUrl } : {}),
        }
      : undefined;
  const report = await core.group('ferry drift', () =>
    drift({ ...driftOptions(values), kubeconfig, alerts }, actionsLogger),
  );
  core.setOutput('drifted', String(!report.clean));
  for (const kind of ['drifted', 'missing', 'extra'] as const) {
    core.setOutput(`${kind}-objects`, report.counts[kind]);
  }
  core.setOutput('report', redactSecrets(JSON.stringify(report)));
  await core.summary
    .addRaw(redactSecrets(formatDriftMarkdown(report, `ferry drift on ${values.cluster}`)))
    .write();
  if (!report.clean && values.failOnDrift)
    core.setFailed(`drift detected: ${report.objects.length} object(s) differ from git`);
}
