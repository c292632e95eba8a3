import { GitLabClient, gitlabTokenVariables } from '../../adapters/forge/gitlab.js';
import { GitLabProject } from '../../adapters/forge/gitlab-project.js';
import { EnvRepoWorkspace } from '../../adapters/git.js';
import type { Logger } from '../../adapters/logger.js';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage } from '../../core/image.js';
import type { PullRequestOptions } from '../env-repo/propose/context.js';

/** How a command reaches GitLab: its options, the environment holding the token, a logger. */
export interface GitLabSession {
  options: Pick<PullRequestOptions, 'tokenEnv' | 'apiUrl'>;
  env: NodeJS.ProcessEnv;
  log: Logger;
}

/** A GitLab token, and whether it is a CI job token (its own header and git user). */
export interface GitLabToken {
  token: string;
  kind: 'private' | 'job';
}

/** The token from --token-env, or FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN; never argv. */
export function readGitLabToken(session: Pick<GitLabSession, 'options' | 'env'>): GitLabToken {
  const { tokenEnv } = session.options;
  const names = gitlabTokenVariables(tokenEnv);
  const found = names.find((variable) => session.env[variable]);
  if (!found) {
    throw new ConfigError(
      `no GitLab token: set ${names.join(' or ')}${tokenEnv ? '' : ' (or name a variable with --token-env)'}`,
    );
  }
  const token = session.env[found]!;
  // The token becomes an HTTP header; a newline in it could add headers of its own.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new ConfigError(`the token in ${found} holds spaces or control characters`);
  return { token, kind: found === 'CI_JOB_TOKEN' ? 'job' : 'private' };
}

/**
 * `group/sub/project` from an environment's repo (or a report's project): the path itself, or
 * the path of its https URL (a trailing `.git` dropped). The one parser of a GitLab project
 * path; `what` names the setting in the message.
 */
export function parseGitLabProject(
  repo: string,
  what = 'environment repo',
): { path: string; origin?: string } {
  const url = /^https?:\/\//.test(repo) ? new URL(repo) : undefined;
  const path = (url ? url.pathname : repo).replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  const segment = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
  const parts = path.split('/');
  if (parts.length < 2 || !parts.every((part) => segment.test(part) && !part.endsWith('.')))
    throw new ConfigError(
      `${what} ${quoteForMessage(repo)} is not a GitLab project (group/project or its URL)`,
    );
  return { path, origin: url?.origin };
}

/**
 * A GitLab project with the session's token. The API URL is --api-url, else $CI_API_V4_URL,
 * else the repo URL's origin + /api/v4, else gitlab.com.
 */
export function openGitLabProject(
  repo: string,
  session: GitLabSession,
): { project: GitLabProject; token: GitLabToken } {
  const { path, origin } = parseGitLabProject(repo);
  const token = readGitLabToken(session);
  const apiUrl =
    session.options.apiUrl ??
    session.env.CI_API_V4_URL ??
    (origin ? `${origin}/api/v4` : 'https://gitlab.com/api/v4');
  const client = new GitLabClient({
    token: token.token,
    tokenKind: token.kind,
    apiUrl,
    log: session.log,
  });
  return { project: new GitLabProject(client, path), token };
}

/**
 * A scratch workspace reading the project over HTTPS: Basic auth `oauth2:<token>` (or
 * `gitlab-ci-token:<job token>`) as an extra header, as GitLab documents for git over HTTP.
 * https://docs.gitlab.com/user/profile/personal_access_tokens/
 */
export async function openGitLabWorkspace(
  project: GitLabProject,
  token: GitLabToken,
  needPush: boolean,
): Promise<{ workspace: EnvRepoWorkspace; cloneUrl: string }> {
  const cloneUrl = await project.cloneUrl(needPush);
  const user = token.kind === 'job' ? 'gitlab-ci-token' : 'oauth2';
  const origin = new URL(cloneUrl).origin;
  const workspace = await EnvRepoWorkspace.open({ origin, token: token.token, user });
  return { workspace, cloneUrl };
}

/** Where a report (drift alert, apply status) goes on GitLab: see cli/gitlab-target.ts. */
export interface GitLabReportTarget {
  token: string;
  /** `JOB-TOKEN` header for a CI job token, else `PRIVATE-TOKEN`. */
  tokenKind?: 'private' | 'job';
  apiUrl?: string;
  /** `group/project`. */
  project: string;
}

/** The project a report goes to; `what` names the setting when its path is not group/project. */
export function gitlabReportProject(
  target: GitLabReportTarget,
  what: string,
  log: Logger,
): GitLabProject {
  const { path } = parseGitLabProject(target.project, what);
  const { token, tokenKind, apiUrl } = target;
  return new GitLabProject(new GitLabClient({ token, tokenKind, apiUrl, log }), path);
}
