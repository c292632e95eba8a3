import type { EnvRepoWorkspace } from '../../../adapters/git.js';
import type { ProposalContext, ProposalWords } from './context.js';

/**
 * The proposal's one commit on `parent` (the base tip read), built with git plumbing in the
 * scratch workspace: the folder replaced by the proposed files, the pin file written when the
 * proposal writes one. Plain git and GitLab push it with a lease; GitHub commits through its API.
 * The author is $GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>, else ferry.
 */
export function commitProposal(
  context: ProposalContext,
  workspace: EnvRepoWorkspace,
  parent: string,
  words: ProposalWords,
): Promise<string> {
  const message = `${words.message.headline}\n\n${words.message.body}\n`;
  const { write, path: pinPath } = context.pin;
  const content = {
    files: context.files,
    bytes: context.bytes,
    companions: new Map(write === undefined ? [] : [[pinPath, write]]),
  };
  return workspace.commitFolder(parent, context.path, content, message, {
    name: context.env.GIT_AUTHOR_NAME || 'ferry',
    email: context.env.GIT_AUTHOR_EMAIL || 'ferry@localhost',
  });
}
