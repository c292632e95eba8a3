import { readFile } from 'node:fs/promises';

/** The pull request (merge request) a CI job runs for, as the CI system describes it. */
export interface CiPullRequest {
  /** GitHub pull request number, or GitLab merge request iid. */
  number?: number;
  /** The head commit of the pull request (not GitHub's test-merge commit in $GITHUB_SHA). */
  headSha?: string;
  /** GitLab: the merge request's web address. */
  url?: string;
}

/**
 * Reads the pull request of this job: on GitHub from the event payload ($GITHUB_EVENT_PATH,
 * `pull_request.number` and `pull_request.head.sha`), on GitLab from the merge request pipeline's
 * variables ($CI_MERGE_REQUEST_IID, $CI_COMMIT_SHA, $CI_MERGE_REQUEST_PROJECT_URL). Fields it
 * cannot read stay undefined; a missing or unreadable payload is not an error here.
 */
export async function ciPullRequest(env: NodeJS.ProcessEnv): Promise<CiPullRequest> {
  if (env.CI_MERGE_REQUEST_IID) {
    const number = Number(env.CI_MERGE_REQUEST_IID);
    const project = env.CI_MERGE_REQUEST_PROJECT_URL ?? env.CI_PROJECT_URL;
    return {
      ...(Number.isSafeInteger(number) ? { number } : {}),
      ...(env.CI_COMMIT_SHA ? { headSha: env.CI_COMMIT_SHA } : {}),
      ...(project ? { url: `${project}/-/merge_requests/${number}` } : {}),
    };
  }
  const event = (await readGitHubEvent(env)) as
    { pull_request?: { number?: unknown; head?: { sha?: unknown } } } | undefined;
  const number = event?.pull_request?.number;
  const sha = event?.pull_request?.head?.sha;
  return {
    ...(typeof number === 'number' ? { number } : {}),
    ...(typeof sha === 'string' ? { headSha: sha } : {}),
  };
}

/**
 * The payload of the GitHub Actions event that started this job ($GITHUB_EVENT_PATH), parsed;
 * undefined when there is none or it cannot be read. The one reader of that file: commands get
 * the payload from here (core/fork-guard.ts judges it).
 */
export async function readGitHubEvent(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
