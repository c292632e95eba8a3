import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import selfsigned from 'selfsigned';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';

// The test control plane authenticates by token only, so client certificates, custom CAs and
// tls-server-name are proven against a local HTTPS server that, like kube-apiserver with
// --client-ca-file, demands a client certificate signed by its CA and reports what it saw.

interface Seen {
  client: string;
  authorization: string;
}

let server: Server;
let url: string;
let dir: string;
let pems: {
  ca: string;
  clientCert: string;
  clientKey: string;
  otherCert: string;
  otherKey: string;
};

before(async () => {
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'ferry-test-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
    ],
    clientCertificate: { cn: 'ferry-client' },
  });
  // The serving certificate names only kubernetes.local: reaching 127.0.0.1 needs tls-server-name.
  const serving = await selfsigned.generate([{ name: 'commonName', value: 'kubernetes' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'kubernetes.local' }] }],
  });
  // Another client, signed by an unrelated CA: the server must refuse it.
  const other = await selfsigned.generate([{ name: 'commonName', value: 'other-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    clientCertificate: { cn: 'intruder' },
  });
  pems = {
    ca: ca.cert,
    clientCert: ca.clientcert!,
    clientKey: ca.clientprivate!,
    otherCert: other.clientcert!,
    otherKey: other.clientprivate!,
  };
  server = createServer(
    {
      key: serving.private,
      cert: serving.cert,
      ca: ca.cert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const seen: Seen = {
        client: typeof peer.subject?.CN === 'string' ? peer.subject.CN : '',
        authorization: req.headers.authorization ?? '',
      };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(seen));
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  dir = await mkdtemp(join(tmpdir(), 'ferry-kube-tls-'));
  await mkdir(join(dir, 'pki'));
  await writeFile(join(dir, 'pki', 'ca.crt'), pems.ca);
  await writeFile(join(dir, 'pki', 'client.crt'), pems.clientCert);
  await writeFile(join(dir, 'pki', 'client.key'), pems.clientKey);
});

after(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

async function request(
  cluster: Record<string, unknown>,
  user: Record<string, unknown>,
): Promise<Seen> {
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    yaml.dump({
      clusters: [{ name: 'c', cluster: { server: url, ...cluster } }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    }),
  );
  const client = KubeClient.connect({ kubeconfig });
  try {
    const response = await client.request<Seen>({ method: 'GET', path: '/version' });
    assert.equal(response.status, 200);
    return response.body;
  } finally {
    client.close();
  }
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('TLS material from a kubeconfig', () => {
  it('presents a client certificate from files relative to the kubeconfig', async () => {
    const seen = await request(
      { 'certificate-authority': 'pki/ca.crt', 'tls-server-name': 'kubernetes.local' },
      { 'client-certificate': 'pki/client.crt', 'client-key': 'pki/client.key' },
    );
    assert.deepEqual(seen, { client: 'ferry-client', authorization: '' });
  });

  it('presents a client certificate from inline data, with a token beside it', async () => {
    const seen = await request(
      { 'certificate-authority-data': b64(pems.ca), 'tls-server-name': 'kubernetes.local' },
      {
        'client-certificate-data': b64(pems.clientCert),
        'client-key-data': b64(pems.clientKey),
        token: 'abc',
      },
    );
    assert.deepEqual(seen, { client: 'ferry-client', authorization: 'Bearer abc' });
  });

  it('presents the client certificate an exec plugin returns', async () => {
    const script = join(dir, 'cert-plugin.mjs');
    await writeFile(
      script,
      `console.log(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential',
  status: { clientCertificateData: ${JSON.stringify(pems.clientCert)}, clientKeyData: ${JSON.stringify(pems.clientKey)} } }));`,
    );
    const seen = await request(
      { 'certificate-authority-data': b64(pems.ca), 'tls-server-name': 'kubernetes.local' },
      {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          command: process.execPath,
          args: [script],
        },
      },
    );
    assert.equal(seen.client, 'ferry-client');
  });

  it('verifies the server: wrong name, unknown CA and foreign client certificates fail', async () => {
    const user = {
      'client-certificate-data': b64(pems.clientCert),
      'client-key-data': b64(pems.clientKey),
    };
    await assert.rejects(
      request({ 'certificate-authority-data': b64(pems.ca) }, user),
      (error: Error) =>
        /cannot reach the API server at https:\/\/127\.0\.0\.1:\d+: Hostname\/IP does not match/.test(
          error.message,
        ),
    );
    await assert.rejects(request({ 'tls-server-name': 'kubernetes.local' }, user), /certificate/);
    await assert.rejects(
      request(
        { 'certificate-authority-data': b64(pems.ca), 'tls-server-name': 'kubernetes.local' },
        { 'client-certificate-data': b64(pems.otherCert), 'client-key-data': b64(pems.otherKey) },
      ),
      /cannot reach the API server/,
    );
    // insecure-skip-tls-verify: no CA, no name, still the client certificate.
    const seen = await request({ 'insecure-skip-tls-verify': true }, user);
    assert.equal(seen.client, 'ferry-client');
  });
});

describe('plain HTTP and proxies from the environment', () => {
  const clientCert = (): Record<string, string> => ({
    'client-certificate-data': b64(pems.clientCert),
    'client-key-data': b64(pems.clientKey),
  });

  /** Runs `body` with proxy variables set, as a runner behind a proxy has them. */
  async function withEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    Object.assign(process.env, env);
    try {
      return await body();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  it('speaks plain HTTP to an http:// server (kubectl proxy)', async (t) => {
    const plain = createHttpServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ client: '', authorization: req.headers.authorization ?? '' }));
    });
    await new Promise<void>((done) => plain.listen(0, '127.0.0.1', done));
    t.after(() => plain.close());
    const port = (plain.address() as AddressInfo).port;
    const seen = await request({ server: `http://127.0.0.1:${port}` }, { token: 'plain' });
    assert.deepEqual(seen, { client: '', authorization: 'Bearer plain' });
  });

  it('tunnels through HTTPS_PROXY, except NO_PROXY hosts and loopback', async (t) => {
    // The proxy reaches kubernetes.local; this machine cannot resolve it.
    const proxy = await startConnectProxy(t, (host) =>
      host === 'kubernetes.local' ? '127.0.0.1' : host,
    );
    const port = new URL(url).port;
    const ca = { 'certificate-authority-data': b64(pems.ca) };
    // kubernetes.local resolves nowhere but at the proxy: the request can only succeed through it.
    const seen = await withEnv({ HTTPS_PROXY: proxy.url }, () =>
      request({ ...ca, server: `https://kubernetes.local:${port}` }, clientCert()),
    );
    assert.equal(seen.client, 'ferry-client');
    assert.deepEqual(proxy.connects, [`kubernetes.local:${port}`]);

    await assert.rejects(
      withEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,kubernetes.local' }, () =>
        request({ ...ca, server: `https://kubernetes.local:${port}` }, clientCert()),
      ),
      /cannot reach the API server at https:\/\/kubernetes\.local:\d+: getaddrinfo/,
    );
    await withEnv({ HTTPS_PROXY: proxy.url }, () =>
      request({ ...ca, 'tls-server-name': 'kubernetes.local' }, clientCert()),
    );
    assert.equal(proxy.connects.length, 1, 'loopback is never proxied, as with kubectl');
  });
});
