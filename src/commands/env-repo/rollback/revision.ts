import type { EnvRepoWorkspace, FolderContent } from '../../../adapters/git.js';
import { ConfigError, OperationError } from '../../../core/errors.js';
import {
  isImageDigest,
  isImageTag,
  quoteForMessage,
  splitImageReference,
} from '../../../core/image.js';
import { imagesIn } from '../../../core/proposal.js';
import { withEnvRepo } from '../reader.js';
import type { GitHubSession } from '../../publish/github-session.js';
import type { ProposalTarget } from '../propose/target.js';

/** What `--to` asks for, parsed before anything is read. */
export type RollbackWanted =
  | { kind: 'previous' }
  | { kind: 'commit'; sha: string }
  | { kind: 'image'; tag: string; digest: string }
  /** A short hex value: an abbreviated commit SHA or an image tag (both are tried). */
  | { kind: 'commit-or-tag'; value: string };

const HEX = /^[0-9a-f]{7,64}$/;
const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Parses `--to`: an env-repo commit SHA (7 or more hex digits), an image tag, or an image
 * digest. Anything else (ranges with '..', options, shell or YAML syntax, newlines) is refused
 * here, so it never reaches git.
 */
export function parseRollbackTarget(to: string | undefined): RollbackWanted {
  if (to === undefined) return { kind: 'previous' };
  if (FULL_SHA.test(to.toLowerCase())) return { kind: 'commit', sha: to.toLowerCase() };
  if (HEX.test(to)) return { kind: 'commit-or-tag', value: to };
  if (isImageDigest(to)) return { kind: 'image', tag: '', digest: to };
  if (isImageTag(to) && !to.includes('..')) return { kind: 'image', tag: to, digest: '' };
  throw new ConfigError(
    `--to ${quoteForMessage(to)}: expected an environment-repo commit SHA, an image tag or an image digest`,
  );
}

/** The revision a rollback restores, read exactly, and what it replaces. */
export interface RollbackRevision extends FolderContent {
  /** The env-repo commit whose folder is restored. */
  revision: string;
  /** How it was chosen, in ferry's words. */
  chosenBy: string;
  /** The last commit that changed the folder on the branch; undefined: none did. */
  current: string | undefined;
  /** `ferry.dev/image` values in the folder at the branch tip. */
  currentImages: string[];
}

/**
 * Finds the revision to restore in the environment branch's first-parent history (fetched
 * whole), and reads its folder with exact bytes.
 */
export async function findRollbackRevision(
  target: ProposalTarget,
  wanted: RollbackWanted,
  session: GitHubSession,
): Promise<RollbackRevision> {
  const { branch, path } = target.environment;
  return withEnvRepo(target, session, async ({ workspace, remote }) => {
    session.log.info(`reading the history of ${path} on ${branch}`);
    const tip = await workspace.fetchBranch(remote, branch);
    const changes = await workspace.changesTo(tip, path);
    const { revision, chosenBy } = await choose(workspace, tip, changes, wanted, target);
    const content = await workspace.readFolderExact(revision, path);
    if (content.files.size === 0) {
      throw new OperationError(
        `${path} does not exist at ${revision.slice(0, 12)}: nothing to roll back to`,
      );
    }
    const currentImages = imagesIn(await workspace.readFolder(tip, path));
    return { ...content, revision, chosenBy, current: changes[0], currentImages };
  });
}

async function choose(
  workspace: EnvRepoWorkspace,
  tip: string,
  changes: string[],
  wanted: RollbackWanted,
  target: ProposalTarget,
): Promise<{ revision: string; chosenBy: string }> {
  const { branch, path } = target.environment;
  const short = (sha: string) => sha.slice(0, 12);
  if (wanted.kind === 'previous') {
    const [current, previous] = changes;
    if (current === undefined || previous === undefined) {
      throw new OperationError(
        `nothing to roll back to: ${path} on ${branch} has ${changes.length === 0 ? 'never existed' : 'only one revision'}`,
      );
    }
    return {
      revision: previous,
      chosenBy: `the revision before the last change, ${short(current)}`,
    };
  }
  if (wanted.kind === 'image') {
    const found = await withImage(workspace, changes, path, wanted);
    if (!found)
      throw new OperationError(`no revision of ${path} on ${branch} deploys ${imageText(wanted)}`);
    return { revision: found, chosenBy: `the last revision that deployed ${imageText(wanted)}` };
  }
  const value = wanted.kind === 'commit' ? wanted.sha : wanted.value;
  const commit = await workspace.commitInHistory(value, tip);
  const byTag =
    wanted.kind === 'commit-or-tag'
      ? await withImage(workspace, changes, path, { tag: value, digest: '' })
      : undefined;
  if (commit && byTag && commit !== byTag) {
    throw new ConfigError(
      `--to ${value} names both commit ${short(commit)} and image tag ${value} (deployed at ${short(byTag)}); give the full commit SHA`,
    );
  }
  if (commit) return { revision: commit, chosenBy: `commit ${short(commit)}, as asked` };
  if (byTag) return { revision: byTag, chosenBy: `the last revision that deployed tag ${value}` };
  const tagToo =
    wanted.kind === 'commit-or-tag' ? `, and no revision of ${path} deploys tag ${value}` : '';
  throw new OperationError(`--to ${value}: no such commit in the history of ${branch}${tagToo}`);
}

/** The newest commit among `changes` whose folder records an image with this tag or digest. */
async function withImage(
  workspace: EnvRepoWorkspace,
  changes: string[],
  path: string,
  wanted: { tag: string; digest: string },
): Promise<string | undefined> {
  for (const commit of changes) {
    const images = imagesIn(await workspace.readFolder(commit, path)).map(splitImageReference);
    const match = images.some((image) =>
      wanted.digest ? image.digest === wanted.digest : image.tag === wanted.tag,
    );
    if (match) return commit;
  }
  return undefined;
}

function imageText(wanted: { tag: string; digest: string }): string {
  return wanted.digest ? `digest ${wanted.digest}` : `tag ${wanted.tag}`;
}
