import { shortenAtWord } from '../../core/redact.js';
import { redactSecrets } from '../secrets.js';
import type { GitLabProject } from './gitlab-project.js';
import type { GitHubClient } from './octokit.js';

/**
 * Commit statuses on GitHub and GitLab behind one interface: ferry posts `ferry/apply`,
 * `ferry/plan` and `ferry/drift` through it, and each forge's own limits and state words stay
 * here. No runner masks a status: its description is redacted, then shortened at a word
 * boundary to the forge's limit. GitHub: https://docs.github.com/rest/commits/statuses ; GitLab:
 * https://docs.gitlab.com/api/commits/#commit-status
 */

/** A status as ferry posts it: success or failure, described in one line. */
export interface CommitStatus {
  context: string;
  succeeded: boolean;
  description: string;
  targetUrl?: string;
}

export interface CommitStatuses {
  /** The latest status of `context` on `sha`, as this forge would store `status`'s fields. */
  current(
    sha: string,
    context: string,
  ): Promise<{ succeeded?: boolean; description: string } | undefined>;
  post(sha: string, status: CommitStatus): Promise<void>;
  /** `status` with the description this forge keeps (it cuts longer ones). */
  stored(status: CommitStatus): CommitStatus;
}

/** GitHub keeps 140 characters of a description. */
const GITHUB_DESCRIPTION = 140;

/** Commit statuses of a GitHub repository. */
export function githubCommitStatuses(
  client: GitHubClient,
  owner: string,
  repo: string,
): CommitStatuses {
  const stored = (status: CommitStatus): CommitStatus => ({
    ...status,
    description: shortenAtWord(redactSecrets(status.description), GITHUB_DESCRIPTION),
  });
  return {
    stored,
    async current(sha, context) {
      const combined = await client.rest.repos.getCombinedStatusForRef({
        owner,
        repo,
        ref: sha,
        per_page: 100,
      });
      const found = combined.data.statuses.find((s) => s.context === context);
      if (!found) return undefined;
      const succeeded =
        found.state === 'success' ? true : found.state === 'failure' ? false : undefined;
      return { succeeded, description: found.description ?? '' };
    },
    async post(sha, status) {
      const { context, succeeded, description, targetUrl } = stored(status);
      await client.rest.repos.createCommitStatus({
        owner,
        repo,
        sha,
        state: succeeded ? 'success' : 'failure',
        context,
        description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    },
  };
}

/**
 * GitLab takes at most 255 characters of description and of target URL; a longer URL is left
 * out rather than have the status refused. Its word for failure is `failed`.
 */
const GITLAB_FIELD = 255;

/** Commit statuses of a GitLab project. */
export function gitlabCommitStatuses(project: GitLabProject): CommitStatuses {
  const stored = (status: CommitStatus): CommitStatus => {
    const { targetUrl, ...rest } = status;
    return {
      ...rest,
      description: shortenAtWord(redactSecrets(status.description), GITLAB_FIELD),
      ...(targetUrl && targetUrl.length <= GITLAB_FIELD ? { targetUrl } : {}),
    };
  };
  return {
    stored,
    async current(sha, context) {
      const found = (await project.statuses(sha)).find((status) => status.name === context);
      if (!found) return undefined;
      const succeeded =
        found.status === 'success' ? true : found.status === 'failed' ? false : undefined;
      return { succeeded, description: found.description };
    },
    async post(sha, status) {
      const { context, succeeded, description, targetUrl } = stored(status);
      await project.postStatus(sha, {
        state: succeeded ? 'success' : 'failed',
        name: context,
        description,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
    },
  };
}
