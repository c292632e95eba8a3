import type { GitLabProject, MergeRequestInfo } from '../../../adapters/forge/gitlab-project.js';
import type { EnvRepoWorkspace } from '../../../adapters/git.js';
import { LostRaceError } from '../../../core/errors.js';
import type { ProposalPlan } from '../../../core/proposal.js';
import { openGitLabProject, openGitLabWorkspace } from '../../publish/gitlab-session.js';
import {
  baseResult,
  proposalWords,
  readProposalState,
  type ProposalContext,
  type ProposeOperation,
  type ProposeResult,
} from './context.js';
import { commitProposal } from './commit.js';
import { laterProposalWords } from './settle.js';
import { retryLostRaces } from './race-retry.js';

type AttemptResult = Omit<ProposeResult, 'attempts'>;

/**
 * The GitLab half of `ferry propose`. Reads: the project (clone URL and token check), the open
 * merge request, and one shallow `git fetch` of both branches. Writes, when the folder changed:
 * base + one commit built with git plumbing, pushed over HTTPS with
 * `--force-with-lease=<branch>:<tip we read>` (GitLab's commits API has no "only if the branch
 * is still X": concurrent runs would overwrite each other unseen), then the merge request through
 * the API. A push that loses, or a base that moved by the time the merge request is written, is
 * a lost race: re-read, re-plan, retry.
 */
export async function proposeOnGitLab(context: ProposalContext): Promise<ProposeResult> {
  const { project, token } = openGitLabProject(context.repo, {
    options: context.options,
    env: context.env,
    log: context.log,
  });
  const { workspace, cloneUrl } = await openGitLabWorkspace(
    project,
    token,
    !context.options.dryRun,
  );
  const done = { created: false, committed: false };
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptOnGitLab(context, project, workspace, cloneUrl, attempt, done),
      context.retry,
      context.log,
    );
    let operation = value.operation;
    if (done.created) operation = 'created';
    else if (done.committed && operation === 'unchanged') operation = 'updated';
    return { ...value, operation, attempts };
  } finally {
    await workspace.close();
  }
}

async function attemptOnGitLab(
  context: ProposalContext,
  project: GitLabProject,
  workspace: EnvRepoWorkspace,
  cloneUrl: string,
  attempt: number,
  done: { created: boolean; committed: boolean },
): Promise<AttemptResult> {
  const { log, base, branch, path } = context;
  log.info(`reading ${project.fullPath} (${base}, ${branch})`);
  const { tips, baseFiles, plan } = await readProposalState(context, workspace, cloneUrl);
  const open = await project.findOpenMergeRequest(branch, base);
  const words = proposalWords(context, baseFiles);
  const result = (
    operation: ProposeOperation,
    headSha: string | undefined,
    mr: MergeRequestInfo | undefined,
  ): AttemptResult => ({
    operation,
    ...baseResult(context, words),
    forge: 'gitlab',
    headSha,
    pullRequest: mr && { number: mr.iid, url: mr.url },
  });
  if (context.options.dryRun) return result(predicted(plan, open !== undefined), tips.head, open);
  await context.beforeWrite(attempt);

  if (plan.kind === 'nothing-to-propose') {
    if (!open) return result('unchanged', tips.head, undefined);
    const closed = await project.updateMergeRequest(open.iid, {
      state_event: 'close',
      description: `${open.description}\n\n---\n_Closed by ferry: ${base} already holds ${context.image.ref} in \`${path}\`._`,
    });
    log.info(`closed merge request !${closed.iid}: ${base} already has this content`);
    return result('closed', tips.head, closed);
  }
  const text = { title: words.title, description: words.body };
  if (plan.kind === 'up-to-date') {
    if (open) {
      await finish(context, project, open, 'unchanged');
      log.info(`merge request !${open.iid} already proposes this content`);
      return result('unchanged', tips.head, open);
    }
    const opened = await writeMergeRequest(context, project, undefined, text);
    if (opened.created) done.created = true;
    const operation = opened.created ? 'created' : 'unchanged';
    const mr = await settle(context, project, workspace, cloneUrl, opened.written, tips);
    await finish(context, project, mr, operation);
    return result(operation, tips.head, mr);
  }

  const sha = await commitProposal(context, workspace, tips.base, words);
  await workspace.push(cloneUrl, sha, branch, tips.head);
  done.committed = true;
  log.info(`pushed ${sha} to ${branch} (base ${base} + one commit)`);
  const { written, created } = await writeMergeRequest(context, project, open, text);
  if (created) done.created = true;
  const mr = await settle(context, project, workspace, cloneUrl, written, { ...tips, head: sha });
  const operation = created ? 'created' : 'updated';
  await finish(context, project, mr, operation);
  log.info(`${operation} merge request !${mr.iid}: ${mr.url}`);
  return result(operation, sha, mr);
}

/** Updates the open merge request or opens one; one opened meanwhile by another run is updated. */
async function writeMergeRequest(
  context: ProposalContext,
  project: GitLabProject,
  open: MergeRequestInfo | undefined,
  text: { title: string; description: string },
): Promise<{ written: MergeRequestInfo; created: boolean }> {
  if (open) return { written: await project.updateMergeRequest(open.iid, text), created: false };
  const { branch, base } = context;
  const title = context.options.draft ? `Draft: ${text.title}` : text.title;
  try {
    const written = await project.createMergeRequest({
      source_branch: branch,
      target_branch: base,
      ...text,
      title,
    });
    return { written, created: true };
  } catch (error) {
    if (!(error instanceof LostRaceError)) throw error;
    const existing = await project.findOpenMergeRequest(branch, base);
    if (!existing) throw error;
    return { written: await project.updateMergeRequest(existing.iid, text), created: false };
  }
}

/**
 * Makes the merge request's words describe its head, on the base they were computed against.
 * GitLab cannot update a merge request "only if its head is still X", so a run whose commit was
 * replaced by a later run's just before its own write may have put stale words over the later
 * run's: the branches are read again after the write (from git: the merge request's `sha`
 * follows a push only once GitLab has processed it), and another run's commit is described
 * instead. A base that moved means the diff was against an old base: a lost race.
 */
async function settle(
  context: ProposalContext,
  project: GitLabProject,
  workspace: EnvRepoWorkspace,
  cloneUrl: string,
  mr: MergeRequestInfo,
  planned: { base: string; head: string | undefined },
): Promise<MergeRequestInfo> {
  let head = planned.head;
  for (let round = 0; round < 3; round++) {
    const tips = await workspace.fetch(cloneUrl, context.base, context.branch);
    if (tips.base !== planned.base)
      throw new LostRaceError(`the base branch moved to ${tips.base.slice(0, 12)}`);
    if (tips.head === head) return mr;
    const words = await laterProposalWords(context, workspace, tips);
    if (!words) return mr;
    mr = await project.updateMergeRequest(mr.iid, { title: words.title, description: words.body });
    head = tips.head;
  }
  return mr;
}

/** Labels the merge request lacks, reviewers and assignees by numeric id, and auto-merge. */
async function finish(
  context: ProposalContext,
  project: GitLabProject,
  mr: MergeRequestInfo,
  operation: ProposeOperation,
): Promise<void> {
  const { labels = [], assignees = [], reviewers = [], autoMerge } = context.options;
  const ids = (names: string[], what: string) => {
    const bad = names.filter((name) => !/^\d+$/.test(name));
    if (bad.length > 0)
      context.log.warning(`GitLab takes ${what} as user ids; ignoring ${bad.join(', ')}`);
    return names.filter((name) => /^\d+$/.test(name)).map(Number);
  };
  const missing = labels.filter((label) => !mr.labels.includes(label));
  const assigneeIds = ids(assignees, 'assignees');
  // Reviewers are asked again only for new content; a review already given stands otherwise.
  const reviewerIds = operation === 'unchanged' ? [] : ids(reviewers, 'reviewers');
  const change = {
    ...(missing.length > 0 ? { add_labels: missing.join(',') } : {}),
    ...(assigneeIds.length > 0 ? { assignee_ids: assigneeIds } : {}),
    ...(reviewerIds.length > 0 ? { reviewer_ids: reviewerIds } : {}),
  };
  if (Object.keys(change).length > 0) await project.updateMergeRequest(mr.iid, change);
  if (autoMerge && !mr.autoMerge)
    await project.mergeWhenPipelineSucceeds(mr.iid, autoMerge === 'squash');
}

function predicted(plan: ProposalPlan, hasMergeRequest: boolean): ProposeOperation {
  if (plan.kind === 'nothing-to-propose') return hasMergeRequest ? 'closed' : 'unchanged';
  if (plan.kind === 'up-to-date') return hasMergeRequest ? 'unchanged' : 'created';
  return hasMergeRequest ? 'updated' : 'created';
}
