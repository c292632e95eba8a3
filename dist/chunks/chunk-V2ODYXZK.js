import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  fetchWithDeadline
} from "./chunk-A3ITCGRW.js";
import {
  LostRaceError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/forge/gitlab.ts
var GitLabRequestError = class extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.name = "GitLabRequestError";
  }
  status;
  detail;
};
var GitLabClient = class {
  constructor(connection) {
    this.connection = connection;
    const url = connection.apiUrl ?? process.env.CI_API_V4_URL ?? "https://gitlab.com/api/v4";
    this.apiUrl = url.replace(/\/+$/, "");
  }
  connection;
  apiUrl;
  /** Calls `method path` and returns the parsed JSON answer. */
  async request(method, path, options = {}) {
    return (await this.send(method, path, options)).data;
  }
  /**
   * Every item of a paginated GET, following `x-next-page` (empty on the last page); a server
   * that leaves the header out is followed while pages come back full.
   * https://docs.gitlab.com/api/rest/#pagination
   */
  async requestAll(path, query = {}, maxPages = 50) {
    const perPage = 100;
    const items = [];
    for (let page = 1, fetched = 0; fetched < maxPages; fetched++) {
      const { data, headers } = await this.send("GET", path, {
        query: { ...query, per_page: perPage, page }
      });
      if (!Array.isArray(data)) throw new OperationError(`GET ${path} did not answer a list`);
      items.push(...data);
      const next = headers.get("x-next-page");
      if (next === null ? data.length < perPage : !/^\d+$/.test(next)) return items;
      page = next === null ? page + 1 : Number(next);
    }
    throw new OperationError(`GET ${path}: more than ${maxPages} pages of ${perPage}`);
  }
  async send(method, path, options) {
    const url = new URL(`${this.apiUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {}))
      if (value !== void 0) url.searchParams.set(name, String(value));
    const header = this.connection.tokenKind === "job" ? "JOB-TOKEN" : "PRIVATE-TOKEN";
    const headers = {
      [header]: this.connection.token,
      accept: "application/json",
      "user-agent": "ferry"
    };
    if (options.body !== void 0) headers["content-type"] = "application/json";
    const retries = this.connection.retries ?? 3;
    const sleep = this.connection.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      const response = await fetchWithDeadline(this.connection.timeoutMs)(url, {
        method,
        headers,
        body: options.body === void 0 ? void 0 : JSON.stringify(options.body)
      }).catch((error) => {
        const cause = error.cause?.message;
        throw new OperationError(
          `cannot reach GitLab at ${url.origin}: ${cause ?? error.message}`
        );
      });
      const text = await response.text();
      if (response.ok)
        return {
          data: text === "" ? void 0 : JSON.parse(text),
          headers: response.headers
        };
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < retries) {
        const wait = retryAfterMs(response.headers.get("retry-after"), attempt);
        this.connection.log?.warning(
          `GitLab answered ${response.status} on ${method} ${url.pathname}; retrying in ${Math.ceil(wait / 1e3)}s`
        );
        await sleep(wait);
        continue;
      }
      throw new GitLabRequestError(response.status, messageOf(text));
    }
  }
};
function retryAfterMs(header, attempt) {
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1e3);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 1e3 * 2 ** attempt;
}
function messageOf(text) {
  try {
    const data = JSON.parse(text);
    const value = data.message ?? data.error;
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.map(String).join("; ");
    if (value && typeof value === "object")
      return Object.entries(value).map(([field, problems]) => `${field} ${String(problems)}`).join("; ");
  } catch {
  }
  return text.split("\n")[0] ?? text;
}
function gitlabError(error, what) {
  if (error instanceof LostRaceError || error instanceof OperationError) return error;
  if (!(error instanceof GitLabRequestError)) return error;
  const firstLine = error.detail.split("\n")[0] ?? error.detail;
  const status = String(error.status);
  const said = firstLine.startsWith(status) ? firstLine : `${status} ${firstLine}`;
  if (error.status === 401)
    return new OperationError(`${what}: GitLab rejected the token (${said})`);
  return new OperationError(`${what} failed (${said})`);
}
function gitlabTokenVariables(tokenEnv) {
  return tokenEnv ? [tokenEnv] : ["FERRY_GITLAB_TOKEN", "GITLAB_TOKEN", "CI_JOB_TOKEN"];
}

export {
  GitLabRequestError,
  GitLabClient,
  gitlabError,
  gitlabTokenVariables
};
//# sourceMappingURL=chunk-V2ODYXZK.js.map
