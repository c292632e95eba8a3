import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../src/adapters/logger.js';
import { LostRaceError, OperationError } from '../../src/core/errors.js';
import {
  DEFAULT_RETRY,
  retryLostRaces,
  type RetryPolicy,
} from '../../src/commands/env-repo/propose/race-retry.js';

// The backoff of a proposal that lost a compare-and-swap to another run: how long it waits, how
// often it tries, and what it says. The races themselves run against real git and the forge
// fakes (propose-races.test.ts, propose.test.ts).

function recorder(): { log: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const log: Logger = {
    info: () => {},
    warning: (line) => void warnings.push(line),
    group: (_title, work) => work(),
  };
  return { log, warnings };
}

/** A policy that sleeps for no time and records what it was asked to sleep. */
function policy(overrides: Partial<RetryPolicy>, slept: number[]): RetryPolicy {
  return {
    ...DEFAULT_RETRY,
    random: () => 0.999,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  };
}

describe('retrying a lost race', () => {
  it('gives ten runs at once room to settle: ten attempts by default, waits capped', async () => {
    const slept: number[] = [];
    const { log, warnings } = recorder();
    let calls = 0;
    await assert.rejects(
      retryLostRaces(
        () => {
          calls++;
          return Promise.reject(new LostRaceError('ferry/demo/staging moved before the commit'));
        },
        policy({}, slept),
        log,
      ),
      (error: unknown) =>
        error instanceof OperationError &&
        error.message ===
          'gave up after 10 attempts, another run kept moving the branch: ferry/demo/staging moved before the commit',
    );
    assert.equal(calls, 10);
    // Full jitter around a mean that doubles from 1 s and stops at 8 s: at most twice the mean.
    assert.deepEqual(
      slept.map((ms) => Math.round(ms / 1000)),
      [2, 4, 8, 16, 16, 16, 16, 16, 16],
    );
    assert.equal(warnings.length, 9, 'every retry is logged');
    assert.match(warnings[8]!, /attempt 10 of 10/);
  });

  it('returns the value and the attempts it took once a run wins', async () => {
    const slept: number[] = [];
    const { log } = recorder();
    const result = await retryLostRaces(
      (attempt) =>
        attempt < 3
          ? Promise.reject(new LostRaceError('base moved'))
          : Promise.resolve('committed'),
      policy({}, slept),
      log,
    );
    assert.deepEqual(result, { value: 'committed', attempts: 3 });
    assert.equal(slept.length, 2);
  });

  it('does not retry what is not a lost race', async () => {
    const { log } = recorder();
    let calls = 0;
    await assert.rejects(
      retryLostRaces(
        () => {
          calls++;
          return Promise.reject(new Error('401 Bad credentials'));
        },
        policy({}, []),
        log,
      ),
      /401 Bad credentials/,
    );
    assert.equal(calls, 1);
  });
});
