import { ForgeAccessError, GitHubEnvRepo } from '../../adapters/forge/github.js';
import { githubClient } from '../../adapters/forge/octokit.js';
import { EnvRepoWorkspace } from '../../adapters/git.js';
import type { Logger } from '../../adapters/logger.js';
import { ACTION_TOKEN_VARIABLE } from '../../adapters/secrets.js';
import { ConfigError } from '../../core/errors.js';
import { parseGitHubRepo, type GitHubRepoName } from '../../core/git-names.js';
import type { PullRequestOptions } from '../env-repo/propose/context.js';

/** How a command reaches GitHub: its options, the environment holding the token, a logger. */
export interface GitHubSession {
  options: Pick<PullRequestOptions, 'tokenEnv' | 'apiUrl'>;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Key of the GitHub write pacing (default: the whole process). */
  throttleId: string | undefined;
}

/** A token and the variable it was read from. */
export interface GitHubToken {
  token: string;
  variable: string;
}

/**
 * The token from --token-env, or FERRY_GITHUB_TOKEN, the action's `token` input, GITHUB_TOKEN;
 * never from argv.
 */
export function readToken(session: Pick<GitHubSession, 'options' | 'env'>): GitHubToken {
  const { tokenEnv } = session.options;
  const fromAction =
    session.env[ACTION_TOKEN_VARIABLE] !== undefined ? [ACTION_TOKEN_VARIABLE] : [];
  const names = tokenEnv ? [tokenEnv] : ['FERRY_GITHUB_TOKEN', ...fromAction, 'GITHUB_TOKEN'];
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
  return { token, variable: found };
}

/**
 * What to add when GitHub refuses the token for `repo` (see ForgeAccessError): when the token is
 * the action's `token` input and `repo` is not the workflow's repository, the likely cause is the
 * input's default, the workflow's GITHUB_TOKEN, which reaches no other repository.
 */
function accessHint(repo: GitHubRepoName, token: GitHubToken, env: NodeJS.ProcessEnv): string {
  const here = env.GITHUB_REPOSITORY?.toLowerCase();
  if (
    token.variable !== ACTION_TOKEN_VARIABLE ||
    `${repo.owner}/${repo.name}`.toLowerCase() === here
  )
    return '';
  return (
    `the token is the action's token input, by default this workflow's GITHUB_TOKEN, which` +
    ` cannot write to another repository than ${env.GITHUB_REPOSITORY ?? 'its own'}: pass a` +
    ` GitHub App installation token or a PAT with access to ${repo.owner}/${repo.name} as token`
  );
}

/** `error`, with the reason GitHub may have refused the token added when there is one. */
export function explainRefusal(error: unknown, hint: string): unknown {
  if (!hint || !(error instanceof ForgeAccessError)) return error;
  return new ForgeAccessError(`${error.message}; ${hint}`);
}

/** A GitHub environment repository with the session's token, and that token for git. */
export function openGitHubRepo(
  repo: string,
  session: GitHubSession,
): { github: GitHubEnvRepo; access: GitHubAccess } {
  const repoName = parseGitHubRepo(repo);
  const { owner, name } = repoName;
  const found = readToken(session);
  const { token } = found;
  if (found.variable !== 'FERRY_GITHUB_TOKEN' || session.env[ACTION_TOKEN_VARIABLE] === undefined)
    session.log.info(`GitHub token from ${describeVariable(found.variable)}`);
  else session.log.info('GitHub token from FERRY_GITHUB_TOKEN (it wins over the token input)');
  const connection = { token, apiUrl: session.options.apiUrl, log: session.log };
  const throttleId = session.throttleId ?? 'ferry';
  const github = new GitHubEnvRepo(
    githubClient({ ...connection, throttleId }),
    githubClient({ ...connection, throttleId: `${throttleId}:refs` }),
    owner,
    name,
  );
  return { github, access: { token, hint: accessHint(repoName, found, session.env) } };
}

/** How a log line names where a token came from. */
function describeVariable(variable: string): string {
  return variable === ACTION_TOKEN_VARIABLE ? 'the token input' : variable;
}

/** The token a GitHub repository is reached with, and what to add when GitHub refuses it. */
export interface GitHubAccess {
  token: string;
  /** '' when nothing is known to add. */
  hint: string;
}

/**
 * A scratch workspace that reads a GitHub repository over HTTPS with the session's token;
 * also checks the token (`needPush`: that it can push). The caller closes the workspace.
 */
export async function openGitHubWorkspace(
  github: GitHubEnvRepo,
  access: GitHubAccess,
  needPush: boolean,
): Promise<{ workspace: EnvRepoWorkspace; cloneUrl: string }> {
  let cloneUrl: string;
  try {
    cloneUrl = await github.cloneUrl(needPush);
  } catch (error) {
    throw explainRefusal(error, access.hint);
  }
  const origin = new URL(cloneUrl).origin;
  const workspace = await EnvRepoWorkspace.open({ origin, token: access.token });
  return { workspace, cloneUrl };
}
