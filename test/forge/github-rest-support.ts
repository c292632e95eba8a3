// Shared shapes of the fake GitHub's REST handlers: what a handler receives, what it answers,
// and the helpers several handlers need (errors, pagination, pull-request refresh from git).
import {
  commitsBetween,
  diffStats,
  mergeTrees,
  readRef,
  type GitIdentity,
} from './git-plumbing.js';
import type { PullFacts } from './github-objects.js';
import { basicError, validationFailed, type Links } from './github-repository-json.js';
import type { ForgeState, IssueRecord, RepoRecord } from './github-state.js';

/** A request that passed OpenAPI validation, with query values coerced to their types. */
export interface RestRequest {
  operationId: string;
  path: string;
  params: Record<string, string>;
  /** Query parameters as sent; OpenAPI validation already checked their types. */
  query: Record<string, string>;
  body: unknown;
}

/** What a handler answers; the server validates it against the operation's responses. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Everything a handler may use. */
export interface RestContext {
  state: ForgeState;
  links: Links;
  repo: RepoRecord;
  request: RestRequest;
  /** Records a misuse the schema cannot express (e.g. a filter GitHub silently ignores). */
  note(violation: string): void;
}

/** One handler per GitHub operationId. */
export type RestHandler = (context: RestContext) => RestReply | Promise<RestReply>;

/** An error answer thrown from anywhere inside a handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}

/** 404 with GitHub's body. */
export function notFound(message = 'Not Found'): HttpError {
  return new HttpError(404, basicError(message, 404));
}

/** 422 with GitHub's `validation-error` body. */
export function unprocessable(
  message: string,
  errors: { resource?: string; field?: string; code: string; message?: string }[] = [],
): HttpError {
  return new HttpError(422, validationFailed(errors, message));
}

/** The request body as a record; OpenAPI validation already checked its shape. */
export function bodyOf(context: RestContext): Record<string, unknown> {
  const body = context.request.body;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** The identity the token acts as, as git records it. */
export function viewerIdentity(state: ForgeState): GitIdentity {
  const { login, id } = state.viewer;
  return { name: login, email: `${id}+${login}@users.noreply.github.com` };
}

/** GitHub's committer for commits it creates and signs (the "web-flow" identity). */
export const webFlowIdentity: GitIdentity = { name: 'GitHub', email: 'noreply@github.com' };

/** The numbered issue or pull request, or a 404. */
export function issueOf(context: RestContext, field = 'issue_number'): IssueRecord {
  const issue = context.repo.issues.get(Number(context.request.params[field]));
  if (!issue) throw notFound();
  return issue;
}

/**
 * Cuts one page out of `items` the way GitHub does (`per_page` default 30, max 100) and builds
 * the `Link` header Octokit's paginate() follows.
 */
export function paginate<T>(
  context: RestContext,
  items: T[],
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(context.request.query.per_page ?? 30) || 30, 100);
  const page = Math.max(Number(context.request.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (number: number) => {
    const query = new URLSearchParams(context.request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(number));
    return `<${context.links.api}${context.request.path}?${query.toString()}>`;
  };
  const parts: string[] = [];
  if (page < last) parts.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`);
  if (page > 1) parts.push(`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`);
  return { page: slice, headers: parts.length > 0 ? { link: parts.join(', ') } : {} };
}

/**
 * Sorts by a timestamp, newest first unless the request says `direction=asc`. Timestamps have
 * whole-second precision, so ties fall back to the record number (creation order).
 */
export function sortByDate<T extends { number: number }>(
  context: RestContext,
  items: T[],
  date: (item: T) => string,
): T[] {
  const sign = context.request.query.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (date(a).localeCompare(date(b)) || a.number - b.number));
}

/**
 * Brings a pull request up to date with git: while open, `head.sha` and `base.sha` follow the
 * branches' real tips, and a pull request whose branch was deleted is closed, as on GitHub.
 */
export async function refreshPull(state: ForgeState, repo: RepoRecord, issue: IssueRecord) {
  const pull = issue.pull;
  if (!pull || issue.state !== 'open') return;
  const head = await readRef(repo, `refs/heads/${pull.headRef}`);
  const base = await readRef(repo, `refs/heads/${pull.baseRef}`);
  if (head === undefined || base === undefined) {
    issue.state = 'closed';
    issue.closedAt = state.now();
    issue.updatedAt = issue.closedAt;
    return;
  }
  pull.headSha = head;
  pull.baseSha = base;
}

/** Mergeability and size of a pull request, computed from git like GitHub's background job. */
export async function pullFacts(repo: RepoRecord, issue: IssueRecord): Promise<PullFacts> {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const commits = (await commitsBetween(repo, pull.baseSha, pull.headSha)).length;
  const stats = await diffStats(repo, pull.baseSha, pull.headSha);
  const mergeable =
    issue.state === 'open'
      ? (await mergeTrees(repo, pull.baseSha, pull.headSha)) !== undefined
      : null;
  return { mergeable, commits, ...stats };
}
