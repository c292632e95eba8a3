import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  MANIFEST_HASH,
  asMember,
  foreignOwner,
  parseGroupKinds
} from "./chunk-PF3JOGFO.js";
import {
  identityOf,
  yaml
} from "./chunk-RJ335PBH.js";
import {
  OperationError
} from "./chunk-O7TIUWNP.js";

// src/adapters/kube/client.ts
import { Agent, request } from "node:https";
import { createRequire } from "node:module";

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
    const child2 = spawn(plugin.command, plugin.args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout2 = "";
    let stderr2 = "";
    child2.stdout.setEncoding("utf8").on("data", (chunk) => stdout2 += chunk);
    child2.stderr.setEncoding("utf8").on("data", (chunk) => stderr2 += chunk);
    child2.on("error", (error2) => resolve({ code: null, stdout: stdout2, stderr: stderr2, error: error2 }));
    child2.on("close", (code2) => resolve({ code: code2, stdout: stdout2, stderr: stderr2 }));
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
      throw new OperationError(`kubeconfig: ${options.kubeconfig}: no such file`);
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

// src/adapters/kube/client.ts
var { request: httpRequest, Agent: HttpAgent } = createRequire(import.meta.url)(
  "node:http"
);
var MAX_ATTEMPTS = 5;
var DEFAULT_VERBS = {
  GET: "get",
  POST: "create",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete"
};
var KubeClient = class _KubeClient {
  constructor(target, server, auth) {
    this.target = target;
    this.server = server;
    this.auth = auth;
  }
  target;
  server;
  auth;
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
    return new _KubeClient(target, server, auth);
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
   * One request; resolves with any status (callers decide what an error is). 429 and 503 —
   * throttling, or a resource whose storage is still initializing right after its CRD became
   * Established — are retried after the server's Retry-After (every ferry request is idempotent).
   */
  async request(spec) {
    for (let attempt = 1; ; attempt++) {
      const response = await this.send(spec);
      if (response.status === 401 && attempt === 1 && this.auth.invalidate()) continue;
      if (response.status !== 429 && response.status !== 503 || attempt >= MAX_ATTEMPTS)
        return response;
      const seconds = Math.min(Number(response.retryAfter ?? "1") || 1, 10);
      await new Promise((done) => setTimeout(done, seconds * 1e3 * (0.5 + Math.random() / 2)));
    }
  }
  async send(spec) {
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === "http:" ? httpRequest : request;
    const body = bodyOf(spec);
    return new Promise((resolve, reject) => {
      const req = send(url, options, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
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
        res.on("error", reject);
      });
      req.on(
        "error",
        (error) => reject(
          new OperationError(
            `cannot reach the API server at ${this.server.origin}: ${error.message}`
          )
        )
      );
      if (body !== void 0) req.write(body);
      req.end();
    });
  }
  /**
   * Watches a collection; calls `onEvent` for each event until `signal` aborts or the server
   * ends the stream (then resolves). Events are newline-delimited JSON.
   */
  async watch(path, query, onEvent, signal) {
    const spec = {
      verb: "watch",
      method: "GET",
      path,
      query: { ...query, watch: "true", allowWatchBookmarks: "true" }
    };
    this.count(spec);
    const { url, ...options } = await this.options(spec);
    const send = url.protocol === "http:" ? httpRequest : request;
    return new Promise((resolve, reject) => {
      const req = send(url, { ...options, signal }, (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          res.resume();
          reject(new OperationError(`watch ${path} failed: HTTP ${res.statusCode}`));
          return;
        }
        let buffer = "";
        res.on("data", (chunk) => {
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
        res.on("end", () => resolve());
        res.on("error", (error) => signal.aborted ? resolve() : reject(error));
      });
      req.on("error", (error) => signal.aborted ? resolve() : reject(error));
      req.end();
    });
  }
  /** Closes idle connections so the process can exit. */
  close() {
    this.auth.close();
  }
};
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
    this.config ??= import("./client-node-config-GIQVBMWG.js").then(({ KubeConfig }) => {
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
    if (response.status !== 200 || !Array.isArray(response.body?.items)) {
      throw new OperationError(
        `API discovery failed (${path}: HTTP ${response.status}); the API server must serve aggregated discovery (Kubernetes \u2265 1.30)`
      );
    }
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
function collectionPath(info, namespace) {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced && namespace ? `${base}/namespaces/${namespace}/${info.resource}` : `${base}/${info.resource}`;
}
function objectPath(info, name, namespace) {
  return `${collectionPath(info, namespace)}/${encodeURIComponent(name)}`;
}

// src/adapters/kube/objects.ts
var FIELD_MANAGER = "ferry";
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
    await client.watch(
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

// src/core/managed-fields.ts
var PORT_KEYS = /* @__PURE__ */ new Set(["containerPort", "port"]);
var DEFAULT_PROTOCOL = "TCP";
function itemKeys(item, key) {
  const keys = { [key]: String(item[key]) };
  if (PORT_KEYS.has(key) && typeof item.protocol === "string") keys.protocol = item.protocol;
  return keys;
}
function itemLabel(keys) {
  if ("name" in keys) return `name=${String(keys.name)}`;
  const isPort = Object.keys(keys).some((key) => PORT_KEYS.has(key));
  return Object.entries(keys).filter(([key, value]) => !(isPort && key === "protocol" && value === DEFAULT_PROTOCOL)).map(([key, value]) => `${key}=${String(value)}`).join(",");
}
function itemMatches(item, keys) {
  if (typeof item !== "object" || item === null) return false;
  const record = item;
  const matches = Object.entries(keys).every(([key, value]) => String(record[key]) === value);
  if (!matches) return false;
  const isPort = Object.keys(keys).some((key) => PORT_KEYS.has(key));
  if (!isPort || "protocol" in keys) return true;
  return (record.protocol ?? DEFAULT_PROTOCOL) === DEFAULT_PROTOCOL;
}
function pathSegments(path) {
  const segments = [];
  for (const part of path.split("/").slice(1)) {
    const match = /^(.*?)((?:\[[^=\]]+=[^\]]*\])*)$/.exec(part);
    const name = match[1].replace(/~1/g, "/").replace(/~0/g, "~");
    if (name !== "") segments.push(name);
    for (const [, label] of match[2].matchAll(/\[([^\]]*)\]/g)) {
      const keys = {};
      for (const pair of label.split(/,(?=[A-Za-z]+=)/)) {
        const at = pair.indexOf("=");
        keys[pair.slice(0, at)] = pair.slice(at + 1);
      }
      segments.push({ keys });
    }
  }
  return segments;
}
function child(node, segment) {
  if (typeof segment === "string") {
    const next = node[`f:${segment}`];
    return typeof next === "object" && next !== null ? next : void 0;
  }
  for (const [name, next] of Object.entries(node)) {
    if (!name.startsWith("k:")) continue;
    try {
      const key = JSON.parse(name.slice(2));
      if (itemMatches(key, segment.keys)) return next;
    } catch {
    }
  }
  return void 0;
}
function ownsPath(fields, path) {
  let node = fields;
  const segments = pathSegments(path);
  for (const segment of segments) {
    if (!node) return false;
    const next = child(node, segment);
    if (!next) return false;
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== void 0;
}
function appliedFields(live, manager) {
  const entries = live.metadata.managedFields;
  return entries?.find((entry) => entry.manager === manager && entry.operation === "Apply")?.fieldsV1;
}
function ownersOf(managedFields, path) {
  return (managedFields ?? []).filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path)).map((entry) => entry.manager);
}
function lastManager(managedFields, except) {
  const entries = (managedFields ?? []).filter(
    (e) => e.manager && e.manager !== except && e.time && !e.subresource
  );
  entries.sort((a, b) => a.time < b.time ? 1 : -1);
  return entries[0]?.manager;
}

// src/core/compare.ts
var MERGE_KEYS = [
  "name",
  "containerPort",
  "port",
  "mountPath",
  "devicePath",
  "ip",
  "topologyKey",
  "type"
];
function compareDesired(desired, live, applied) {
  const differences = [];
  walk(desired, live, "", differences);
  if (!applied) return differences;
  return differences.filter(
    (d) => !(d.live === void 0 && isZeroScalar(d.desired) && ownsPath(applied, d.path))
  );
}
function isZeroScalar(value) {
  return value === false || value === 0 || value === "";
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function escapeSegment(key) {
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
function walk(desired, live, path, out) {
  if (isRecord(desired)) {
    if (live === void 0 && Object.keys(desired).length === 0) return;
    if (!isRecord(live)) {
      out.push({ path: path || "/", desired, live });
      return;
    }
    for (const [key, value] of Object.entries(desired)) {
      walk(value, live[key], `${path}/${escapeSegment(key)}`, out);
    }
    return;
  }
  if (Array.isArray(desired)) {
    compareList(desired, live, path, out);
    return;
  }
  if (!scalarEquals(desired, live, path)) out.push({ path, desired, live });
}
function mergeKeyOf(list) {
  if (list.length === 0 || !list.every(isRecord)) return void 0;
  const items = list;
  return MERGE_KEYS.find((key) => {
    if (!items.every((item) => item[key] !== void 0)) return false;
    const labels = items.map((item) => itemLabel(itemKeys(item, key)));
    return new Set(labels).size === labels.length;
  });
}
function compareList(desired, live, path, out) {
  if (!Array.isArray(live)) {
    if (desired.length === 0 && (live === void 0 || live === null)) return;
    out.push({ path, desired, live });
    return;
  }
  const key = mergeKeyOf(desired);
  if (key) {
    for (const item of desired.filter(isRecord)) {
      const keys = itemKeys(item, key);
      const match = live.find((candidate) => itemMatches(candidate, keys));
      const itemPath = `${path}[${itemLabel(keys)}]`;
      if (match === void 0) out.push({ path: itemPath, desired: item, live: void 0 });
      else walk(item, match, itemPath, out);
    }
    return;
  }
  if (desired.length !== live.length) {
    out.push({ path, desired, live });
    return;
  }
  const inner = [];
  desired.forEach((item, index) => walk(item, live[index], `${path}/${index}`, inner));
  if (inner.length > 0) out.push({ path, desired, live });
}
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
var QUANTITY_FIELD = /\/(requests|limits|hard|capacity|allocatable|overhead)[/[]|\/sizeLimit$|\/target\/(value|averageValue)$/;
function scalarEquals(desired, live, path) {
  if (desired === live) return true;
  if (desired === null) return true;
  if (!QUANTITY_FIELD.test(path)) return false;
  const a = quantityValue(desired);
  const b = quantityValue(live);
  return a !== void 0 && b !== void 0 && (typeof desired === "string" || typeof live === "string") && Math.abs(a - b) <= Math.abs(a) * 1e-9;
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

// src/commands/inventory.ts
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
  /** Whether applying would change the object: new, manifest changed, or owned fields edited live. */
  needsWrite(desired) {
    const live = this.live.get(desired.id);
    if (!live) return true;
    if (live.metadata.annotations?.[MANIFEST_HASH] !== desired.object.metadata.annotations?.[MANIFEST_HASH])
      return true;
    const applied = appliedFields(live, FIELD_MANAGER);
    return compareDesired(comparable(desired.object), live, applied).length > 0;
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
async function readInventory(client, resources, parent, desired, extend) {
  const first = /* @__PURE__ */ new Map();
  for (const d of desired) addToPlan(first, d.info, d.object.metadata.namespace, "");
  if (!extend) addToPlan(first, PARENT_INFO, parent.namespace, "");
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
  const parentLive = extend ? extend.parentLive : live.get(parentId);
  const annotations = parentLive?.metadata.annotations ?? {};
  const recordedKinds = parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]);
  const recordedNamespaces = [
    parent.namespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  ];
  if (!extend) {
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
  const inventory = new Inventory(
    parent,
    parentLive,
    recordedKinds,
    recordedNamespaces.slice(1),
    live,
    members
  );
  return extend ? extend.merge(inventory) : inventory;
}

export {
  KubeClient,
  discover,
  collectionPath,
  FIELD_MANAGER,
  serverSideApply,
  deleteObject,
  waitForEstablished,
  itemLabel,
  itemMatches,
  pathSegments,
  appliedFields,
  ownersOf,
  lastManager,
  compareDesired,
  escapeSegment,
  comparable,
  phaseOf,
  PRUNE_PROTECTED_KINDS,
  PARENT_INFO,
  desiredObject,
  readInventory
};
//# sourceMappingURL=chunk-FX6LBB4U.js.map
