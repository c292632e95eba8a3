import type { Logger } from '../../adapters/logger.js';
import {
  upsertMergeRequestNote,
  upsertPullRequestComment,
  type StickyComment,
} from '../../adapters/forge/sticky-comment.js';
import { GITHUB_COMMENT_LIMIT, GITLAB_NOTE_LIMIT } from '../../core/fold.js';
import { hiddenMarker, link } from '../../core/markdown.js';
import { formatPlanMarkdown } from '../../core/plan-markdown.js';
import type { PlanReport } from '../../core/plan.js';
import { planSummary } from '../../core/plan.js';
import { failedDescription, publishClusterStatus } from './commit-status.js';
import { openReportForge, type ReportTarget } from './report-target.js';
import { plan, type PlanOptions } from '../cluster/plan/plan.js';

/** Where a plan's comment and commit status go: a GitHub repository or a GitLab project. */
export type PlanForgeTarget = ReportTarget;

export interface PlanCommentOptions {
  /** Pull request number (GitLab: merge request iid). */
  number: number;
  /** The run, where what does not fit in the comment can be read. */
  runUrl?: string;
  /** GitLab: the merge request's web address, to link the note. */
  mergeRequestUrl?: string;
}

/** The hidden marker that finds a plan's comment again: one per cluster and inventory. */
export function planMarker(report: PlanReport): string {
  return hiddenMarker(
    'plan',
    `${report.cluster}:${report.inventory.namespace}/${report.inventory.name}`,
  );
}

/** Where a comment says the rest of a folded report is. */
export function commentRest(runUrl: string | undefined): string {
  return runUrl
    ? `the ${link('run', runUrl)} has the rest (its job summary, and its \`report\` output for everything)`
    : 'the job summary has the rest';
}

/**
 * Posts the plan on the pull request (merge request): one comment per cluster and inventory,
 * edited in place on every push, folded under the forge's size limit.
 */
export async function postPlanComment(
  target: PlanForgeTarget,
  options: PlanCommentOptions,
  report: PlanReport,
  log: Logger,
): Promise<StickyComment> {
  const marker = planMarker(report);
  const markdown = formatPlanMarkdown(report, {
    named: true,
    limit: commentLimit(target) - marker.length - 1,
    whole: commentRest(options.runUrl),
  });
  return postStickyComment(target, options, marker, markdown, log);
}

/** The longest comment (note) body the forge takes. */
export function commentLimit(target: PlanForgeTarget): number {
  return target.forge === 'gitlab' ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT;
}

/** Creates or edits the pull request comment (merge request note) found by `marker`. */
export async function postStickyComment(
  target: PlanForgeTarget,
  options: PlanCommentOptions,
  marker: string,
  markdown: string,
  log: Logger,
): Promise<StickyComment> {
  const body = `${marker}\n${markdown}`;
  const forge = openReportForge(target, 'comment', log);
  let comment: StickyComment;
  try {
    comment =
      forge.forge === 'gitlab'
        ? await upsertMergeRequestNote(
            forge.project,
            options.number,
            marker,
            body,
            options.mergeRequestUrl,
          )
        : await upsertPullRequestComment(
            forge.client,
            { owner: forge.owner, repo: forge.repo, number: options.number },
            marker,
            body,
          );
  } catch (error) {
    const where = forge.forge === 'gitlab' ? 'merge request !' : 'pull request #';
    throw forge.failure(error, `posting the plan on ${where}${options.number}`);
  }
  log.info(`plan comment ${comment.outcome}${comment.url ? `: ${comment.url}` : ''}`);
  return comment;
}

/** Posts `ferry/plan (<cluster>)`: success with the counts, or failure with the reason. */
export async function reportPlanStatus(
  target: PlanForgeTarget,
  subject: { sha: string; cluster: string; runUrl?: string },
  report: PlanReport | undefined,
  error: Error | undefined,
  log: Logger,
): Promise<void> {
  const description = error ? failedDescription(error) : report ? planSummary(report) : 'no plan';
  await postPlanStatus(target, subject, !error, description, log);
}

/** Posts `ferry/plan (<cluster>)` with `description`. */
export async function postPlanStatus(
  target: PlanForgeTarget,
  subject: { sha: string; cluster: string; runUrl?: string },
  succeeded: boolean,
  description: string,
  log: Logger,
): Promise<void> {
  const { sha, cluster, runUrl } = subject;
  await publishClusterStatus(
    target,
    { check: 'plan', cluster, sha, succeeded, description, ...(runUrl ? { runUrl } : {}) },
    log,
  );
}

/** Where a plan is published besides the report: the pull request comment and commit status. */
export interface PlanPublishing {
  target?: PlanForgeTarget;
  /** Post the plan on this pull request (merge request). */
  comment?: PlanCommentOptions;
  /** Post `ferry/plan (<cluster>)` on this commit. */
  statusSha?: string;
  runUrl?: string;
}

/**
 * Plans and publishes: the comment, then the commit status (failure when the server rejects an
 * object, or when the plan could not be made, whose error is then rethrown).
 */
export async function planAndPublish(
  options: PlanOptions,
  publishing: PlanPublishing,
  log: Logger,
): Promise<{ report: PlanReport; comment?: StickyComment }> {
  const { target, statusSha } = publishing;
  const subject = statusSha && {
    sha: statusSha,
    cluster: options.cluster ?? 'default',
    runUrl: publishing.runUrl,
  };
  let report: PlanReport;
  try {
    report = await plan(options, log);
  } catch (error) {
    if (target && subject) await reportPlanStatus(target, subject, undefined, error as Error, log);
    throw error;
  }
  const comment =
    target && publishing.comment
      ? await postPlanComment(target, publishing.comment, report, log)
      : undefined;
  if (target && subject) {
    const rejected = report.counts.rejected;
    const error = rejected > 0 ? new Error(`the server rejects ${rejected} object(s)`) : undefined;
    await reportPlanStatus(target, subject, report, error, log);
  }
  return { report, ...(comment ? { comment } : {}) };
}
