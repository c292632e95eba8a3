// `ferry rbac`'s and the preflight's inputs (issue 24): each grammar refused at the edge, exit 2,
// before any request; the action reads the same.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { runFerry } from '../helpers/cli.js';

describe('ferry rbac and the preflight inputs', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });

  it('ferry rbac refuses a malformed --subject with exit 2, naming the grammar, before any request', async () => {
    const result = await runFerry([
      'rbac',
      '-d',
      'no-such-dir',
      '-i',
      'x',
      '--kubeconfig',
      '/nonexistent/kubeconfig',
      '--subject',
      'serviceaccount:ci',
    ]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      /--subject: "serviceaccount:ci" is not serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME/,
    );
  });

  it('ferry rbac needs --subject', async () => {
    const result = await runFerry(['rbac', '-d', 'x', '-i', 'x']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--subject/);
  });

  it('the action reads command rbac with its subject, and skip-preflight for apply and plan', () => {
    process.env.INPUT_COMMAND = 'rbac';
    process.env.INPUT_DIR = 'rendered';
    process.env.INPUT_INVENTORY = 'demo';
    process.env.INPUT_SUBJECT = 'group:deployers';
    const settings = readSettings();
    assert.equal(settings.command, 'rbac');
    assert.deepEqual((settings.values as { subject?: unknown }).subject, {
      kind: 'Group',
      name: 'deployers',
    });
    process.env.INPUT_SUBJECT = 'robot:x';
    assert.throws(readSettings, /input subject: "robot:x" is not serviceaccount/);
    delete process.env.INPUT_SUBJECT;
    assert.throws(readSettings, /input subject is required for command rbac/);
    const skip = (): unknown =>
      (readSettings().values as { skipPreflight?: boolean }).skipPreflight;
    for (const command of ['apply', 'plan']) {
      process.env.INPUT_COMMAND = command;
      assert.equal(skip(), false);
      process.env['INPUT_SKIP-PREFLIGHT'] = 'true';
      assert.equal(skip(), true);
      process.env['INPUT_SKIP-PREFLIGHT'] = 'no';
      assert.throws(readSettings, /input skip-preflight/);
      delete process.env['INPUT_SKIP-PREFLIGHT'];
    }
  });
});
