// REST handlers for issues, labels, assignees and comments. Pull requests are issues here too,
// as on GitHub: they share the number sequence and appear in the issue list.
import { commentJson, issueJson, issueLabelsJson } from './github-objects.js';
import {
  bodyOf,
  issueOf,
  notFound,
  paginate,
  refreshPull,
  sortByDate,
  unprocessable,
  type RestContext,
  type RestHandler,
} from './github-rest-support.js';
import type { CommentRecord, IssueRecord } from './github-state.js';

type LabelInput = string | { name: string };

/** GitHub refuses issue and comment bodies longer than this (its 422 says so). */
const BODY_LIMIT = 65_536;

function checkBodyLength(body: string | null | undefined): void {
  if (body && body.length > BODY_LIMIT)
    throw unprocessable(`Body is too long (maximum is ${BODY_LIMIT} characters)`);
}

function labelNames(context: RestContext, labels: LabelInput[]): string[] {
  const names: string[] = [];
  for (const label of labels) {
    const name = typeof label === 'string' ? label : label.name;
    // Applying an unknown label creates it, and the stored spelling wins.
    const stored = context.state.ensureLabel(context.repo, name).name;
    if (!names.some((known) => known.toLowerCase() === stored.toLowerCase())) names.push(stored);
  }
  return names;
}

function setState(
  context: RestContext,
  issue: IssueRecord,
  state: 'open' | 'closed',
  reason?: string,
) {
  if (state === issue.state) return;
  issue.state = state;
  issue.closedAt = state === 'closed' ? context.state.now() : null;
  issue.stateReason =
    state === 'closed'
      ? ((reason as IssueRecord['stateReason'] | undefined) ?? 'completed')
      : 'reopened';
}

function matchesAssignee(issue: IssueRecord, assignee: string | undefined): boolean {
  if (assignee === undefined) return true;
  if (assignee === '*') return issue.assignees.length > 0;
  if (assignee === 'none') return issue.assignees.length === 0;
  return issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase());
}

/** The comment `comment_id` names, and the issue (or pull request) it is on. */
function commentOf(context: RestContext): { issue: IssueRecord; comment: CommentRecord } {
  const id = Number(context.request.params.comment_id);
  for (const issue of context.repo.issues.values()) {
    const comment = issue.comments.find((c) => c.id === id);
    if (comment) return { issue, comment };
  }
  throw notFound();
}

/** Handlers keyed by operationId. */
export const issueHandlers: Record<string, RestHandler> = {
  'issues/list-for-repo': async (context) => {
    const query = context.request.query as {
      state?: string;
      labels?: string;
      creator?: string;
      assignee?: string;
      since?: string;
      sort?: string;
    };
    const wanted = (query.labels ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    const issues: IssueRecord[] = [];
    for (const issue of context.repo.issues.values()) {
      await refreshPull(context.state, context.repo, issue);
      const state = query.state ?? 'open';
      if (state !== 'all' && issue.state !== state) continue;
      const has = new Set(issue.labels.map((name) => name.toLowerCase()));
      if (!wanted.every((name) => has.has(name))) continue;
      if (
        query.creator !== undefined &&
        issue.author.toLowerCase() !== query.creator.toLowerCase()
      ) {
        continue;
      }
      if (!matchesAssignee(issue, query.assignee)) continue;
      if (query.since !== undefined && issue.updatedAt < query.since) continue;
      issues.push(issue);
    }
    const sortKey = query.sort === 'updated' ? 'updatedAt' : 'createdAt';
    const sorted = sortByDate(context, issues, (issue) => issue[sortKey]);
    const { page, headers } = paginate(context, sorted);
    return {
      status: 200,
      body: page.map((issue) => issueJson(context.links, context.repo, issue)),
      headers,
    };
  },

  'issues/create': (context) => {
    const body = bodyOf(context) as {
      title: string | number;
      body?: string;
      labels?: LabelInput[];
      assignees?: string[];
      assignee?: string | null;
    };
    const { state, repo } = context;
    const now = state.now();
    const id = state.nextId();
    const assignees = body.assignees ?? (body.assignee ? [body.assignee] : []);
    const issue: IssueRecord = {
      id,
      nodeId: state.nodeId('I', id),
      number: repo.nextNumber++,
      title: String(body.title),
      body: body.body ?? null,
      state: 'open',
      stateReason: null,
      author: state.viewer.login,
      labels: labelNames(context, body.labels ?? []),
      assignees,
      comments: [],
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    repo.issues.set(issue.number, issue);
    const json = issueJson(context.links, repo, issue);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'issues/get': async (context) => {
    const issue = issueOf(context);
    await refreshPull(context.state, context.repo, issue);
    return { status: 200, body: issueJson(context.links, context.repo, issue) };
  },

  'issues/update': async (context) => {
    const issue = issueOf(context);
    const body = bodyOf(context) as {
      title?: string | number | null;
      body?: string | null;
      state?: 'open' | 'closed';
      state_reason?: string | null;
      labels?: LabelInput[];
      assignees?: string[];
      assignee?: string | null;
    };
    if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
    if (body.body !== undefined) issue.body = body.body;
    if (body.state === 'open' && issue.pull?.merged) {
      throw unprocessable('Cannot reopen a merged pull request');
    }
    if (body.state !== undefined) {
      setState(context, issue, body.state, body.state_reason ?? undefined);
    }
    if (body.labels !== undefined) issue.labels = labelNames(context, body.labels);
    if (body.assignees !== undefined) issue.assignees = [...body.assignees];
    else if (body.assignee !== undefined) issue.assignees = body.assignee ? [body.assignee] : [];
    issue.updatedAt = context.state.now();
    await refreshPull(context.state, context.repo, issue);
    return { status: 200, body: issueJson(context.links, context.repo, issue) };
  },

  'issues/add-labels': (context) => {
    const issue = issueOf(context);
    const body = bodyOf(context) as { labels?: LabelInput[] };
    issue.labels = labelNames(context, [...issue.labels, ...(body.labels ?? [])]);
    issue.updatedAt = context.state.now();
    return { status: 200, body: issueLabelsJson(context.links, context.repo, issue) };
  },

  'issues/add-assignees': (context) => {
    const issue = issueOf(context);
    const body = bodyOf(context) as { assignees?: string[] };
    for (const login of body.assignees ?? []) {
      if (!issue.assignees.includes(login)) issue.assignees.push(login);
    }
    issue.updatedAt = context.state.now();
    return { status: 201, body: issueJson(context.links, context.repo, issue) };
  },

  'issues/create-comment': (context) => {
    const issue = issueOf(context);
    const body = bodyOf(context) as { body: string };
    checkBodyLength(body.body);
    const id = context.state.nextId();
    const comment: CommentRecord = {
      id,
      nodeId: context.state.nodeId('IC', id),
      body: body.body,
      author: context.state.viewer.login,
      createdAt: context.state.now(),
    };
    issue.comments.push(comment);
    issue.updatedAt = comment.createdAt;
    const json = commentJson(context.links, context.repo, issue, comment);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'issues/list-comments': (context) => {
    const issue = issueOf(context);
    const since = context.request.query.since;
    const comments = issue.comments.filter(
      (comment) => since === undefined || (comment.updatedAt ?? comment.createdAt) >= since,
    );
    const { page, headers } = paginate(context, comments);
    return {
      status: 200,
      body: page.map((comment) => commentJson(context.links, context.repo, issue, comment)),
      headers,
    };
  },

  'issues/get-comment': (context) => {
    const { issue, comment } = commentOf(context);
    return { status: 200, body: commentJson(context.links, context.repo, issue, comment) };
  },

  'issues/update-comment': (context) => {
    const { issue, comment } = commentOf(context);
    const { body } = bodyOf(context) as { body: string };
    checkBodyLength(body);
    comment.body = body;
    comment.updatedAt = context.state.now();
    issue.updatedAt = comment.updatedAt;
    return { status: 200, body: commentJson(context.links, context.repo, issue, comment) };
  },
};
