import { sourceCommitUrl } from '../../../adapters/ci-environment.js';
import type { EnvRepoWorkspace, FetchedBranches } from '../../../adapters/git.js';
import { recordedOrigin } from '../../../core/proposal.js';
import { proposalWords, type ProposalContext, type ProposalWords } from './context.js';

/**
 * The words of the proposal the head branch holds at `tips`, described from the image and build
 * its files record: a later run replaced this run's commit, and the pull or merge request must
 * describe that commit, not this run's (its content stands; no new commit). Undefined when
 * there is nothing to describe: the branch is gone or mid-reset (its writer describes it after
 * its commit), or its files are not ferry's.
 */
export async function laterProposalWords(
  context: ProposalContext,
  workspace: EnvRepoWorkspace,
  tips: FetchedBranches,
): Promise<ProposalWords | undefined> {
  if (tips.head === undefined || tips.head === tips.base) return undefined;
  const files = await workspace.readFolder(tips.head, context.path);
  const origin = recordedOrigin(files);
  if (!origin) return undefined;
  context.log.info(`a later run committed ${tips.head}; describing its proposal instead`);
  const baseFiles = await workspace.readFolder(tips.base, context.path);
  return proposalWords(context, baseFiles, {
    files,
    ...origin,
    sourceCommitUrl: sourceCommitUrl(context.env, origin.source),
  });
}
