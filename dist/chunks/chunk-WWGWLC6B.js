import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  listsOf,
  objectsPlan,
  recordedPlan
} from "./chunk-7IX7M2A5.js";
import {
  differencesOf
} from "./chunk-WUSKFTN5.js";
import {
  rememberSecret
} from "./chunk-HIFOT27K.js";
import {
  decodeUtf8,
  pathError
} from "./chunk-FLLOJKTZ.js";
import {
  withLiveBuildAnnotations
} from "./chunk-QYBJ5BVV.js";
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_ID,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  FIELD_MANAGER,
  MANIFEST_HASH,
  asMember,
  foreignOwner,
  parseGroupKinds
} from "./chunk-M2WY2DRM.js";
import {
  describeObject,
  identityOf
} from "./chunk-XIPL23AO.js";
import {
  namespaceProblem,
  phaseOf
} from "./chunk-I5IJWC2A.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/kube/client.ts
import { request } from "node:https";
import { createRequire as createRequire2 } from "node:module";

// src/adapters/kube/authenticators.ts
import { Agent } from "node:https";
import { createRequire } from "node:module";
var { Agent: HttpAgent } = createRequire(import.meta.url)("node:http");
var KeepAliveAuthenticator = class {
  constructor(credentials, server) {
    this.credentials = credentials;
    this.server = server;
  }
  credentials;
  server;
  agent;
  agentTls;
  async prepare(options) {
    const { tls, headers } = await this.credentials.authentication();
    Object.assign(options.headers, headers);
    if (tls !== this.agentTls) {
      this.agent?.destroy();
      this.agent = keepAliveAgent(this.server, tls);
      this.agentTls = tls;
    }
    options.agent = this.agent;
  }
  invalidate() {
    return this.credentials.invalidate();
  }
  close() {
    this.agent?.destroy();
  }
};
function keepAliveAgent(server, tls) {
  const noProxy = [process.env.NO_PROXY ?? process.env.no_proxy, "localhost", "127.0.0.1", "::1"];
  const settings = {
    keepAlive: true,
    maxSockets: 16,
    proxyEnv: { ...process.env, NO_PROXY: noProxy.filter(Boolean).join(","), no_proxy: void 0 }
  };
  return server.protocol === "http:" ? new HttpAgent(settings) : new Agent({ ...settings, ...tls });
}
var ClientNodeAuthenticator = class {
  constructor(target, options, server) {
    this.target = target;
    this.options = options;
    this.server = server;
  }
  target;
  options;
  server;
  config;
  agent;
  load() {
    this.config ??= import("./client-node-config-TS3LG5D7.js").then(({ KubeConfig }) => {
      const config = new KubeConfig();
      try {
        if (this.options.kubeconfig) config.loadFromFile(this.options.kubeconfig);
        else config.loadFromDefault();
      } catch (error) {
        throw new ConfigError(`kubeconfig: ${error.message}`);
      }
      config.setCurrentContext(this.target.context);
      return config;
    });
    return this.config;
  }
  async prepare(options) {
    const config = await this.load();
    await config.applyToHTTPSOptions(options);
    if (!this.target.cluster.proxyUrl) {
      this.agent ??= keepAliveAgent(this.server, {
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: options.rejectUnauthorized,
        servername: options.servername
      });
      options.agent = this.agent;
    }
  }
  invalidate() {
    return false;
  }
  close() {
    this.agent?.destroy();
  }
};

// src/adapters/kube/credentials.ts
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
var TOKEN_FILE_TTL_MS = 6e4;
var Credentials = class {
  constructor(target, env = process.env) {
    this.target = target;
    this.env = env;
  }
  target;
  env;
  execCredential;
  pendingExec;
  fileToken;
  staticTls;
  /**
   * The TLS material and headers for the next request. The TLS object stays the same one until
   * the material changes (an exec plugin issues a new client certificate), so callers can keep
   * one connection pool per object.
   */
  async authentication() {
    const { user } = this.target;
    let tls = this.fileTls();
    const headers = {};
    let token = user.token ?? this.tokenFromFile();
    if (user.exec) {
      const credential = await this.exec(user.exec);
      token = credential.token ?? token;
      tls = credential.tls ?? tls;
    }
    rememberSecret(token);
    rememberSecret(user.password);
    if (token) headers.authorization = `Bearer ${token}`;
    else if (user.username !== void 0)
      headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ""}`).toString("base64")}`;
    if (user.impersonate) headers["impersonate-user"] = user.impersonate;
    if (user.impersonateGroups.length > 0) headers["impersonate-group"] = user.impersonateGroups;
    return { tls, headers };
  }
  /**
   * After a 401: forget an exec plugin's credential so the next request runs the plugin again
   * (client-go does the same). Returns whether retrying can help.
   */
  invalidate() {
    if (!this.target.user.exec) return false;
    if (!this.pendingExec) this.execCredential = void 0;
    return true;
  }
  /** The kubeconfig's own TLS material, its files read once: a run makes hundreds of requests. */
  fileTls() {
    const { cluster, user } = this.target;
    this.staticTls ??= {
      ca: material(cluster.caFile, cluster.caData, "certificate-authority"),
      cert: material(user.certFile, user.certData, "client-certificate"),
      key: material(user.keyFile, user.keyData, "client-key"),
      ...cluster.insecureSkipTlsVerify ? { rejectUnauthorized: false } : {},
      ...cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}
    };
    return this.staticTls;
  }
  tokenFromFile() {
    const file = this.target.user.tokenFile;
    if (!file) return void 0;
    if (!this.fileToken || Date.now() - this.fileToken.readAt > TOKEN_FILE_TTL_MS) {
      const value = readMaterial(file, "token file").toString("utf8").trim();
      this.fileToken = { value, readAt: Date.now() };
    }
    return this.fileToken.value;
  }
  exec(plugin) {
    const cached = this.execCredential;
    if (cached && (cached.expiresAt === void 0 || cached.expiresAt > Date.now()))
      return Promise.resolve(cached);
    this.pendingExec ??= runExecPlugin(plugin, this.target.cluster, this.env).then(({ token, cert, key, expiresAt }) => {
      const tls = cert && key ? { ...this.fileTls(), cert, key } : void 0;
      return this.execCredential = { token, tls, expiresAt };
    }).finally(() => this.pendingExec = void 0);
    return this.pendingExec;
  }
};
function material(file, data, what) {
  if (file) return readMaterial(file, what);
  if (data) return Buffer.from(data, "base64");
  return void 0;
}
function readMaterial(file, what) {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = error.code ?? error.message;
    throw new ConfigError(`kubeconfig: cannot read ${what} ${file}: ${code}`);
  }
}
async function runExecPlugin(plugin, cluster, baseEnv) {
  const name = `exec plugin ${plugin.command}`;
  const execInfo = {
    apiVersion: plugin.apiVersion,
    kind: "ExecCredential",
    spec: {
      interactive: false,
      ...plugin.provideClusterInfo ? { cluster: clusterInfo(cluster) } : {}
    }
  };
  const env = { ...baseEnv, KUBERNETES_EXEC_INFO: JSON.stringify(execInfo) };
  for (const { name: key, value } of plugin.env) env[key] = value;
  const { code, stdout, stderr, error } = await new Promise((resolve) => {
    const child = spawn(plugin.command, plugin.args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout2 = "";
    let stderr2 = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => stdout2 += chunk);
    child.stderr.setEncoding("utf8").on("data", (chunk) => stderr2 += chunk);
    child.on("error", (error2) => resolve({ code: null, stdout: stdout2, stderr: stderr2, error: error2 }));
    child.on("close", (code2) => resolve({ code: code2, stdout: stdout2, stderr: stderr2 }));
  });
  if (error) {
    const hint = plugin.installHint ? ` (${plugin.installHint.trim().split("\n")[0]})` : "";
    throw new ConfigError(`kubeconfig: cannot run ${name}: ${error.code ?? error.message}${hint}`);
  }
  if (code !== 0) {
    const last = stderr.trim().split("\n").pop() ?? "";
    throw new OperationError(`kubeconfig: ${name} exited with ${code}${last ? `: ${last}` : ""}`);
  }
  let output;
  try {
    output = JSON.parse(stdout);
  } catch {
    throw new OperationError(`kubeconfig: ${name} did not print an ExecCredential (not JSON)`);
  }
  if (output?.kind !== "ExecCredential" || output.apiVersion !== plugin.apiVersion)
    throw new ConfigError(
      `kubeconfig: ${name} printed ${output?.kind ?? "no kind"} ${output?.apiVersion ?? ""}, expected ExecCredential ${plugin.apiVersion}`
    );
  const status = output.status ?? {};
  const hasPair = Boolean(status.clientCertificateData && status.clientKeyData);
  if (!status.token && !hasPair)
    throw new OperationError(
      `kubeconfig: ${name} returned neither a token nor a client certificate and key`
    );
  const expiresAt = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : void 0;
  return {
    token: status.token || void 0,
    // ExecCredential certificate data is PEM text, not base64.
    cert: hasPair ? Buffer.from(status.clientCertificateData) : void 0,
    key: hasPair ? Buffer.from(status.clientKeyData) : void 0,
    expiresAt: Number.isNaN(expiresAt) ? void 0 : expiresAt
  };
}
function clusterInfo(cluster) {
  const ca = material(cluster.caFile, cluster.caData, "certificate-authority");
  return {
    server: cluster.server,
    ...cluster.tlsServerName ? { "tls-server-name": cluster.tlsServerName } : {},
    ...cluster.insecureSkipTlsVerify ? { "insecure-skip-tls-verify": true } : {},
    ...ca ? { "certificate-authority-data": ca.toString("base64") } : {},
    ...cluster.proxyUrl ? { "proxy-url": cluster.proxyUrl } : {},
    ...cluster.execExtension !== void 0 ? { config: cluster.execExtension } : {}
  };
}

// src/adapters/kube/kubeconfig.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import { isIPv6 } from "node:net";
var SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
function loadKubeTarget(options = {}) {
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
      "kubeconfig: none found; pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config"
    );
  }
  const merged = files.map(readKubeconfig).reduce(mergeFirstWins);
  const contextName = options.context ?? merged.currentContext;
  if (!contextName)
    throw new ConfigError("kubeconfig: no current context; pass --context or --kubeconfig");
  const context = merged.contexts.get(contextName);
  if (!context) throw new ConfigError(`kubeconfig: no context named "${contextName}"`);
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster)
    throw new ConfigError(
      `kubeconfig: context "${contextName}" names cluster "${context.cluster}", which is not defined`
    );
  const user = context.user ? merged.users.get(context.user) : { name: "", impersonateGroups: [] };
  if (!user)
    throw new ConfigError(
      `kubeconfig: context "${contextName}" names user "${context.user}", which is not defined`
    );
  return {
    context: contextName,
    cluster,
    user,
    namespace: context.namespace || "default"
  };
}
function kubeconfigFiles(options, env) {
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig))
      throw new ConfigError(`kubeconfig: ${options.kubeconfig}: no such file`);
    return [options.kubeconfig];
  }
  if (env.KUBECONFIG) {
    const listed = [...new Set(env.KUBECONFIG.split(delimiter).filter(Boolean))];
    const existing = listed.filter((file) => existsSync(file));
    if (listed.length > 0 && existing.length === 0)
      throw new ConfigError(
        `kubeconfig: $KUBECONFIG names no file that exists (${listed.join(delimiter)})`
      );
    return existing;
  }
  const home = options.home ?? env.HOME ?? homedir();
  const standard = join(home, ".kube", "config");
  return existsSync(standard) ? [standard] : [];
}
function mergeFirstWins(into, next) {
  for (const key of ["clusters", "users", "contexts"]) {
    const target = into[key];
    for (const [name, value] of next[key]) if (!target.has(name)) target.set(name, value);
  }
  into.currentContext ||= next.currentContext;
  return into;
}
function readKubeconfig(file) {
  let bytes;
  try {
    bytes = readFileSync2(file);
  } catch (error) {
    throw pathError(error, file, "kubeconfig", "file");
  }
  let document;
  try {
    document = yaml.load(decodeUtf8(bytes, `kubeconfig: ${file}`));
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line = error.mark?.line;
    throw new ConfigError(
      `kubeconfig: ${file}${line === void 0 ? "" : `:${line + 1}`}: ${error.reason.split("\n")[0]}`
    );
  }
  if (document === null || document === void 0)
    return { clusters: /* @__PURE__ */ new Map(), users: /* @__PURE__ */ new Map(), contexts: /* @__PURE__ */ new Map() };
  if (typeof document !== "object" || Array.isArray(document))
    throw new ConfigError(`kubeconfig: ${file}: not a kubeconfig (expected a mapping)`);
  const root = document;
  const base = dirname(file);
  const fail = (field, message) => {
    throw new ConfigError(`kubeconfig: ${file}: ${field}: ${message}`);
  };
  const path = (value, field) => {
    const text = optionalString(value, field, fail);
    return text && !isAbsolute(text) ? join(base, text) : text;
  };
  const clusters = /* @__PURE__ */ new Map();
  namedEntries(root, "clusters", "cluster", fail).forEach(([name, entry, field]) => {
    const server = optionalString(entry.server, `${field}.server`, fail);
    if (!server) fail(`${field}.server`, "is missing");
    const exec = listOf(entry.extensions, `${field}.extensions`, fail).find(
      (extension) => extension.name === "client.authentication.k8s.io/exec"
    );
    clusters.set(name, {
      name,
      server,
      caFile: path(entry["certificate-authority"], `${field}.certificate-authority`),
      caData: optionalString(
        entry["certificate-authority-data"],
        `${field}.certificate-authority-data`,
        fail
      ),
      insecureSkipTlsVerify: entry["insecure-skip-tls-verify"] === true,
      tlsServerName: optionalString(entry["tls-server-name"], `${field}.tls-server-name`, fail),
      proxyUrl: optionalString(entry["proxy-url"], `${field}.proxy-url`, fail),
      execExtension: exec?.extension
    });
  });
  const users = /* @__PURE__ */ new Map();
  namedEntries(root, "users", "user", fail).forEach(([name, entry, field]) => {
    const authProvider = entry["auth-provider"];
    users.set(name, {
      name,
      token: optionalString(entry.token, `${field}.token`, fail),
      tokenFile: path(entry.tokenFile ?? entry["token-file"], `${field}.tokenFile`),
      certFile: path(entry["client-certificate"], `${field}.client-certificate`),
      certData: optionalString(
        entry["client-certificate-data"],
        `${field}.client-certificate-data`,
        fail
      ),
      keyFile: path(entry["client-key"], `${field}.client-key`),
      keyData: optionalString(entry["client-key-data"], `${field}.client-key-data`, fail),
      username: optionalString(entry.username, `${field}.username`, fail),
      password: optionalString(entry.password, `${field}.password`, fail),
      exec: entry.exec === void 0 ? void 0 : execPlugin(entry.exec, `${field}.exec`, base, fail),
      authProvider: authProvider ? { name: optionalString(authProvider.name, `${field}.auth-provider.name`, fail) ?? "" } : void 0,
      impersonate: optionalString(entry.as, `${field}.as`, fail),
      impersonateGroups: listOf(entry["as-groups"], `${field}.as-groups`, fail).map(String)
    });
  });
  const contexts = /* @__PURE__ */ new Map();
  namedEntries(root, "contexts", "context", fail).forEach(([name, entry, field]) => {
    const namespace = optionalString(entry.namespace, `${field}.namespace`, fail);
    const problem = namespace ? namespaceProblem(namespace) : void 0;
    if (problem)
      fail(
        `${field}.namespace`,
        `${quoteForMessage(namespace)} is not a valid namespace (${problem})`
      );
    contexts.set(name, {
      cluster: optionalString(entry.cluster, `${field}.cluster`, fail) ?? "",
      user: optionalString(entry.user, `${field}.user`, fail) ?? "",
      namespace
    });
  });
  return {
    clusters,
    users,
    contexts,
    currentContext: optionalString(root["current-context"], "current-context", fail) || void 0
  };
}
function namedEntries(root, list, key, fail) {
  return listOf(root[list], list, fail).map((item, i) => {
    const name = optionalString(item.name, `${list}[${i}].name`, fail);
    if (!name) fail(`${list}[${i}].name`, "is missing");
    const body = item[key] ?? {};
    if (typeof body !== "object" || Array.isArray(body))
      fail(`${list}[${i}].${key}`, "must be a mapping");
    return [name, body, `${list}[${i}].${key}`];
  });
}
function listOf(value, field, fail) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) fail(field, "must be a list");
  return value.map((item, i) => {
    if (item === null || typeof item !== "object" || Array.isArray(item))
      fail(`${field}[${i}]`, "must be a mapping");
    return item;
  });
}
function optionalString(value, field, fail) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string") fail(field, "must be a string");
  return value;
}
function execPlugin(value, field, base, fail) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    fail(field, "must be a mapping");
  const exec = value;
  let command = optionalString(exec.command, `${field}.command`, fail);
  if (!command) fail(`${field}.command`, "is missing");
  if (command.includes("/") && !isAbsolute(command)) command = join(base, command);
  const apiVersion = optionalString(exec.apiVersion, `${field}.apiVersion`, fail);
  if (!apiVersion) fail(`${field}.apiVersion`, "is missing");
  const args = exec.args === void 0 || exec.args === null ? [] : exec.args;
  if (!Array.isArray(args)) fail(`${field}.args`, "must be a list");
  return {
    apiVersion,
    command,
    args: args.map(String),
    env: listOf(exec.env, `${field}.env`, fail).map((entry, i) => ({
      name: optionalString(entry.name, `${field}.env[${i}].name`, fail) ?? "",
      value: optionalString(entry.value, `${field}.env[${i}].value`, fail) ?? ""
    })),
    provideClusterInfo: exec.provideClusterInfo === true,
    installHint: optionalString(exec.installHint, `${field}.installHint`, fail)
  };
}
function inClusterTarget(env, dir) {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = join(dir, "token");
  if (!host || !port || !existsSync(tokenFile)) return void 0;
  const namespaceFile = join(dir, "namespace");
  const namespace = existsSync(namespaceFile) ? readFileSync2(namespaceFile, "utf8").trim() : "";
  const problem = namespace ? namespaceProblem(namespace) : void 0;
  if (problem)
    throw new ConfigError(
      `kubeconfig: ${namespaceFile}: ${quoteForMessage(namespace)} is not a valid namespace (${problem})`
    );
  return {
    context: "in-cluster",
    cluster: {
      name: "in-cluster",
      server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
      caFile: join(dir, "ca.crt"),
      insecureSkipTlsVerify: false
    },
    // Bound service-account tokens rotate: read from the file, not once.
    user: { name: "in-cluster", tokenFile, impersonateGroups: [] },
    namespace: namespace || "default"
  };
}

// src/adapters/kube/request-policy.ts
var DEFAULT_REQUEST_TIMEOUT_MS = 6e4;
var CONNECT_TIMEOUT_MS = 3e4;
var MAX_ATTEMPTS = 5;
var MAX_RETRY_AFTER_MS = 3e4;
function requestTimeouts(requestMs = DEFAULT_REQUEST_TIMEOUT_MS) {
  return {
    requestMs,
    connectMs: requestMs > 0 ? Math.min(CONNECT_TIMEOUT_MS, requestMs) : CONNECT_TIMEOUT_MS
  };
}
function isIdempotent(spec) {
  if (spec.method === "GET" || spec.query?.dryRun) return true;
  if (spec.method === "POST" && spec.verb === "review") return true;
  if (spec.method === "PATCH") return spec.contentType === "application/apply-patch+yaml";
  if (spec.method === "DELETE") {
    const body = spec.body;
    return Boolean(body?.preconditions?.uid);
  }
  return false;
}
var TransportError = class extends OperationError {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
  }
  retryable;
};
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "ECONNABORTED"]);
function isRetryableNetworkError(error) {
  return RETRYABLE_CODES.has(error.code ?? "");
}
function isRetryableStatus(status) {
  return status === 429 || status >= 500 && status <= 599;
}
function retryDelayMs(attempt, retryAfter, random = Math.random) {
  const asked = retryAfterMs(retryAfter);
  if (asked !== void 0) {
    if (asked > MAX_RETRY_AFTER_MS) return void 0;
    return Math.round(asked * (1 + random() / 5));
  }
  const ceiling = Math.min(250 * 2 ** (attempt - 1), 8e3);
  return Math.round(ceiling * (0.5 + random() / 2));
}
function retryAfterMs(header) {
  if (!header) return void 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1e3;
  const date = Date.parse(header);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - Date.now());
}
function formatMs(ms) {
  return ms < 1e3 ? `${ms}ms` : `${Number((ms / 1e3).toFixed(1))}s`;
}

// src/adapters/kube/client.ts
var { request: httpRequest } = createRequire2(import.meta.url)("node:http");
var DEFAULT_VERBS = {
  GET: "get",
  POST: "create",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete"
};
var KubeClient = class _KubeClient {
  constructor(target, server, auth, timeouts, log) {
    this.target = target;
    this.server = server;
    this.auth = auth;
    this.timeouts = timeouts;
    this.log = log;
  }
  target;
  server;
  auth;
  timeouts;
  log;
  /** Requests made, by verb (`get`, `list`, `watch`, `patch`, `create`, `delete`, …). */
  counts = /* @__PURE__ */ new Map();
  /**
   * Loads a kubeconfig: `kubeconfig` path, else $KUBECONFIG / ~/.kube/config / in-cluster.
   * ferry reads it itself (kubeconfig.ts); only the rare legacy `auth-provider` users and
   * `proxy-url` clusters go through `@kubernetes/client-node`, loaded on first use.
   */
  static connect(options = {}) {
    const target = loadKubeTarget(options);
    let server;
    try {
      server = new URL(target.cluster.server);
    } catch {
      throw new ConfigError(
        `kubeconfig: cluster "${target.cluster.name}" has an invalid server URL "${target.cluster.server}"`
      );
    }
    const auth = target.user.authProvider || target.cluster.proxyUrl ? new ClientNodeAuthenticator(target, options, server) : new KeepAliveAuthenticator(new Credentials(target), server);
    const timeouts = requestTimeouts(options.requestTimeoutMs);
    return new _KubeClient(target, server, auth, timeouts, options.log ?? (() => {
    }));
  }
  /**
   * Connects, hands the client to `use`, and closes it however `use` ends: the one place a
   * command opens a cluster (apply, plan, drift).
   */
  static async using(options, use) {
    const client = _KubeClient.connect(options);
    try {
      return await use(client);
    } finally {
      client.close();
    }
  }
  /** The namespace of the current context, or `default`. */
  get contextNamespace() {
    return this.target.namespace;
  }
  count(spec) {
    const verb = spec.verb ?? DEFAULT_VERBS[spec.method];
    this.counts.set(verb, (this.counts.get(verb) ?? 0) + 1);
  }
  async options(spec) {
    if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(spec.path))
      throw new OperationError(`refusing to request ${spec.path}: a "." or ".." path segment`);
    const body = bodyOf(spec);
    const url = new URL(
      spec.path.replace(/^\//, ""),
      this.server.href.endsWith("/") ? this.server : `${this.server.href}/`
    );
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== void 0) url.searchParams.set(key, value);
    }
    const options = {
      method: spec.method,
      headers: {
        accept: spec.accept ?? "application/json",
        // content-length always: Node frames a DELETE body with nothing (no chunking), which
        // on a kept-alive connection turns the body into garbage before the next request.
        ...body !== void 0 ? {
          "content-type": spec.contentType ?? "application/json",
          "content-length": String(Buffer.byteLength(body))
        } : {}
      }
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
  async request(spec) {
    const idempotent = isIdempotent(spec);
    for (let attempt = 1; ; attempt++) {
      let response;
      let why;
      try {
        response = await this.send(spec);
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
      if (delay === void 0) return response;
      this.log(
        `retrying ${spec.method} ${spec.path} in ${formatMs(delay)} (attempt ${attempt + 1} of ${MAX_ATTEMPTS}): ${why}`
      );
      await new Promise((done) => setTimeout(done, delay));
    }
  }
  async send(spec) {
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === "http:" ? httpRequest : request;
    const body = bodyOf(spec);
    const what = `${spec.method} ${url.pathname}`;
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          deadline.clear();
          const text = Buffer.concat(chunks).toString("utf8");
          let body2 = text;
          try {
            body2 = text ? JSON.parse(text) : void 0;
          } catch {
          }
          const retryAfter = res.headers["retry-after"];
          resolve({
            status: res.statusCode ?? 0,
            body: body2,
            retryAfter: typeof retryAfter === "string" ? retryAfter : void 0,
            ...res.headers.location ? { location: res.headers.location } : {}
          });
        });
        res.on("error", (error) => fail(error));
      });
      const deadline = this.deadline(req, what, this.timeouts.requestMs);
      const fail = (error) => {
        deadline.clear();
        reject(deadline.expired() ?? this.transportError(error, what));
      };
      req.on("error", fail);
      if (body !== void 0) req.write(body);
      req.end();
    });
  }
  /**
   * Arms the connect timeout (dial and TLS handshake of a new connection) and the request's
   * overall timeout (`ms`, 0: none); either destroys the request with a TransportError, which
   * `expired` then returns (a destroyed response reports itself only as "aborted"). For a watch,
   * `touch` restarts the overall one, which then limits silence, and expiring is retryable.
   */
  deadline(req, what, ms, watch = false) {
    const origin = this.server.origin;
    let expired;
    const expire = (message, retryable) => {
      expired = new TransportError(message, retryable);
      req.destroy(expired);
    };
    let overall;
    const arm = () => {
      if (ms <= 0) return;
      clearTimeout(overall);
      overall = setTimeout(() => {
        if (watch)
          expire(
            `${what} on the API server at ${origin} delivered nothing, not even a bookmark, for ${formatMs(ms)}`,
            true
          );
        else
          expire(
            `no answer from the API server at ${origin} to ${what} within ${formatMs(ms)} (request-timeout)`,
            false
          );
      }, ms);
    };
    let connect;
    req.once("socket", (socket) => {
      if (!socket.connecting) return;
      const limit = this.timeouts.connectMs;
      connect = setTimeout(
        () => expire(
          `cannot connect to the API server at ${origin} within ${formatMs(limit)} (connect timeout)`,
          false
        ),
        limit
      );
      socket.once(
        this.server.protocol === "https:" ? "secureConnect" : "connect",
        () => clearTimeout(connect)
      );
    });
    arm();
    return {
      clear: () => {
        clearTimeout(overall);
        clearTimeout(connect);
      },
      touch: arm,
      expired: () => expired
    };
  }
  /** A one-line error naming the server; retryable when the connection broke. */
  transportError(error, what) {
    if (error instanceof TransportError || error.name === "AbortError") return error;
    return new TransportError(
      `cannot reach the API server at ${this.server.origin}: ${error.message} (${what})`,
      isRetryableNetworkError(error)
    );
  }
  /**
   * Watches a collection; calls `onEvent` for each event until `signal` aborts or the server
   * ends the stream (then resolves). Events are newline-delimited JSON. The server is asked to
   * end the watch after the request timeout (`timeoutSeconds`), so silence — no event, no
   * bookmark, no end — for longer than that plus a grace means the watch stalled: it rejects
   * with a retryable TransportError (see `watchUntil` in watch.ts, which re-establishes it).
   */
  async watch(path, query, onEvent, signal) {
    const windowMs = this.timeouts.requestMs > 0 ? this.timeouts.requestMs : 3e5;
    const spec = {
      verb: "watch",
      method: "GET",
      path,
      query: {
        ...query,
        watch: "true",
        allowWatchBookmarks: "true",
        timeoutSeconds: String(Math.ceil(windowMs / 1e3))
      }
    };
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === "http:" ? httpRequest : request;
    const silenceMs = Math.ceil(windowMs / 1e3) * 1e3 + Math.min(windowMs, 5e3);
    return new Promise((resolve, reject) => {
      const end = (error) => {
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
        let buffer = "";
        res.on("data", (chunk) => {
          deadline.touch();
          buffer += chunk.toString("utf8");
          let newline;
          while ((newline = buffer.indexOf("\n")) >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line.trim()) {
              const event = JSON.parse(line);
              onEvent(event.type, event.object);
            }
          }
        });
        res.on("end", () => end());
        res.on("error", end);
      });
      const deadline = this.deadline(req, `watch ${path}`, silenceMs, true);
      req.on("error", end);
      req.end();
    });
  }
  /** Closes idle connections so the process can exit. */
  close() {
    this.auth.close();
  }
};
function bodyOf(spec) {
  if (spec.body === void 0) return void 0;
  return typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
}
function statusMessage(response) {
  const body = response.body;
  if (typeof body === "object" && body?.message) return body.message;
  if (typeof body === "string" && body) return body.slice(0, 200);
  return `HTTP ${response.status}`;
}

// src/adapters/kube/discovery.ts
var ResourceMap = class {
  constructor(byKind) {
    this.byKind = byKind;
    for (const info of byKind.values()) {
      const key = info.group ? `${info.kind}.${info.group}` : info.kind;
      if (!this.byGroupKind.has(key)) this.byGroupKind.set(key, info);
    }
  }
  byKind;
  byGroupKind = /* @__PURE__ */ new Map();
  /** Looks up an ApplySet group-kind (`Deployment.apps`, `ConfigMap`) at its preferred version. */
  findGroupKind(groupKind) {
    return this.byGroupKind.get(groupKind);
  }
  /** Looks up `apiVersion` + `kind`; undefined when the server does not serve it. */
  find(apiVersion, kind) {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }
};
var AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
async function discover(client) {
  const byKind = /* @__PURE__ */ new Map();
  for (const path of ["/api", "/apis"]) {
    const response = await client.request({
      verb: "discovery",
      method: "GET",
      path,
      accept: AGGREGATED
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items))
      throw discoveryError(path, response);
    for (const group of response.body.items) {
      const groupName = group.metadata?.name ?? "";
      for (const version of group.versions ?? []) {
        const apiVersion = groupName ? `${groupName}/${version.version}` : version.version;
        for (const resource of version.resources ?? []) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          byKind.set(`${apiVersion}/${kind}`, {
            group: groupName,
            version: version.version,
            kind,
            resource: resource.resource,
            namespaced: resource.scope === "Namespaced",
            statusSubresource: (resource.subresources ?? []).some(
              (s) => s.subresource === "status"
            )
          });
        }
      }
    }
  }
  return new ResourceMap(byKind);
}
function discoveryError(path, response) {
  const said = statusMessage(response).trim();
  if (response.status === 400 && /HTTP request to an HTTPS server/i.test(said))
    return new ConfigError(
      `the API server speaks HTTPS but the kubeconfig's server URL starts with http:// (it answered "${said}"): use https://`
    );
  if (response.status === 200 || response.status === 404 || response.status === 406)
    return new OperationError(
      `API discovery failed (${path}: HTTP ${response.status}); the API server must serve aggregated discovery (Kubernetes \u2265 1.30)`
    );
  return new OperationError(`API discovery failed (${path}: HTTP ${response.status}: ${said})`);
}
function pathSegment(value, what) {
  if (value === "" || value === "." || value === "..")
    throw new OperationError(
      `refusing to request a URL with ${JSON.stringify(value)} as the ${what}`
    );
  return encodeURIComponent(value);
}
function collectionPath(info, namespace) {
  const version = pathSegment(info.version, "API version");
  const base = info.group ? `/apis/${pathSegment(info.group, "API group")}/${version}` : `/api/${version}`;
  const resource = pathSegment(info.resource, "resource");
  return info.namespaced && namespace !== void 0 ? `${base}/namespaces/${pathSegment(namespace, "namespace")}/${resource}` : `${base}/${resource}`;
}
function objectPath(info, name, namespace) {
  return `${collectionPath(info, namespace)}/${pathSegment(name, "name")}`;
}

// src/adapters/kube/watch.ts
var MIN_WATCH_MS = 1e3;
async function watchUntil(client, path, query, onEvent, signal, onInterrupted = () => {
}) {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await client.watch(path, query, onEvent, signal);
    } catch (error) {
      if (!(error instanceof TransportError && error.retryable)) throw error;
      onInterrupted(error.message);
    }
    if (signal.aborted) break;
    await untilAborted(reread(client, path, query, onEvent, onInterrupted), signal);
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
  }
}
async function reread(client, path, query, onEvent, onInterrupted) {
  try {
    const response = await client.request({
      verb: "list",
      method: "GET",
      path,
      query
    });
    if (response.status !== 200) {
      onInterrupted(`re-reading ${path} failed: HTTP ${response.status}`);
      return;
    }
    const { apiVersion, kind = "" } = response.body;
    const itemKind = kind.replace(/List$/, "");
    for (const item of response.body.items ?? [])
      onEvent("ADDED", { apiVersion, kind: itemKind, ...item });
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    onInterrupted(`re-reading ${path} failed: ${error.message}`);
  }
}
async function untilAborted(work, signal) {
  work.catch(() => void 0);
  let stop = () => {
  };
  const abort = new Promise((done) => {
    stop = done;
    signal.addEventListener("abort", stop, { once: true });
  });
  try {
    await Promise.race([work, abort]);
  } finally {
    signal.removeEventListener("abort", stop);
  }
}
function abortableSleep(ms, signal) {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
    signal.addEventListener("abort", finish);
  });
}

// src/adapters/kube/objects.ts
function pathOf(info, object) {
  return objectPath(
    info,
    object.metadata.name,
    info.namespaced ? object.metadata.namespace : void 0
  );
}
async function serverSideApply(client, info, object, call) {
  const response = await client.request({
    method: "PATCH",
    path: pathOf(info, object),
    query: {
      fieldManager: call.fieldManager ?? FIELD_MANAGER,
      force: call.force ? "true" : void 0,
      dryRun: call.dryRun ? "All" : void 0
    },
    contentType: "application/apply-patch+yaml",
    // YAML is JSON's superset; sending JSON keeps numbers and strings exactly as parsed.
    body: JSON.stringify(object)
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, created: response.status === 201, object: response.body };
  }
  return {
    ok: false,
    status: response.status,
    message: statusMessage(response),
    conflicts: conflictsOf(response)
  };
}
function conflictsOf(response) {
  if (response.status !== 409) return [];
  const causes = response.body?.details?.causes ?? [];
  return causes.filter((cause) => cause.reason === "FieldManagerConflict").map((cause) => ({
    field: cause.field ?? "?",
    manager: /conflict with "([^"]+)"/.exec(cause.message ?? "")?.[1] ?? "?"
  }));
}
async function listObjects(client, info, labelSelector, namespace) {
  return (await listObjectsAt(client, info, labelSelector, namespace)).items;
}
async function listObjectsAt(client, info, labelSelector, namespace) {
  const response = await client.request({
    verb: "list",
    method: "GET",
    path: collectionPath(info, namespace),
    query: { labelSelector }
  });
  if (response.status !== 200) {
    throw new Error(
      `list ${info.resource}${namespace ? ` in ${namespace}` : ""}: ${statusMessage(response)}`
    );
  }
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return {
    items: (response.body.items ?? []).map((item) => ({ ...item, apiVersion, kind: info.kind })),
    resourceVersion: response.body.metadata?.resourceVersion
  };
}
async function getObject(client, info, object) {
  const response = await client.request({
    method: "GET",
    path: pathOf(info, object)
  });
  if (response.status === 404) return void 0;
  if (response.status !== 200)
    throw new OperationError(`get ${describeObject(object)}: ${statusMessage(response)}`);
  return { ...response.body, apiVersion: object.apiVersion, kind: object.kind };
}
async function deleteObject(client, info, live, dryRun) {
  const uid = live.metadata.uid;
  const response = await client.request({
    method: "DELETE",
    path: pathOf(info, live),
    query: { dryRun: dryRun ? "All" : void 0 },
    body: {
      kind: "DeleteOptions",
      apiVersion: "v1",
      propagationPolicy: "Background",
      ...uid ? { preconditions: { uid } } : {}
    }
  });
  if (response.status === 200 || response.status === 202 || response.status === 404)
    return void 0;
  return statusMessage(response);
}
async function waitForEstablished(client, name, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let established = false;
  try {
    await watchUntil(
      client,
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
      { fieldSelector: `metadata.name=${name}` },
      (_type, object) => {
        const conditions = object.status?.conditions ?? [];
        if (conditions.some((c) => c.type === "Established" && c.status === "True")) {
          established = true;
          controller.abort();
        }
      },
      controller.signal
    );
  } finally {
    clearTimeout(timer);
  }
  if (!established)
    throw new Error(
      `CustomResourceDefinition ${name} was not Established within ${timeoutMs / 1e3}s`
    );
}
async function validateAsNew(client, info, object) {
  const response = await client.request({
    method: "POST",
    path: collectionPath(info, info.namespaced ? object.metadata.namespace : void 0),
    query: { dryRun: "All", fieldManager: FIELD_MANAGER },
    body: object
  });
  const exists = response.status === 409 && response.body?.reason === "AlreadyExists";
  if (response.status === 200 || response.status === 201 || exists) return void 0;
  return statusMessage(response);
}
async function waitUntilGone(client, info, object, timeoutMs) {
  const path = pathOf(info, object);
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const response = await client.request({ method: "GET", path });
    if (response.status === 404) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

// src/core/completed-jobs.ts
import { createHash } from "node:crypto";
var COMPLETED_JOB_PREFIX = "ran-job.ferry.dev/";
function isJob(object) {
  return object.kind === "Job" && object.apiVersion.startsWith("batch/");
}
function completedJobKey(id) {
  return `${COMPLETED_JOB_PREFIX}${createHash("sha256").update(id).digest("hex").slice(0, 20)}`;
}
function hasTtl(job) {
  const spec = job.spec;
  return typeof spec?.ttlSecondsAfterFinished === "number";
}
function hasCompleted(live) {
  const conditions = live.status?.conditions ?? [];
  return conditions.some((c) => c.type === "Complete" && c.status === "True");
}
function completedBefore(parentLive, id, desired) {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const recorded = parentLive?.metadata.annotations?.[completedJobKey(id)];
  return isJob(desired) && hash !== void 0 && recorded === hash;
}

// src/commands/cluster/inventory/inventory.ts
var PARENT_INFO = {
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  namespaced: true,
  statusSubresource: false
};
function desiredObject(object, resources, parent) {
  const info = resources.find(object.apiVersion, object.kind);
  const metadata = { ...object.metadata };
  if (info.namespaced)
    metadata.namespace ||= parent.namespace;
  else delete metadata.namespace;
  const asApplied = { ...object, metadata };
  if (info.statusSubresource) delete asApplied.status;
  const member = asMember(asApplied, parent);
  return { id: identityOf(member), object: member, info, phase: phaseOf(member, info.namespaced) };
}
var Inventory = class _Inventory {
  constructor(parent, parentLive, groupKinds, namespaces, live, members, listedAt = /* @__PURE__ */ new Map()) {
    this.parent = parent;
    this.parentLive = parentLive;
    this.groupKinds = groupKinds;
    this.namespaces = namespaces;
    this.live = live;
    this.members = members;
    this.listedAt = listedAt;
  }
  parent;
  parentLive;
  groupKinds;
  namespaces;
  live;
  members;
  listedAt;
  liveOf(id) {
    return this.live.get(id);
  }
  /**
   * A Job that ran for this very manifest and was then removed by its TTL: done, not missing
   * (core/completed-jobs.ts).
   */
  ranAndRemoved(desired) {
    return !this.live.has(desired.id) && completedBefore(this.parentLive, desired.id, desired.object);
  }
  /**
   * Whether applying would change the object: new, manifest changed, or any field drift would
   * report (the same comparison, so everything drift reports, apply restores).
   */
  needsWrite(desired, schemas) {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (live.metadata.annotations?.[MANIFEST_HASH] !== desired.object.metadata.annotations?.[MANIFEST_HASH])
      return true;
    const schema = schemas.forKind(desired.object.apiVersion, desired.object.kind);
    return differencesOf(desired.object, live, schema, FIELD_MANAGER).length > 0;
  }
  /** This inventory plus what a later read found (kinds a just-created CRD serves). */
  merge(other) {
    const live = new Map([...this.live, ...other.live]);
    const listedAt = new Map([...this.listedAt, ...other.listedAt]);
    return new _Inventory(
      this.parent,
      this.parentLive,
      this.groupKinds,
      this.namespaces,
      live,
      [...this.members, ...other.members],
      listedAt
    );
  }
  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired) {
    const live = this.live.get(desired.id);
    return live ? this.ownerOf(live) : void 0;
  }
  /**
   * Who else owns `live` (core/applyset.ts), another ApplySet named by its inventory when its
   * parent is a ConfigMap this read saw (ConfigMaps in the inventory's namespace are all read)
   * or one of `parents` (read since).
   */
  ownerOf(live, parents = []) {
    return foreignOwner(live, this.parent, (id) => {
      for (const object of [...parents, ...this.live.values()])
        if (object.kind === "ConfigMap" && object.metadata.labels?.[APPLYSET_ID] === id)
          return `${object.metadata.namespace}/${object.metadata.name}`;
      return void 0;
    });
  }
  /**
   * The resourceVersion a write of `desired` is conditional on: the live object's as read, or,
   * for an object the read did not find, the revision of the LIST that did not find it. Either
   * way the API server refuses the write (409) if anyone created or changed the object since,
   * so ferry claims an object only in the state it checked (no other owner).
   */
  readVersion(desired) {
    const live = this.live.get(desired.id);
    if (live) return live.metadata.resourceVersion;
    const { info } = desired;
    return this.listedAt.get(listKey(info, desired.object.metadata.namespace)) ?? this.listedAt.get(listKey(info, void 0));
  }
};
function listKey(info, namespace) {
  return `${info.group ? `${info.kind}.${info.group}` : info.kind}|${info.namespaced && namespace ? namespace : "*"}`;
}
async function runPlan(client, plan, shared) {
  const list = async (info, selector, namespace) => {
    const cached = shared?.lookup(info, selector, namespace);
    if (cached) return { info, items: await cached };
    const { items, resourceVersion } = await listObjectsAt(client, info, selector, namespace);
    const listed = selector === "" && resourceVersion ? [listKey(info, namespace), resourceVersion] : void 0;
    return { info, items, ...listed ? { listed } : {} };
  };
  return Promise.all(
    listsOf(plan).map(({ info, namespace, selector }) => list(info, selector, namespace))
  );
}
async function readInventory(client, resources, parent, desired, extend, shared) {
  const first = objectsPlan([
    ...desired.map((d) => ({ info: d.info, namespace: d.object.metadata.namespace })),
    // The parent lives among the ConfigMaps of its namespace.
    ...extend ? [] : [{ info: PARENT_INFO, namespace: parent.namespace }]
  ]);
  const results = await runPlan(client, first, shared);
  const live = /* @__PURE__ */ new Map();
  const parentId = `/ConfigMap/${parent.namespace}/${parent.name}`;
  const listedAt = /* @__PURE__ */ new Map();
  const collect = (batch) => batch.flatMap(({ info, items, listed }) => {
    if (listed) listedAt.set(...listed);
    return items.flatMap((object) => {
      const id = identityOf(object);
      live.set(id, object);
      return object.metadata.labels?.[APPLYSET_PART_OF] === parent.id ? [{ id, object, info }] : [];
    });
  });
  const members = collect(results);
  const parentLive = extend ? extend.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  ];
  if (!extend) {
    const kinds = recordedKinds.flatMap((key) => resources.findGroupKind(key) ?? []);
    const selector = `${APPLYSET_PART_OF}=${parent.id}`;
    const second = recordedPlan(first, kinds, recordedNamespaces, selector);
    members.push(...collect(await runPlan(client, second, shared)));
  }
  for (const d of desired) {
    const liveObject = live.get(d.id);
    const carried = liveObject && withLiveBuildAnnotations(d.object, liveObject, parent);
    if (carried) d.object = carried;
  }
  const inventory = new Inventory(
    parent,
    parentLive,
    recordedKinds,
    recordedNamespaces.slice(1),
    live,
    members,
    listedAt
  );
  return extend ? extend.merge(inventory) : inventory;
}

export {
  loadKubeTarget,
  KubeClient,
  statusMessage,
  discover,
  collectionPath,
  objectPath,
  watchUntil,
  serverSideApply,
  listObjects,
  getObject,
  deleteObject,
  waitForEstablished,
  validateAsNew,
  waitUntilGone,
  isJob,
  completedJobKey,
  hasTtl,
  hasCompleted,
  PARENT_INFO,
  desiredObject,
  readInventory
};
//# sourceMappingURL=chunk-WWGWLC6B.js.map
