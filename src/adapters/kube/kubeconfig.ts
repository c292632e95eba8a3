import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { isIPv6 } from 'node:net';
import yaml from 'js-yaml';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage } from '../../core/image.js';
import { namespaceProblem } from '../../core/object-names.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { pathError } from '../files.js';

/**
 * Reads kubeconfig files the way kubectl does (client-go's loading rules), without loading
 * `@kubernetes/client-node`: its package evaluates the whole generated API on import, about
 * 100 ms of every apply and drift run (bench/RESULTS.md). ferry needs only the connection:
 * server, TLS material and credentials.
 *
 * - `--kubeconfig` names one file; else `$KUBECONFIG` lists files (missing ones skipped) whose
 *   entries merge, the first file to define a name or `current-context` winning; else
 *   `~/.kube/config`; else the in-cluster service account.
 * - Relative paths (certificates, keys, token files, an exec command with a slash) are relative
 *   to the file that names them.
 */

/** One `clusters[].cluster`. */
export interface KubeCluster {
  name: string;
  server: string;
  caFile?: string;
  caData?: string;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  /** `extensions[name=client.authentication.k8s.io/exec].extension`, passed to exec plugins. */
  execExtension?: unknown;
}

/** `users[].user.exec`: a client-go credential plugin. */
export interface ExecPlugin {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  provideClusterInfo: boolean;
  installHint?: string;
}

/** One `users[].user`. */
export interface KubeUser {
  name: string;
  token?: string;
  tokenFile?: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  username?: string;
  password?: string;
  exec?: ExecPlugin;
  /** Legacy `auth-provider` plugins (oidc, …): left to client-node, see credentials.ts. */
  authProvider?: { name: string };
  impersonate?: string;
  impersonateGroups: string[];
}

/** The current context, resolved: the cluster to talk to and who to be. */
export interface KubeTarget {
  context: string;
  cluster: KubeCluster;
  user: KubeUser;
  namespace: string;
}

interface KubeconfigFile {
  clusters: Map<string, KubeCluster>;
  users: Map<string, KubeUser>;
  contexts: Map<string, { cluster: string; user: string; namespace?: string }>;
  currentContext?: string;
}

/** Where the service account's files are mounted in a pod. */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface LoadOptions {
  /** An explicit kubeconfig file (kubectl's `--kubeconfig`). */
  kubeconfig?: string;
  /** A context other than `current-context`. */
  context?: string;
  /** For tests: the environment and home directory to read instead of the process's. */
  env?: NodeJS.ProcessEnv;
  home?: string;
  serviceAccountDir?: string;
}

/** Loads the kubeconfig and resolves the context to use; one-line errors name file and field. */
export function loadKubeTarget(options: LoadOptions = {}): KubeTarget {
  const env = options.env ?? process.env;
  const files = kubeconfigFiles(options, env);
  if (files.length === 0) {
    const inCluster = inClusterTarget(env, options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR);
    if (inCluster) {
      if (options.context && options.context !== inCluster.context)
        throw new ConfigError(`kubeconfig: no context named "${options.context}"`);
      return inCluster;
    }
    throw new ConfigError(
      'kubeconfig: none found; pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config',
    );
  }
  const merged = files.map(readKubeconfig).reduce(mergeFirstWins);
  const contextName = options.context ?? merged.currentContext;
  if (!contextName)
    throw new ConfigError('kubeconfig: no current context; pass --context or --kubeconfig');
  const context = merged.contexts.get(contextName);
  if (!context) throw new ConfigError(`kubeconfig: no context named "${contextName}"`);
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster)
    throw new ConfigError(
      `kubeconfig: context "${contextName}" names cluster "${context.cluster}", which is not defined`,
    );
  // A context without a user connects anonymously, as kubectl does.
  const user = context.user ? merged.users.get(context.user) : { name: '', impersonateGroups: [] };
  if (!user)
    throw new ConfigError(
      `kubeconfig: context "${contextName}" names user "${context.user}", which is not defined`,
    );
  return {
    context: contextName,
    cluster,
    user,
    namespace: context.namespace || 'default',
  };
}

function kubeconfigFiles(options: LoadOptions, env: NodeJS.ProcessEnv): string[] {
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig))
      throw new ConfigError(`kubeconfig: ${options.kubeconfig}: no such file`);
    return [options.kubeconfig];
  }
  if (env.KUBECONFIG) {
    // kubectl skips listed files that do not exist (a shared $KUBECONFIG across machines), but
    // a $KUBECONFIG that names no file that exists is a mistake, not "use the pod's account".
    const listed = [...new Set(env.KUBECONFIG.split(delimiter).filter(Boolean))];
    const existing = listed.filter((file) => existsSync(file));
    if (listed.length > 0 && existing.length === 0)
      throw new ConfigError(
        `kubeconfig: $KUBECONFIG names no file that exists (${listed.join(delimiter)})`,
      );
    return existing;
  }
  const home = options.home ?? env.HOME ?? homedir();
  const standard = join(home, '.kube', 'config');
  return existsSync(standard) ? [standard] : [];
}

function mergeFirstWins(into: KubeconfigFile, next: KubeconfigFile): KubeconfigFile {
  for (const key of ['clusters', 'users', 'contexts'] as const) {
    const target = into[key] as Map<string, unknown>;
    for (const [name, value] of next[key]) if (!target.has(name)) target.set(name, value);
  }
  into.currentContext ||= next.currentContext;
  return into;
}

type Entry = Record<string, unknown>;

/** Reads one kubeconfig file; paths in it become absolute. */
function readKubeconfig(file: string): KubeconfigFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // A path that is not a readable file (a folder, a link loop) is bad input, exit 2.
    throw pathError(error, file, 'kubeconfig', 'file');
  }
  let document: unknown;
  try {
    document = yaml.load(decodeUtf8(bytes, `kubeconfig: ${file}`));
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line = error.mark?.line;
    throw new ConfigError(
      `kubeconfig: ${file}${line === undefined ? '' : `:${line + 1}`}: ${error.reason.split('\n')[0]}`,
    );
  }
  if (document === null || document === undefined)
    return { clusters: new Map(), users: new Map(), contexts: new Map() };
  if (typeof document !== 'object' || Array.isArray(document))
    throw new ConfigError(`kubeconfig: ${file}: not a kubeconfig (expected a mapping)`);
  const root = document as Entry;
  const base = dirname(file);
  const fail = (field: string, message: string): never => {
    throw new ConfigError(`kubeconfig: ${file}: ${field}: ${message}`);
  };
  const path = (value: unknown, field: string): string | undefined => {
    const text = optionalString(value, field, fail);
    return text && !isAbsolute(text) ? join(base, text) : text;
  };

  const clusters = new Map<string, KubeCluster>();
  namedEntries(root, 'clusters', 'cluster', fail).forEach(([name, entry, field]) => {
    const server = optionalString(entry.server, `${field}.server`, fail);
    if (!server) fail(`${field}.server`, 'is missing');
    const exec = listOf(entry.extensions, `${field}.extensions`, fail).find(
      (extension) => extension.name === 'client.authentication.k8s.io/exec',
    );
    clusters.set(name, {
      name,
      server: server!,
      caFile: path(entry['certificate-authority'], `${field}.certificate-authority`),
      caData: optionalString(
        entry['certificate-authority-data'],
        `${field}.certificate-authority-data`,
        fail,
      ),
      insecureSkipTlsVerify: entry['insecure-skip-tls-verify'] === true,
      tlsServerName: optionalString(entry['tls-server-name'], `${field}.tls-server-name`, fail),
      proxyUrl: optionalString(entry['proxy-url'], `${field}.proxy-url`, fail),
      execExtension: exec?.extension,
    });
  });

  const users = new Map<string, KubeUser>();
  namedEntries(root, 'users', 'user', fail).forEach(([name, entry, field]) => {
    const authProvider = entry['auth-provider'] as Entry | undefined;
    users.set(name, {
      name,
      token: optionalString(entry.token, `${field}.token`, fail),
      tokenFile: path(entry.tokenFile ?? entry['token-file'], `${field}.tokenFile`),
      certFile: path(entry['client-certificate'], `${field}.client-certificate`),
      certData: optionalString(
        entry['client-certificate-data'],
        `${field}.client-certificate-data`,
        fail,
      ),
      keyFile: path(entry['client-key'], `${field}.client-key`),
      keyData: optionalString(entry['client-key-data'], `${field}.client-key-data`, fail),
      username: optionalString(entry.username, `${field}.username`, fail),
      password: optionalString(entry.password, `${field}.password`, fail),
      exec:
        entry.exec === undefined ? undefined : execPlugin(entry.exec, `${field}.exec`, base, fail),
      authProvider: authProvider
        ? { name: optionalString(authProvider.name, `${field}.auth-provider.name`, fail) ?? '' }
        : undefined,
      impersonate: optionalString(entry.as, `${field}.as`, fail),
      impersonateGroups: listOf(entry['as-groups'], `${field}.as-groups`, fail).map(String),
    });
  });

  const contexts = new Map<string, { cluster: string; user: string; namespace?: string }>();
  namedEntries(root, 'contexts', 'context', fail).forEach(([name, entry, field]) => {
    const namespace = optionalString(entry.namespace, `${field}.namespace`, fail);
    // It becomes a URL path segment: the API server's rule for namespaces (a DNS label).
    const problem = namespace ? namespaceProblem(namespace) : undefined;
    if (problem)
      fail(
        `${field}.namespace`,
        `${quoteForMessage(namespace!)} is not a valid namespace (${problem})`,
      );
    contexts.set(name, {
      cluster: optionalString(entry.cluster, `${field}.cluster`, fail) ?? '',
      user: optionalString(entry.user, `${field}.user`, fail) ?? '',
      namespace,
    });
  });

  return {
    clusters,
    users,
    contexts,
    currentContext: optionalString(root['current-context'], 'current-context', fail) || undefined,
  };
}

type Fail = (field: string, message: string) => never;

/** `clusters: [{name, cluster: {...}}]` and the like, with a field path for errors. */
function namedEntries(
  root: Entry,
  list: string,
  key: string,
  fail: Fail,
): [string, Entry, string][] {
  return listOf(root[list], list, fail).map((item, i) => {
    const name = optionalString(item.name, `${list}[${i}].name`, fail);
    if (!name) fail(`${list}[${i}].name`, 'is missing');
    const body = item[key] ?? {};
    if (typeof body !== 'object' || Array.isArray(body))
      fail(`${list}[${i}].${key}`, 'must be a mapping');
    return [name, body as Entry, `${list}[${i}].${key}`];
  });
}

function listOf(value: unknown, field: string, fail: Fail): Entry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(field, 'must be a list');
  return (value as unknown[]).map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      fail(`${field}[${i}]`, 'must be a mapping');
    return item as Entry;
  });
}

function optionalString(value: unknown, field: string, fail: Fail): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(field, 'must be a string');
  return value;
}

function execPlugin(value: unknown, field: string, base: string, fail: Fail): ExecPlugin {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(field, 'must be a mapping');
  const exec = value as Entry;
  let command = optionalString(exec.command, `${field}.command`, fail);
  if (!command) fail(`${field}.command`, 'is missing');
  // client-go: a relative command with a path separator is relative to the kubeconfig file.
  if (command.includes('/') && !isAbsolute(command)) command = join(base, command);
  const apiVersion = optionalString(exec.apiVersion, `${field}.apiVersion`, fail);
  if (!apiVersion) fail(`${field}.apiVersion`, 'is missing');
  const args = exec.args === undefined || exec.args === null ? [] : exec.args;
  if (!Array.isArray(args)) fail(`${field}.args`, 'must be a list');
  return {
    apiVersion: apiVersion,
    command: command,
    args: (args as unknown[]).map(String),
    env: listOf(exec.env, `${field}.env`, fail).map((entry, i) => ({
      name: optionalString(entry.name, `${field}.env[${i}].name`, fail) ?? '',
      value: optionalString(entry.value, `${field}.env[${i}].value`, fail) ?? '',
    })),
    provideClusterInfo: exec.provideClusterInfo === true,
    installHint: optionalString(exec.installHint, `${field}.installHint`, fail),
  };
}

/** The pod's service account, when running inside a cluster (client-go's InClusterConfig). */
function inClusterTarget(env: NodeJS.ProcessEnv, dir: string): KubeTarget | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = join(dir, 'token');
  if (!host || !port || !existsSync(tokenFile)) return undefined;
  const namespaceFile = join(dir, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : '';
  const problem = namespace ? namespaceProblem(namespace) : undefined;
  if (problem)
    throw new ConfigError(
      `kubeconfig: ${namespaceFile}: ${quoteForMessage(namespace)} is not a valid namespace (${problem})`,
    );
  return {
    context: 'in-cluster',
    cluster: {
      name: 'in-cluster',
      server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
      caFile: join(dir, 'ca.crt'),
      insecureSkipTlsVerify: false,
    },
    // Bound service-account tokens rotate: read from the file, not once.
    user: { name: 'in-cluster', tokenFile, impersonateGroups: [] },
    namespace: namespace || 'default',
  };
}
