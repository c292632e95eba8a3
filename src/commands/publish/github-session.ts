import { GitHubEnvRepo } from '../../adapters/forge/github.js';
import { githubClient } from '../../adapters/forge/octokit.js';
import { EnvRepoWorkspace } from '../../adapters/git.js';
import type { Logger } from '../../adapters/logger.js';
import { ConfigError } from '../../core/errors.js';
import { parseGitHubRepo } from '../../core/git-names.js';
import type { PullRequestOptions } from '../env-repo/propose/context.js';

/** How a command reaches GitHub: its options, the environment holding the token, a logger. */
export interface GitHubSession {
  options: Pick<PullRequestOptions, 'tokenEnv' | 'apiUrl'>;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Key of the GitHub write pacing (default: the whole process). */
  throttleId: string | undefined;
}

/** The token from --token-env, or FERRY_GITHUB_TOKEN, or GITHUB_TOKEN; never from argv. */
export function readToken(session: Pick<GitHubSession, 'options' | 'env'>): string {
  const { tokenEnv } = session.options;
  const names = tokenEnv ? [tokenEnv] : ['FERRY_GITHUB_TOKEN', 'GITHUB_TOKEN'];
  const found = names.find((variable) => session.env[variable]);
  if (!found) {
    throw new ConfigError(
      `no GitHub token: set ${names.join(' or ')}${tokenEnv ? '' : ' (or name a variable with --token-env)'}`,
    );
  }
  const token = session.env[found]!;
  // The token becomes an HTTP header; a newline in it could add headers of its own.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(`the token in ${found} holds spaces or control characters`);
  }
  return token;
}

/** A GitHub environment repository with the session's token, and that token for git. */
export function openGitHubRepo(
  repo: string,
  session: GitHubSession,
): { github: GitHubEnvRepo; token: string } {
  const { owner, name } = parseGitHubRepo(repo);
  const token = readToken(session);
  const connection = { token, apiUrl: session.options.apiUrl, log: session.log };
  const throttleId = session.throttleId ?? 'ferry';
  const github = new GitHubEnvRepo(
    githubClient({ ...connection, throttleId }),
    githubClient({ ...connection, throttleId: `${throttleId}:refs` }),
    owner,
    name,
  );
  return { github, token };
}

/**
 * A scratch workspace that reads a GitHub repository over HTTPS with the session's token;
 * also checks the token (`needPush`: that it can push). The caller closes the workspace.
 */
export async function openGitHubWorkspace(
  github: GitHubEnvRepo,
  token: string,
  needPush: boolean,
): Promise<{ workspace: EnvRepoWorkspace; cloneUrl: string }> {
  const cloneUrl = await github.cloneUrl(needPush);
  const workspace = await EnvRepoWorkspace.open({ origin: new URL(cloneUrl).origin, token });
  return { workspace, cloneUrl };
}
