import {
  PullRequestExistsError,
  type GitHubEnvRepo,
  type PullRequestInfo,
} from '../../../adapters/forge/github.js';
import type { EnvRepoWorkspace, FetchedBranches } from '../../../adapters/git.js';
import { LostRaceError } from '../../../core/errors.js';
import type { FileMap, ProposalPlan } from '../../../core/proposal.js';
import {
  explainRefusal,
  openGitHubRepo,
  openGitHubWorkspace,
} from '../../publish/github-session.js';
import {
  baseResult,
  proposalWords,
  readProposalState,
  type ProposalContext,
  type ProposeOperation,
  type ProposeResult,
} from './context.js';
import { laterProposalWords } from './settle.js';
import { retryLostRaces } from './race-retry.js';

/**
 * The GitHub half of `ferry propose`. Reads: the repository (clone URL and token check), the
 * open pull request, and one shallow `git fetch` of the base and head branches. Writes, when
 * the folder changed: create or reset the head branch, one createCommitOnBranch, and create or
 * update the pull request — three in all. Every write is checked (compare-and-swap, or the head
 * and base SHAs in GitHub's answer), and a lost race re-reads and retries.
 */
export async function proposeOnGitHub(context: ProposalContext): Promise<ProposeResult> {
  const { github, access } = openGitHubRepo(context.repo, context);
  const needPush = !context.options.dryRun;
  const { workspace, cloneUrl } = await openGitHubWorkspace(github, access, needPush);
  // What this run did across attempts: a retry may find its own earlier write in place.
  const done = { createdPull: false, committed: false };
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptOnGitHub(context, github, workspace, cloneUrl, attempt, done),
      context.retry,
      context.log,
    );
    let operation = value.operation;
    if (done.createdPull) operation = 'created';
    else if (done.committed && operation === 'unchanged') operation = 'updated';
    return { ...value, operation, attempts };
  } catch (error) {
    throw explainRefusal(error, access.hint);
  } finally {
    await workspace.close();
  }
}

type AttemptResult = Omit<ProposeResult, 'attempts'>;

async function attemptOnGitHub(
  context: ProposalContext,
  github: GitHubEnvRepo,
  workspace: EnvRepoWorkspace,
  cloneUrl: string,
  attempt: number,
  done: { createdPull: boolean; committed: boolean },
): Promise<AttemptResult> {
  const { log, base, branch, path } = context;
  log.info(`reading ${github.fullName} (${base}, ${branch})`);
  const { tips, baseFiles, basePin, plan } = await readProposalState(context, workspace, cloneUrl);
  const pull = await github.findOpenPull(branch, base);
  const words = proposalWords(context, baseFiles);
  const result = (
    operation: ProposeOperation,
    headSha: string | undefined,
    pr: PullRequestInfo | undefined,
  ): AttemptResult => ({
    operation,
    ...baseResult(context, words),
    forge: 'github',
    headSha,
    pullRequest: pr && { number: pr.number, url: pr.url },
  });
  if (context.options.dryRun) {
    return result(predicted(plan, pull !== undefined), tips.head, pull);
  }
  await context.beforeWrite(attempt);

  if (plan.kind === 'nothing-to-propose') {
    if (!pull) return result('unchanged', tips.head, undefined);
    const closed = await github.updatePull(pull.number, {
      state: 'closed',
      body: `${pull.body}\n\n---\n_Closed by ferry: ${base} already holds ${context.image.ref} in \`${path}\`._`,
    });
    log.info(`closed pull request #${closed.number}: ${base} already has this content`);
    return result('closed', tips.head, closed);
  }
  if (plan.kind === 'up-to-date') {
    if (pull) {
      await finish(context, github, pull, 'unchanged');
      log.info(`pull request #${pull.number} already proposes this content`);
      return result('unchanged', tips.head, pull);
    }
    // The branch already proposes this (its pull request was closed, or never opened).
    const opened = await writePull(context, github, undefined, words);
    if (opened.created) done.createdPull = true;
    const operation = opened.created ? 'created' : 'unchanged';
    const pr = await settle(
      context,
      github,
      workspace,
      cloneUrl,
      opened.written,
      tips.head!,
      tips.base,
    );
    await finish(context, github, pr, operation);
    return result(operation, tips.head, pr);
  }

  // A new commit: the head branch goes to the base tip first, so the PR is base + one commit.
  if (tips.head === undefined) await github.createBranch(branch, tips.base);
  else if (tips.head !== tips.base) await github.resetBranch(branch, tips.base);
  const text = { title: words.title, body: words.body };
  let oid: string;
  let written: PullRequestInfo;
  let created: boolean;
  try {
    const changes = fileChanges(context, baseFiles, basePin);
    oid = await github.commit(branch, tips.base, words.message, changes);
    done.committed = true;
    log.info(`committed ${oid} to ${branch}`);
    ({ written, created } = await writePull(context, github, pull, text));
  } catch (error) {
    // Nothing half-written: put the branch back as it was (a lost race is the winner's branch).
    if (!(error instanceof LostRaceError)) await undoBranch(context, github, tips);
    throw error;
  }
  if (created) done.createdPull = true;
  written = await settle(context, github, workspace, cloneUrl, written, oid, tips.base);
  const operation = created ? 'created' : 'updated';
  await finish(context, github, written, operation);
  log.info(`${operation} pull request #${written.number}: ${written.url}`);
  return result(operation, oid, written);
}

/** Updates the open pull request, or opens one; one opened by another run meanwhile is updated. */
async function writePull(
  context: ProposalContext,
  github: GitHubEnvRepo,
  pull: PullRequestInfo | undefined,
  text: { title: string; body: string },
): Promise<{ written: PullRequestInfo; created: boolean }> {
  if (pull) return { written: await github.updatePull(pull.number, text), created: false };
  const { branch, base } = context;
  try {
    const draft = context.options.draft ?? false;
    return { written: await github.createPull(branch, base, text, draft), created: true };
  } catch (error) {
    if (!(error instanceof PullRequestExistsError)) throw error;
    const existing = await github.findOpenPull(branch, base);
    if (!existing) throw error;
    return { written: await github.updatePull(existing.number, text), created: false };
  }
}

async function undoBranch(
  context: ProposalContext,
  github: GitHubEnvRepo,
  tips: FetchedBranches,
): Promise<void> {
  try {
    if (tips.head === undefined) await github.deleteBranch(context.branch);
    else await github.resetBranch(context.branch, tips.head);
  } catch (error) {
    context.log.warning(`could not restore ${context.branch}: ${(error as Error).message}`);
  }
}

/** What a dry run would do. */
function predicted(plan: ProposalPlan, hasPull: boolean): ProposeOperation {
  if (plan.kind === 'nothing-to-propose') return hasPull ? 'closed' : 'unchanged';
  if (plan.kind === 'up-to-date') return hasPull ? 'unchanged' : 'created';
  return hasPull ? 'updated' : 'created';
}

/**
 * Makes the pull request's words describe its head, on the base they were computed against.
 * GitHub cannot update a pull request "only if its head is still X", so a run whose commit was
 * replaced by a later run's just before its own PR write may have put stale words over the
 * later run's. It then re-reads the head and describes that commit instead, from the image and
 * build the files record (no new commit: the later run's content stands). A base that moved
 * means the diff was against an old base: that is a lost race, re-read and re-planned.
 */
async function settle(
  context: ProposalContext,
  github: GitHubEnvRepo,
  workspace: EnvRepoWorkspace,
  cloneUrl: string,
  written: PullRequestInfo,
  head: string,
  base: string,
): Promise<PullRequestInfo> {
  for (let round = 0; round < 3 && written.headSha !== head; round++) {
    const tips = await workspace.fetch(cloneUrl, context.base, context.branch);
    const words = await laterProposalWords(context, workspace, tips);
    if (!words) return written;
    written = await github.updatePull(written.number, { title: words.title, body: words.body });
    [head, base] = [tips.head!, tips.base];
  }
  if (written.baseSha !== base)
    throw new LostRaceError(`the base branch moved to ${written.baseSha.slice(0, 12)}`);
  return written;
}

/** Labels, assignees and reviewers the pull request lacks, and auto-merge when asked. */
async function finish(
  context: ProposalContext,
  github: GitHubEnvRepo,
  pull: PullRequestInfo,
  operation: ProposeOperation,
): Promise<void> {
  const { labels = [], assignees = [], reviewers = [], autoMerge } = context.options;
  // Reviewers are asked again only for new content; a review already given stands otherwise.
  const wantReviewers = operation === 'unchanged' ? [] : reviewers;
  await github.decorate(pull, { labels, assignees, reviewers: wantReviewers });
  if (autoMerge && !pull.autoMerge) await github.enableAutoMerge(pull, autoMerge);
}

/**
 * createCommitOnBranch changes on the base tip: changed files added (their exact bytes where
 * known), vanished ones deleted, and the pin written when the proposal writes one.
 */
function fileChanges(context: ProposalContext, baseFiles: FileMap, basePin: string | undefined) {
  const prefix = `${context.path}/`;
  const base64 = (text: string, name?: string) =>
    ((name !== undefined && context.bytes?.get(name)) || Buffer.from(text)).toString('base64');
  const additions = [...context.files]
    .filter(([name, text]) => baseFiles.get(name) !== text)
    .map(([name, text]) => ({ path: `${prefix}${name}`, contents: base64(text, name) }));
  const deletions = [...baseFiles.keys()]
    .filter((name) => !context.files.has(name))
    .map((name) => ({ path: `${prefix}${name}` }));
  const { write, path } = context.pin;
  if (write !== undefined && write !== basePin) additions.push({ path, contents: base64(write) });
  return { additions, deletions };
}
