// REST handlers for pull requests. Merges really happen in the bare repository, and a pull
// request's head and base SHAs always come from the branches' current tips while it is open.
import { commitsBetween, readRef } from './git-plumbing.js';
import { mergePull, type MergeMethod } from './github-merge.js';
import { pullJson } from './github-objects.js';
import { basicError } from './github-repository-json.js';
import {
  bodyOf,
  HttpError,
  issueOf,
  notFound,
  paginate,
  pullFacts,
  refreshPull,
  sortByDate,
  unprocessable,
  type RestContext,
  type RestHandler,
} from './github-rest-support.js';
import type { IssueRecord } from './github-state.js';

async function pullReply(context: RestContext, issue: IssueRecord, status = 200) {
  await refreshPull(context.state, context.repo, issue);
  const body = pullJson(context.links, context.repo, issue, await pullFacts(context.repo, issue));
  return { status, body };
}

async function pullOf(context: RestContext): Promise<IssueRecord> {
  const issue = issueOf(context, 'pull_number');
  if (!issue.pull) throw notFound();
  await refreshPull(context.state, context.repo, issue);
  return issue;
}

function openDuplicate(context: RestContext, head: string, base: string, except?: number) {
  return [...context.repo.issues.values()].find(
    (issue) =>
      issue.pull &&
      issue.state === 'open' &&
      issue.number !== except &&
      issue.pull.headRef === head &&
      issue.pull.baseRef === base,
  );
}

/** The branch of a `head` given as `branch` or `owner:branch`, or a 422 like GitHub's. */
function headBranchOf(context: RestContext, head: string): string {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  // Fork pull requests are out of scope: only the repository's own owner is accepted.
  if (head.slice(0, colon).toLowerCase() !== context.repo.owner.toLowerCase()) {
    throw unprocessable('Validation Failed', [
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
  }
  return head.slice(colon + 1);
}

/** Handlers keyed by operationId. */
export const pullHandlers: Record<string, RestHandler> = {
  'pulls/list': async (context) => {
    const query = context.request.query as { state?: string; head?: string; base?: string };
    let headFilter: string | undefined;
    if (query.head !== undefined) {
      if (query.head.includes(':')) headFilter = query.head;
      // GitHub silently ignores a head filter without the owner and returns every PR.
      else
        context.note(`pulls/list: head filter "${query.head}" lacks "owner:"; GitHub ignores it`);
    }
    const pulls: IssueRecord[] = [];
    for (const issue of context.repo.issues.values()) {
      if (!issue.pull) continue;
      await refreshPull(context.state, context.repo, issue);
      const state = query.state ?? 'open';
      if (state !== 'all' && issue.state !== state) continue;
      if (headFilter && `${context.repo.owner}:${issue.pull.headRef}` !== headFilter) continue;
      if (query.base !== undefined && issue.pull.baseRef !== query.base) continue;
      pulls.push(issue);
    }
    const sortKey = context.request.query.sort === 'updated' ? 'updatedAt' : 'createdAt';
    const sorted = sortByDate(context, pulls, (issue) => issue[sortKey]);
    const { page, headers } = paginate(context, sorted);
    const body = [];
    for (const issue of page) {
      body.push(pullJson(context.links, context.repo, issue, await pullFacts(context.repo, issue)));
    }
    return { status: 200, body, headers };
  },

  'pulls/create': async (context) => {
    const body = bodyOf(context) as {
      title?: string;
      head: string;
      base: string;
      body?: string;
      draft?: boolean;
      issue?: number;
      maintainer_can_modify?: boolean;
    };
    if (body.issue !== undefined) {
      throw unprocessable('Converting an issue is not supported by the test server', [
        { resource: 'PullRequest', field: 'issue', code: 'custom' },
      ]);
    }
    if (body.title === undefined) {
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', field: 'title', code: 'missing_field' },
      ]);
    }
    const headRef = headBranchOf(context, body.head);
    const headSha = await readRef(context.repo, `refs/heads/${headRef}`);
    const baseSha = await readRef(context.repo, `refs/heads/${body.base}`);
    if (!headSha) {
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', field: 'head', code: 'invalid' },
      ]);
    }
    if (!baseSha) {
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', field: 'base', code: 'invalid' },
      ]);
    }
    if (openDuplicate(context, headRef, body.base)) {
      const message = `A pull request already exists for ${context.repo.owner}:${headRef}.`;
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', code: 'custom', message },
      ]);
    }
    if ((await commitsBetween(context.repo, baseSha, headSha)).length === 0) {
      const message = `No commits between ${body.base} and ${headRef}`;
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', code: 'custom', message },
      ]);
    }
    const { state, repo } = context;
    const now = state.now();
    const pullId = state.nextId();
    const issueId = state.nextId();
    const issue: IssueRecord = {
      id: issueId,
      nodeId: state.nodeId('I', issueId),
      number: repo.nextNumber++,
      title: body.title,
      body: body.body ?? null,
      state: 'open',
      stateReason: null,
      author: state.viewer.login,
      labels: [],
      assignees: [],
      comments: [],
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      pull: {
        id: pullId,
        nodeId: state.nodeId('PR', pullId),
        headRef,
        headSha,
        baseRef: body.base,
        baseSha,
        draft: body.draft ?? false,
        merged: false,
        mergedAt: null,
        mergeCommitSha: null,
        mergedBy: null,
        autoMerge: null,
        requestedReviewers: [],
        requestedTeams: [],
        maintainerCanModify: body.maintainer_can_modify ?? true,
      },
    };
    repo.issues.set(issue.number, issue);
    const reply = await pullReply(context, issue, 201);
    return { ...reply, headers: { location: reply.body.url } };
  },

  'pulls/get': async (context) => pullReply(context, await pullOf(context)),

  'pulls/update': async (context) => {
    const issue = await pullOf(context);
    const pull = issue.pull!;
    const body = bodyOf(context) as {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      base?: string;
      maintainer_can_modify?: boolean;
    };
    if (body.base !== undefined) {
      if (!(await readRef(context.repo, `refs/heads/${body.base}`))) {
        throw unprocessable('Validation Failed', [
          { resource: 'PullRequest', field: 'base', code: 'invalid' },
        ]);
      }
      pull.baseRef = body.base;
    }
    if (body.state === 'open' && issue.state === 'closed') {
      if (pull.merged) throw unprocessable('Cannot reopen a merged pull request');
      if (openDuplicate(context, pull.headRef, pull.baseRef, issue.number)) {
        throw unprocessable('Validation Failed', [
          { resource: 'PullRequest', code: 'custom', message: 'A pull request already exists.' },
        ]);
      }
      issue.state = 'open';
      issue.closedAt = null;
    } else if (body.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closedAt = context.state.now();
    }
    if (body.title !== undefined) issue.title = body.title;
    if (body.body !== undefined) issue.body = body.body;
    if (body.maintainer_can_modify !== undefined) {
      pull.maintainerCanModify = body.maintainer_can_modify;
    }
    issue.updatedAt = context.state.now();
    return pullReply(context, issue);
  },

  'pulls/merge': async (context) => {
    const issue = await pullOf(context);
    const pull = issue.pull!;
    const body = bodyOf(context) as {
      commit_title?: string;
      commit_message?: string;
      sha?: string;
      merge_method?: MergeMethod;
    };
    const refuse = (status: number, message: string) =>
      new HttpError(status, basicError(message, status));
    if (issue.state !== 'open' || pull.draft) throw refuse(405, 'Pull Request is not mergeable');
    if (body.sha !== undefined && body.sha !== pull.headSha) {
      throw refuse(409, 'Head branch was modified. Review and try the merge again.');
    }
    const sha = await mergePull(context, issue, {
      method: body.merge_method ?? 'merge',
      title: body.commit_title,
      message: body.commit_message,
    });
    const now = context.state.now();
    Object.assign(pull, { merged: true, mergedAt: now, mergeCommitSha: sha });
    pull.mergedBy = context.state.viewer.login;
    Object.assign(issue, { state: 'closed', closedAt: now, updatedAt: now });
    return {
      status: 200,
      body: { sha, merged: true, message: 'Pull Request successfully merged' },
    };
  },

  'pulls/request-reviewers': async (context) => {
    const issue = await pullOf(context);
    const pull = issue.pull!;
    const body = bodyOf(context) as { reviewers?: string[]; team_reviewers?: string[] };
    if (body.reviewers?.some((login) => login.toLowerCase() === issue.author.toLowerCase())) {
      throw unprocessable('Review cannot be requested from pull request author.');
    }
    for (const login of body.reviewers ?? []) {
      if (!pull.requestedReviewers.includes(login)) pull.requestedReviewers.push(login);
    }
    for (const slug of body.team_reviewers ?? []) {
      if (!pull.requestedTeams.includes(slug)) pull.requestedTeams.push(slug);
    }
    issue.updatedAt = context.state.now();
    return pullReply(context, issue, 201);
  },
};
