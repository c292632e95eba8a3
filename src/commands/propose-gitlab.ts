import type {
  CommitAction,
  GitLabProject,
  MergeRequestInfo,
} from '../adapters/forge/gitlab-project.js';
import type { EnvRepoWorkspace } from '../adapters/git.js';
import { LostRaceError } from '../core/errors.js';
import type { FileMap, ProposalPlan } from '../core/proposal.js';
import { openGitLabProject, openGitLabWorkspace } from './gitlab-session.js';
import {
  baseResult,
  proposalWords,
  readProposalState,
  type ProposalContext,
  type ProposeOperation,
  type ProposeResult,
} from './propose-context.js';
import { retryLostRaces } from './race-retry.js';

type AttemptResult = Omit<ProposeResult, 'attempts'>;

/**
 * The GitLab half of `ferry propose`. Reads: the project (clone URL and token check), the open
 * merge request, and one shallow `git fetch` of both branches. Writes, when the folder changed:
 * one commit that creates or resets the head branch on the base tip read (`start_sha`, `force`),
 * then creates or updates the merge request. GitLab has no "only if the base is still X", so the
 * base is read again after the writes: a base that moved means the diff was against an old base,
 * a lost race that is re-read and re-planned.
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
  const { tips, baseFiles, basePin, plan } = await readProposalState(context, workspace, cloneUrl);
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
    await checkBase(project, base, tips.base);
    await finish(context, project, opened.written, operation);
    return result(operation, tips.head, opened.written);
  }

  const message = `${words.message.headline}\n\n${words.message.body}\n`;
  const actions = commitActions(context, baseFiles, basePin);
  const sha = await project.commit(branch, tips.base, message, actions, tips.head !== undefined);
  done.committed = true;
  log.info(`committed ${sha} to ${branch}`);
  const { written, created } = await writeMergeRequest(context, project, open, text);
  if (created) done.created = true;
  await checkBase(project, base, tips.base);
  const operation = created ? 'created' : 'updated';
  await finish(context, project, written, operation);
  log.info(`${operation} merge request !${written.iid}: ${written.url}`);
  return result(operation, sha, written);
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

/** The base the proposal was planned on must still be the tip, else re-plan. */
async function checkBase(project: GitLabProject, base: string, planned: string): Promise<void> {
  const tip = await project.branchTip(base);
  if (tip !== planned)
    throw new LostRaceError(`the base branch moved to ${(tip ?? 'nothing').slice(0, 12)}`);
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

/** Commit actions on the base tip: changed files created or updated, vanished ones deleted. */
function commitActions(
  context: ProposalContext,
  baseFiles: FileMap,
  basePin: string | undefined,
): CommitAction[] {
  const prefix = `${context.path}/`;
  const base64 = (text: string, name?: string) =>
    ((name !== undefined && context.bytes?.get(name)) || Buffer.from(text)).toString('base64');
  const actions: CommitAction[] = [...context.files]
    .filter(([name, text]) => baseFiles.get(name) !== text)
    .map(([name, text]) => ({
      action: baseFiles.has(name) ? 'update' : 'create',
      file_path: `${prefix}${name}`,
      content: base64(text, name),
      encoding: 'base64',
    }));
  for (const name of baseFiles.keys())
    if (!context.files.has(name)) actions.push({ action: 'delete', file_path: `${prefix}${name}` });
  const { write, path } = context.pin;
  if (write !== undefined && write !== basePin)
    actions.push({
      action: basePin === undefined ? 'create' : 'update',
      file_path: path,
      content: base64(write),
      encoding: 'base64',
    });
  return actions;
}
