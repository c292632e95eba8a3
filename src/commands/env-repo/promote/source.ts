import { OperationError } from '../../../core/errors.js';
import type { StatusFact } from '../../../core/gates.js';
import { parseImageReference, type ImageReference } from '../../../core/image.js';
import { imagesIn, recordedOrigin, type FileMap } from '../../../core/proposal.js';
import type { SourceInfo } from '../../../core/render.js';
import { withEnvRepo } from '../reader.js';
import type { GitHubSession } from '../../publish/github-session.js';
import type { ProposalTarget } from '../propose/target.js';

/** What the source environment runs, as its branch in the environment repo says. */
export interface PromotionSource {
  /** The tip of the source environment's branch. */
  commit: string;
  committedAt: Date;
  files: FileMap;
  /** The image ferry recorded there (`ferry.dev/image`), parsed and checked. */
  image: ImageReference;
  /** The build that image came from, as recorded. */
  origin: SourceInfo;
  /** The latest status of each context on `commit` (GitHub, GitLab); undefined for plain git. */
  statuses: StatusFact[] | undefined;
}

/**
 * Reads the source environment from the environment repo: the tip of its branch (one commit
 * deep), the folder there, the image recorded in it, and (GitHub, GitLab) the commit's statuses.
 */
export async function readPromotionSource(
  source: ProposalTarget,
  session: GitHubSession,
): Promise<PromotionSource> {
  const { name, branch, path } = source.environment;
  return withEnvRepo(source, session, async ({ workspace, remote, github, gitlab }) => {
    const from = github?.fullName ?? gitlab?.fullPath ?? remote;
    session.log.info(`reading ${name} from ${from} (${path} on ${branch})`);
    const commit = await workspace.fetchBranch(remote, branch, 1);
    const files = await workspace.readFolder(commit, path);
    const where = `${path} on ${branch} at ${commit.slice(0, 12)}`;
    const images = imagesIn(files);
    if (images.length === 0) {
      throw new OperationError(
        `${name} has no ferry.dev/image annotation in ${where}: nothing ferry deployed there to promote`,
      );
    }
    if (images.length > 1) {
      throw new OperationError(
        `${name} records ${images.length} different images in ${where}; promote carries one`,
      );
    }
    const image = parseImageReference(images[0]!, `ferry.dev/image in ${where}`);
    const recorded = recordedOrigin(files)?.source;
    return {
      commit,
      committedAt: await workspace.committedAt(commit),
      files,
      image,
      origin: {
        repo: recorded?.repo ?? '',
        commit: recorded?.commit ?? '',
        ref: '',
        runUrl: recorded?.runUrl ?? '',
      },
      statuses: await (github ?? gitlab)?.latestStatuses(commit),
    };
  });
}
