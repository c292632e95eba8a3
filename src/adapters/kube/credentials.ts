import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ConfigError, OperationError } from '../../core/errors.js';
import { rememberSecret } from '../secrets.js';
import type { ExecPlugin, KubeCluster, KubeTarget } from './kubeconfig.js';

/** What a request needs to authenticate: the agent's TLS options and the headers. */
export interface Authentication {
  tls: {
    ca?: Buffer;
    cert?: Buffer;
    key?: Buffer;
    rejectUnauthorized?: boolean;
    servername?: string;
  };
  headers: Record<string, string | string[]>;
}

/** client-go re-reads a token file at most once a minute (bound tokens rotate hourly). */
const TOKEN_FILE_TTL_MS = 60_000;

interface ExecCredential {
  token?: string;
  /** The kubeconfig's TLS material with the plugin's client certificate, if it issued one. */
  tls?: Authentication['tls'];
  expiresAt?: number;
}

/**
 * The current user's credentials from a kubeconfig: static ones (token, token file, client
 * certificate, basic auth, impersonation) and client-go exec plugins (`users[].user.exec`,
 * ExecCredential v1/v1beta1), whose output is kept until its `expirationTimestamp` — what
 * kubectl does for EKS, GKE and AKS kubeconfigs.
 */
export class Credentials {
  private execCredential: ExecCredential | undefined;
  private pendingExec: Promise<ExecCredential> | undefined;
  private fileToken: { value: string; readAt: number } | undefined;
  private staticTls: Authentication['tls'] | undefined;

  constructor(
    private readonly target: KubeTarget,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /**
   * The TLS material and headers for the next request. The TLS object stays the same one until
   * the material changes (an exec plugin issues a new client certificate), so callers can keep
   * one connection pool per object.
   */
  async authentication(): Promise<Authentication> {
    const { user } = this.target;
    let tls = this.fileTls();
    const headers: Authentication['headers'] = {};
    let token = user.token ?? this.tokenFromFile();
    if (user.exec) {
      const credential = await this.exec(user.exec);
      token = credential.token ?? token;
      tls = credential.tls ?? tls;
    }
    // Known to the redaction at the edges, so a server or plugin echoing one is scrubbed.
    rememberSecret(token);
    rememberSecret(user.password);
    if (token) headers.authorization = `Bearer ${token}`;
    else if (user.username !== undefined)
      headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
    if (user.impersonate) headers['impersonate-user'] = user.impersonate;
    if (user.impersonateGroups.length > 0) headers['impersonate-group'] = user.impersonateGroups;
    return { tls, headers };
  }

  /**
   * After a 401: forget an exec plugin's credential so the next request runs the plugin again
   * (client-go does the same). Returns whether retrying can help.
   */
  invalidate(): boolean {
    if (!this.target.user.exec) return false;
    // Concurrent requests rejected together share the one run already under way.
    if (!this.pendingExec) this.execCredential = undefined;
    return true;
  }

  /** The kubeconfig's own TLS material, its files read once: a run makes hundreds of requests. */
  private fileTls(): Authentication['tls'] {
    const { cluster, user } = this.target;
    this.staticTls ??= {
      ca: material(cluster.caFile, cluster.caData, 'certificate-authority'),
      cert: material(user.certFile, user.certData, 'client-certificate'),
      key: material(user.keyFile, user.keyData, 'client-key'),
      ...(cluster.insecureSkipTlsVerify ? { rejectUnauthorized: false } : {}),
      ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
    };
    return this.staticTls;
  }

  private tokenFromFile(): string | undefined {
    const file = this.target.user.tokenFile;
    if (!file) return undefined;
    if (!this.fileToken || Date.now() - this.fileToken.readAt > TOKEN_FILE_TTL_MS) {
      const value = readMaterial(file, 'token file').toString('utf8').trim();
      this.fileToken = { value, readAt: Date.now() };
    }
    return this.fileToken.value;
  }

  private exec(plugin: ExecPlugin): Promise<ExecCredential> {
    const cached = this.execCredential;
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > Date.now()))
      return Promise.resolve(cached);
    // One run for all the requests waiting on it (apply sends 8 at a time).
    this.pendingExec ??= runExecPlugin(plugin, this.target.cluster, this.env)
      .then(({ token, cert, key, expiresAt }) => {
        const tls = cert && key ? { ...this.fileTls(), cert, key } : undefined;
        return (this.execCredential = { token, tls, expiresAt });
      })
      .finally(() => (this.pendingExec = undefined));
    return this.pendingExec;
  }
}

function material(
  file: string | undefined,
  data: string | undefined,
  what: string,
): Buffer | undefined {
  if (file) return readMaterial(file, what);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}

/** A file the kubeconfig names; one it names that cannot be read is bad input (exit 2). */
function readMaterial(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`kubeconfig: cannot read ${what} ${file}: ${code}`);
  }
}

/**
 * Runs a credential plugin as client-go does: no shell, the kubeconfig's env added to ours,
 * `KUBERNETES_EXEC_INFO` describing the request (non-interactive: CI has no terminal), stdin
 * closed; stdout must be an ExecCredential of the configured apiVersion.
 */
async function runExecPlugin(
  plugin: ExecPlugin,
  cluster: KubeCluster,
  baseEnv: NodeJS.ProcessEnv,
): Promise<{ token?: string; cert?: Buffer; key?: Buffer; expiresAt?: number }> {
  const name = `exec plugin ${plugin.command}`;
  const execInfo = {
    apiVersion: plugin.apiVersion,
    kind: 'ExecCredential',
    spec: {
      interactive: false,
      ...(plugin.provideClusterInfo ? { cluster: clusterInfo(cluster) } : {}),
    },
  };
  const env: NodeJS.ProcessEnv = { ...baseEnv, KUBERNETES_EXEC_INFO: JSON.stringify(execInfo) };
  for (const { name: key, value } of plugin.env) env[key] = value;

  const { code, stdout, stderr, error } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    error?: NodeJS.ErrnoException;
  }>((resolve) => {
    const child = spawn(plugin.command, plugin.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: null, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  if (error) {
    // Not installed (or not executable): the kubeconfig names a command this runner lacks.
    const hint = plugin.installHint ? ` (${plugin.installHint.trim().split('\n')[0]})` : '';
    throw new ConfigError(`kubeconfig: cannot run ${name}: ${error.code ?? error.message}${hint}`);
  }
  if (code !== 0) {
    const last = stderr.trim().split('\n').pop() ?? '';
    throw new OperationError(`kubeconfig: ${name} exited with ${code}${last ? `: ${last}` : ''}`);
  }
  let output: {
    apiVersion?: string;
    kind?: string;
    status?: {
      token?: string;
      clientCertificateData?: string;
      clientKeyData?: string;
      expirationTimestamp?: string;
    };
  };
  try {
    output = JSON.parse(stdout) as typeof output;
  } catch {
    throw new OperationError(`kubeconfig: ${name} did not print an ExecCredential (not JSON)`);
  }
  // The kubeconfig asks for another apiVersion than the plugin speaks: fix the kubeconfig.
  if (output?.kind !== 'ExecCredential' || output.apiVersion !== plugin.apiVersion)
    throw new ConfigError(
      `kubeconfig: ${name} printed ${output?.kind ?? 'no kind'} ${output?.apiVersion ?? ''}, expected ExecCredential ${plugin.apiVersion}`,
    );
  const status = output.status ?? {};
  const hasPair = Boolean(status.clientCertificateData && status.clientKeyData);
  if (!status.token && !hasPair)
    throw new OperationError(
      `kubeconfig: ${name} returned neither a token nor a client certificate and key`,
    );
  const expiresAt = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : undefined;
  return {
    token: status.token || undefined,
    // ExecCredential certificate data is PEM text, not base64.
    cert: hasPair ? Buffer.from(status.clientCertificateData!) : undefined,
    key: hasPair ? Buffer.from(status.clientKeyData!) : undefined,
    expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt,
  };
}

/** ExecCredential `spec.cluster` (when `provideClusterInfo` is set). */
function clusterInfo(cluster: KubeCluster): Record<string, unknown> {
  const ca = material(cluster.caFile, cluster.caData, 'certificate-authority');
  return {
    server: cluster.server,
    ...(cluster.tlsServerName ? { 'tls-server-name': cluster.tlsServerName } : {}),
    ...(cluster.insecureSkipTlsVerify ? { 'insecure-skip-tls-verify': true } : {}),
    ...(ca ? { 'certificate-authority-data': ca.toString('base64') } : {}),
    ...(cluster.proxyUrl ? { 'proxy-url': cluster.proxyUrl } : {}),
    ...(cluster.execExtension !== undefined ? { config: cluster.execExtension } : {}),
  };
}
