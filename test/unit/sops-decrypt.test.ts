import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FerryError } from '../../src/core/errors.js';
import { manifestHash } from '../../src/core/applyset.js';
import { driftOf } from '../../src/core/drift.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { wasDecrypted } from '../../src/core/sops/origin.js';
import { SchemaSet } from '../../src/core/schema.js';
import {
  documentsOf,
  fixture,
  folderWith,
  openSet,
  TEST_KEY_FILE,
  testRecipient,
} from '../helpers/sops.js';

/** An object as JSON sees it (without the origin ferry keeps under a symbol). */
const plain = (object: unknown): unknown => JSON.parse(JSON.stringify(object));

const withKeyFile = { SOPS_AGE_KEY_FILE: TEST_KEY_FILE, XDG_CONFIG_HOME: '/nonexistent' };
const noKeys = { XDG_CONFIG_HOME: '/nonexistent' };

/** The error a set is refused with: its exit code and one-line message. */
async function refusal(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FerryError, `not a one-line refusal: ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/);
    return { code: error.exitCode, message: error.message };
  }
  assert.fail('the set was not refused');
}

/** A fixture with one line edited (the edit must apply). */
async function edited(name: string, from: RegExp, to: string): Promise<string> {
  const text = await fixture(name);
  assert.match(text, from);
  return text.replace(from, to);
}

describe('SOPS files encrypted by the real sops, decrypted in ferry', () => {
  it('opens a Secret encrypted with --encrypted-regex to exactly its plaintext', async (t) => {
    const dir = await folderWith(t, { 'db.yaml': await fixture('secret.sops.yaml') });
    const [manifest] = await openSet(dir, withKeyFile);
    assert.deepEqual(plain(manifest!.object), documentsOf(await fixture('secret.yaml'))[0]);
    assert.ok(wasDecrypted(manifest!.object));
  });

  it('opens a fully encrypted two-document file with ints, floats, bools, lists and nulls', async (t) => {
    const dir = await folderWith(t, { 'all.yaml': await fixture('all-types.sops.yaml') });
    const opened = await openSet(dir, withKeyFile);
    assert.deepEqual(
      opened.map((m) => plain(m.object)),
      documentsOf(await fixture('all-types.yaml')),
    );
  });

  it('opens a file whose MAC covers only the encrypted values (--mac-only-encrypted)', async (t) => {
    const dir = await folderWith(t, { 'db.yaml': await fixture('mac-only.sops.yaml') });
    const [manifest] = await openSet(dir, withKeyFile);
    assert.deepEqual(plain(manifest!.object), documentsOf(await fixture('secret.yaml'))[0]);
  });

  it('takes keys from SOPS_AGE_KEY too, several on one line', async (t) => {
    const key = /^AGE-SECRET-KEY-\S+$/m.exec(await fixture('age.key'))![0];
    const dir = await folderWith(t, { 'db.yaml': await fixture('secret.sops.yaml') });
    const other = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ';
    await assert.rejects(
      openSet(dir, { ...noKeys, SOPS_AGE_KEY: other }),
      /not a valid age identity/,
    );
    const [manifest] = await openSet(dir, { ...noKeys, SOPS_AGE_KEY: `# ci key\n${key}` });
    assert.equal((manifest!.object.stringData as Record<string, string>).username, 'admin');
  });
});

describe('a SOPS file that was changed after encryption is refused whole (exit 1)', () => {
  const cases: [string, RegExp, string][] = [
    [
      'a plain value the MAC covers',
      /app\.kubernetes\.io\/name: db/,
      'app.kubernetes.io/name: evil',
    ],
    ['value moved to another key', /password: ENC/, 'passphrase: ENC'],
    ['MAC', /mac: ENC\[AES256_GCM,data:(.)/, 'mac: ENC[AES256_GCM,data:A$1'],
    ['encrypted value', /token: ENC\[AES256_GCM,data:(.)/, 'token: ENC[AES256_GCM,data:B'],
  ];
  for (const [what, from, to] of cases)
    it(`a changed ${what}`, async (t) => {
      const tampered = await edited('secret.sops.yaml', from, to);
      const plain = await folderWith(t, {
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n',
      });
      const dir = await folderWith(t, { 'db.yaml': tampered });
      const { code, message } = await refusal(openSet(dir, withKeyFile));
      assert.equal(code, 1);
      assert.match(message, /db\.yaml: refused: .*nothing was applied$/);
      assert.doesNotMatch(message, /correct-horse|admin|silver/);
      // The same keys open an untouched set: the refusal is the file's, not the key's.
      assert.equal((await openSet(plain, withKeyFile)).length, 1);
    });

  it('a document removed from a multi-document file', async (t) => {
    const text = await fixture('all-types.sops.yaml');
    const dir = await folderWith(t, { 'all.yaml': text.split(/^---$/m)[0]! });
    assert.equal((await refusal(openSet(dir, withKeyFile))).code, 1);
  });

  it('the data key of its recipient swapped for another file’s', async (t) => {
    const own = await fixture('secret.sops.yaml');
    const other = await fixture('mac-only.sops.yaml');
    const enc = (text: string): string => /enc: \|\n((?: {12}.*\n)+)/.exec(text)![1]!;
    const dir = await folderWith(t, { 'db.yaml': own.replace(enc(own), enc(other)) });
    assert.equal((await refusal(openSet(dir, withKeyFile))).code, 1);
  });
});

describe('a SOPS file ferry has no key for: one line naming the file and its recipients', () => {
  it('no key given at all', async (t) => {
    const dir = await folderWith(t, { 'db.yaml': await fixture('secret.sops.yaml') });
    const { code, message } = await refusal(openSet(dir, noKeys));
    assert.equal(code, 2);
    assert.equal(
      message,
      `${dir}/db.yaml: SOPS-encrypted for age ${await testRecipient()}; no age key given: set SOPS_AGE_KEY or SOPS_AGE_KEY_FILE; nothing was applied`,
    );
  });

  it('our recipient removed from the file', async (t) => {
    const text = await fixture('two-recipients.sops.yaml');
    const ours = await testRecipient();
    const stanza = new RegExp(
      `        - recipient: ${ours}\\n          enc: \\|\\n(?: {12}.*\\n)+`,
    );
    assert.match(text, stanza);
    const dir = await folderWith(t, { 'db.yaml': text.replace(stanza, '') });
    const { code, message } = await refusal(openSet(dir, withKeyFile));
    assert.equal(code, 2);
    assert.match(
      message,
      new RegExp(
        `db\\.yaml: none of the age keys given \\(${ours}\\) is a recipient; its recipients: age age1\\w+; nothing was applied`,
      ),
    );
  });

  it('a file encrypted only for PGP says what ferry decrypts and what to do', async (t) => {
    const dir = await folderWith(t, { 'db.yaml': await fixture('pgp-only.sops.yaml') });
    const { code, message } = await refusal(openSet(dir, withKeyFile));
    assert.equal(code, 2);
    assert.match(
      message,
      /db\.yaml: encrypted only for pgp [0-9A-F]{40}; ferry decrypts age: add an age recipient \(sops updatekeys after adding it to \.sops\.yaml\), or decrypt in an earlier step$/,
    );
  });
});

describe('plaintext Secrets in a set (issue 19, item 10)', () => {
  const plain =
    'apiVersion: v1\nkind: Secret\nmetadata: {name: raw}\nstringData: {password: hunter2}\n';

  it('are refused as render refuses them, unless allowed', async (t) => {
    const dir = await folderWith(t, { 'raw.yaml': plain });
    const { code, message } = await refusal(openSet(dir, noKeys));
    assert.equal(code, 2);
    assert.equal(
      message,
      `${dir}/raw.yaml: Secret raw holds plaintext data; encrypt it with SOPS or use a SealedSecret or ExternalSecret, or pass --allow-plaintext-secrets`,
    );
    const allowed = await openSet(dir, noKeys, { allowPlaintextSecrets: true });
    assert.equal(allowed.length, 1);
  });

  it('values that look encrypted but have no sops metadata are refused', async (t) => {
    const stripped = (await fixture('secret.sops.yaml')).replace(/^sops:[\s\S]*$/m, '');
    const dir = await folderWith(t, { 'db.yaml': stripped });
    const { code, message } = await refusal(openSet(dir, noKeys, { allowPlaintextSecrets: true }));
    assert.equal(code, 2);
    assert.match(message, /holds SOPS-encrypted values but no sops metadata/);
  });
});

describe('decrypted values never leave memory through ferry’s bookkeeping', () => {
  it('the manifest hash is computed over the encrypted document, not the plaintext', async (t) => {
    const dir = await folderWith(t, { 'db.yaml': await fixture('secret.sops.yaml') });
    const [manifest] = await openSet(dir, withKeyFile);
    const plaintext = documentsOf(await fixture('secret.yaml'))[0] as object;
    assert.notEqual(manifestHash(manifest!.object), manifestHash(plaintext));
    // The same file opened again hashes the same (the hash is stable, apply skips re-writes).
    const [again] = await openSet(dir, withKeyFile);
    assert.equal(manifestHash(again!.object), manifestHash(manifest!.object));
    // A copy made the way apply makes its desired object keeps the hash.
    const copy = { ...manifest!.object, metadata: { ...manifest!.object.metadata } };
    assert.equal(manifestHash(copy), manifestHash(manifest!.object));
  });

  it('drift shows an encrypted field of any kind as changed, without its values', async (t) => {
    const dir = await folderWith(t, { 'all.yaml': await fixture('all-types.sops.yaml') });
    const [settings] = await openSet(dir, withKeyFile);
    const live = structuredClone(settings!.object) as KubeObject & { data: Record<string, string> };
    live.data.greeting = 'edited by hand';
    const { drift } = driftOf(
      settings!.object,
      live,
      [],
      'ferry',
      new SchemaSet(new Map()).forKind('v1', 'ConfigMap'),
    );
    assert.deepEqual(
      drift?.fields.map((f) => [f.path, f.git, f.live]),
      [['/data/greeting', '(hidden)', '(hidden)']],
    );
    assert.doesNotMatch(JSON.stringify(drift), /hello world|edited by hand/);
  });
});
