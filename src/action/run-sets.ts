import * as core from '@actions/core';
import { detectSource } from '../adapters/ci-environment.js';
import { ciPullRequest } from '../adapters/ci-pull-request.js';
import { redactSecrets } from '../adapters/secrets.js';
import { ConfigError, FerryError } from '../core/errors.js';
import { JOB_SUMMARY_LIMIT } from '../core/fold.js';
import {
  formatSetsMarkdown,
  SET_RESULTS,
  setsSummary,
  worstExitCode,
  type SetsReport,
} from '../core/sets-report.js';
import {
  applyAllOptions,
  driftAllOptions,
  planAllOptions,
  refuseFolderOptionsWithSets,
  type ApplyValues,
  type DriftValues,
  type PlanValues,
} from '../options/cluster.js';
import type { Target } from '../options/common.js';
import { listSetsOptions, statusOptions } from '../options/sets.js';
import {
  missingForReport,
  prepareKubeconfig,
  reportTarget,
  warnIfNoApplyStatus,
} from './kubeconfig.js';
import { actionsLogger } from './logger.js';
import type { AlertOptions } from '../commands/publish/drift-alerts.js';
import type { SetsSettings, StatusSettings } from './settings.js';

/**
 * The action's side of `all: true` / `set:` for apply, plan and drift, and the `sets` and
 * `status` commands: outputs per result, the JSON report, and the job summary (every set's
 * table, each set's detail folded).
 */

type SetsTarget = Extract<Target, { kind: 'sets' }>;
const named = (option: string): string => `input ${option}`;

/**
 * Outputs and job summary of a run over sets (folded under GitHub's 1 MiB, each set's detail
 * too); fails the step with the worst set's result.
 */
async function publish(
  report: SetsReport<unknown>,
  detail: (r: never, limit: number) => string,
): Promise<void> {
  for (const result of SET_RESULTS) core.setOutput(`sets-${result}`, report.counts[result]);
  core.setOutput('report', redactSecrets(JSON.stringify(report)));
  const summary = formatSetsMarkdown(report, (r) => detail(r as never, JOB_SUMMARY_LIMIT), {
    limit: JOB_SUMMARY_LIMIT,
    whole: 'the `report` output holds every set',
  });
  await core.summary.addRaw(redactSecrets(summary)).write();
  const worst = worstExitCode(report.sets);
  if (worst !== 0)
    throw new FerryError(`${report.command} on ${report.cluster}: ${setsSummary(report)}`, worst);
}

/** `command: apply` with `all: true` or `set:`; with `commit-status`, one status for the run. */
export async function runApplySets(values: ApplyValues, target: SetsTarget): Promise<void> {
  refuseFolderOptionsWithSets(values, named);
  const { applyAll } = await import('../commands/cluster/sets/apply-all.js');
  const { formatMarkdown } = await import('../core/apply-report.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const runUrl = detectSource(process.env).runUrl || undefined;
  const report = await applyAll(
    { ...applyAllOptions(values, target), kubeconfig, ...(runUrl ? { runUrl } : {}) },
    actionsLogger,
  );
  const status = reportTarget(values);
  warnIfNoApplyStatus(values, status);
  if (status?.statusSha) {
    const { postApplyStatus } = await import('../commands/publish/apply-status.js');
    const subject = { sha: status.statusSha, cluster: values.cluster, runUrl };
    const ok = worstExitCode(report.sets) === 0;
    await postApplyStatus({ ...status, ...subject }, ok, setsSummary(report), actionsLogger);
  }
  await publish(report, (r, limit) => formatMarkdown(r, { limit }));
}

/** `command: plan` with `all: true`: one comment per cluster for the sets the pull request touches. */
export async function runPlanSets(values: PlanValues, target: SetsTarget): Promise<void> {
  refuseFolderOptionsWithSets(values, named);
  const { planAllAndPublish } = await import('../commands/publish/plan-all-publish.js');
  const { formatPlanMarkdown } = await import('../core/plan-markdown.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const ci = await ciPullRequest(process.env);
  const number = values.pullRequest ?? ci.number;
  if (values.comment && number === undefined)
    throw new ConfigError('input comment needs a pull_request event or input pull-request');
  const forge = reportTarget(values);
  if ((values.comment || values.commitStatus) && !forge)
    throw new ConfigError(
      `input ${values.comment ? 'comment' : 'commit-status'}: cannot post to GitHub: ${missingForReport(values, false)}`,
    );
  const statusSha = values.commitStatus ? (ci.headSha ?? forge?.statusSha) : undefined;
  const runUrl = detectSource(process.env).runUrl || undefined;
  const { report, comment } = await planAllAndPublish(
    { ...planAllOptions(values, target), kubeconfig },
    {
      ...(forge ? { target: forge } : {}),
      ...(values.comment && number !== undefined ? { comment: { number, runUrl } } : {}),
      ...(statusSha ? { statusSha } : {}),
      runUrl,
    },
    actionsLogger,
  );
  core.setOutput('comment-url', comment?.url ?? '');
  await publish(report, (r, limit) => formatPlanMarkdown(r, { limit }));
}

/** `command: drift` with `all: true`: every set's drift, alerts per set. */
export async function runDriftSets(
  values: DriftValues,
  target: SetsTarget,
  alerts: AlertOptions | undefined,
): Promise<void> {
  refuseFolderOptionsWithSets(values, named);
  const { driftAll } = await import('../commands/cluster/sets/drift-all.js');
  const { formatDriftMarkdown } = await import('../core/drift-report.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const report = await driftAll(
    { ...driftAllOptions(values, target), kubeconfig, ...(alerts ? { alerts } : {}) },
    actionsLogger,
  );
  const drifted = report.sets.filter((row) => row.report && !row.report.clean);
  core.setOutput('drifted', String(drifted.length > 0));
  await publish(report, (r, limit) => formatDriftMarkdown(r, { limit }));
  if (drifted.length > 0 && values.failOnDrift)
    core.setFailed(
      `drift detected in ${drifted.length} set(s): ${drifted.map((r) => r.set).join(', ')}`,
    );
}

/** `command: sets`: the matrix (`matrix`, `count`) and the list (`sets`) for later jobs. */
export async function runSets({ values }: SetsSettings): Promise<void> {
  const { listSets } = await import('../commands/cluster/sets/list.js');
  const { githubMatrix, formatSetsList } = await import('../core/sets-output.js');
  const kubeconfig = values.changed ? await prepareKubeconfig(values.kubeconfig) : undefined;
  const entries = await listSets({ ...listSetsOptions(values), kubeconfig }, actionsLogger);
  core.setOutput('matrix', githubMatrix(entries));
  core.setOutput('count', entries.length);
  core.setOutput('sets', JSON.stringify(entries));
  core.info(formatSetsList(entries));
}

/** `command: status`: each set's standing as JSON (`report`) and a table in the job summary. */
export async function runStatus({ values }: StatusSettings): Promise<void> {
  const { setsStatus } = await import('../commands/cluster/sets/status.js');
  const { codeSpan } = await import('../core/markdown.js');
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const report = await setsStatus({ ...statusOptions(values), kubeconfig }, actionsLogger);
  core.setOutput('report', redactSecrets(JSON.stringify(report)));
  const rows = report.sets.map(
    (s) =>
      `| ${codeSpan(s.set, true)} | ${codeSpan(s.path, true)} | ${s.state} | ${s.record?.commit ? codeSpan(s.record.commit.slice(0, 12)) : ''} | ${s.record?.at ?? ''} |`,
  );
  await core.summary
    .addRaw(
      [
        `### ferry status on ${codeSpan(report.cluster)}`,
        '',
        '| set | folder | state | commit applied | when |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    )
    .write();
}
