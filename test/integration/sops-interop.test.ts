// Issue 23: SOPS files encrypted by the real sops (built from its pinned Go module) with keys
// made by the real age-keygen, decrypted in ferry and compared with `sops --decrypt`; and every
// way of changing a file after encryption refused. No cluster needed, but the tools are built.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { FerryError } from '../../src/core/errors.js';
import { documentsOf, folderWith, openSet } from '../helpers/sops.js';
import { toolBinary } from '../helpers/tools.js';

const exec = promisify(execFile);

/** A key made by age-keygen: its file, private key line and recipient. */
interface AgeKey {
  file: string;
  secret: string;
  recipient: string;
}

const plainSecret = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
  labels:
    tier: backend
type: Opaque
stringData:
  password: "p@ss: with # and 'quotes' and ünïcödé"
  port: "5432"
  multi: |
    line one
    line two
data:
  token: c2lsdmVyLXRva2Vu
`;

const plainMixed = `apiVersion: example.com/v1
kind: Settings
metadata:
  name: mixed
spec:
  replicas: 3
  ratio: 0.125
  enabled: true
  off_unencrypted: false
  nothing: null
  empty: ""
  octal: 0644
  list: [a, 2, 3.5, true, {name: x, secret_value: y}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: second
data:
  k: v
`;

describe('interop with the real sops and age-keygen', () => {
  let work: string;
  let sops: string;
  let ours: AgeKey;
  let theirs: AgeKey;
  const keyEnv = (): NodeJS.ProcessEnv => ({
    SOPS_AGE_KEY_FILE: ours.file,
    XDG_CONFIG_HOME: join(work, 'no-config'),
  });

  async function makeKey(name: string): Promise<AgeKey> {
    const file = join(work, `${name}.agekey`);
    await exec(await toolBinary('age-keygen'), ['-o', file]);
    const text = await readFile(file, 'utf8');
    return {
      file,
      secret: /^AGE-SECRET-KEY-\S+$/m.exec(text)![0],
      recipient: /public key: (age1\S+)/.exec(text)![1]!,
    };
  }

  /** `sops` with only our key in reach (no config folder, no other variables). */
  async function runSops(args: string[], input?: string): Promise<string> {
    const run = exec(sops, args, {
      env: { PATH: process.env.PATH, HOME: work, ...keyEnv() },
      maxBuffer: 16 * 1024 * 1024,
    });
    if (input !== undefined) run.child.stdin?.end(input);
    return (await run).stdout;
  }

  async function encrypt(plain: string, ...flags: string[]): Promise<string> {
    const file = join(work, `plain-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, plain);
    return runSops(['--encrypt', ...flags, file]);
  }

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'ferry-sops-interop-'));
    sops = await toolBinary('sops');
    ours = await makeKey('ours');
    theirs = await makeKey('theirs');
  });
  after(() => rm(work, { recursive: true, force: true }));

  const variants: [string, string, () => string[]][] = [
    [
      'a Secret, data and stringData encrypted',
      plainSecret,
      () => ['--encrypted-regex', '^(data|stringData)$'],
    ],
    ['a Secret, every value encrypted', plainSecret, () => []],
    [
      'a Secret, MAC over encrypted values only',
      plainSecret,
      () => ['--mac-only-encrypted', '--encrypted-regex', '^(data|stringData)$'],
    ],
    ['two documents with every YAML type', plainMixed, () => []],
    [
      'two documents, --unencrypted-regex',
      plainMixed,
      () => ['--unencrypted-regex', '^(apiVersion|kind|name)$'],
    ],
    ['two documents, --encrypted-suffix', plainMixed, () => ['--encrypted-suffix', '_value']],
  ];
  for (const [name, plain, flags] of variants)
    it(`${name}: ferry's plaintext is sops's own --decrypt`, async (t) => {
      const encrypted = await encrypt(
        plain,
        '--age',
        `${ours.recipient},${theirs.recipient}`,
        ...flags(),
      );
      const file = join(work, `${name.replace(/\W+/g, '-')}.yaml`);
      await writeFile(file, encrypted);
      const expected = documentsOf(await runSops(['--decrypt', file]));
      const dir = await folderWith(t, { 'set.yaml': encrypted });
      const opened = await openSet(dir, keyEnv());
      assert.deepEqual(JSON.parse(JSON.stringify(opened.map((m) => m.object))), expected);
      // Their key alone opens it the same (any recipient's key works).
      const theirsOnly = await openSet(dir, {
        SOPS_AGE_KEY: theirs.secret,
        XDG_CONFIG_HOME: '/nonexistent',
      });
      assert.deepEqual(JSON.parse(JSON.stringify(theirsOnly.map((m) => m.object))), expected);
    });

  it('follows sops through its own edits: set, rotate and updatekeys keep the file open', async (t) => {
    const file = join(work, 'edited.yaml');
    await writeFile(
      file,
      await encrypt(
        plainSecret,
        '--age',
        ours.recipient,
        '--encrypted-regex',
        '^(data|stringData)$',
      ),
    );
    await runSops(['set', file, '["stringData"]["port"]', '"6543"']);
    await runSops(['rotate', '--in-place', file]);
    const dir = await folderWith(t, { 'db.yaml': await readFile(file, 'utf8') });
    const [secret] = await openSet(dir, keyEnv());
    assert.equal((secret!.object.stringData as Record<string, string>).port, '6543');
  });

  /** The refusal a set gets: exit code and message. */
  async function refused(
    text: string,
    env: NodeJS.ProcessEnv,
    t: { after: (fn: () => Promise<void>) => void },
  ) {
    const dir = await folderWith(t, { 'db.yaml': text });
    try {
      await openSet(dir, env);
    } catch (error) {
      assert.ok(error instanceof FerryError, String(error));
      assert.doesNotMatch(error.message, /p@ss|silver|5432/);
      return { code: error.exitCode, message: error.message };
    }
    return assert.fail('not refused');
  }

  it('refuses every change made after encryption: a value, the MAC, a recipient', async (t) => {
    const encrypted = await encrypt(
      plainSecret,
      '--age',
      `${ours.recipient},${theirs.recipient}`,
      '--encrypted-regex',
      '^(data|stringData)$',
    );
    const changedValue = encrypted.replace(
      /(port: ENC\[AES256_GCM,data:)(.)/,
      (_, a: string, c: string) => `${a}${c === 'A' ? 'B' : 'A'}`,
    );
    const changedPlain = encrypted.replace('tier: backend', 'tier: frontend');
    const changedMac = encrypted.replace(
      /(mac: ENC\[AES256_GCM,data:)(.)/,
      (_, a: string, c: string) => `${a}${c === 'A' ? 'B' : 'A'}`,
    );
    for (const text of [changedValue, changedPlain, changedMac]) {
      assert.notEqual(text, encrypted);
      const { code, message } = await refused(text, keyEnv(), t);
      assert.equal(code, 1);
      assert.match(message, /db\.yaml: refused: .*; nothing was applied$/);
    }
    // Our recipient removed: one line naming the file and the recipients left.
    const stanza = new RegExp(` *- recipient: ${ours.recipient}\\n *enc: \\|\\n(?: {12}.*\\n)+`);
    assert.match(encrypted, stanza);
    const { code, message } = await refused(encrypted.replace(stanza, ''), keyEnv(), t);
    assert.equal(code, 2);
    assert.match(
      message,
      new RegExp(
        `db\\.yaml: none of the age keys given \\(${ours.recipient}\\) is a recipient; its recipients: age ${theirs.recipient}; nothing was applied$`,
      ),
    );
    // sops itself agrees each of these is broken.
    for (const text of [changedValue, changedPlain, changedMac]) {
      const file = join(work, 'tampered.yaml');
      await writeFile(file, text);
      await assert.rejects(runSops(['--decrypt', file]));
    }
  });
});
