import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { needsCluster, testKubeconfig } from '../helpers/kube.js';

// ferry reads kubeconfigs itself (src/adapters/kube/kubeconfig.ts); these prove each way of
// authenticating against the real API server: exec credential plugins (EKS, GKE, AKS), token
// files, and the legacy auth-provider path still served by client-node.

interface TestKubeconfig {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context': string;
}

/** The test cluster's kubeconfig, with the current context's user replaced by `user`. */
function withUser(
  user: Record<string, unknown>,
  clusterSettings: Record<string, unknown> = {},
): string {
  const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as TestKubeconfig;
  const context = config.contexts.find((c) => c.name === config['current-context'])!.context;
  const cluster = config.clusters.find((c) => c.name === context.cluster)!;
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ ...cluster, cluster: { ...cluster.cluster, ...clusterSettings } }],
    users: [{ name: 'tested', user }],
    contexts: [{ name: 'tested', context: { cluster: cluster.name, user: 'tested' } }],
    'current-context': 'tested',
  });
}

/** What the test cluster's own user authenticates with: a token, or a client certificate. */
function testCredential(): { token?: string; cert?: string; key?: string } {
  const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as TestKubeconfig;
  const context = config.contexts.find((c) => c.name === config['current-context'])!.context;
  const user = config.users.find((u) => u.name === context.user)!.user;
  const pem = (value: unknown): string | undefined =>
    typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : undefined;
  return {
    token: typeof user.token === 'string' ? user.token : undefined,
    cert: pem(user['client-certificate-data']),
    key: pem(user['client-key-data']),
  };
}

async function workdir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-kube-auth-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A kubeconfig whose user runs a credential plugin (a Node script), with `exec` settings added: appends its KUBERNETES_EXEC_INFO to `calls.jsonl`, prints
 * a wrong token on the runs listed in `$BAD_RUNS`, else the cluster's credential.
 */
async function execPluginKubeconfig(
  dir: string,
  exec: Record<string, unknown> = {},
): Promise<string> {
  const credential = testCredential();
  const script = join(dir, 'plugin.mjs');
  await writeFile(
    script,
    `import { appendFileSync, readFileSync } from 'node:fs';
const calls = ${JSON.stringify(join(dir, 'calls.jsonl'))};
appendFileSync(calls, process.env.KUBERNETES_EXEC_INFO + '\\n');
const run = readFileSync(calls, 'utf8').trim().split('\\n').length;
if (process.env.FAIL) { console.error('step 1\\nlogin expired: run aws sso login'); process.exit(4); }
const bad = (process.env.BAD_RUNS ?? '').split(',').includes(String(run));
const credential = ${JSON.stringify(credential)};
const status = bad ? { token: 'not-a-valid-token' }
  : credential.token ? { token: credential.token }
  : { clientCertificateData: credential.cert, clientKeyData: credential.key };
console.log(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential',
  status: { ...status, expirationTimestamp: new Date(Date.now() + 600000).toISOString() } }));
`,
  );
  const kubeconfig = join(dir, 'kubeconfig');
  const plugin = {
    apiVersion: 'client.authentication.k8s.io/v1',
    command: process.execPath,
    args: [script],
  };
  await writeFile(kubeconfig, withUser({ exec: { ...plugin, ...exec } }));
  return kubeconfig;
}

/** The HTTP status of listing namespaces with a fresh client for `kubeconfig`. */
async function listNamespaces(kubeconfig: string): Promise<number> {
  const client = KubeClient.connect({ kubeconfig });
  try {
    const response = await client.request({
      verb: 'list',
      method: 'GET',
      path: '/api/v1/namespaces',
    });
    return response.status;
  } finally {
    client.close();
  }
}

describe('authenticating to the API server', needsCluster, () => {
  it('runs an exec credential plugin once, with the cluster info it asked for', async (t) => {
    const dir = await workdir(t);
    const kubeconfig = await execPluginKubeconfig(dir, {
      provideClusterInfo: true,
      interactiveMode: 'Never',
    });
    const client = KubeClient.connect({ kubeconfig });
    t.after(() => client.close());
    // Concurrent first requests (apply sends 8 at a time) share one run of the plugin.
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.request({ method: 'GET', path: '/api/v1/namespaces/default' }),
      ),
    );
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200, 200, 200, 200],
    );
    const again = await client.request({ method: 'GET', path: '/api/v1/namespaces/default' });
    assert.equal(again.status, 200);
    const calls = (await readFile(join(dir, 'calls.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(calls.length, 1, 'the credential is kept until it expires');
    const info = JSON.parse(calls[0]!) as {
      kind: string;
      spec: { interactive: boolean; cluster: { server: string } };
    };
    assert.equal(info.kind, 'ExecCredential');
    assert.equal(info.spec.interactive, false);
    const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as TestKubeconfig;
    assert.equal(info.spec.cluster.server, config.clusters[0]!.cluster.server);
  });

  it('runs the plugin again when the API server rejects its credential', async (t) => {
    const dir = await workdir(t);
    const kubeconfig = await execPluginKubeconfig(dir, { env: [{ name: 'BAD_RUNS', value: '1' }] });
    assert.equal(await listNamespaces(kubeconfig), 200);
    const calls = (await readFile(join(dir, 'calls.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(calls.length, 2);
  });

  it("fails in one line with the plugin's own last words", async (t) => {
    const dir = await workdir(t);
    const kubeconfig = await execPluginKubeconfig(dir, { env: [{ name: 'FAIL', value: '1' }] });
    await assert.rejects(listNamespaces(kubeconfig), {
      message: `kubeconfig: exec plugin ${process.execPath} exited with 4: login expired: run aws sso login`,
    });

    await writeFile(
      kubeconfig,
      withUser({
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: 'ferry-no-such-plugin',
          installHint: 'install it with: brew install ferry-no-such-plugin',
        },
      }),
    );
    await assert.rejects(listNamespaces(kubeconfig), {
      message:
        'kubeconfig: cannot run exec plugin ferry-no-such-plugin: ENOENT (install it with: brew install ferry-no-such-plugin)',
    });
  });

  it('reads a token file, and serves legacy auth-provider users through client-node', async (t) => {
    const { token } = testCredential();
    if (!token) return t.skip('the test cluster user has no token');
    const dir = await workdir(t);
    await writeFile(join(dir, 'token'), `${token}\n`);
    const kubeconfig = join(dir, 'kubeconfig');
    // A relative tokenFile is relative to the kubeconfig.
    await writeFile(kubeconfig, withUser({ tokenFile: 'token' }));
    assert.equal(await listNamespaces(kubeconfig), 200);

    await writeFile(join(dir, 'token'), token);
    await writeFile(
      kubeconfig,
      withUser({ 'auth-provider': { name: 'file', config: { tokenFile: join(dir, 'token') } } }),
    );
    assert.equal(await listNamespaces(kubeconfig), 200);
    await writeFile(join(dir, 'token'), 'wrong-token');
    assert.equal(await listNamespaces(kubeconfig), 401, 'the token really came from the file');
  });

  it('goes through the proxy-url of the cluster (CONNECT), via client-node', async (t) => {
    const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as TestKubeconfig;
    const context = config.contexts.find((c) => c.name === config['current-context'])!.context;
    const user = config.users.find((u) => u.name === context.user)!.user;
    const proxy = await startConnectProxy(t);
    const dir = await workdir(t);
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, withUser(user, { 'proxy-url': proxy.url }));
    assert.equal(await listNamespaces(kubeconfig), 200);
    const server = new URL(String(config.clusters[0]!.cluster.server));
    assert.deepEqual(proxy.connects, [`${server.hostname}:${server.port}`]);
  });
});
