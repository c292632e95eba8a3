import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { runFerry } from '../helpers/cli.js';

describe('--request-timeout and the request-timeout input', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });

  for (const command of ['apply', 'drift']) {
    it(`ferry ${command} refuses a malformed --request-timeout with exit 2, before any request`, async () => {
      const result = await runFerry([
        command,
        '-d',
        'no-such-dir',
        '-i',
        'x',
        '--kubeconfig',
        '/nonexistent/kubeconfig',
        '--request-timeout',
        '5x',
      ]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /--request-timeout: "5x" is not a duration/);
    });
  }

  it('the action reads request-timeout into milliseconds for apply and drift, and refuses a malformed one', () => {
    for (const command of ['apply', 'drift']) {
      process.env.INPUT_COMMAND = command;
      process.env.INPUT_DIR = 'rendered';
      process.env.INPUT_INVENTORY = 'demo';
      process.env['INPUT_REQUEST-TIMEOUT'] = '1m30s';
      assert.equal((readSettings().values as { requestTimeout?: number }).requestTimeout, 90_000);
      delete process.env['INPUT_REQUEST-TIMEOUT'];
      assert.equal(
        (readSettings().values as { requestTimeout?: number }).requestTimeout,
        undefined,
      );
      process.env['INPUT_REQUEST-TIMEOUT'] = 'soon';
      assert.throws(readSettings, /input request-timeout: "soon" is not a duration/);
    }
  });
});
