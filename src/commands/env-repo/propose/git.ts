import { EnvRepoWorkspace } from '../../../adapters/git.js';
import type { ProposalPlan } from '../../../core/proposal.js';
import {
  baseResult,
  proposalWords,
  readProposalState,
  type ProposalContext,
  type ProposeOperation,
  type ProposeResult,
} from './context.js';
import { commitProposal } from './commit.js';
import { retryLostRaces } from './race-retry.js';

/**
 * The plain-git half of `ferry propose` (`forge: git`, a git URL or a local path): fetch the
 * base and head branches shallowly, build base + one commit with git plumbing, and push the
 * head branch with `--force-with-lease=<branch>:<tip we read>`, so a concurrent push is never
 * overwritten unseen. There is no pull request; the branch is the proposal. Credentials are
 * git's own (SSH agent, credential helper).
 */
export async function proposeWithGit(context: ProposalContext): Promise<ProposeResult> {
  const workspace = await EnvRepoWorkspace.open();
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptWithGit(context, workspace, attempt),
      context.retry,
      context.log,
    );
    return { ...value, attempts };
  } finally {
    await workspace.close();
  }
}

async function attemptWithGit(
  context: ProposalContext,
  workspace: EnvRepoWorkspace,
  attempt: number,
): Promise<Omit<ProposeResult, 'attempts'>> {
  const { log, repo, base, branch } = context;
  log.info(`reading ${repo} (${base}, ${branch})`);
  const { tips, baseFiles, plan } = await readProposalState(context, workspace, repo);
  const words = proposalWords(context, baseFiles);
  const result = (operation: ProposeOperation, headSha: string | undefined) => ({
    operation,
    ...baseResult(context, words),
    forge: 'git' as const,
    headSha,
    pullRequest: undefined,
  });
  if (context.options.dryRun) return result(predicted(plan, tips.head !== undefined), tips.head);
  await context.beforeWrite(attempt);

  if (plan.kind === 'up-to-date') {
    log.info(`${branch} already proposes this content`);
    return result('unchanged', tips.head);
  }
  if (plan.kind === 'nothing-to-propose') {
    // A leftover branch that was merged (same content as the base) is left alone.
    if (!plan.headDiffers) return result('unchanged', tips.head);
    // The branch proposes something the base no longer needs: remove it, if still as we read it.
    await workspace.push(repo, undefined, branch, tips.head);
    log.info(`deleted ${branch}: ${base} already has this content`);
    return result('closed', undefined);
  }
  const commit = await commitProposal(context, workspace, tips.base, words);
  await workspace.push(repo, commit, branch, tips.head);
  const operation = tips.head === undefined ? 'created' : 'updated';
  log.info(`${operation} ${branch} at ${commit} (base ${base} + one commit)`);
  return result(operation, commit);
}

function predicted(plan: ProposalPlan, hasBranch: boolean): ProposeOperation {
  if (plan.kind === 'up-to-date') return 'unchanged';
  if (plan.kind === 'nothing-to-propose') return plan.headDiffers ? 'closed' : 'unchanged';
  return hasBranch ? 'updated' : 'created';
}
