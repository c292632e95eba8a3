import { ConfigError } from '../core/errors.js';

/** Flags every command that reports to GitHub shares. */
export interface GitHubFlags {
  repo?: string;
  commitStatus?: string | boolean;
  tokenEnv: string;
  apiUrl?: string;
}

export interface GitHubTarget {
  token: string;
  apiUrl?: string;
  repo: string;
  /** Commit for a status; undefined when no status was asked for. */
  statusSha?: string;
}

/**
 * Resolves where GitHub reports go: `--repo` or $GITHUB_REPOSITORY, the token from the named
 * environment variable (never a flag value: flags end up in logs), the status commit from
 * `--commit-status SHA` or $GITHUB_SHA.
 */
export function githubTarget(
  flags: GitHubFlags,
  needed: boolean,
  env: NodeJS.ProcessEnv = process.env,
): GitHubTarget | undefined {
  if (!needed && !flags.commitStatus) return undefined;
  const statusSha = flags.commitStatus === true ? env.GITHUB_SHA : flags.commitStatus || undefined;
  const token = env[flags.tokenEnv];
  const repo = flags.repo ?? env.GITHUB_REPOSITORY;
  if (!token) throw new ConfigError(`reporting to GitHub needs a token in $${flags.tokenEnv}`);
  if (!repo) throw new ConfigError('reporting to GitHub needs --repo or $GITHUB_REPOSITORY');
  if (flags.commitStatus && !statusSha)
    throw new ConfigError('--commit-status needs a commit SHA (or $GITHUB_SHA)');
  return {
    token,
    apiUrl: flags.apiUrl ?? env.GITHUB_API_URL,
    repo,
    ...(statusSha ? { statusSha } : {}),
  };
}
