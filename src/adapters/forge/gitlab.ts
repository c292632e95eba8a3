import { fetchWithDeadline } from '../deadline.js';
import { LostRaceError, OperationError } from '../../core/errors.js';
import type { Logger } from '../logger.js';

/**
 * A small GitLab REST v4 client on Node's fetch: the few calls a proposal and a drift alert
 * make. 429 and 5xx answers are retried (honouring Retry-After); every other failure becomes a
 * one-line OperationError naming what was attempted. https://docs.gitlab.com/api/rest/
 */

export interface GitLabConnection {
  /** A personal, project or group access token, or a CI job token; never logged. */
  token: string;
  /** `JOB-TOKEN` for $CI_JOB_TOKEN, else `PRIVATE-TOKEN`. */
  tokenKind?: 'private' | 'job';
  /** e.g. https://gitlab.example.com/api/v4 (default $CI_API_V4_URL or gitlab.com's). */
  apiUrl?: string;
  log?: Logger;
  /** Retries of a 429/5xx answer; default 3. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Deadline of one request (default FORGE_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A failed GitLab call: its HTTP status and GitLab's message. */
export class GitLabRequestError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'GitLabRequestError';
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/** The HTTP half: auth header, JSON, retries. */
export class GitLabClient {
  readonly apiUrl: string;

  constructor(private readonly connection: GitLabConnection) {
    const url = connection.apiUrl ?? process.env.CI_API_V4_URL ?? 'https://gitlab.com/api/v4';
    this.apiUrl = url.replace(/\/+$/, '');
  }

  /** Calls `method path` and returns the parsed JSON answer. */
  async request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}) {
    return (await this.send<T>(method, path, options)).data;
  }

  /**
   * Every item of a paginated GET, following `x-next-page` (empty on the last page); a server
   * that leaves the header out is followed while pages come back full.
   * https://docs.gitlab.com/api/rest/#pagination
   */
  async requestAll<T>(path: string, query: Query = {}, maxPages = 50): Promise<T[]> {
    const perPage = 100;
    const items: T[] = [];
    for (let page = 1, fetched = 0; fetched < maxPages; fetched++) {
      const { data, headers } = await this.send<T[]>('GET', path, {
        query: { ...query, per_page: perPage, page },
      });
      if (!Array.isArray(data)) throw new OperationError(`GET ${path} did not answer a list`);
      items.push(...data);
      const next = headers.get('x-next-page');
      if (next === null ? data.length < perPage : !/^\d+$/.test(next)) return items;
      page = next === null ? page + 1 : Number(next);
    }
    throw new OperationError(`GET ${path}: more than ${maxPages} pages of ${perPage}`);
  }

  private async send<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown },
  ): Promise<{ data: T; headers: Headers }> {
    const url = new URL(`${this.apiUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const header = this.connection.tokenKind === 'job' ? 'JOB-TOKEN' : 'PRIVATE-TOKEN';
    const headers: Record<string, string> = {
      [header]: this.connection.token,
      accept: 'application/json',
      'user-agent': 'ferry',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const retries = this.connection.retries ?? 3;
    const sleep = this.connection.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      const response = await fetchWithDeadline(this.connection.timeoutMs)(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }).catch((error: unknown) => {
        // No answer at all (DNS, refused, reset): name the server, invent no status.
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new OperationError(
          `cannot reach GitLab at ${url.origin}: ${cause ?? (error as Error).message}`,
        );
      });
      const text = await response.text();
      if (response.ok)
        return {
          data: (text === '' ? undefined : JSON.parse(text)) as T,
          headers: response.headers,
        };
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < retries) {
        const wait = retryAfterMs(response.headers.get('retry-after'), attempt);
        this.connection.log?.warning(
          `GitLab answered ${response.status} on ${method} ${url.pathname}; retrying in ${Math.ceil(wait / 1000)}s`,
        );
        await sleep(wait);
        continue;
      }
      throw new GitLabRequestError(response.status, messageOf(text));
    }
  }
}

// Retry-After is seconds or an HTTP date; without it, back off 1s, 2s, 4s.
function retryAfterMs(header: string | null, attempt: number): number {
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 1000 * 2 ** attempt;
}

// GitLab puts errors in `message` (a string, a list, or field → list) or `error`.
function messageOf(text: string): string {
  try {
    const data = JSON.parse(text) as { message?: unknown; error?: unknown };
    const value = data.message ?? data.error;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(String).join('; ');
    if (value && typeof value === 'object')
      return Object.entries(value)
        .map(([field, problems]) => `${field} ${String(problems)}`)
        .join('; ');
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.split('\n')[0] ?? text;
}

/** A one-line error for a failed GitLab call, naming what was attempted. */
export function gitlabError(error: unknown, what: string): Error {
  if (error instanceof LostRaceError || error instanceof OperationError) return error;
  if (!(error instanceof GitLabRequestError)) return error as Error;
  const firstLine = error.detail.split('\n')[0] ?? error.detail;
  // GitLab's own messages often begin with the status ("401 Unauthorized").
  const status = String(error.status);
  const said = firstLine.startsWith(status) ? firstLine : `${status} ${firstLine}`;
  if (error.status === 401)
    return new OperationError(`${what}: GitLab rejected the token (${said})`);
  return new OperationError(`${what} failed (${said})`);
}

/** The token from --token-env, or FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN. */
export function gitlabTokenVariables(tokenEnv: string | undefined): string[] {
  return tokenEnv ? [tokenEnv] : ['FERRY_GITLAB_TOKEN', 'GITLAB_TOKEN', 'CI_JOB_TOKEN'];
}
