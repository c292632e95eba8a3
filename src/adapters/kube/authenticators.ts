import { Agent, type RequestOptions } from 'node:https';
import type * as Http from 'node:http';
import { createRequire } from 'node:module';
import type { KubeConfig } from '@kubernetes/client-node';
import { ConfigError } from '../../core/errors.js';
import type { Authentication, Credentials } from './credentials.js';
import type { KubeTarget } from './kubeconfig.js';

// Required, not imported: building the ESM view of node:http loads Node's bundled undici.
const { Agent: HttpAgent } = createRequire(import.meta.url)('node:http') as typeof Http;

/** Which kubeconfig and context to read. */
export interface KubeconfigSource {
  kubeconfig?: string;
  context?: string;
}

/** How requests get their TLS material and credentials; see `KubeClient.connect`. */
export interface RequestAuthenticator {
  /** Sets headers and the agent on the request's options. */
  prepare(options: RequestOptions): Promise<void>;
  /** After a 401: whether fresh credentials may help (an exec plugin's token expired early). */
  invalidate(): boolean;
  close(): void;
}

/**
 * Credentials from ferry's kubeconfig reader, over one keep-alive agent: client libraries
 * often make an agent per request, i.e. a TLS handshake each time (10.1 s → 3.3 s for a
 * 1,000-object first apply once reused, bench/RESULTS.md). A new agent only when the TLS
 * material changes (Credentials hands out a new object when an exec plugin issues a new client
 * certificate).
 */
export class KeepAliveAuthenticator implements RequestAuthenticator {
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
export class ClientNodeAuthenticator implements RequestAuthenticator {
  private config: Promise<KubeConfig> | undefined;
  private agent: Http.Agent | undefined;

  constructor(
    private readonly target: KubeTarget,
    private readonly options: KubeconfigSource,
    private readonly server: URL,
  ) {}

  private load(): Promise<KubeConfig> {
    this.config ??= import('./client-node-config.js').then(({ KubeConfig }) => {
      const config = new KubeConfig();
      try {
        if (this.options.kubeconfig) config.loadFromFile(this.options.kubeconfig);
        else config.loadFromDefault();
      } catch (error) {
        throw new ConfigError(`kubeconfig: ${(error as Error).message}`);
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
