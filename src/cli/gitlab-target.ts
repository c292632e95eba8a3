import { gitlabTokenVariables } from '../adapters/forge/gitlab.js';
import { ConfigError } from '../core/errors.js';
import type { GitHubFlags } from './github-target.js';

/** Where GitLab drift reports go, from flags and GitLab CI's predefined variables. */
export interface GitLabTarget {
  token: string;
  tokenKind: 'private' | 'job';
  apiUrl?: string;
  /** `group/project`. */
  project: string;
  statusSha?: string;
}

/**
 * Resolves GitLab reporting: `--repo` or $CI_PROJECT_PATH, the token from --token-env or
 * FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN (never a flag value), the status commit from
 * `--commit-status SHA` or $CI_COMMIT_SHA, the API from --api-url or $CI_API_V4_URL.
 */
export function gitlabTarget(
  flags: Omit<GitHubFlags, 'tokenEnv'> & { tokenEnv?: string },
  needed: boolean,
  env: NodeJS.ProcessEnv = process.env,
): GitLabTarget | undefined {
  if (!needed && !flags.commitStatus) return undefined;
  const statusSha =
    flags.commitStatus === true ? env.CI_COMMIT_SHA : flags.commitStatus || undefined;
  const names = gitlabTokenVariables(flags.tokenEnv);
  const found = names.find((name) => env[name]);
  const project = flags.repo ?? env.CI_PROJECT_PATH;
  if (!found) throw new ConfigError(`reporting to GitLab needs a token in $${names.join(' or $')}`);
  if (!project) throw new ConfigError('reporting to GitLab needs --repo or $CI_PROJECT_PATH');
  if (flags.commitStatus && !statusSha)
    throw new ConfigError('--commit-status needs a commit SHA (or $CI_COMMIT_SHA)');
  return {
    token: env[found]!,
    tokenKind: found === 'CI_JOB_TOKEN' ? 'job' : 'private',
    apiUrl: flags.apiUrl ?? env.CI_API_V4_URL,
    project,
    ...(statusSha ? { statusSha } : {}),
  };
}
