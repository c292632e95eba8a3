import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { maskKubeconfig, prepareKubeconfig } from '../../src/action/kubeconfig.js';
import { run } from '../../src/action/main.js';

/** Captures what @actions/core writes to stdout (workflow commands such as ::add-mask::). */
async function captureStdout(work: () => unknown): Promise<string> {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  };
  try {
    await work();
  } finally {
    process.stdout.write = original;
  }
  return out;
}

/** The values an output masked. */
const maskedIn = (out: string): string[] =>
  out
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length));

describe('kubeconfig masking in the action', () => {
  it('masks every credential value separately, including decoded keys', async () => {
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const kubeconfig = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: https://10.0.0.1:6443}}]
users:
  - name: ci
    user:
      token: s3cr3t-token-value
      client-key-data: ${Buffer.from(key).toString('base64')}
  - name: basic
    user: {username: admin, password: hunter2-password}
contexts: [{name: c, context: {cluster: c, user: ci}}]
current-context: c
`;
    const masked = maskedIn(await captureStdout(() => maskKubeconfig(kubeconfig)));
    for (const secret of [
      's3cr3t-token-value',
      'hunter2-password',
      Buffer.from(key).toString('base64'),
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    ]) {
      assert.ok(masked.includes(secret), `${secret} is masked`);
    }
    assert.ok(!masked.includes('https://10.0.0.1:6443'), 'cluster addresses are not secrets');
  });

  it('masks the credentials of every file $KUBECONFIG lists (ferry reads them all)', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-mask-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = (token: string) =>
      `users: [{name: u, user: {token: ${token}}}]\nclusters: []\ncontexts: []\n`;
    await writeFile(join(dir, 'a'), file('first-file-token'));
    await writeFile(join(dir, 'b'), file('second-file-token'));
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = [join(dir, 'a'), join(dir, 'b')].join(delimiter);
    t.after(() => {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    });
    const masked = maskedIn(await captureStdout(() => prepareKubeconfig(undefined)));
    assert.ok(masked.includes('first-file-token'));
    assert.ok(masked.includes('second-file-token'));
  });

  it('deletes a kubeconfig written from the input when the step ends, even a failed one', async (t) => {
    const runnerTemp = await mkdtemp(join(tmpdir(), 'ferry-runner-temp-'));
    t.after(() => rm(runnerTemp, { recursive: true, force: true }));
    const saved = { ...process.env };
    Object.assign(process.env, {
      RUNNER_TEMP: runnerTemp,
      INPUT_COMMAND: 'apply',
      INPUT_DIR: join(runnerTemp, 'no-such-folder'),
      INPUT_INVENTORY: 'web',
      INPUT_KUBECONFIG:
        'apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: step-token}}]\n',
    });
    t.after(() => {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      process.exitCode = undefined;
    });
    const out = await captureStdout(() => run());
    assert.match(out, /::error::.*no-such-folder: manifests folder not found/);
    assert.deepEqual(await readdir(runnerTemp), [], 'no ferry-kube-* left in RUNNER_TEMP');
  });
});
