// The API half of the fake GitHub: authentication, rate-limit headers, injected faults, and
// for every REST call a check of the request and the response against GitHub's OpenAPI
// description. Anything that fails a check is recorded in `violations` for the test to assert.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleGraphql } from './github-graphql.js';
import { basicError, validationFailed, type Links } from './github-repository-json.js';
import { gitHandlers } from './github-rest-git.js';
import { issueHandlers } from './github-rest-issues.js';
import { pullHandlers } from './github-rest-pulls.js';
import { HttpError, type RestHandler, type RestReply } from './github-rest-support.js';
import type { ForgeState } from './github-state.js';
import type { GitHubOpenApi, MatchedOperation } from './openapi-validator.js';

/** Failures a test can make the next API requests answer with. */
export type FaultKind = 'rate-limit' | 'secondary-rate-limit' | 'server-error';

/** Tuning of injected faults. */
export interface FaultOptions {
  /** Seconds until the primary limit resets (403) or to wait (429 `retry-after`). Default 1. */
  retryAfterSeconds?: number;
}

const handlers: Record<string, RestHandler> = { ...gitHandlers, ...pullHandlers, ...issueHandlers };
const rateLimit = 5000;
// Media types Octokit and curl send that this JSON-only fake can honour.
const jsonMediaType = /^(\*\/\*|application\/(\*|json)|application\/vnd\.github(\.[\w-]+)?\+json)$/;

/** Answers REST and GraphQL requests for one fake GitHub server. */
export class GitHubApi {
  private readonly faults: { kind: FaultKind; retryAfterSeconds: number }[] = [];
  private readonly used = { core: 0, graphql: 0 };
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600;
  // One request at a time: state changes then interleave exactly as GitHub serialises them.
  private queue: Promise<unknown> = Promise.resolve();
  /** Tokens like a workflow's GITHUB_TOKEN: each reaches one repository (`owner/name`, lower case). */
  private readonly scoped = new Map<string, string>();

  constructor(
    private readonly state: ForgeState,
    private readonly links: Links,
    private readonly openApi: GitHubOpenApi,
    private readonly token: string,
    private readonly violations: string[],
  ) {}

  /**
   * Accepts `token` for REST calls on `repository` only, as GitHub accepts a workflow's
   * GITHUB_TOKEN: another repository answers 404 Not Found, as GitHub answers for a private
   * repository a token cannot see. GraphQL is not scoped here: a scoped token there is recorded
   * as a violation, so no test passes on what this server does not model.
   */
  addScopedToken(token: string, repository: string): void {
    this.scoped.set(token, repository.toLowerCase());
  }

  /** Makes the next `count` API requests fail with `kind`. */
  failNext(count: number, kind: FaultKind, options: FaultOptions = {}): void {
    for (let index = 0; index < count; index += 1) {
      this.faults.push({ kind, retryAfterSeconds: options.retryAfterSeconds ?? 1 });
    }
  }

  /** Answers one API request whose body has been read into `raw`. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL, raw: Buffer) {
    const resource = url.pathname === '/graphql' ? 'graphql' : 'core';
    this.used[resource] += 1;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FERRY:${this.used.core + this.used.graphql}`,
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': String(Math.max(rateLimit - this.used[resource], 0)),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(this.used[resource]),
      'x-ratelimit-resource': resource,
    };
    const send = (reply: RestReply) => {
      response.writeHead(reply.status, { ...headers, ...reply.headers });
      response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    };
    const where = `${request.method ?? 'GET'} ${url.pathname}`;
    const record = (what: string, problems: string[]) => {
      for (const problem of problems) this.violations.push(`${where}: ${what}: ${problem}`);
    };

    const fault = this.faults.shift();
    if (fault) return send(faultReply(fault, headers));
    if (!this.isAuthorized(request)) {
      const body = basicError('Bad credentials', 401);
      record('401 body', this.openApi.checkSchema('basic-error', body));
      return send({ status: 401, body });
    }
    let body: unknown;
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      record('request', ['body is not valid JSON']);
      return send({ status: 400, body: basicError('Problems parsing JSON', 400) });
    }
    const accept = acceptProblem(request.headers.accept);
    if (accept) record('request', [accept]);

    const scope = this.scopeOf(request);
    if (url.pathname === '/graphql') {
      if (scope !== undefined) record('request', ['GraphQL with a scoped token is not modelled']);
      if (request.method !== 'POST') {
        record('request', ['GraphQL takes POST only']);
        return send({ status: 404, body: basicError('Not Found', 404) });
      }
      const context = {
        state: this.state,
        links: this.links,
        note: (v: string) => record('graphql', [v]),
      };
      return send({ status: 200, body: await this.exclusive(() => handleGraphql(context, body)) });
    }

    const match = this.openApi.match(request.method ?? 'GET', url.pathname);
    if (!match) {
      record('request', ['no operation in the OpenAPI description matches']);
      return send({ status: 404, body: basicError('Not Found', 404) });
    }
    const { owner, repo } = match.params;
    if (scope !== undefined && `${owner}/${repo}`.toLowerCase() !== scope)
      return send({ status: 404, body: basicError('Not Found', 404) });
    const reply = await this.exclusive(() => this.rest(match, request, url, body, record));
    record(
      `response ${reply.status} (${match.operationId})`,
      this.openApi.checkResponse(match, reply.status, reply.body),
    );
    return send(reply);
  }

  private async rest(
    match: MatchedOperation,
    request: IncomingMessage,
    url: URL,
    body: unknown,
    record: (what: string, problems: string[]) => void,
  ): Promise<RestReply> {
    const problems = this.openApi.checkRequest(match, {
      query: url.search.replace(/^\?/, ''),
      headers: request.headers as Record<string, string | string[]>,
      body,
    });
    if (problems.length > 0) {
      record(`request (${match.operationId})`, problems);
      return {
        status: 422,
        body: validationFailed(
          [{ code: 'invalid', message: problems.join('; ') }],
          'Invalid request.',
        ),
      };
    }
    const handler = handlers[match.operationId];
    if (!handler) {
      record('request', [`${match.operationId} is not implemented by the test server`]);
      return { status: 404, body: basicError('Not Found', 404) };
    }
    const { owner, repo: name } = match.params;
    const repo =
      owner !== undefined && name !== undefined ? this.state.repo(owner, name) : undefined;
    if (!repo) return { status: 404, body: basicError('Not Found', 404) };
    try {
      return await handler({
        state: this.state,
        links: this.links,
        repo,
        request: {
          operationId: match.operationId,
          path: url.pathname,
          params: match.params,
          query: Object.fromEntries(url.searchParams),
          body,
        },
        note: (violation) => record('semantics', [violation]),
      });
    } catch (error) {
      if (error instanceof HttpError) return { status: error.status, body: error.body };
      // A bug in the fake itself must fail the test, not pass as an ordinary error answer.
      record('server error', [
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      ]);
      return { status: 500, body: basicError('Server Error', 500) };
    }
  }

  private bearer(request: IncomingMessage): string | undefined {
    const [scheme = '', value] = (request.headers.authorization ?? '').split(' ', 2);
    return ['token', 'bearer'].includes(scheme.toLowerCase()) ? value : undefined;
  }

  private isAuthorized(request: IncomingMessage): boolean {
    const token = this.bearer(request);
    return token !== undefined && (token === this.token || this.scoped.has(token));
  }

  /** The one repository the request's token reaches, or undefined for the full token. */
  private scopeOf(request: IncomingMessage): string | undefined {
    const token = this.bearer(request);
    return token === undefined ? undefined : this.scoped.get(token);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function acceptProblem(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim() ?? '');
  if (types.some((type) => jsonMediaType.test(type))) return undefined;
  return `Accept "${accept}" asks for a representation the test server does not produce`;
}

function faultReply(
  fault: { kind: FaultKind; retryAfterSeconds: number },
  headers: Record<string, string>,
): RestReply {
  const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
  if (fault.kind === 'rate-limit') {
    return {
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': headers['x-ratelimit-limit'] ?? String(rateLimit),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.retryAfterSeconds),
      },
      body: { message: 'API rate limit exceeded for user ID 4100.', documentation_url: docs },
    };
  }
  if (fault.kind === 'secondary-rate-limit') {
    // Octokit's throttling plugin recognises this case by the words "secondary rate" in the body.
    return {
      status: 429,
      headers: { 'retry-after': String(fault.retryAfterSeconds) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: docs,
      },
    };
  }
  return { status: 502, body: basicError('Server Error', 502) };
}
