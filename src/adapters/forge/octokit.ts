import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { fetchWithDeadline } from '../deadline.js';
import type { Logger } from '../logger.js';

const FerryOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof FerryOctokit>;

export interface GitHubConnection {
  /** A GitHub App installation token or a PAT; never logged, never put in a URL. */
  token: string;
  /** REST base URL (GitHub Enterprise: https://HOST/api/v3). Default: api.github.com. */
  apiUrl?: string;
  log?: Logger;
  /**
   * Key of the throttle's limiters. Clients with the same key (by default, every client in the
   * process) share GitHub's pacing of one write per second; a test that plays several CI jobs
   * in one process gives each its own, as separate processes would have.
   */
  throttleId?: string;
  /** Deadline of one request (default FORGE_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * An Octokit with the throttling and retry plugins: primary and secondary rate limits wait for
 * the time GitHub's headers ask (up to 3 retries), and 5xx answers are retried with backoff.
 */
export function githubClient(connection: GitHubConnection): GitHubClient {
  const warn = (message: string): void => connection.log?.warning(message);
  return new FerryOctokit({
    auth: connection.token,
    baseUrl: connection.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: 'ferry',
    // Octokit logs every failed request at `error`; callers report the failures they do not
    // handle themselves, once, so these lines would only repeat them (or expected 422s).
    log: { debug: () => {}, info: () => {}, warn, error: () => {} },
    throttle: {
      id: connection.throttleId,
      onRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        warn(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 3;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        warn(
          `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`,
        );
        return retryCount < 3;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451] },
    // A server that accepts the connection and never answers must not hang the pipeline.
    request: { fetch: fetchWithDeadline(connection.timeoutMs) },
  });
}
