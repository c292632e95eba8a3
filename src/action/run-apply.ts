import { applyTraceAnnotations } from '../core/applyset.js';
import * as core from '@actions/core';
import { detectSource } from '../adapters/ci-environment.js';
import { redactSecrets } from '../adapters/secrets.js';
import type { ApplyReport } from '../core/apply-report.js';
import { prepareKubeconfig, reportTarget, warnIfNoApplyStatus } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import { applyOptions, targetOf } from '../options/cluster.js';
import type { ApplySettings } from './settings.js';

/**
 * `command: apply`: outputs counts per result and the JSON report; the job summary is a table;
 * with `commit-status`, `ferry/apply (<cluster>)` goes on the commit that was applied.
 */
export async function runApply({ values }: ApplySettings): Promise<void> {
  const what = targetOf(values, (option) => `input ${option}`);
  if (what.kind === 'sets') {
    const { runApplySets } = await import('./run-sets.js');
    return runApplySets(values, what);
  }
  const { apply } = await import('../commands/cluster/apply/apply.js');
  const { ACTIONS, ApplyFailure, formatMarkdown } = await import('../core/apply-report.js');
  const { reportApplyStatus } = await import('../commands/publish/apply-status.js');
  const { JOB_SUMMARY_LIMIT } = await import('../core/fold.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const source = detectSource(process.env);
  const target = reportTarget(values);
  warnIfNoApplyStatus(values, target);
  const publish = async (report: ApplyReport, error?: Error): Promise<void> => {
    for (const action of ACTIONS) core.setOutput(action, report.counts[action]);
    core.setOutput('restored', report.counts.restored);
    core.setOutput('report', redactSecrets(JSON.stringify(report)));
    const summary = formatMarkdown(report, { limit: JOB_SUMMARY_LIMIT });
    await core.summary.addRaw(redactSecrets(summary)).write();
    if (target?.statusSha) {
      const status = {
        ...target,
        sha: target.statusSha,
        cluster: values.cluster,
        runUrl: source.runUrl || undefined,
      };
      await reportApplyStatus(status, report, error, actionsLogger);
    }
  };
  try {
    const report = await apply(
      { ...applyOptions(values, what), kubeconfig, annotations: applyTraceAnnotations(source) },
      actionsLogger,
    );
    await publish(report);
  } catch (error) {
    if (error instanceof ApplyFailure) await publish(error.report, error);
    throw error;
  }
}
