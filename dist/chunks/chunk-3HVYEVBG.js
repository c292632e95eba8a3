import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  rememberSecret
} from "./chunk-WEZ4UF55.js";
import {
  ROOT_TRAIL,
  UNKNOWN_MANAGER,
  appliedFields,
  escapeField,
  extend,
  formatPath,
  isRecord,
  itemKey,
  jsonEqual,
  lastUpdater,
  ownersOf,
  ownsPath,
  parseMember,
  toPath
} from "./chunk-IBUBWRKG.js";
import {
  pathError,
  withLiveBuildAnnotations
} from "./chunk-QCKBONQO.js";
import {
  ANNOTATION_PREFIX,
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  APPLY_TRACE_KEYS,
  FIELD_MANAGER,
  MANIFEST_HASH,
  asMember,
  describeObject,
  foreignOwner,
  groupOf,
  identityOf,
  parseGroupKinds,
  parseList,
  yaml
} from "./chunk-2MBPYCZ5.js";
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
    this.config ??= import("./client-node-config-EKYYU3UG.js").then(({ KubeConfig }) => {
      const config = new KubeConfig();
      try {
        if (this.options.kubeconfig) config.loadFromFile(this.options.kubeconfig);
        else config.loadFromDefault();
      } catch (error) {
        throw new OperationError(`kubeconfig: ${error.message}`);
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
    throw new OperationError(`kubeconfig: cannot read ${what} ${file}: ${code}`);
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
    throw new OperationError(
      `kubeconfig: cannot run ${name}: ${error.code ?? error.message}${hint}`
    );
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
    throw new OperationError(
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
        throw new OperationError(`kubeconfig: no context named "${options.context}"`);
      return inCluster;
    }
    throw new OperationError(
      "kubeconfig: none found; pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config"
    );
  }
  const merged = files.map(readKubeconfig).reduce(mergeFirstWins);
  const contextName = options.context ?? merged.currentContext;
  if (!contextName)
    throw new OperationError("kubeconfig: no current context; pass --context or --kubeconfig");
  const context = merged.contexts.get(contextName);
  if (!context) throw new OperationError(`kubeconfig: no context named "${contextName}"`);
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster)
    throw new OperationError(
      `kubeconfig: context "${contextName}" names cluster "${context.cluster}", which is not defined`
    );
  const user = context.user ? merged.users.get(context.user) : { name: "", impersonateGroups: [] };
  if (!user)
    throw new OperationError(
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
    return [...new Set(env.KUBECONFIG.split(delimiter).filter(Boolean))].filter(
      (file) => existsSync(file)
    );
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
  let document;
  try {
    document = yaml.load(readFileSync2(file, "utf8"));
  } catch (error) {
    const problem = pathError(error, file, "kubeconfig", "file");
    if (problem instanceof ConfigError) throw problem;
    const reason = error.reason ?? error.message;
    const line = error.mark?.line;
    throw new OperationError(
      `kubeconfig: ${file}${line === void 0 ? "" : `:${line + 1}`}: ${reason.split("\n")[0]}`
    );
  }
  if (document === null || document === void 0)
    return { clusters: /* @__PURE__ */ new Map(), users: /* @__PURE__ */ new Map(), contexts: /* @__PURE__ */ new Map() };
  if (typeof document !== "object" || Array.isArray(document))
    throw new OperationError(`kubeconfig: ${file}: not a kubeconfig (expected a mapping)`);
  const root = document;
  const base = dirname(file);
  const fail = (field, message) => {
    throw new OperationError(`kubeconfig: ${file}: ${field}: ${message}`);
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
    contexts.set(name, {
      cluster: optionalString(entry.cluster, `${field}.cluster`, fail) ?? "",
      user: optionalString(entry.user, `${field}.user`, fail) ?? "",
      namespace: optionalString(entry.namespace, `${field}.namespace`, fail)
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
      throw new OperationError(
        `kubeconfig: cluster "${target.cluster.name}" has an invalid server URL "${target.cluster.server}"`
      );
    }
    const auth = target.user.authProvider || target.cluster.proxyUrl ? new ClientNodeAuthenticator(target, options, server) : new KeepAliveAuthenticator(new Credentials(target), server);
    const timeouts = requestTimeouts(options.requestTimeoutMs);
    return new _KubeClient(target, server, auth, timeouts, options.log ?? (() => {
    }));
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
            retryAfter: typeof retryAfter === "string" ? retryAfter : void 0
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
function collectionPath(info, namespace) {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced && namespace ? `${base}/namespaces/${namespace}/${info.resource}` : `${base}/${info.resource}`;
}
function objectPath(info, name, namespace) {
  return `${collectionPath(info, namespace)}/${encodeURIComponent(name)}`;
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
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
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
async function serverSideApply(client, info, object, call) {
  const response = await client.request({
    method: "PATCH",
    path: objectPath(
      info,
      object.metadata.name,
      info.namespaced ? object.metadata.namespace : void 0
    ),
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
  return (response.body.items ?? []).map((item) => ({ ...item, apiVersion, kind: info.kind }));
}
async function deleteObject(client, info, live, dryRun) {
  const uid = live.metadata.uid;
  const response = await client.request({
    method: "DELETE",
    path: objectPath(
      info,
      live.metadata.name,
      info.namespaced ? live.metadata.namespace : void 0
    ),
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
  const path = objectPath(
    info,
    object.metadata.name,
    info.namespaced ? object.metadata.namespace : void 0
  );
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

// src/core/quantity.ts
var QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
var SUFFIX = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
};
function quantityValue(value) {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") return void 0;
  const match = QUANTITY.exec(text);
  if (!match) return void 0;
  const [, number, exponent, suffix] = match;
  return Number(number) * 10 ** Number(exponent ?? 0) * (suffix ? SUFFIX[suffix] : 1);
}
function quantityEquals(a, b) {
  const x = quantityValue(a);
  const y = quantityValue(b);
  return x !== void 0 && y !== void 0 && Math.abs(x - y) <= Math.abs(x) * 1e-9;
}

// src/core/schema.ts
var ANY = { t: "any" };
var QUANTITY2 = "io.k8s.apimachinery.pkg.api.resource.Quantity";
var REF_PREFIX = "#/components/schemas/";
function asSchema(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function refName(schema) {
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith(REF_PREFIX)) return ref.slice(REF_PREFIX.length);
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1) return refName(asSchema(allOf[0]) ?? {});
  return void 0;
}
function listNode(schema, items) {
  const listType = schema["x-kubernetes-list-type"];
  if (listType === "set") return { t: "list", items, list: "set" };
  if (listType === "map") {
    const keys = schema["x-kubernetes-list-map-keys"];
    return { t: "list", items, list: "map", keys: Array.isArray(keys) ? keys.map(String) : [] };
  }
  if (listType === void 0) {
    const strategy = schema["x-kubernetes-patch-strategy"];
    if (typeof strategy === "string" && strategy.split(",").includes("merge")) {
      const key = schema["x-kubernetes-patch-merge-key"];
      return typeof key === "string" ? { t: "list", items, list: "map", keys: [key] } : { t: "list", items, list: "set" };
    }
  }
  return { t: "list", items, list: "atomic" };
}
function mapNode(schema) {
  const node = { t: "map" };
  const properties = asSchema(schema.properties);
  if (properties) {
    node.fields = {};
    for (const [name, property] of Object.entries(properties)) {
      const child = asSchema(property) ?? {};
      node.fields[name] = convertSchema(child);
      const fallback = child.default;
      if (fallback !== void 0 && (typeof fallback !== "object" || fallback === null)) {
        node.defaults = { ...node.defaults, [name]: fallback };
      }
    }
  }
  const additional = schema.additionalProperties;
  if (additional === true || schema["x-kubernetes-preserve-unknown-fields"] === true)
    node.rest = ANY;
  else if (asSchema(additional)) node.rest = convertSchema(asSchema(additional));
  else if (!properties) node.rest = ANY;
  if (schema["x-kubernetes-map-type"] === "atomic") node.atomic = true;
  return node;
}
function convertSchema(schema) {
  const name = refName(schema);
  if (name !== void 0)
    return name === QUANTITY2 ? { t: "scalar", quantity: true } : { ref: name };
  if (schema["x-kubernetes-int-or-string"] === true) return { t: "scalar" };
  const type = schema.type;
  if (type === "array") return listNode(schema, convertSchema(asSchema(schema.items) ?? {}));
  if (type === "object" || schema.properties !== void 0) return mapNode(schema);
  if (typeof type === "string") return { t: "scalar" };
  if (schema["x-kubernetes-preserve-unknown-fields"] === true) return ANY;
  const variants = [schema.oneOf, schema.anyOf].find(Array.isArray);
  if (variants?.every((v) => ["string", "integer", "number"].includes(String(asSchema(v)?.type))))
    return { t: "scalar" };
  return ANY;
}
function convertDocument(document) {
  const schemas = asSchema(asSchema(asSchema(document)?.components)?.schemas) ?? {};
  const table = { types: {}, kinds: {} };
  for (const [name, value] of Object.entries(schemas)) {
    const schema = asSchema(value) ?? {};
    table.types[name] = name === QUANTITY2 ? { t: "scalar", quantity: true } : convertSchema(schema);
    const gvks = schema["x-kubernetes-group-version-kind"];
    for (const gvk of Array.isArray(gvks) ? gvks : []) {
      const { group, version, kind } = asSchema(gvk) ?? {};
      table.kinds[`${group ?? ""}/${version}/${kind}`] = name;
    }
  }
  return table;
}
function convertCrd(crd) {
  const spec = asSchema(crd.spec) ?? {};
  const text = (value) => typeof value === "string" ? value : "";
  const group = text(spec.group);
  const kind = text(asSchema(spec.names)?.kind);
  const table = { types: {}, kinds: {} };
  for (const version of Array.isArray(spec.versions) ? spec.versions : []) {
    const v = asSchema(version) ?? {};
    const schema = asSchema(asSchema(v.schema)?.openAPIV3Schema);
    if (!schema) continue;
    const name = `${group}/${text(v.name)}/${kind}`;
    table.types[name] = convertSchema(schema);
    table.kinds[name] = name;
  }
  return table;
}
var ObjectSchema = class {
  constructor(table, root) {
    this.table = table;
    this.root = root;
  }
  table;
  root;
  /** Follows `ref`s (unknown names are schema-less). */
  resolve(node) {
    let current = node ?? ANY;
    for (let hops = 0; "ref" in current && hops < 32; hops++)
      current = this.table.types[current.ref] ?? ANY;
    return "ref" in current ? { t: "any" } : current;
  }
  /** The type of a struct's field or a map's value. */
  field(node, name) {
    const resolved = this.resolve(node);
    if (resolved.t !== "map") return ANY;
    return resolved.fields?.[name] ?? resolved.rest ?? ANY;
  }
};
var UNTYPED = new ObjectSchema({ types: {}, kinds: {} }, ANY);
var SchemaSet = class {
  constructor(tables) {
    this.tables = tables;
  }
  tables;
  /** The schema of `apiVersion`/`kind`, or the schema-less one when none is known. */
  forKind(apiVersion, kind) {
    const table = this.tables.get(apiVersion);
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    const name = table?.kinds[`${group}/${version}/${kind}`];
    if (!table || name === void 0) return UNTYPED;
    return new ObjectSchema(table, { ref: name });
  }
};

// src/core/compare.ts
function compareDesired(desired, live, schema, applied) {
  const walk = { schema, applied, out: [] };
  compareValue(desired, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}
function isZeroScalar(value) {
  return value === false || value === 0 || value === "";
}
function compareValue(desired, live, type, trail, walk) {
  if (desired === null) return;
  const node = walk.schema.resolve(type);
  if (isRecord(desired) && (node.t === "map" || node.t === "any")) {
    if (node.t === "map" && node.atomic) compareAtomic(desired, live, type, trail, walk);
    else compareFields(desired, live, type, trail, walk);
  } else if (Array.isArray(desired) && (node.t === "list" || node.t === "any")) {
    compareList(desired, live, type, node.t === "list" ? node : void 0, trail, walk);
  } else if (!scalarEquals(desired, live, node.t === "scalar" && node.quantity === true)) {
    if (live === void 0 && isZeroScalar(desired) && ownsPath(walk.applied, toPath(trail)))
      return;
    walk.out.push({ path: toPath(trail), desired, live });
  }
}
function compareFields(desired, live, type, trail, walk) {
  if (!isRecord(live)) {
    if (live === void 0 && Object.keys(desired).length === 0) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  for (const [name, value] of Object.entries(desired)) {
    compareValue(
      value,
      live[name],
      walk.schema.field(type, name),
      extend(trail, { field: name }),
      walk
    );
  }
}
function compareList(desired, live, type, node, trail, walk) {
  if (!Array.isArray(live)) {
    if (desired.length === 0 && (live === void 0 || live === null)) return;
    walk.out.push({ path: toPath(trail), desired, live });
    return;
  }
  if (node?.list === "set") {
    for (const item of desired.filter((d) => !live.some((l) => jsonEqual(l, d)))) {
      walk.out.push({
        path: toPath(extend(trail, { value: item })),
        desired: item,
        live: void 0
      });
    }
    return;
  }
  const element = node ? walk.schema.resolve(node.items) : void 0;
  const defaults = element?.t === "map" ? element.defaults : void 0;
  const keys = node?.list === "map" ? node.keys ?? [] : [];
  const desiredKeys = desired.map((item) => itemKey(item, keys, defaults));
  if (!node || keys.length === 0 || desiredKeys.some((k) => k === void 0)) {
    compareAtomic(desired, live, type, trail, walk);
    return;
  }
  desired.forEach((item, i) => {
    const key = desiredKeys[i];
    const match = live.find(
      (candidate) => jsonEqual(itemKey(candidate, keys, defaults), key)
    );
    const itemPath = extend(trail, { key });
    if (match === void 0)
      walk.out.push({ path: toPath(itemPath), desired: item, live: void 0 });
    else compareValue(item, match, node.items, itemPath, walk);
  });
}
function compareAtomic(desired, live, type, trail, walk) {
  if (sameValue(desired, live, type, walk.schema, true)) return;
  if (ownsPath(walk.applied, toPath(trail)) && sameValue(desired, live, type, walk.schema, false))
    return;
  walk.out.push({ path: toPath(trail), desired, live });
}
function sameValue(desired, live, type, schema, exact) {
  if (desired === null) return !exact || live === null || live === void 0;
  const node = schema.resolve(type);
  if (Array.isArray(desired)) {
    const items = node.t === "list" ? node.items : ANY;
    return Array.isArray(live) && live.length === desired.length && desired.every((item, i) => sameValue(item, live[i], items, schema, exact));
  }
  if (isRecord(desired)) {
    if (!isRecord(live)) return !exact && live === void 0 && Object.keys(desired).length === 0;
    if (exact && Object.keys(live).some((name) => !(name in desired))) return false;
    return Object.entries(desired).every(
      ([name, value]) => sameValue(value, live[name], schema.field(type, name), schema, exact) || !exact && live[name] === void 0 && isZeroScalar(value)
    );
  }
  return scalarEquals(desired, live, node.t === "scalar" && node.quantity === true);
}
function scalarEquals(desired, live, quantity) {
  if (desired === live) return true;
  return quantity && quantityEquals(desired, live);
}
function comparable(object) {
  const secret = object;
  if (object.kind !== "Secret" || object.apiVersion !== "v1" || !secret.stringData) return object;
  const { stringData, ...rest } = secret;
  const encoded = Object.fromEntries(
    Object.entries(stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString("base64")])
  );
  return { ...rest, data: { ...secret.data ?? {}, ...encoded } };
}

// src/core/ignore.ts
function parseIgnoreRules(text, file) {
  let data;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const list = Array.isArray(data) ? data : data?.ignore;
  if (!Array.isArray(list))
    throw new ConfigError(`${file}: expected a list of rules or an "ignore:" list`);
  return list.map((rule, index) => {
    const r = rule;
    if (!r || !Array.isArray(r.paths) || r.paths.some((p) => typeof p !== "string" || !p.startsWith("/"))) {
      throw new ConfigError(
        `${file}: ignore[${index}].paths: expected a list of JSON pointers starting with "/"`
      );
    }
    return { paths: r.paths, ...r.target ? { target: r.target } : {} };
  });
}
function matchesSelector(selector, values) {
  if (!selector) return true;
  const map = values ?? {};
  return parseList(selector).every((term) => {
    const notEqual = /^([^!=]+)!=(.*)$/.exec(term);
    if (notEqual) return map[notEqual[1].trim()] !== notEqual[2].trim();
    const equal = /^([^!=]+)==?(.*)$/.exec(term);
    if (equal) return map[equal[1].trim()] === equal[2].trim();
    if (term.startsWith("!")) return !(term.slice(1) in map);
    return term in map;
  });
}
function targets(rule, object) {
  const t = rule.target;
  if (!t) return true;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return (t.kind === void 0 || t.kind === object.kind) && (t.name === void 0 || t.name === object.metadata.name) && (t.namespace === void 0 || t.namespace === object.metadata.namespace) && (t.group === void 0 || t.group === (group ?? groupOf(object.apiVersion))) && (t.version === void 0 || t.version === version) && matchesSelector(t.labelSelector, object.metadata.labels) && matchesSelector(t.annotationSelector, object.metadata.annotations);
}
function isItem(item, element) {
  if ("value" in element) return jsonEqual(item, element.value);
  if (!("key" in element) || !isRecord(item)) return false;
  return Object.entries(element.key).every(([k, v]) => item[k] === void 0 || item[k] === v);
}
function indexedPointer(live, path) {
  let node = live;
  let pointer = "";
  for (const element of path) {
    if ("field" in element) {
      pointer += `/${escapeField(element.field)}`;
      node = isRecord(node) ? node[element.field] : void 0;
      continue;
    }
    const list = Array.isArray(node) ? node : [];
    const index = "index" in element ? element.index : list.findIndex((item) => isItem(item, element));
    pointer += `/${index >= 0 ? index : formatPath([element])}`;
    node = list[index];
  }
  return pointer || "/";
}
function covers(rulePath, path) {
  const rule = rulePath.split("/");
  const actual = path.split("/");
  if (rule.length > actual.length) return false;
  return rule.every((part, i) => part === "*" || part === actual[i]);
}
function ignoredBy(rules, live, path) {
  const applicable = rules.filter((rule) => targets(rule, live));
  if (applicable.length === 0) return false;
  const pointer = indexedPointer(live, path);
  const shown = formatPath(path);
  return applicable.some((rule) => rule.paths.some((p) => covers(p, shown) || covers(p, pointer)));
}

// src/core/removed-fields.ts
function removedInGit(applied, git, live, schema, volatile) {
  const walk = { schema, volatile, out: [] };
  visit(applied, git, live, schema.root, ROOT_TRAIL, walk);
  return walk.out;
}
function visit(fields, git, live, type, trail, walk) {
  for (const [member, child] of Object.entries(fields)) {
    const sub = isRecord(child) ? child : {};
    if (member.startsWith("f:") && isRecord(live)) {
      const name = member.slice(2);
      if (isAnnotations(trail) && walk.volatile.has(name)) continue;
      visitChild(
        sub,
        asRecord(git)?.[name],
        live[name],
        walk.schema.field(type, name),
        extend(trail, { field: name }),
        walk
      );
    } else if ((member.startsWith("k:") || member.startsWith("v:")) && Array.isArray(live)) {
      visitItem(member, sub, git, live, type, trail, walk);
    }
  }
}
function visitItem(member, sub, git, live, type, trail, walk) {
  const id = parseMember(member);
  if (id === void 0) return;
  const gitList = Array.isArray(git) ? git : [];
  if (member.startsWith("v:")) {
    const element2 = { value: id };
    if (live.some((l) => jsonEqual(l, id)) && !gitList.some((g) => jsonEqual(g, id)))
      walk.out.push({ path: toPath(extend(trail, element2)), desired: void 0, live: id });
    return;
  }
  if (!isRecord(id)) return;
  const node = walk.schema.resolve(type);
  const items = node.t === "list" ? node.items : { t: "any" };
  const element = walk.schema.resolve(items);
  const defaults = element.t === "map" ? element.defaults : void 0;
  const keys = Object.keys(id);
  const sameItem = (item) => jsonEqual(itemKey(item, keys, defaults), id);
  visitChild(
    sub,
    gitList.find(sameItem),
    live.find(sameItem),
    items,
    extend(trail, { key: id }),
    walk
  );
}
function visitChild(sub, git, live, type, trail, walk) {
  if (live === void 0) return;
  if (git === void 0) walk.out.push({ path: toPath(trail), desired: void 0, live });
  else if (Object.keys(sub).length > 0) visit(sub, git, live, type, trail, walk);
}
function isAnnotations(trail) {
  const annotations = trail.element;
  const metadata = trail.parent?.element;
  return trail.parent?.parent?.element === void 0 && annotations !== void 0 && "field" in annotations && annotations.field === "annotations" && metadata !== void 0 && "field" in metadata && metadata.field === "metadata";
}
function asRecord(value) {
  return isRecord(value) ? value : void 0;
}

// src/core/drift.ts
var DRIFT_FINGERPRINT = "ferry.dev/drift-fingerprint";
var HIDDEN = "(hidden)";
var HASH_PATH = [
  { field: "metadata" },
  { field: "annotations" },
  { field: MANIFEST_HASH }
];
function mask(object, field) {
  const top = field.segments[0];
  if (object.kind !== "Secret" || !top || !("field" in top)) return field;
  if (top.field !== "data" && top.field !== "stringData") return field;
  return {
    ...field,
    git: field.git === void 0 ? void 0 : HIDDEN,
    live: field.live === void 0 ? void 0 : HIDDEN
  };
}
var VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`));
function differencesOf(desired, live, schema, fieldManager) {
  const managed = live.metadata.managedFields;
  const applied = appliedFields(live, fieldManager);
  const differences = compareDesired(comparable(desired), live, schema, applied);
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const sameManifest = hash !== void 0 && live.metadata.annotations?.[MANIFEST_HASH] === hash;
  if (applied && !sameManifest) {
    for (const removed of removedInGit(applied, desired, live, schema, VOLATILE)) {
      const others = ownersOf(managed, removed.path).filter((m) => m !== fieldManager);
      if (others.length === 0) differences.push(removed);
    }
  }
  return differences.filter((d) => !jsonEqual(d.path, HASH_PATH));
}
function managerOf(managed, path, fieldManager) {
  const owners = ownersOf(managed, path);
  const others = owners.filter((m) => m !== fieldManager);
  if (others[0]) return others[0];
  if (owners.length > 0) return fieldManager;
  return lastUpdater(managed, fieldManager) ?? UNKNOWN_MANAGER;
}
function driftOf(desired, live, rules, fieldManager, schema) {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: "missing", fields: [] }, ignored: 0 };
  const managed = live.metadata.managedFields;
  let ignored = 0;
  const fields = [];
  for (const difference of differencesOf(desired, live, schema, fieldManager)) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    fields.push(
      mask(desired, {
        path: formatPath(difference.path),
        segments: difference.path,
        git: difference.desired,
        live: difference.live,
        manager: managerOf(managed, difference.path, fieldManager)
      })
    );
  }
  return fields.length > 0 ? { drift: { object: name, kind: "drifted", fields }, ignored } : { ignored };
}

// src/core/ordering.ts
var PHASES = {
  Namespace: 0,
  CustomResourceDefinition: 0,
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  PriorityClass: 1,
  StorageClass: 1,
  PersistentVolume: 1,
  IngressClass: 1,
  RuntimeClass: 1,
  ServiceAccount: 2,
  Role: 2,
  RoleBinding: 2,
  ConfigMap: 2,
  Secret: 2,
  SealedSecret: 2,
  ExternalSecret: 2,
  ResourceQuota: 2,
  LimitRange: 2,
  PersistentVolumeClaim: 2,
  NetworkPolicy: 2,
  Service: 3,
  Deployment: 4,
  StatefulSet: 4,
  DaemonSet: 4,
  ReplicaSet: 4,
  Job: 4,
  CronJob: 4,
  Pod: 4,
  HorizontalPodAutoscaler: 4,
  PodDisruptionBudget: 4,
  MutatingWebhookConfiguration: 6,
  ValidatingWebhookConfiguration: 6,
  ValidatingAdmissionPolicy: 6,
  ValidatingAdmissionPolicyBinding: 6
};
function phaseOf(object, namespaced) {
  return PHASES[object.kind] ?? (namespaced ? 5 : 1);
}
var PRUNE_PROTECTED_KINDS = [
  "Namespace",
  "CustomResourceDefinition",
  "PersistentVolume",
  "PersistentVolumeClaim"
];

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
  if (info.namespaced) metadata.namespace ??= parent.namespace;
  else delete metadata.namespace;
  const asApplied = { ...object, metadata };
  if (info.statusSubresource) delete asApplied.status;
  const member = asMember(asApplied, parent);
  return { id: identityOf(member), object: member, info, phase: phaseOf(member, info.namespaced) };
}
var PER_NAMESPACE_LIMIT = 3;
var Inventory = class _Inventory {
  constructor(parent, parentLive, groupKinds, namespaces, live, members) {
    this.parent = parent;
    this.parentLive = parentLive;
    this.groupKinds = groupKinds;
    this.namespaces = namespaces;
    this.live = live;
    this.members = members;
  }
  parent;
  parentLive;
  groupKinds;
  namespaces;
  live;
  members;
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
    return new _Inventory(this.parent, this.parentLive, this.groupKinds, this.namespaces, live, [
      ...this.members,
      ...other.members
    ]);
  }
  /** Who else owns the live object, when it is not already ours. */
  foreignOwner(desired) {
    const live = this.live.get(desired.id);
    return live ? foreignOwner(live, this.parent) : void 0;
  }
};
function addToPlan(plan, info, namespace, selector) {
  const key = info.group ? `${info.kind}.${info.group}` : info.kind;
  const entry = plan.get(key) ?? { info, namespaces: /* @__PURE__ */ new Set(), selector };
  if (info.namespaced && namespace) entry.namespaces.add(namespace);
  plan.set(key, entry);
}
async function runPlan(client, plan) {
  const lists = [...plan.values()].flatMap(({ info, namespaces, selector }) => {
    if (!info.namespaced || namespaces.size > PER_NAMESPACE_LIMIT) {
      return [listObjects(client, info, selector).then((items) => ({ info, items, scope: "*" }))];
    }
    return [...namespaces].map(
      (ns) => listObjects(client, info, selector, ns).then((items) => ({ info, items }))
    );
  });
  return Promise.all(lists);
}
async function readInventory(client, resources, parent, desired, extend2) {
  const first = /* @__PURE__ */ new Map();
  for (const d of desired) addToPlan(first, d.info, d.object.metadata.namespace, "");
  if (!extend2) addToPlan(first, PARENT_INFO, parent.namespace, "");
  const results = await runPlan(client, first);
  const live = /* @__PURE__ */ new Map();
  const parentId = `/ConfigMap/${parent.namespace}/${parent.name}`;
  const collect = (batch) => batch.flatMap(
    ({ info, items }) => items.flatMap((object) => {
      const id = identityOf(object);
      live.set(id, object);
      return object.metadata.labels?.[APPLYSET_PART_OF] === parent.id ? [{ id, object, info }] : [];
    })
  );
  const members = collect(results);
  const parentLive = extend2 ? extend2.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  ];
  if (!extend2) {
    const second = /* @__PURE__ */ new Map();
    for (const key of recordedKinds) {
      const info = resources.findGroupKind(key);
      if (!info) continue;
      const listed = first.get(key);
      const missing = info.namespaced ? recordedNamespaces.filter((ns) => !listed?.namespaces.has(ns)) : listed ? [] : [void 0];
      const coveredClusterWide = listed && (!info.namespaced || listed.namespaces.size > PER_NAMESPACE_LIMIT);
      if (coveredClusterWide) continue;
      for (const ns of missing) addToPlan(second, info, ns, `${APPLYSET_PART_OF}=${parent.id}`);
    }
    members.push(...collect(await runPlan(client, second)));
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
    members
  );
  return extend2 ? extend2.merge(inventory) : inventory;
}

export {
  KubeClient,
  statusMessage,
  discover,
  collectionPath,
  objectPath,
  watchUntil,
  serverSideApply,
  listObjects,
  deleteObject,
  waitForEstablished,
  validateAsNew,
  waitUntilGone,
  isJob,
  completedJobKey,
  hasTtl,
  hasCompleted,
  convertDocument,
  convertCrd,
  SchemaSet,
  compareDesired,
  parseIgnoreRules,
  DRIFT_FINGERPRINT,
  differencesOf,
  driftOf,
  phaseOf,
  PRUNE_PROTECTED_KINDS,
  PARENT_INFO,
  desiredObject,
  readInventory
};
//# sourceMappingURL=chunk-3HVYEVBG.js.map
