import { Agent, request, type RequestOptions } from 'node:https';
import type * as Http from 'node:http';
import { createRequire } from 'node:module';
import type { KubeConfig } from '@kubernetes/client-node';
import { OperationError } from '../../core/errors.js';
import { Credentials, type Authentication } from './credentials.js';
import { loadKubeTarget, type KubeTarget } from './kubeconfig.js';

/** A response from the API server; `body` is parsed JSON (or the raw text when not JSON). */
export interface KubeResponse<T = unknown> {
  status: number;
  body: T;
}

export interface RequestSpec {
  /** Kubernetes verb for request counts, when the method alone does not say (`list`, `watch`). */
  verb?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

// Plain-HTTP API servers (`kubectl proxy`, a local kube-apiserver without TLS). Required, not
// imported: building the ESM view of node:http loads Node's bundled undici, ~30 ms of every run.
const { request: httpRequest, Agent: HttpAgent } = createRequire(import.meta.url)(
  'node:http',
) as typeof Http;

const MAX_ATTEMPTS = 5;

const DEFAULT_VERBS: Record<RequestSpec['method'], string> = {
  GET: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** Kubernetes' error body (`kind: Status`). */
export interface KubeStatus {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { field?: string; message?: string; reason?: string }[] };
}

export interface ConnectionOptions {
  kubeconfig?: string;
  context?: string;
}

/** How requests get their TLS material and credentials; see `connect`. */
interface RequestAuthenticator {
  /** Sets headers and the agent on the request's options. */
  prepare(options: RequestOptions): Promise<void>;
  /** After a 401: whether fresh credentials may help (an exec plugin's token expired early). */
  invalidate(): boolean;
  close(): void;
}

/**
 * A small client for the Kubernetes REST API. Requests are plain HTTPS so server-side apply,
 * dry-run, LIST with selectors and watches are spelled exactly as the API documents them, and
 * every request is counted (see `counts`).
 */
export class KubeClient {
  /** Requests made, by verb (`get`, `list`, `watch`, `patch`, `create`, `delete`, …). */
  readonly counts = new Map<string, number>();

  private constructor(
    private readonly target: KubeTarget,
    private readonly server: URL,
    private readonly auth: RequestAuthenticator,
  ) {}

  /**
   * Loads a kubeconfig: `kubeconfig` path, else $KUBECONFIG / ~/.kube/config / in-cluster.
   * ferry reads it itself (kubeconfig.ts); only the rare legacy `auth-provider` users and
   * `proxy-url` clusters go through `@kubernetes/client-node`, loaded on first use.
   */
  static connect(options: ConnectionOptions = {}): KubeClient {
    const target = loadKubeTarget(options);
    let server: URL;
    try {
      server = new URL(target.cluster.server);
    } catch {
      throw new OperationError(
        `kubeconfig: cluster "${target.cluster.name}" has an invalid server URL "${target.cluster.server}"`,
      );
    }
    const auth =
      target.user.authProvider || target.cluster.proxyUrl
        ? new ClientNodeAuthenticator(target, options, server)
        : new KeepAliveAuthenticator(new Credentials(target), server);
    return new KubeClient(target, server, auth);
  }

  /** The namespace of the current context, or `default`. */
  get contextNamespace(): string {
    return this.target.namespace;
  }

  private count(spec: RequestSpec): void {
    const verb = spec.verb ?? DEFAULT_VERBS[spec.method];
    this.counts.set(verb, (this.counts.get(verb) ?? 0) + 1);
  }

  private async options(spec: RequestSpec): Promise<RequestOptions & { url: URL }> {
    const body = bodyOf(spec);
    const url = new URL(
      spec.path.replace(/^\//, ''),
      this.server.href.endsWith('/') ? this.server : `${this.server.href}/`,
    );
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const options: RequestOptions = {
      method: spec.method,
      headers: {
        accept: spec.accept ?? 'application/json',
        // content-length always: Node frames a DELETE body with nothing (no chunking), which
        // on a kept-alive connection turns the body into garbage before the next request.
        ...(body !== undefined
          ? {
              'content-type': spec.contentType ?? 'application/json',
              'content-length': String(Buffer.byteLength(body)),
            }
          : {}),
      },
    };
    await this.auth.prepare(options);
    return { ...options, url };
  }

  /**
   * One request; resolves with any status (callers decide what an error is). 429 and 503 —
   * throttling, or a resource whose storage is still initializing right after its CRD became
   * Established — are retried after the server's Retry-After (every ferry request is idempotent).
   */
  async request<T = unknown>(spec: RequestSpec): Promise<KubeResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.send<T>(spec);
      if (response.status === 401 && attempt === 1 && this.auth.invalidate()) continue;
      if ((response.status !== 429 && response.status !== 503) || attempt >= MAX_ATTEMPTS)
        return response;
      const seconds = Math.min(Number(response.retryAfter ?? '1') || 1, 10);
      await new Promise((done) => setTimeout(done, seconds * 1000 * (0.5 + Math.random() / 2)));
    }
  }

  private async send<T>(spec: RequestSpec): Promise<KubeResponse<T> & { retryAfter?: string }> {
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === 'http:' ? httpRequest : request;
    const body = bodyOf(spec);
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            body: body as T,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
          });
        });
        res.on('error', reject);
      });
      req.on('error', (error) =>
        reject(
          new OperationError(
            `cannot reach the API server at ${this.server.origin}: ${error.message}`,
          ),
        ),
      );
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /**
   * Watches a collection; calls `onEvent` for each event until `signal` aborts or the server
   * ends the stream (then resolves). Events are newline-delimited JSON.
   */
  async watch(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (type: string, object: Record<string, unknown>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const spec: RequestSpec = {
      verb: 'watch',
      method: 'GET',
      path,
      query: { ...query, watch: 'true', allowWatchBookmarks: 'true' },
    };
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === 'http:' ? httpRequest : request;
    return new Promise((resolve, reject) => {
      const req = send(url, { ...options, signal }, (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          res.resume();
          reject(new OperationError(`watch ${path} failed: HTTP ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          let newline: number;
          while ((newline = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line.trim()) {
              const event = JSON.parse(line) as { type: string; object: Record<string, unknown> };
              onEvent(event.type, event.object);
            }
          }
        });
        res.on('end', () => resolve());
        res.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
      });
      req.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
      req.end();
    });
  }

  /** Closes idle connections so the process can exit. */
  close(): void {
    this.auth.close();
  }
}

/**
 * Credentials from ferry's kubeconfig reader, over one keep-alive agent: client libraries
 * often make an agent per request, i.e. a TLS handshake each time (10.1 s → 3.3 s for a
 * 1,000-object first apply once reused, bench/RESULTS.md). A new agent only when the TLS
 * material changes (Credentials hands out a new object when an exec plugin issues a new client
 * certificate).
 */
class KeepAliveAuthenticator implements RequestAuthenticator {
  private agent: Http.Agent | undefined;
  private agentTls: Authentication['tls'] | undefined;

  constructor(
    private readonly credentials: Credentials,
    private readonly server: URL,
  ) {}

  async prepare(options: RequestOptions): Promise<void> {
    const { tls, headers } = await this.credentials.authentication();
    Object.assign(options.headers!, headers);
    if (tls !== this.agentTls) {
      this.agent?.destroy();
      this.agent = keepAliveAgent(this.server, tls);
      this.agentTls = tls;
    }
    options.agent = this.agent;
  }

  invalidate(): boolean {
    return this.credentials.invalidate();
  }

  close(): void {
    this.agent?.destroy();
  }
}

/**
 * One keep-alive agent for the run. Like kubectl, it honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * (Node ≥ 24.5) and, like Go's ProxyFromEnvironment, never proxies loopback addresses.
 */
function keepAliveAgent(server: URL, tls: Authentication['tls']): Http.Agent {
  const noProxy = [process.env.NO_PROXY ?? process.env.no_proxy, 'localhost', '127.0.0.1', '::1'];
  const settings = {
    keepAlive: true,
    maxSockets: 16,
    proxyEnv: { ...process.env, NO_PROXY: noProxy.filter(Boolean).join(','), no_proxy: undefined },
  };
  return server.protocol === 'http:' ? new HttpAgent(settings) : new Agent({ ...settings, ...tls });
}

/**
 * Legacy `auth-provider` plugins (oidc with refresh, …) and `proxy-url` clusters, handled by
 * `@kubernetes/client-node` as before: imported only here, so other runs never pay for it.
 */
class ClientNodeAuthenticator implements RequestAuthenticator {
  private config: Promise<KubeConfig> | undefined;
  private agent: Http.Agent | undefined;

  constructor(
    private readonly target: KubeTarget,
    private readonly options: ConnectionOptions,
    private readonly server: URL,
  ) {}

  private load(): Promise<KubeConfig> {
    this.config ??= import('./client-node-config.js').then(({ KubeConfig }) => {
      const config = new KubeConfig();
      try {
        if (this.options.kubeconfig) config.loadFromFile(this.options.kubeconfig);
        else config.loadFromDefault();
      } catch (error) {
        throw new OperationError(`kubeconfig: ${(error as Error).message}`);
      }
      config.setCurrentContext(this.target.context);
      return config;
    });
    return this.config;
  }

  async prepare(options: RequestOptions): Promise<void> {
    const config = await this.load();
    await config.applyToHTTPSOptions(options);
    // client-node's agents do not keep connections alive; use ours unless its proxy agent is needed.
    if (!this.target.cluster.proxyUrl) {
      this.agent ??= keepAliveAgent(this.server, {
        ca: options.ca as Buffer | undefined,
        cert: options.cert as Buffer | undefined,
        key: options.key as Buffer | undefined,
        rejectUnauthorized: options.rejectUnauthorized,
        servername: options.servername,
      });
      options.agent = this.agent;
    }
  }

  invalidate(): boolean {
    return false;
  }

  close(): void {
    this.agent?.destroy();
  }
}

function bodyOf(spec: RequestSpec): string | undefined {
  if (spec.body === undefined) return undefined;
  return typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
}

/** The message of a failed response, for one-line reports. */
export function statusMessage(response: KubeResponse): string {
  const body = response.body as KubeStatus | string | undefined;
  if (typeof body === 'object' && body?.message) return body.message;
  if (typeof body === 'string' && body) return body.slice(0, 200);
  return `HTTP ${response.status}`;
}
