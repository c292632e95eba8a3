import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskKubeconfig } from '../../src/action/kubeconfig.js';

/** Captures what @actions/core writes to stdout (workflow commands such as ::add-mask::). */
function captureStdout(work: () => void): string {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  };
  try {
    work();
  } finally {
    process.stdout.write = original;
  }
  return out;
}

describe('kubeconfig masking in the action', () => {
  it('masks every credential value separately, including decoded keys', () => {
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
    const out = captureStdout(() => maskKubeconfig(kubeconfig));
    const masked = out
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
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
});
