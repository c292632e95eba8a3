import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { runFerry } from '../helpers/cli.js';
import { fixture, folderWith, TEST_KEY_FILE } from '../helpers/sops.js';

const plaintextSecret =
  'apiVersion: v1\nkind: Secret\nmetadata: {name: raw}\nstringData: {password: hunter2-plain}\n';

/** A run that would connect to nothing: reaching the kubeconfig shows the set was accepted. */
const offline = ['-i', 'x', '--kubeconfig', '/nonexistent/kubeconfig'];

describe('apply, plan and drift check secrets before connecting', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  for (const command of ['apply', 'plan', 'drift'])
    it(`ferry ${command} refuses a plaintext Secret (exit 2) unless --allow-plaintext-secrets`, async (t) => {
      const dir = await folderWith(t, { 'raw.yaml': plaintextSecret });
      const refused = await runFerry([command, '-d', dir, ...offline]);
      assert.equal(refused.code, 2, refused.stderr);
      assert.equal(
        refused.stderr,
        `error: ${dir}/raw.yaml: Secret raw holds plaintext data; encrypt it with SOPS or use a SealedSecret or ExternalSecret, or pass --allow-plaintext-secrets\n`,
      );
      const allowed = await runFerry([command, '-d', dir, ...offline, '--allow-plaintext-secrets']);
      assert.match(allowed.stderr, /\/nonexistent\/kubeconfig/);
    });

  it('a tampered SOPS file fails apply with exit 1 before any connection, and the key never prints', async (t) => {
    const key = /^AGE-SECRET-KEY-\S+$/m.exec(await fixture('age.key'))![0];
    process.env.SOPS_AGE_KEY = key;
    process.env.XDG_CONFIG_HOME = '/nonexistent';
    const tampered = (await fixture('secret.sops.yaml')).replace(
      'namespace: shop',
      'namespace: evil',
    );
    const dir = await folderWith(t, { 'db.yaml': tampered });
    const result = await runFerry(['apply', '-d', dir, ...offline, '--debug']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stderr,
      `error: ${dir}/db.yaml: refused: its MAC does not match its values (changed after encryption); nothing was applied\n`,
    );
    assert.ok(!result.stdout.includes(key) && !result.stderr.includes(key));
  });

  it('a file whose key is missing names the file and its recipients (SOPS_AGE_KEY_FILE unreadable is bad input)', async (t) => {
    process.env.SOPS_AGE_KEY_FILE = '/nonexistent/keys.txt';
    process.env.XDG_CONFIG_HOME = '/nonexistent';
    const dir = await folderWith(t, { 'db.yaml': await fixture('secret.sops.yaml') });
    const missing = await runFerry(['plan', '-d', dir, ...offline]);
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr,
      'error: /nonexistent/keys.txt: SOPS_AGE_KEY_FILE key file not found\n',
    );
    process.env.SOPS_AGE_KEY_FILE = TEST_KEY_FILE;
    const opened = await runFerry(['plan', '-d', dir, ...offline]);
    assert.match(opened.stderr, /\/nonexistent\/kubeconfig/);
  });

  it('the action reads allow-plaintext-secrets for apply, plan and drift', () => {
    for (const command of ['apply', 'plan', 'drift']) {
      process.env.INPUT_COMMAND = command;
      process.env.INPUT_DIR = 'rendered';
      process.env.INPUT_INVENTORY = 'demo';
      const read = (): boolean | undefined =>
        (readSettings().values as { allowPlaintextSecrets?: boolean }).allowPlaintextSecrets;
      assert.equal(read(), false);
      process.env['INPUT_ALLOW-PLAINTEXT-SECRETS'] = 'true';
      assert.equal(read(), true);
      delete process.env['INPUT_ALLOW-PLAINTEXT-SECRETS'];
    }
  });
});
