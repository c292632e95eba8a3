import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import yaml from 'js-yaml';
import { testKubeconfig } from './kube.js';

/**
 * What the proxy does to a matching request instead of (or while) forwarding it:
 * - `stall`: accept it and never answer;
 * - `drop`: close the connection without an answer;
 * - `reset-mid-body`: forward it, send the status, headers and half the body, then reset;
 * - `status`: answer `status` (429, 503, …) with `Retry-After` when given, without forwarding,
 *   with `body` (JSON) when given (an answer the server gave a moment ago), else a Status;
 * - `before`: run `action` (another writer's move, in a chosen interleaving), then forward.
 */
export type Fault =
  | { kind: 'before'; action: () => Promise<void> }
  | { kind: 'stall' }
  | { kind: 'drop' }
  | { kind: 'reset-mid-body' }
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown };

export interface FaultRule {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Matched against the path and query string (`/api/v1/namespaces/x/configmaps?…`). */
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default 1); Infinity for all. */
  times?: number;
}

/** One request the proxy saw, and the fault it got (if any). */
export interface ProxiedRequest {
  method: string;
  path: string;
  fault?: Fault['kind'];
}

export interface FaultProxy {
  /** The proxy's URL (plain HTTP; it speaks TLS to the API server). */
  url: string;
  /** A kubeconfig for ferry that points at the proxy with the test cluster's credentials. */
  kubeconfig: string;
  requests: ProxiedRequest[];
  /** Adds a rule; rules are tried in the order added, each until its `times` run out. */
  inject(rule: FaultRule): void;
  /** Removes every rule (stalled requests stay stalled). */
  clear(): void;
}

interface Upstream {
  server: URL;
  ca: Buffer;
  token: string;
}

/** The test cluster's server, CA and token (the control plane `npm test` starts uses a token). */
async function upstreamOf(kubeconfig: string): Promise<Upstream> {
  const config = yaml.load(await readFile(kubeconfig, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { token: string } }[];
  };
  const cluster = config.clusters[0]!.cluster;
  return {
    server: new URL(cluster.server),
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
    token: config.users[0]!.user.token,
  };
}

/**
 * A fault-injecting reverse proxy between ferry and the real API server: requests pass
 * through unchanged unless a rule matches, then they stall, drop, reset mid-body or get a
 * 429/503 — per request pattern, for N requests.
 */
export async function startFaultProxy(t: TestContext): Promise<FaultProxy> {
  const upstream = await upstreamOf(testKubeconfig()!);
  const rules: (FaultRule & { left: number })[] = [];
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const rule = rules.find(
      (r) => r.left > 0 && (!r.method || r.method === req.method) && r.path.test(path),
    );
    if (rule) rule.left--;
    requests.push({ method: req.method ?? '', path, fault: rule?.fault.kind });
    const fault = rule?.fault;
    if (fault?.kind === 'stall') return req.resume();
    if (fault?.kind === 'drop') return req.socket.destroy();
    if (fault?.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(
        JSON.stringify(
          fault.body ?? { kind: 'Status', code: fault.status, message: 'injected fault' },
        ),
      );
      return;
    }
    if (fault?.kind === 'before') {
      req.pause();
      void fault.action().then(() => forward(upstream, req, res, false));
      return;
    }
    forward(upstream, req, res, fault?.kind === 'reset-mid-body');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'ferry-fault-proxy-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, kubeconfigYaml(url, upstream.token), { mode: 0o600 });
  t.after(async () => {
    server.closeAllConnections();
    server.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    url,
    kubeconfig,
    requests,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => void rules.splice(0),
  };
}

function forward(
  upstream: Upstream,
  req: IncomingMessage,
  res: ServerResponse,
  resetMidBody: boolean,
): void {
  const target = new URL(req.url ?? '/', upstream.server);
  const headers = { ...req.headers, host: target.host };
  const out = request(target, { method: req.method, headers, ca: upstream.ca }, (answer) => {
    if (!resetMidBody) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...answer.headers };
      delete headers['transfer-encoding']; // framed by content-length instead
      res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    });
  });
  out.on('error', () => res.socket?.destroy());
  res.on('close', () => out.destroy());
  req.pipe(out);
}

function kubeconfigYaml(server: string, token: string): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'faulty', cluster: { server } }],
    users: [{ name: 'faulty', user: { token } }],
    contexts: [{ name: 'faulty', context: { cluster: 'faulty', user: 'faulty' } }],
    'current-context': 'faulty',
  });
}
