import type { Logger } from '../../adapters/logger.js';
import type { StickyComment } from '../../adapters/forge/sticky-comment.js';
import { hiddenMarker, inlineCode } from '../../core/markdown.js';
import { formatPlanMarkdown } from '../../core/plan-markdown.js';
import type { PlanReport } from '../../core/plan.js';
import {
  formatSetsMarkdown,
  setsSummary,
  worstExitCode,
  type SetsReport,
} from '../../core/sets-report.js';
import { planAll, type PlanAllOptions } from '../cluster/sets/plan-all.js';
import {
  commentLimit,
  commentRest,
  postPlanStatus,
  postStickyComment,
  type PlanPublishing,
} from './plan-publish.js';

/** The hidden marker of a cluster's `plan --all` comment: one per pull request and cluster. */
export function setsPlanMarker(cluster: string): string {
  return hiddenMarker('plan-sets', cluster);
}

/**
 * The comment for a cluster: every set's plan, folded under the forge's limit (whole rows; what
 * is left out is named, with where the rest is).
 */
export function setsPlanComment(
  report: SetsReport<PlanReport>,
  limit: number,
  runUrl: string | undefined,
): string {
  const detail = (r: PlanReport): string =>
    formatPlanMarkdown(r, {
      title: inlineCode(`${r.inventory.namespace}/${r.inventory.name}`),
      limit,
      whole: commentRest(runUrl),
    });
  return formatSetsMarkdown(report, detail, { limit, whole: commentRest(runUrl) });
}

/** `plan --all`, then its comment (one per cluster) and `ferry/plan (<cluster>)`. */
export async function planAllAndPublish(
  options: PlanAllOptions,
  publishing: PlanPublishing,
  log: Logger,
): Promise<{ report: SetsReport<PlanReport>; comment?: StickyComment }> {
  const report = await planAll(options, log);
  const { target } = publishing;
  let comment: StickyComment | undefined;
  if (target && publishing.comment) {
    const marker = setsPlanMarker(options.cluster);
    const markdown = setsPlanComment(
      report,
      commentLimit(target) - marker.length - 1,
      publishing.comment.runUrl,
    );
    comment = await postStickyComment(target, publishing.comment, marker, markdown, log);
  }
  if (target && publishing.statusSha) {
    const subject = {
      sha: publishing.statusSha,
      cluster: options.cluster,
      runUrl: publishing.runUrl,
    };
    const ok = worstExitCode(report.sets) === 0;
    await postPlanStatus(target, subject, ok, setsSummary(report), log);
  }
  return { report, ...(comment ? { comment } : {}) };
}
