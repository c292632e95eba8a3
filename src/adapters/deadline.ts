/**
 * Every remote call has a deadline (STYLE: "Follow the contract"): a forge or git server that
 * accepts a connection and never answers fails the run with the server named, instead of hanging
 * a pipeline until the runner kills it.
 */

/** How long one request to GitHub or GitLab may take before it is given up. */
export const FORGE_REQUEST_TIMEOUT_MS = 60_000;

/** git over HTTP: a transfer slower than 1 byte/s for this long is aborted (git's own limit). */
export const GIT_STALL_SECONDS = 60;

/** A request that got no complete answer in time: never retried, or the deadline would lie. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * `fetch` with a deadline: a request that has no complete answer within `ms` fails with an
 * error that says so (Octokit and the GitLab client name the server around it).
 */
export function fetchWithDeadline(ms: number = FORGE_REQUEST_TIMEOUT_MS): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)])
      : AbortSignal.timeout(ms);
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if ((error as { name?: string }).name === 'TimeoutError')
        throw new DeadlineError(`no answer within ${ms / 1000}s`);
      throw error;
    }
  };
}
