import { LostRaceError, OperationError } from '../../core/errors.js';
import type { GitHubClient } from './octokit.js';
import type { AutoMergeMethod } from '../../core/options.js';

/** Merge methods GraphQL's enablePullRequestAutoMerge takes (defined once in core/options.ts). */
export type { AutoMergeMethod };

/**
 * The few GitHub calls a proposal makes. Writes are compare-and-swap where GitHub offers it
 * (createCommitOnBranch's expectedHeadOid, createRef); a lost race surfaces as LostRaceError so
 * the command can re-read and retry, every other failure as a one-line OperationError.
 */

/** An open pull request, as a proposal needs it. */
export interface PullRequestInfo {
  number: number;
  url: string;
  nodeId: string;
  headSha: string;
  baseSha: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  autoMerge: boolean;
}

/** The latest commit status of one context on a commit. */
export interface CommitStatusInfo {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string;
  /** When it was posted (ISO 8601). */
  createdAt: string;
}

const STATES: CommitStatusInfo['state'][] = ['error', 'failure', 'pending', 'success'];

/** A file change for createCommitOnBranch: additions carry base64 content. */
export interface CommitChanges {
  additions: { path: string; contents: string }[];
  deletions: { path: string }[];
}

interface RequestFailure {
  status?: number;
  message?: string;
  request?: { url?: string };
  response?: { data?: { message?: string; errors?: { message?: string }[] } };
  errors?: { type?: string; message?: string }[];
}

/**
 * GitHub refused the token for what was attempted (401, 403, 404, or GraphQL's FORBIDDEN and
 * NOT_FOUND; GitHub answers 404 for a private repository the token cannot see): the token is
 * not one that may do it. Callers that know where the token came from say so.
 */
export class ForgeAccessError extends OperationError {}

/** A one-line error for a failed call, naming what was attempted. */
export function forgeError(error: unknown, what: string): Error {
  if (error instanceof LostRaceError || error instanceof OperationError) return error;
  const failure = error as RequestFailure;
  const detail =
    failure.response?.data?.errors?.[0]?.message ??
    failure.errors?.[0]?.message ??
    failure.response?.data?.message ??
    failure.message ??
    String(error);
  const firstLine = detail.split('\n')[0] ?? detail;
  // Octokit reports a request that got no answer (DNS, refused, reset) as status 500 with no
  // response: no server said 500, so none is shown; the server it tried is.
  if (failure.status === 500 && failure.response === undefined && failure.request?.url)
    return new OperationError(
      `${what}: cannot reach GitHub at ${new URL(failure.request.url).origin}: ${firstLine}`,
    );
  if (failure.status === 401)
    return new ForgeAccessError(`${what}: GitHub rejected the token (401 ${firstLine})`);
  if (failure.status === undefined && !failure.errors) return error as Error;
  const status = failure.status === undefined ? '' : ` (${failure.status})`;
  const refused =
    failure.status === 403 ||
    failure.status === 404 ||
    failure.errors?.some((e) => e.type === 'FORBIDDEN' || e.type === 'NOT_FOUND');
  return new (refused ? ForgeAccessError : OperationError)(`${what} failed${status}: ${firstLine}`);
}

/** Another run opened the pull request for this head first (a race the caller can absorb). */
export class PullRequestExistsError extends LostRaceError {}

const COMMIT_MUTATION = `mutation FerryCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;
const AUTO_MERGE_MUTATION = `mutation FerryAutoMerge($input: EnablePullRequestAutoMergeInput!) {
  enablePullRequestAutoMerge(input: $input) { pullRequest { id } }
}`;

/** One GitHub repository that holds environments. */
export class GitHubEnvRepo {
  /**
   * `refClient` moves branches. It is paced apart from `client` because a reset and the
   * commit that follows it are one critical section: pacing them a second apart (GitHub's
   * advice for bulk writes, which the throttle applies per client) would leave another run a
   * second to reset the branch in between, and ten concurrent runs would rarely all get through.
   */
  constructor(
    private readonly client: GitHubClient,
    private readonly refClient: GitHubClient,
    readonly owner: string,
    readonly name: string,
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /**
   * The HTTPS clone URL. Also the token check: a bad token or one that cannot push fails here,
   * before anything is written.
   */
  async cloneUrl(needPush: boolean): Promise<string> {
    try {
      const { data } = await this.client.rest.repos.get({ owner: this.owner, repo: this.name });
      if (needPush && data.permissions && !data.permissions.push)
        throw new ForgeAccessError(`the token cannot push to ${this.fullName}`);
      return data.clone_url;
    } catch (error) {
      throw forgeError(error, `reading ${this.fullName}`);
    }
  }

  /** The open pull request from `head` into `base`, if there is one. */
  async findOpenPull(head: string, base: string): Promise<PullRequestInfo | undefined> {
    try {
      const { data } = await this.client.rest.pulls.list({
        owner: this.owner,
        repo: this.name,
        head: `${this.owner}:${head}`,
        base,
        state: 'open',
      });
      return data[0] && pullInfo(data[0]);
    } catch (error) {
      throw forgeError(error, `listing pull requests of ${this.fullName}`);
    }
  }

  /** The latest status of each context on commit `sha` (GitHub's combined status). */
  async latestStatuses(sha: string): Promise<CommitStatusInfo[]> {
    try {
      const { data } = await this.client.rest.repos.getCombinedStatusForRef({
        owner: this.owner,
        repo: this.name,
        ref: sha,
        per_page: 100,
      });
      return data.statuses.map((status) => ({
        context: status.context,
        state: STATES.find((state) => state === status.state) ?? 'error',
        description: status.description ?? '',
        createdAt: status.created_at,
      }));
    } catch (error) {
      throw forgeError(error, `reading the commit statuses of ${sha.slice(0, 12)}`);
    }
  }

  /** Creates `branch` at `sha`; it existing already means another run got there first. */
  async createBranch(branch: string, sha: string): Promise<void> {
    try {
      const ref = `refs/heads/${branch}`;
      await this.refClient.rest.git.createRef({ owner: this.owner, repo: this.name, ref, sha });
    } catch (error) {
      throw raceOn(error, [422], `creating ${branch}`);
    }
  }

  /** Force-moves `branch` to `sha` (the base tip), so the proposal is base + one commit. */
  async resetBranch(branch: string, sha: string): Promise<void> {
    try {
      const ref = `heads/${branch}`;
      const repo = { owner: this.owner, repo: this.name };
      await this.refClient.rest.git.updateRef({ ...repo, ref, sha, force: true });
    } catch (error) {
      throw raceOn(error, [409, 422], `resetting ${branch}`);
    }
  }

  /** Deletes `branch` (best-effort cleanup of a branch this run created). */
  async deleteBranch(branch: string): Promise<void> {
    const ref = `heads/${branch}`;
    await this.refClient.rest.git.deleteRef({ owner: this.owner, repo: this.name, ref });
  }

  /** A signed commit on `branch` if it is still at `expectedHeadOid`; returns its SHA. */
  async commit(
    branch: string,
    expectedHeadOid: string,
    message: { headline: string; body: string },
    fileChanges: CommitChanges,
  ): Promise<string> {
    const input = {
      branch: { repositoryNameWithOwner: this.fullName, branchName: branch },
      message,
      fileChanges,
      expectedHeadOid,
    };
    try {
      const result = await this.client.graphql<{
        createCommitOnBranch: { commit: { oid: string } };
      }>(COMMIT_MUTATION, { input });
      return result.createCommitOnBranch.commit.oid;
    } catch (error) {
      const type = (error as RequestFailure).errors?.[0]?.type;
      // STALE_DATA: the branch moved; NOT_FOUND: it was deleted under us. Both are races.
      if (type === 'STALE_DATA' || type === 'NOT_FOUND')
        throw new LostRaceError(`${branch} moved before the commit (${type})`);
      throw forgeError(error, `committing to ${branch}`);
    }
  }

  /** Opens the pull request; another run opening it first, or emptying the branch, is a race. */
  async createPull(
    head: string,
    base: string,
    text: { title: string; body: string },
    draft: boolean,
  ): Promise<PullRequestInfo> {
    try {
      const repo = { owner: this.owner, repo: this.name };
      const { data } = await this.client.rest.pulls.create({ ...repo, head, base, ...text, draft });
      return pullInfo(data);
    } catch (error) {
      const detail = JSON.stringify((error as RequestFailure).response?.data ?? {});
      if ((error as RequestFailure).status === 422 && /already exists/.test(detail))
        throw new PullRequestExistsError(`another run opened the pull request for ${head}`);
      // The branch was reset to the base by another run after our commit.
      if ((error as RequestFailure).status === 422 && /No commits between/.test(detail))
        throw new LostRaceError(`${head} was emptied by another run before the pull request`);
      throw forgeError(error, `opening a pull request from ${head}`);
    }
  }

  /** Sets the title and body, or closes the pull request. */
  async updatePull(
    number: number,
    change: { title?: string; body?: string; state?: 'closed' },
  ): Promise<PullRequestInfo> {
    try {
      const repo = { owner: this.owner, repo: this.name };
      const { data } = await this.client.rest.pulls.update({
        ...repo,
        pull_number: number,
        ...change,
      });
      return pullInfo(data);
    } catch (error) {
      throw forgeError(error, `updating pull request #${number}`);
    }
  }

  /** Adds the labels and assignees a pull request lacks, and requests reviewers. */
  async decorate(
    pull: PullRequestInfo,
    wanted: { labels: string[]; assignees: string[]; reviewers: string[] },
  ): Promise<void> {
    const repo = { owner: this.owner, repo: this.name, issue_number: pull.number };
    // GitHub compares label names and logins case-insensitively.
    const missing = (want: string[], have: string[]) =>
      want.filter((w) => !have.some((h) => h.toLowerCase() === w.toLowerCase()));
    const labels = missing(wanted.labels, pull.labels);
    const assignees = missing(wanted.assignees, pull.assignees);
    const reviewers = missing(wanted.reviewers, pull.reviewers);
    try {
      if (labels.length > 0) await this.client.rest.issues.addLabels({ ...repo, labels });
      if (assignees.length > 0) await this.client.rest.issues.addAssignees({ ...repo, assignees });
      if (reviewers.length > 0)
        await this.client.rest.pulls.requestReviewers({
          owner: this.owner,
          repo: this.name,
          pull_number: pull.number,
          reviewers,
        });
    } catch (error) {
      throw forgeError(error, `labelling pull request #${pull.number}`);
    }
  }

  /** Turns on auto-merge (GraphQL enablePullRequestAutoMerge). */
  async enableAutoMerge(pull: PullRequestInfo, method: AutoMergeMethod): Promise<void> {
    const input = { pullRequestId: pull.nodeId, mergeMethod: method.toUpperCase() };
    try {
      await this.client.graphql(AUTO_MERGE_MUTATION, { input });
    } catch (error) {
      throw forgeError(error, `enabling auto-merge on pull request #${pull.number}`);
    }
  }
}

function raceOn(error: unknown, statuses: number[], what: string): Error {
  const status = (error as RequestFailure).status;
  if (status !== undefined && statuses.includes(status))
    return new LostRaceError(`${what}: ${status} ${(error as RequestFailure).message ?? ''}`);
  return forgeError(error, what);
}

interface PullJson {
  number: number;
  html_url: string;
  node_id: string;
  title: string;
  body: string | null;
  head: { sha: string };
  base: { sha: string };
  labels: { name?: string }[];
  assignees?: { login: string }[] | null;
  requested_reviewers?: { login: string }[] | null;
  auto_merge: unknown;
}

function pullInfo(pull: PullJson): PullRequestInfo {
  return {
    number: pull.number,
    url: pull.html_url,
    nodeId: pull.node_id,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    title: pull.title,
    body: pull.body ?? '',
    labels: pull.labels.map((label) => label.name ?? ''),
    assignees: (pull.assignees ?? []).map((user) => user.login),
    reviewers: (pull.requested_reviewers ?? []).map((user) => user.login),
    autoMerge: pull.auto_merge !== null && pull.auto_merge !== undefined,
  };
}
