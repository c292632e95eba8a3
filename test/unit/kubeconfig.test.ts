import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { loadKubeTarget } from '../../src/adapters/kube/kubeconfig.js';

// ferry reads kubeconfig files itself, with kubectl's loading rules: these pin the rules a user
// with several files, relative paths or a pod's service account relies on.

async function folder(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-kubeconfig-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function config(name: string, extra: { current?: string; user?: string } = {}): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: ${name}
  cluster:
    server: https://${name}.example:6443
    certificate-authority: certs/${name}-ca.crt
users:
- name: ${name}
  user:
    ${extra.user ?? `token: token-${name}`}
contexts:
- name: ${name}
  context: {cluster: ${name}, user: ${name}, namespace: ns-${name}}
${extra.current ? `current-context: ${extra.current}` : ''}
`;
}

describe('reading kubeconfig files', () => {
  it('merges $KUBECONFIG files first-wins, skips missing ones, resolves paths per file', async (t) => {
    const dir = await folder(t);
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'config'), config('one'));
    // b defines "one" again (ignored: a came first) and sets the current context.
    const shadow = config('one').replace('token-one', 'shadowed');
    const section = (text: string, key: string): string =>
      text.split(`${key}:\n`)[1]!.split(/\n(?=[a-z])/)[0]!;
    const two = config('two', { current: 'two' });
    await writeFile(
      join(dir, 'b', 'config'),
      ['clusters', 'users', 'contexts']
        .map((key) => `${key}:\n${section(two, key)}\n${section(shadow, key)}`)
        .join('\n') + '\ncurrent-context: two\n',
    );
    const env = {
      KUBECONFIG: [join(dir, 'missing'), join(dir, 'a', 'config'), join(dir, 'b', 'config')].join(
        ':',
      ),
    };
    const current = loadKubeTarget({ env });
    assert.equal(current.context, 'two');
    assert.equal(current.cluster.server, 'https://two.example:6443');
    assert.equal(current.cluster.caFile, join(dir, 'b', 'certs', 'two-ca.crt'));
    assert.equal(current.namespace, 'ns-two');

    const one = loadKubeTarget({ env, context: 'one' });
    assert.equal(one.user.token, 'token-one');
    assert.equal(one.cluster.caFile, join(dir, 'a', 'certs', 'one-ca.crt'));
  });

  it('reads ~/.kube/config when neither a file nor $KUBECONFIG is given', async (t) => {
    const home = await folder(t);
    await mkdir(join(home, '.kube'));
    await writeFile(join(home, '.kube', 'config'), config('home', { current: 'home' }));
    const target = loadKubeTarget({ env: {}, home });
    assert.equal(target.cluster.name, 'home');
    assert.equal(target.cluster.caFile, join(home, '.kube', 'certs', 'home-ca.crt'));
  });

  it('reads exec plugins and resolves a relative command with a slash', async (t) => {
    const dir = await folder(t);
    const file = join(dir, 'config');
    const exec = `exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/get-token
      args: [--cluster, prod]
      env: [{name: REGION, value: eu-west-1}]
      provideClusterInfo: true`;
    await writeFile(file, config('prod', { current: 'prod', user: exec }));
    const { user } = loadKubeTarget({ kubeconfig: file });
    assert.deepEqual(user.exec, {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: join(dir, 'bin', 'get-token'),
      args: ['--cluster', 'prod'],
      env: [{ name: 'REGION', value: 'eu-west-1' }],
      provideClusterInfo: true,
      installHint: undefined,
    });
  });

  it('gives one-line errors naming the file, line or field', async (t) => {
    const dir = await folder(t);
    const file = join(dir, 'config');
    const expectError = (message: string, options = {}): void =>
      assert.throws(
        () => loadKubeTarget({ kubeconfig: file, ...options }),
        (error: Error) => {
          assert.equal(error.message, message);
          return true;
        },
      );

    await writeFile(file, 'clusters:\n- name: a\n  cluster:\n   server: x\n  bad\n');
    expectError(`kubeconfig: ${file}:5: can not read an implicit mapping pair; a colon is missed`);

    await writeFile(file, config('a', { current: 'a', user: 'token: [1, 2]' }));
    expectError(`kubeconfig: ${file}: users[0].user.token: must be a string`);

    await writeFile(file, config('a'));
    expectError('kubeconfig: no current context; pass --context or --kubeconfig');
    expectError('kubeconfig: no context named "b"', { context: 'b' });

    await writeFile(file, config('a', { current: 'a' }).replace('user: a,', 'user: ghost,'));
    expectError('kubeconfig: context "a" names user "ghost", which is not defined');

    await writeFile(file, config('a', { current: 'a' }).replace('cluster: a,', 'cluster: gone,'));
    expectError('kubeconfig: context "a" names cluster "gone", which is not defined');

    expectError(`kubeconfig: ${join(dir, 'nope')}: no such file`, {
      kubeconfig: join(dir, 'nope'),
    });
  });

  it("uses the pod's service account when no kubeconfig exists", async (t) => {
    const home = await folder(t);
    const serviceAccountDir = await folder(t);
    await writeFile(join(serviceAccountDir, 'token'), 'sa-token');
    await writeFile(join(serviceAccountDir, 'namespace'), 'apps\n');
    const env = { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' };
    const target = loadKubeTarget({ env, home, serviceAccountDir });
    assert.equal(target.cluster.server, 'https://[fd00::1]:443');
    assert.equal(target.cluster.caFile, join(serviceAccountDir, 'ca.crt'));
    assert.equal(target.user.tokenFile, join(serviceAccountDir, 'token'));
    assert.equal(target.namespace, 'apps');

    assert.throws(() => loadKubeTarget({ env: {}, home, serviceAccountDir }), {
      message:
        'kubeconfig: none found; pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config',
    });
  });
});
