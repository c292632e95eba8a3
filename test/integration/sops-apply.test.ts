// Issue 23 on the real control plane: a Secret (and a ConfigMap) encrypted by the real sops are
// applied by ferry, decrypted only in memory; drift is clean and a re-apply writes nothing; a hand
// edit shows in plan and drift as changed without its values; a tampered file writes nothing;
// and a known plaintext never appears in any output or in the live objects' annotations.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { manifestHash } from '../../src/core/applyset.js';
import { runFerry } from '../helpers/cli.js';
import type { ApplyJson, DriftJson } from '../helpers/ferry-json.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { documentsOf } from '../helpers/sops.js';
import { toolBinary } from '../helpers/tools.js';

const exec = promisify(execFile);

/** Values that must never leave memory: long ones, and one too short for redaction to catch. */
const PASSWORD = 'correct-horse-battery-staple-7f3a';
const SHORT_PIN = '4821';
const GREETING = 'hello-from-an-encrypted-configmap';
const EDITED = 'typed-by-hand-into-the-cluster';
const PLAINTEXTS = [PASSWORD, SHORT_PIN, GREETING, EDITED];
const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe(
  'SOPS-encrypted manifests applied on the real control plane (issue 23)',
  needsCluster,
  () => {
    let ns: Awaited<ReturnType<typeof testNamespace>>;
    let work: string;
    let dir: string;
    const saved = { ...process.env };

    /** Every output of a run, to search for plaintext. */
    const outputs: { what: string; text: string }[] = [];
    async function ferry(command: string, ...extra: string[]) {
      const args = [
        command,
        '--dir',
        dir,
        '--inventory',
        'sealed',
        '--namespace',
        ns.name,
        '--kubeconfig',
        testKubeconfig()!,
        ...extra,
      ];
      const result = await runFerry(args);
      outputs.push({
        what: `${args.slice(0, 1).join(' ')} ${extra.join(' ')}`,
        text: result.stdout + result.stderr,
      });
      return result;
    }
    const k = (...args: string[]) => kubectl(['-n', ns.name, ...args]);
    const live = async (resource: string): Promise<any> => {
      const result = await k('get', resource, '-o', 'json');
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout);
    };

    before(async () => {
      ns = await testNamespace('sops');
      work = await mkdtemp(join(tmpdir(), 'ferry-sops-apply-'));
      dir = join(work, 'set');
      const keyFile = join(work, 'ci.agekey');
      await exec(await toolBinary('age-keygen'), ['-o', keyFile]);
      const recipient = /public key: (age1\S+)/.exec(await readFile(keyFile, 'utf8'))![1]!;
      const plain = join(work, 'plain.yaml');
      await writeFile(
        plain,
        `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: ${PASSWORD}
  pin: "${SHORT_PIN}"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: greeting
data:
  greeting: ${GREETING}
`,
      );
      const { stdout } = await exec(
        await toolBinary('sops'),
        ['--encrypt', '--age', recipient, '--encrypted-regex', '^(data|stringData)$', plain],
        {
          env: { PATH: process.env.PATH, HOME: work },
        },
      );
      await exec('mkdir', ['-p', dir]);
      await writeFile(join(dir, 'secrets.sops.yaml'), stdout);
      await writeFile(
        join(dir, 'plain.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: b\n',
      );
      // The key reaches ferry as in CI: an environment variable.
      process.env.SOPS_AGE_KEY = /^AGE-SECRET-KEY-\S+$/m.exec(await readFile(keyFile, 'utf8'))![0];
      process.env.XDG_CONFIG_HOME = join(work, 'no-config');
    });
    after(async () => {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      await ns.remove();
      await rm(work, { recursive: true, force: true });
    });

    it('plans and applies the decrypted objects; the cluster holds the plaintext, its annotations do not', async () => {
      const plan = await ferry('plan', '--output', 'markdown');
      assert.equal(plan.code, 0, plan.stderr);
      assert.match(plan.stdout, /Secret .*\/db/);
      const applied = await ferry('apply', '--output', 'json');
      assert.equal(applied.code, 0, applied.stderr);
      const report = JSON.parse(applied.stdout) as ApplyJson;
      assert.deepEqual(report.objects.map((o) => `${o.object} ${o.action}`).sort(), [
        `ConfigMap ${ns.name}/greeting created`,
        `ConfigMap ${ns.name}/plain created`,
        `Secret ${ns.name}/db created`,
      ]);
      const secret = await live('secret/db');
      assert.equal(Buffer.from(secret.data.password, 'base64').toString(), PASSWORD);
      assert.equal(Buffer.from(secret.data.pin, 'base64').toString(), SHORT_PIN);
      assert.equal((await live('configmap/greeting')).data.greeting, GREETING);
      assert.equal(secret.sops, undefined, 'the sops metadata is not applied');
      // Nothing but the values holds the plaintext: not annotations, labels or managed fields.
      for (const object of [
        secret,
        await live('configmap/greeting'),
        await live('configmap/sealed'),
      ]) {
        const text = JSON.stringify({ ...object, data: undefined });
        for (const value of [PASSWORD, GREETING, base64(PASSWORD), base64(SHORT_PIN)])
          assert.ok(!text.includes(value), `${object.kind} ${object.metadata.name} holds ${value}`);
      }
      // The manifest hash is not the unkeyed hash of the plaintext object as applied.
      const decrypted = documentsOf(
        await readFile(join(dir, 'secrets.sops.yaml'), 'utf8'),
      )[0] as any;
      delete decrypted.sops;
      decrypted.metadata.namespace = ns.name;
      decrypted.stringData = { password: PASSWORD, pin: SHORT_PIN };
      assert.notEqual(
        secret.metadata.annotations['ferry.dev/manifest-hash'],
        manifestHash(decrypted),
      );
    });

    it('drift is clean and a re-apply writes nothing', async () => {
      const drift = await ferry('drift', '--output', 'json');
      assert.equal(drift.code, 0, drift.stderr);
      assert.equal(JSON.parse(drift.stdout).clean, true, drift.stdout);
      const again = await ferry('apply', '--output', 'json');
      assert.equal(again.code, 0, again.stderr);
      const report = JSON.parse(again.stdout) as ApplyJson;
      assert.deepEqual(
        report.objects.map((o) => o.action),
        ['unchanged', 'unchanged', 'unchanged'],
      );
      const writes = ['create', 'patch', 'update', 'delete'].filter(
        (verb) => report.requests[verb],
      );
      assert.deepEqual(writes, [], JSON.stringify(report.requests));
    });

    it('a hand edit shows in drift and plan as changed, never with a value; apply takes it back', async () => {
      const patch = JSON.stringify({ data: { password: base64(EDITED), pin: base64('9999') } });
      assert.equal((await k('patch', 'secret/db', '--type', 'merge', '-p', patch)).code, 0);
      const cm = JSON.stringify({ data: { greeting: EDITED } });
      assert.equal((await k('patch', 'configmap/greeting', '--type', 'merge', '-p', cm)).code, 0);
      for (const format of ['json', 'markdown', 'text']) {
        const drift = await ferry('drift', '--output', format);
        assert.equal(drift.code, 0, drift.stderr);
        assert.match(drift.stdout, /greeting/);
      }
      const json = JSON.parse((await ferry('drift', '--output', 'json')).stdout) as DriftJson;
      const fields = json.objects
        .flatMap((o) => o.fields.map((f) => `${f.path} ${String(f.git)} ${String(f.live)}`))
        .sort();
      assert.deepEqual(fields, [
        '/data/greeting (hidden) (hidden)',
        '/data/password (hidden) (hidden)',
        '/data/pin (hidden) (hidden)',
      ]);
      for (const format of ['json', 'markdown', 'text']) {
        const plan = await ferry('plan', '--output', format);
        assert.equal(plan.code, 0, plan.stderr);
        assert.match(plan.stdout, /\/data\/password/);
      }
      assert.equal((await ferry('apply', '--output', 'json')).code, 0);
      assert.equal(
        Buffer.from((await live('secret/db')).data.password, 'base64').toString(),
        PASSWORD,
      );
      assert.equal((await live('configmap/greeting')).data.greeting, GREETING);
    });

    it('a tampered file is refused with exit 1 and nothing is written, not even the plain ConfigMap', async () => {
      const file = join(dir, 'secrets.sops.yaml');
      const original = await readFile(file, 'utf8');
      await writeFile(
        join(dir, 'plain.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: changed\n',
      );
      await writeFile(file, original.replace('name: greeting', 'name: greetings'));
      const before = (await live('configmap/plain')).metadata.resourceVersion;
      const result = await ferry('apply', '--output', 'json');
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        /secrets\.sops\.yaml: refused: its MAC does not match its values \(changed after encryption\); nothing was applied/,
      );
      assert.equal((await live('configmap/plain')).metadata.resourceVersion, before);
      assert.equal((await live('configmap/plain')).data.a, 'b');
      await writeFile(file, original);
    });

    it('no output of any run held a plaintext value, nor its redaction mark in place of one', () => {
      assert.ok(outputs.length >= 12, String(outputs.length));
      for (const { what, text } of outputs)
        for (const value of [...PLAINTEXTS, ...PLAINTEXTS.map(base64)])
          assert.ok(!text.includes(value), `ferry ${what} printed ${value}:\n${text}`);
      // The values were hidden by the reports themselves, not only scrubbed at the edge.
      assert.ok(
        outputs.every(({ text }) => !text.includes('***')),
        'a value reached the redaction',
      );
    });
  },
);
