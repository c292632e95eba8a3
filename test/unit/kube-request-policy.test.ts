import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { isIdempotent, retryDelayMs } from '../../src/adapters/kube/request-policy.js';

describe('which API requests ferry retries', () => {
  it('retries reads, dry-runs, server-side apply and uid-guarded deletes, nothing else', () => {
    assert.equal(isIdempotent({ method: 'GET' }), true);
    assert.equal(isIdempotent({ method: 'POST', query: { dryRun: 'All' } }), true);
    assert.equal(
      isIdempotent({ method: 'PATCH', contentType: 'application/apply-patch+yaml' }),
      true,
    );
    assert.equal(
      isIdempotent({ method: 'PATCH', contentType: 'application/merge-patch+json' }),
      false,
    );
    assert.equal(isIdempotent({ method: 'DELETE', body: { preconditions: { uid: 'u1' } } }), true);
    assert.equal(isIdempotent({ method: 'DELETE', body: {} }), false);
    assert.equal(isIdempotent({ method: 'POST' }), false);
    assert.equal(isIdempotent({ method: 'PUT' }), false);
  });

  it("waits the server's Retry-After plus up to 20%, and gives up when it asks for more than 30s", () => {
    assert.equal(
      retryDelayMs(1, '2', () => 0),
      2000,
    );
    assert.equal(
      retryDelayMs(1, '2', () => 1),
      2400,
    );
    assert.equal(
      retryDelayMs(1, '31', () => 0),
      undefined,
    );
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const fromDate = retryDelayMs(1, inTwoSeconds, () => 0)!;
    assert.ok(fromDate > 0 && fromDate <= 2000, String(fromDate));
  });

  it('backs off exponentially with jitter without a Retry-After', () => {
    assert.equal(
      retryDelayMs(1, undefined, () => 1),
      250,
    );
    assert.equal(
      retryDelayMs(1, undefined, () => 0),
      125,
    );
    assert.equal(
      retryDelayMs(3, undefined, () => 1),
      1000,
    );
    assert.equal(
      retryDelayMs(20, undefined, () => 1),
      8000,
    );
  });
});

/** A local HTTP endpoint standing in for an API server's transport (not its semantics). */
async function endpoint(
  t: TestContext,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; kubeconfig: string }> {
  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'ferry-timeouts-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${url}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`,
  );
  t.after(async () => {
    server.closeAllConnections();
    server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { url, kubeconfig };
}

describe('the Kubernetes client against a faulty endpoint', () => {
  it('fails a request the server never answers within --request-timeout, naming the server', async (t) => {
    const { url, kubeconfig } = await endpoint(t, (req) => req.resume());
    const client = KubeClient.connect({ kubeconfig, requestTimeoutMs: 500 });
    t.after(() => client.close());
    const started = Date.now();
    await assert.rejects(client.request({ method: 'GET', path: '/api' }), (error: Error) => {
      assert.match(error.message, new RegExp(`${url}.*within 500ms \\(request-timeout\\)`));
      return true;
    });
    assert.ok(Date.now() - started < 2_000, 'a timeout is not retried');
    assert.equal(client.counts.get('get'), 1);
  });

  it('retries a read after 503 with Retry-After and logs each retry; never retries a create', async (t) => {
    let calls = 0;
    const { kubeconfig } = await endpoint(t, (req, res) => {
      req.resume();
      calls++;
      const fail = req.method === 'POST' || calls < 3;
      res.writeHead(fail ? 503 : 200, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(fail ? '{"kind":"Status","message":"etcd is busy"}' : '{"ok":true}');
    });
    const lines: string[] = [];
    const client = KubeClient.connect({ kubeconfig, log: (line) => lines.push(line) });
    t.after(() => client.close());
    const read = await client.request({ method: 'GET', path: '/api/v1/namespaces' });
    assert.equal(read.status, 200);
    assert.equal(lines.length, 2);
    assert.match(
      lines[0]!,
      /^retrying GET \/api\/v1\/namespaces in \d+ms \(attempt 2 of 5\): HTTP 503 from http:\/\/127\.0\.0\.1:\d+: etcd is busy$/,
    );
    calls = 0;
    lines.length = 0;
    const create = await client.request({ method: 'POST', path: '/api/v1/namespaces', body: {} });
    assert.equal(create.status, 503);
    assert.equal(calls, 1);
    assert.deepEqual(lines, []);
  });

  it('retries a read whose connection is reset mid-body', async (t) => {
    let calls = 0;
    const { kubeconfig } = await endpoint(t, (req, res) => {
      req.resume();
      calls++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 20 });
      if (calls === 1) res.write('{"kind":', () => res.socket?.destroy());
      else res.end('{"kind":"APIVersions"}'.padEnd(20).slice(0, 20));
    });
    const lines: string[] = [];
    const client = KubeClient.connect({ kubeconfig, log: (line) => lines.push(line) });
    t.after(() => client.close());
    const response = await client.request({ method: 'GET', path: '/api' });
    assert.equal(response.status, 200);
    assert.equal(calls, 2);
    assert.match(
      lines[0] ?? '',
      /retrying GET \/api .*cannot reach the API server at http:\/\/127\.0\.0\.1:\d+: .* \(GET \/api\)$/,
    );
  });

  it('reports a watch that delivers nothing, not even a bookmark, as stalled', async (t) => {
    const { url, kubeconfig } = await endpoint(t, (req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders(); // then silence
    });
    const client = KubeClient.connect({ kubeconfig, requestTimeoutMs: 1000 });
    t.after(() => client.close());
    const started = Date.now();
    await assert.rejects(
      client.watch('/api/v1/configmaps', {}, () => {}, new AbortController().signal),
      new RegExp(
        `watch /api/v1/configmaps on the API server at ${url} delivered nothing, not even a bookmark, for 2s`,
      ),
    );
    assert.ok(Date.now() - started < 3_000);
  });
});
