import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { DeadlineError, fetchWithDeadline } from '../deadline.js';
import type { Logger } from '../logger.js';

/** How often plugin-retry retries a failed request (its default). */
const RETRIES = 3;

/**
 * Runs inside the retry plugin (applied first, its hooks are innermost, so they see every
 * attempt): each retry is logged with the failure that caused it, and a request that hit its
 * deadline is not retried, so "no answer within 60s" is what the run waited (issue 19). Rate
 * limits are the throttling plugin's, which logs its own retries.
 */
function retryReport(octokit: Pick<Octokit, 'hook'>, options: object): void {
  const { retryLog } = options as { retryLog?: (line: string) => void };
  const failures = new WeakMap<object, { what: string; why: string }>();
  octokit.hook.error('request', (error, request) => {
    const failure = error as {
      status?: number;
      message?: string;
      cause?: unknown;
      request?: { method?: string; url?: string };
    };
    const attempt = request.request as { retries?: number } | undefined;
    if (failure.cause instanceof DeadlineError) {
      if (attempt) attempt.retries = 0;
    } else if (failure.status !== 403 && failure.status !== 429 && attempt) {
      const what = `${failure.request?.method ?? request.method} ${failure.request?.url ?? request.url}`;
      failures.set(attempt, {
        what,
        why: `HTTP ${failure.status ?? '?'}: ${failure.message ?? ''}`,
      });
    }
    throw error;
  });
  octokit.hook.before('request', (request) => {
    const attempt = request.request as { retryCount?: number } | undefined;
    const failed = attempt && failures.get(attempt);
    if (!attempt?.retryCount || failed === undefined) return;
    failures.delete(attempt);
    const retry = `retry ${attempt.retryCount} of ${RETRIES}`;
    retryLog?.(`retrying ${failed.what} (${retry}) after ${failed.why}`);
  });
}

const FerryOctokit = Octokit.plugin(retryReport, throttling, retry);
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
    retry: { doNotRetry: [400, 401, 403, 404, 409, 422, 451], retries: RETRIES },
    retryLog: warn,
    // A server that accepts the connection and never answers must not hang the pipeline.
    request: { fetch: fetchWithDeadline(connection.timeoutMs) },
  });
}
