import type { Logger } from '../../../adapters/logger.js';
import { LostRaceError, OperationError } from '../../../core/errors.js';

/** How hard to retry after losing a compare-and-swap to another writer. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Mean delay before the second attempt; it doubles each time ("full jitter" around it). */
  baseDelayMs: number;
  /** The mean delay stops doubling here, so late attempts keep trying instead of sleeping. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1); Math.random in production, fixed in tests that need it. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  // Every lost race is another run's won one, so n runs at once settle within n rounds; ten
  // attempts let ten builds of one app land together even when each attempt is slow (a busy
  // runner, a slow forge): with five, the unluckiest of ten gave up on a loaded machine.
  attempts: 10,
  // A lost race costs an attempt about a second (GitHub paces writes one per second), so waits
  // must spread contenders over several seconds for each to find a quiet window.
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `work` until it does not lose a race, at most `policy.attempts` times, waiting a
 * jittered exponential backoff between attempts. Each retry is logged as a warning.
 */
export async function retryLostRaces<T>(
  work: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  log: Logger,
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await work(attempt), attempts: attempt };
    } catch (error) {
      if (!(error instanceof LostRaceError)) throw error;
      if (attempt >= policy.attempts) {
        throw new OperationError(
          `gave up after ${attempt} attempts, another run kept moving the branch: ${error.message}`,
        );
      }
      // Full jitter (uniform from 0 to twice the mean): contenders that collided spread out
      // instead of colliding again in lockstep.
      // https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
      const mean = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      const delay = Math.round(mean * 2 * policy.random());
      log.warning(
        `lost a race (${error.message}); re-reading and retrying in ${delay} ms (attempt ${attempt + 1} of ${policy.attempts})`,
      );
      await policy.sleep(delay);
    }
  }
}
