import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { MAX_DURATION, parseDuration } from '../../src/core/duration.js';
import { ConfigError } from '../../src/core/errors.js';
import { runFerry } from '../helpers/cli.js';
import { countingServer, ferryOnSet, manifests } from '../helpers/counting-server.js';

// Every duration goes through one grammar with one cap: above it, Node's timers overflow (a
// TimeoutOverflowWarning, and the timer fires at once), so the value is refused as bad input.

const tooLong = (option: string, text: string): string =>
  `${option}: "${text}" is longer than the longest duration ferry takes, ${MAX_DURATION} (24 days)`;

describe('durations are capped where Node timers still hold them', () => {
  it('accepts the cap, which a Node timer holds without overflowing', () => {
    const ms = parseDuration(MAX_DURATION, '--timeout');
    assert.ok(ms <= 2 ** 31 - 1, `${ms} fits a timer`);
    const warnings: Error[] = [];
    const listen = (warning: Error): void => void warnings.push(warning);
    process.on('warning', listen);
    clearTimeout(setTimeout(() => {}, ms));
    return new Promise<void>((done) =>
      setImmediate(() => {
        process.off('warning', listen);
        assert.deepEqual(
          warnings.map((w) => w.name),
          [],
        );
        done();
      }),
    );
  });

  it('refuses anything longer, in every spelling', () => {
    for (const text of ['577h', '576h1s', '597h', '999999h', '2073600001', '9'.repeat(30)])
      assert.throws(
        () => parseDuration(text, '--timeout'),
        (error: unknown) =>
          error instanceof ConfigError && error.message === tooLong('--timeout', text),
        text,
      );
  });

  const cases: [string, string[], string][] = [
    ['--request-timeout', ['--request-timeout', '597h'], tooLong('--request-timeout', '597h')],
    ['--timeout', ['--wait', '--timeout', '999999h'], tooLong('--timeout', '999999h')],
    ['--timeout in seconds', ['--timeout', '9'.repeat(20)], tooLong('--timeout', '9'.repeat(20))],
  ];
  for (const [what, flags, message] of cases) {
    it(`ferry apply ${what}: exit 2 before any request, naming the cap`, async (t) => {
      const { kubeconfig, requests } = await countingServer(t);
      const dir = await manifests(t);
      const run = await ferryOnSet('apply', dir, kubeconfig, ...flags);
      assert.equal(run.stderr, `error: ${message}\n`);
      assert.equal(run.code, 2);
      assert.deepEqual(requests, []);
    });
  }

  it('ferry drift and plan --request-timeout, ferry promote --min-soak', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const dir = await manifests(t);
    for (const command of ['drift', 'plan']) {
      const run = await ferryOnSet(command, dir, kubeconfig, '--request-timeout', '600h');
      assert.equal(run.stderr, `error: ${tooLong('--request-timeout', '600h')}\n`, command);
      assert.equal(run.code, 2);
    }
    assert.deepEqual(requests, []);
    const soak = await runFerry(['promote', '-c', 'no-such.yaml', '--min-soak', '999999h']);
    assert.equal(soak.stderr, `error: ${tooLong('--min-soak', '999999h')}\n`);
    assert.equal(soak.code, 2);
  });

  describe('the action', () => {
    afterEach(() => {
      for (const name of Object.keys(process.env))
        if (name.startsWith('INPUT_')) delete process.env[name];
    });
    const refuses = (values: Record<string, string>, message: string): void => {
      for (const [name, value] of Object.entries(values))
        process.env[`INPUT_${name.toUpperCase()}`] = value;
      assert.throws(
        () => readSettings(),
        (error: unknown) => error instanceof ConfigError && error.message === message,
      );
      for (const name of Object.keys(process.env))
        if (name.startsWith('INPUT_')) delete process.env[name];
    };

    it('refuses timeout, request-timeout and min-soak above the cap, naming the input', () => {
      const apply = { command: 'apply', dir: 'rendered', inventory: 'demo' };
      refuses({ ...apply, timeout: '999999h' }, tooLong('input timeout', '999999h'));
      refuses({ ...apply, 'request-timeout': '597h' }, tooLong('input request-timeout', '597h'));
      refuses({ command: 'promote', 'min-soak': '9999h' }, tooLong('input min-soak', '9999h'));
    });
  });
});
