import * as core from '@actions/core';
import { ciPullRequest } from '../adapters/ci-pull-request.js';
import { detectSource } from '../adapters/ci-environment.js';
import { ConfigError } from '../core/errors.js';
import { missingForReport, prepareKubeconfig, reportTarget } from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import { planOptions, targetOf } from '../options/cluster.js';
import type { PlanSettings } from './settings.js';

/**
 * `command: plan`: outputs the counts, the comment's URL and the JSON report; the job summary is
 * the whole plan; with `comment`, one comment per cluster on the pull request, edited on every
 * push; with `commit-status`, `ferry/plan (<cluster>)` on the pull request's head commit. The
 * step fails when the server rejects an object (merging would fail to apply).
 */
export async function runPlan({ values }: PlanSettings): Promise<void> {
  const what = targetOf(values, (option) => `input ${option}`);
  if (what.kind === 'sets') {
    const { runPlanSets } = await import('./run-sets.js');
    return runPlanSets(values, what);
  }
  const { planAndPublish } = await import('../commands/publish/plan-publish.js');
  const { formatPlanMarkdown } = await import('../core/plan-markdown.js');
  const { JOB_SUMMARY_LIMIT } = await import('../core/fold.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const ci = await ciPullRequest(process.env);
  const number = values.pullRequest ?? ci.number;
  if (values.comment && number === undefined)
    throw new ConfigError('input comment needs a pull_request event or input pull-request');
  const target = reportTarget(values);
  if ((values.comment || values.commitStatus) && !target)
    throw new ConfigError(
      `input ${values.comment ? 'comment' : 'commit-status'}: cannot post to GitHub: ${missingForReport(values, false)}`,
    );
  // On a pull request, the status belongs on its head commit (GITHUB_SHA is a test merge).
  const statusSha = values.commitStatus ? (ci.headSha ?? target?.statusSha) : undefined;
  const runUrl = detectSource(process.env).runUrl || undefined;
  const { report, comment } = await core.group('ferry plan', () =>
    planAndPublish(
      { ...planOptions(values, what), kubeconfig },
      {
        ...(target ? { target } : {}),
        ...(values.comment && number !== undefined ? { comment: { number, runUrl } } : {}),
        ...(statusSha ? { statusSha } : {}),
        runUrl,
      },
      actionsLogger,
    ),
  );
  core.setOutput('created', report.counts.created);
  core.setOutput('changed', report.counts.changed);
  core.setOutput('unchanged', report.counts.unchanged);
  core.setOutput('pruned', report.counts.pruned);
  core.setOutput('comment-url', comment?.url ?? '');
  core.setOutput('report', JSON.stringify(report));
  await core.summary
    .addRaw(
      formatPlanMarkdown(report, {
        named: true,
        limit: JOB_SUMMARY_LIMIT,
        whole: 'the `report` output holds the whole plan',
      }),
    )
    .write();
  if (report.counts.rejected > 0)
    core.setFailed(`the server rejects ${report.counts.rejected} object(s); merging would fail`);
}
