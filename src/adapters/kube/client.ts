import { request, type RequestOptions } from 'node:https';
import type * as Http from 'node:http';
import { createRequire } from 'node:module';
import { ConfigError, OperationError } from '../../core/errors.js';
import {
  ClientNodeAuthenticator,
  KeepAliveAuthenticator,
  type KubeconfigSource,
  type RequestAuthenticator,
} from './authenticators.js';
import { Credentials } from './credentials.js';
import { loadKubeTarget, type KubeTarget } from './kubeconfig.js';
import {
  MAX_ATTEMPTS,
  TransportError,
  formatMs,
  isIdempotent,
  isRetryableNetworkError,
  isRetryableStatus,
  requestTimeouts,
  retryDelayMs,
  type RequestTimeouts,
} from './request-policy.js';

/** A response from the API server; `body` is parsed JSON (or the raw text when not JSON). */
export interface KubeResponse<T = unknown> {
  status: number;
  body: T;
  /** Where a redirect (3xx) points, as the server wrote it (often a path on the same server). */
  location?: string;
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
const { request: httpRequest } = createRequire(import.meta.url)('node:http') as typeof Http;

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

export interface ConnectionOptions extends KubeconfigSource {
  /**
   * How long one request may take, connecting included (`--request-timeout`); 0: no limit.
   * Default 60 s. Watches count it as the longest silence, not the whole watch.
   */
  requestTimeoutMs?: number;
  /** Where each retry is reported, one line (what, why, when). */
  log?: (line: string) => void;
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
    private readonly timeouts: RequestTimeouts,
    private readonly log: (line: string) => void,
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
      throw new ConfigError(
        `kubeconfig: cluster "${target.cluster.name}" has an invalid server URL "${target.cluster.server}"`,
      );
    }
    const auth =
      target.user.authProvider || target.cluster.proxyUrl
        ? new ClientNodeAuthenticator(target, options, server)
        : new KeepAliveAuthenticator(new Credentials(target), server);
    const timeouts = requestTimeouts(options.requestTimeoutMs);
    return new KubeClient(target, server, auth, timeouts, options.log ?? (() => {}));
  }

  /**
   * Connects, hands the client to `use`, and closes it however `use` ends: the one place a
   * command opens a cluster (apply, plan, drift).
   */
  static async using<T>(
    options: ConnectionOptions,
    use: (client: KubeClient) => Promise<T>,
  ): Promise<T> {
    const client = KubeClient.connect(options);
    try {
      return await use(client);
    } finally {
      client.close();
    }
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
    // URL parsing resolves `.` and `..` segments (encoded ones too): a path holding one would
    // reach another resource than the one named (discovery.ts pathSegment keeps them out).
    if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(spec.path))
      throw new OperationError(`refusing to request ${spec.path}: a "." or ".." path segment`);
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
   * One request; resolves with any status (callers decide what an error is). Idempotent
   * requests (see `isIdempotent`) are retried on a broken connection, 429 and 5xx, with backoff
   * and the server's Retry-After, each retry logged; a timeout is never retried, so a stalled
   * server fails the request within `--request-timeout`.
   */
  async request<T = unknown>(spec: RequestSpec): Promise<KubeResponse<T>> {
    const idempotent = isIdempotent(spec);
    for (let attempt = 1; ; attempt++) {
      let response: (KubeResponse<T> & { retryAfter?: string }) | undefined;
      let why: string;
      try {
        response = await this.send<T>(spec);
      } catch (error) {
        const retry = error instanceof TransportError && error.retryable;
        if (!retry || !idempotent || attempt >= MAX_ATTEMPTS) throw error;
        why = error.message;
      }
      if (response) {
        if (response.status === 401 && attempt === 1 && this.auth.invalidate()) continue;
        if (!idempotent || !isRetryableStatus(response.status) || attempt >= MAX_ATTEMPTS)
          return response;
        why = `HTTP ${response.status} from ${this.server.origin}: ${statusMessage(response)}`;
      }
      const delay = retryDelayMs(attempt, response?.retryAfter);
      if (delay === undefined) return response!;
      this.log(
        `retrying ${spec.method} ${spec.path} in ${formatMs(delay)} (attempt ${attempt + 1} of ${MAX_ATTEMPTS}): ${why!}`,
      );
      await new Promise((done) => setTimeout(done, delay));
    }
  }

  private async send<T>(spec: RequestSpec): Promise<KubeResponse<T> & { retryAfter?: string }> {
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === 'http:' ? httpRequest : request;
    const body = bodyOf(spec);
    const what = `${spec.method} ${url.pathname}`;
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          deadline.clear();
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
            ...(res.headers.location ? { location: res.headers.location } : {}),
          });
        });
        res.on('error', (error) => fail(error));
      });
      const deadline = this.deadline(req, what, this.timeouts.requestMs);
      const fail = (error: Error): void => {
        deadline.clear();
        reject(deadline.expired() ?? this.transportError(error, what));
      };
      req.on('error', fail);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /**
   * Arms the connect timeout (dial and TLS handshake of a new connection) and the request's
   * overall timeout (`ms`, 0: none); either destroys the request with a TransportError, which
   * `expired` then returns (a destroyed response reports itself only as "aborted"). For a watch,
   * `touch` restarts the overall one, which then limits silence, and expiring is retryable.
   */
  private deadline(
    req: Http.ClientRequest,
    what: string,
    ms: number,
    watch = false,
  ): { clear(): void; touch(): void; expired(): TransportError | undefined } {
    const origin = this.server.origin;
    let expired: TransportError | undefined;
    const expire = (message: string, retryable: boolean): void => {
      expired = new TransportError(message, retryable);
      req.destroy(expired);
    };
    let overall: NodeJS.Timeout | undefined;
    const arm = (): void => {
      if (ms <= 0) return;
      clearTimeout(overall);
      overall = setTimeout(() => {
        if (watch)
          expire(
            `${what} on the API server at ${origin} delivered nothing, not even a bookmark, for ${formatMs(ms)}`,
            true,
          );
        else
          expire(
            `no answer from the API server at ${origin} to ${what} within ${formatMs(ms)} (request-timeout)`,
            false,
          );
      }, ms);
    };
    let connect: NodeJS.Timeout | undefined;
    req.once('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive connection
      const limit = this.timeouts.connectMs;
      connect = setTimeout(
        () =>
          expire(
            `cannot connect to the API server at ${origin} within ${formatMs(limit)} (connect timeout)`,
            false,
          ),
        limit,
      );
      socket.once(this.server.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
        clearTimeout(connect),
      );
    });
    arm();
    return {
      clear: () => {
        clearTimeout(overall);
        clearTimeout(connect);
      },
      touch: arm,
      expired: () => expired,
    };
  }

  /** A one-line error naming the server; retryable when the connection broke. */
  private transportError(error: Error, what: string): Error {
    if (error instanceof TransportError || error.name === 'AbortError') return error;
    return new TransportError(
      `cannot reach the API server at ${this.server.origin}: ${error.message} (${what})`,
      isRetryableNetworkError(error),
    );
  }

  /**
   * Watches a collection; calls `onEvent` for each event until `signal` aborts or the server
   * ends the stream (then resolves). Events are newline-delimited JSON. The server is asked to
   * end the watch after the request timeout (`timeoutSeconds`), so silence — no event, no
   * bookmark, no end — for longer than that plus a grace means the watch stalled: it rejects
   * with a retryable TransportError (see `watchUntil` in watch.ts, which re-establishes it).
   */
  async watch(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (type: string, object: Record<string, unknown>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const windowMs = this.timeouts.requestMs > 0 ? this.timeouts.requestMs : 300_000;
    const spec: RequestSpec = {
      verb: 'watch',
      method: 'GET',
      path,
      query: {
        ...query,
        watch: 'true',
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(Math.ceil(windowMs / 1000)),
      },
    };
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === 'http:' ? httpRequest : request;
    const silenceMs = Math.ceil(windowMs / 1000) * 1000 + Math.min(windowMs, 5_000);
    return new Promise((resolve, reject) => {
      const end = (error?: Error): void => {
        deadline.clear();
        if (!error || signal.aborted) resolve();
        else reject(deadline.expired() ?? this.transportError(error, `watch ${path}`));
      };
      const req = send(url, { ...options, signal }, (res) => {
        deadline.touch();
        if ((res.statusCode ?? 0) >= 300) {
          res.resume();
          deadline.clear();
          reject(new OperationError(`watch ${path} failed: HTTP ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          deadline.touch();
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
        res.on('end', () => end());
        res.on('error', end);
      });
      const deadline = this.deadline(req, `watch ${path}`, silenceMs, true);
      req.on('error', end);
      req.end();
    });
  }

  /** Closes idle connections so the process can exit. */
  close(): void {
    this.auth.close();
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
