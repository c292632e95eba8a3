// Merges a pull request inside the bare repository the way GitHub's three merge buttons do,
// then moves the base branch with a compare-and-swap so a concurrent push is not overwritten.
import {
  commitsBetween,
  commitTree,
  compareAndSwapRef,
  mergeTrees,
  readCommit,
} from './git-plumbing.js';
import { basicError } from './github-repository-json.js';
import {
  HttpError,
  viewerIdentity,
  webFlowIdentity,
  type RestContext,
} from './github-rest-support.js';
import type { IssueRecord } from './github-state.js';

/** GitHub's merge methods. */
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/**
 * Creates the merge result for `issue`'s pull request and points its base branch at it.
 * Returns the new base tip. Throws 405 when the branches conflict, 409 when the base moved.
 */
export async function mergePull(
  context: RestContext,
  issue: IssueRecord,
  options: { method: MergeMethod; title?: string; message?: string },
): Promise<string> {
  const { repo, state } = context;
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const notMergeable = new HttpError(405, basicError('Pull Request is not mergeable', 405));
  const tree = await mergeTrees(repo, pull.baseSha, pull.headSha);
  if (tree === undefined) throw notMergeable;
  const author = viewerIdentity(state);
  const signed = { author, committer: webFlowIdentity };
  let tip: string;
  if (options.method === 'merge') {
    const title =
      options.title ?? `Merge pull request #${issue.number} from ${repo.owner}/${pull.headRef}`;
    const message = joinMessage(title, options.message ?? issue.title);
    tip = await commitTree(repo, tree, [pull.baseSha, pull.headSha], { ...signed, message });
  } else if (options.method === 'squash') {
    const title = options.title ?? `${issue.title} (#${issue.number})`;
    const body = options.message ?? (await squashedMessages(context, pull.baseSha, pull.headSha));
    tip = await commitTree(repo, tree, [pull.baseSha], {
      ...signed,
      message: joinMessage(title, body),
    });
  } else {
    tip = await replayCommits(context, pull.baseSha, pull.headSha);
  }
  if (!(await compareAndSwapRef(repo, `refs/heads/${pull.baseRef}`, tip, pull.baseSha))) {
    throw new HttpError(
      409,
      basicError('Base branch was modified. Review and try the merge again.', 409),
    );
  }
  repo.verifiedCommits.add(tip);
  return tip;
}

function joinMessage(title: string, body: string): string {
  return body === '' ? `${title}\n` : `${title}\n\n${body}\n`;
}

async function squashedMessages(context: RestContext, base: string, head: string) {
  const lines: string[] = [];
  for (const sha of await commitsBetween(context.repo, base, head)) {
    const commit = await readCommit(context.repo, sha);
    lines.push(`* ${commit.message.split('\n')[0] ?? ''}`);
  }
  return lines.join('\n');
}

/**
 * Rebase-merge: re-creates each head commit on top of the base. Merging the new tip with the
 * original commit yields exactly that commit's change on top, because the changes of its
 * ancestors are already on both sides; `git merge-tree` needs no working tree for this.
 */
async function replayCommits(context: RestContext, base: string, head: string): Promise<string> {
  let tip = base;
  for (const sha of await commitsBetween(context.repo, base, head)) {
    const original = await readCommit(context.repo, sha);
    const tree = await mergeTrees(context.repo, tip, sha);
    if (tree === undefined) {
      throw new HttpError(405, basicError('Pull Request is not mergeable', 405));
    }
    tip = await commitTree(context.repo, tree, [tip], {
      author: original.author,
      committer: webFlowIdentity,
      message: `${original.message}\n`,
    });
    context.repo.verifiedCommits.add(tip);
  }
  return tip;
}
