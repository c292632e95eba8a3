import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  LostRaceError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/forge/github.ts
var STATES = ["error", "failure", "pending", "success"];
function forgeError(error, what) {
  if (error instanceof LostRaceError || error instanceof OperationError) return error;
  const failure = error;
  const detail = failure.response?.data?.errors?.[0]?.message ?? failure.errors?.[0]?.message ?? failure.response?.data?.message ?? failure.message ?? String(error);
  const firstLine = detail.split("\n")[0] ?? detail;
  if (failure.status === 500 && failure.response === void 0 && failure.request?.url)
    return new OperationError(
      `${what}: cannot reach GitHub at ${new URL(failure.request.url).origin}: ${firstLine}`
    );
  if (failure.status === 401)
    return new OperationError(`${what}: GitHub rejected the token (401 ${firstLine})`);
  if (failure.status === void 0 && !failure.errors) return error;
  const status = failure.status === void 0 ? "" : ` (${failure.status})`;
  return new OperationError(`${what} failed${status}: ${firstLine}`);
}
var PullRequestExistsError = class extends LostRaceError {
};
var COMMIT_MUTATION = `mutation FerryCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;
var AUTO_MERGE_MUTATION = `mutation FerryAutoMerge($input: EnablePullRequestAutoMergeInput!) {
  enablePullRequestAutoMerge(input: $input) { pullRequest { id } }
}`;
var GitHubEnvRepo = class {
  /**
   * `refClient` moves branches. It is paced apart from `client` because a reset and the
   * commit that follows it are one critical section: pacing them a second apart (GitHub's
   * advice for bulk writes, which the throttle applies per client) would leave another run a
   * second to reset the branch in between, and ten concurrent runs would rarely all get through.
   */
  constructor(client, refClient, owner, name) {
    this.client = client;
    this.refClient = refClient;
    this.owner = owner;
    this.name = name;
  }
  client;
  refClient;
  owner;
  name;
  get fullName() {
    return `${this.owner}/${this.name}`;
  }
  /**
   * The HTTPS clone URL. Also the token check: a bad token or one that cannot push fails here,
   * before anything is written.
   */
  async cloneUrl(needPush) {
    try {
      const { data } = await this.client.rest.repos.get({ owner: this.owner, repo: this.name });
      if (needPush && data.permissions && !data.permissions.push)
        throw new OperationError(`the token cannot push to ${this.fullName}`);
      return data.clone_url;
    } catch (error) {
      throw forgeError(error, `reading ${this.fullName}`);
    }
  }
  /** The open pull request from `head` into `base`, if there is one. */
  async findOpenPull(head, base) {
    try {
      const { data } = await this.client.rest.pulls.list({
        owner: this.owner,
        repo: this.name,
        head: `${this.owner}:${head}`,
        base,
        state: "open"
      });
      return data[0] && pullInfo(data[0]);
    } catch (error) {
      throw forgeError(error, `listing pull requests of ${this.fullName}`);
    }
  }
  /** The latest status of each context on commit `sha` (GitHub's combined status). */
  async latestStatuses(sha) {
    try {
      const { data } = await this.client.rest.repos.getCombinedStatusForRef({
        owner: this.owner,
        repo: this.name,
        ref: sha,
        per_page: 100
      });
      return data.statuses.map((status) => ({
        context: status.context,
        state: STATES.find((state) => state === status.state) ?? "error",
        description: status.description ?? "",
        createdAt: status.created_at
      }));
    } catch (error) {
      throw forgeError(error, `reading the commit statuses of ${sha.slice(0, 12)}`);
    }
  }
  /** Creates `branch` at `sha`; it existing already means another run got there first. */
  async createBranch(branch, sha) {
    try {
      const ref = `refs/heads/${branch}`;
      await this.refClient.rest.git.createRef({ owner: this.owner, repo: this.name, ref, sha });
    } catch (error) {
      throw raceOn(error, [422], `creating ${branch}`);
    }
  }
  /** Force-moves `branch` to `sha` (the base tip), so the proposal is base + one commit. */
  async resetBranch(branch, sha) {
    try {
      const ref = `heads/${branch}`;
      const repo = { owner: this.owner, repo: this.name };
      await this.refClient.rest.git.updateRef({ ...repo, ref, sha, force: true });
    } catch (error) {
      throw raceOn(error, [409, 422], `resetting ${branch}`);
    }
  }
  /** Deletes `branch` (best-effort cleanup of a branch this run created). */
  async deleteBranch(branch) {
    const ref = `heads/${branch}`;
    await this.refClient.rest.git.deleteRef({ owner: this.owner, repo: this.name, ref });
  }
  /** A signed commit on `branch` if it is still at `expectedHeadOid`; returns its SHA. */
  async commit(branch, expectedHeadOid, message, fileChanges) {
    const input = {
      branch: { repositoryNameWithOwner: this.fullName, branchName: branch },
      message,
      fileChanges,
      expectedHeadOid
    };
    try {
      const result = await this.client.graphql(COMMIT_MUTATION, { input });
      return result.createCommitOnBranch.commit.oid;
    } catch (error) {
      const type = error.errors?.[0]?.type;
      if (type === "STALE_DATA" || type === "NOT_FOUND")
        throw new LostRaceError(`${branch} moved before the commit (${type})`);
      throw forgeError(error, `committing to ${branch}`);
    }
  }
  /** Opens the pull request; another run opening it first, or emptying the branch, is a race. */
  async createPull(head, base, text, draft) {
    try {
      const repo = { owner: this.owner, repo: this.name };
      const { data } = await this.client.rest.pulls.create({ ...repo, head, base, ...text, draft });
      return pullInfo(data);
    } catch (error) {
      const detail = JSON.stringify(error.response?.data ?? {});
      if (error.status === 422 && /already exists/.test(detail))
        throw new PullRequestExistsError(`another run opened the pull request for ${head}`);
      if (error.status === 422 && /No commits between/.test(detail))
        throw new LostRaceError(`${head} was emptied by another run before the pull request`);
      throw forgeError(error, `opening a pull request from ${head}`);
    }
  }
  /** Sets the title and body, or closes the pull request. */
  async updatePull(number, change) {
    try {
      const repo = { owner: this.owner, repo: this.name };
      const { data } = await this.client.rest.pulls.update({
        ...repo,
        pull_number: number,
        ...change
      });
      return pullInfo(data);
    } catch (error) {
      throw forgeError(error, `updating pull request #${number}`);
    }
  }
  /** Adds the labels and assignees a pull request lacks, and requests reviewers. */
  async decorate(pull, wanted) {
    const repo = { owner: this.owner, repo: this.name, issue_number: pull.number };
    const missing = (want, have) => want.filter((w) => !have.some((h) => h.toLowerCase() === w.toLowerCase()));
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
          reviewers
        });
    } catch (error) {
      throw forgeError(error, `labelling pull request #${pull.number}`);
    }
  }
  /** Turns on auto-merge (GraphQL enablePullRequestAutoMerge). */
  async enableAutoMerge(pull, method) {
    const input = { pullRequestId: pull.nodeId, mergeMethod: method.toUpperCase() };
    try {
      await this.client.graphql(AUTO_MERGE_MUTATION, { input });
    } catch (error) {
      throw forgeError(error, `enabling auto-merge on pull request #${pull.number}`);
    }
  }
};
function raceOn(error, statuses, what) {
  const status = error.status;
  if (status !== void 0 && statuses.includes(status))
    return new LostRaceError(`${what}: ${status} ${error.message ?? ""}`);
  return forgeError(error, what);
}
function pullInfo(pull) {
  return {
    number: pull.number,
    url: pull.html_url,
    nodeId: pull.node_id,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    title: pull.title,
    body: pull.body ?? "",
    labels: pull.labels.map((label) => label.name ?? ""),
    assignees: (pull.assignees ?? []).map((user) => user.login),
    reviewers: (pull.requested_reviewers ?? []).map((user) => user.login),
    autoMerge: pull.auto_merge !== null && pull.auto_merge !== void 0
  };
}

export {
  forgeError,
  PullRequestExistsError,
  GitHubEnvRepo
};
//# sourceMappingURL=chunk-ZM4E25VW.js.map
