import type { Logger } from '../../adapters/logger.js';
import { postClusterStatus } from '../../adapters/alerts/github.js';
import { postGitLabApplyStatus } from '../../adapters/alerts/gitlab.js';
import { gitlabError } from '../../adapters/forge/gitlab.js';
import { forgeError } from '../../adapters/forge/github.js';
import { githubClient } from '../../adapters/forge/octokit.js';
import {
  upsertMergeRequestNote,
  upsertPullRequestComment,
  type StickyComment,
} from '../../adapters/forge/sticky-comment.js';
import { ConfigError } from '../../core/errors.js';
import {
  formatPlanMarkdown,
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
} from '../../core/plan-markdown.js';
import type { PlanReport } from '../../core/plan.js';
import { planSummary } from '../../core/plan.js';
import { gitlabReportProject, type GitLabReportTarget } from './gitlab-session.js';
import { plan, type PlanOptions } from '../cluster/plan/plan.js';

/** Where a plan's comment and commit status go: a GitHub repository or a GitLab project. */
export type PlanForgeTarget =
  | { forge?: 'github'; token: string; apiUrl?: string; /** `owner/name`. */ repo: string }
  | ({ forge: 'gitlab' } & GitLabReportTarget);

export interface PlanCommentOptions {
  /** Pull request number (GitLab: merge request iid). */
  number: number;
  /** The job summary, where sections that do not fit in the comment can be read. */
  runUrl?: string;
  /** GitLab: the merge request's web address, to link the note. */
  mergeRequestUrl?: string;
}

/** The hidden marker that finds a plan's comment again: one per cluster and inventory. */
export function planMarker(report: PlanReport): string {
  const where = `${report.cluster}:${report.inventory.namespace}/${report.inventory.name}`;
  // `--` would end the HTML comment early; a cluster name is free text.
  return `<!-- ferry-plan:${where.replace(/--/g, '-\u200b-')} -->`;
}

function githubRepo(target: { repo: string }): { owner: string; repo: string } {
  const [owner, repo, extra] = target.repo.split('/');
  if (!owner || !repo || extra !== undefined)
    throw new ConfigError(`repository "${target.repo}" is not owner/name`);
  return { owner, repo };
}

/**
 * Posts the plan on the pull request (merge request): one comment per cluster and inventory,
 * edited in place on every push, folded under GitHub's size limit.
 */
export async function postPlanComment(
  target: PlanForgeTarget,
  options: PlanCommentOptions,
  report: PlanReport,
  log: Logger,
): Promise<StickyComment> {
  const marker = planMarker(report);
  const markdown = formatPlanMarkdown(report, {
    title: `ferry plan for ${report.cluster}`,
    limit: commentLimit(target) - marker.length - 1,
    moreUrl: options.runUrl,
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
  let comment: StickyComment;
  if (target.forge === 'gitlab') {
    const project = gitlabReportProject(target, 'project', log);
    try {
      comment = await upsertMergeRequestNote(
        project,
        options.number,
        marker,
        body,
        options.mergeRequestUrl,
      );
    } catch (error) {
      throw gitlabError(error, `posting the plan on merge request !${options.number}`);
    }
  } else {
    const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
    try {
      comment = await upsertPullRequestComment(
        client,
        { ...githubRepo(target), number: options.number },
        marker,
        body,
      );
    } catch (error) {
      throw forgeError(error, `posting the plan on pull request #${options.number}`);
    }
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
  const description = error
    ? `failed: ${error.message.split('\n')[0]}`
    : report
      ? planSummary(report)
      : 'no plan';
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
  if (target.forge === 'gitlab') {
    const project = gitlabReportProject(target, 'status project', log);
    try {
      await postGitLabApplyStatus(
        project,
        subject.cluster,
        subject.sha,
        succeeded,
        description,
        subject.runUrl,
        'plan',
      );
    } catch (failure) {
      throw gitlabError(failure, `posting the plan status to ${target.project}`);
    }
  } else {
    const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
    await postClusterStatus(
      client,
      { ...githubRepo(target), cluster: subject.cluster },
      subject.sha,
      'plan',
      succeeded,
      description,
      subject.runUrl,
    );
  }
  log.info(
    `commit status ferry/plan (${subject.cluster}) on ${subject.sha.slice(0, 12)}: ${succeeded ? 'success' : 'failure'}`,
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
