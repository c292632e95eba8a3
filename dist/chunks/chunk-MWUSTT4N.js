import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GitLabRequestError,
  gitlabError
} from "./chunk-CUJNZYUV.js";
import {
  LostRaceError,
  OperationError
} from "./chunk-O7TIUWNP.js";

// src/adapters/forge/gitlab-project.ts
var GitLabProject = class {
  constructor(client, fullPath) {
    this.client = client;
    this.fullPath = fullPath;
    this.id = encodeURIComponent(fullPath);
  }
  client;
  fullPath;
  id;
  call(method, path, options) {
    return this.client.request(method, `/projects/${this.id}${path}`, options);
  }
  /** The HTTPS clone URL; also the token check (reading, and pushing when `needPush`). */
  async cloneUrl(needPush) {
    try {
      const project = await this.call("GET", "");
      const levels = [
        project.permissions?.project_access?.access_level ?? 0,
        project.permissions?.group_access?.access_level ?? 0
      ];
      if (needPush && project.permissions && Math.max(...levels) < 30)
        throw new OperationError(`the token cannot push to ${this.fullPath}`);
      return project.http_url_to_repo;
    } catch (error) {
      throw gitlabError(error, `reading ${this.fullPath}`);
    }
  }
  /** The tip of `branch`, or undefined when it does not exist. */
  async branchTip(branch) {
    try {
      const data = await this.call(
        "GET",
        `/repository/branches/${encodeURIComponent(branch)}`
      );
      return data.commit.id;
    } catch (error) {
      if (error instanceof GitLabRequestError && error.status === 404) return void 0;
      throw gitlabError(error, `reading branch ${branch}`);
    }
  }
  /**
   * One commit on `branch` whose parent is `startSha` (the branch is created, or with `force`
   * reset, there). A 400 saying a file "has been changed" or a branch exists, or a 409, is
   * another writer in between: a lost race.
   */
  async commit(branch, startSha, message, actions, force) {
    try {
      const body = { branch, start_sha: startSha, commit_message: message, actions, force };
      const data = await this.call("POST", "/repository/commits", { body });
      return data.id;
    } catch (error) {
      if (error instanceof GitLabRequestError && (error.status === 409 || error.status === 400 && /has been changed|already exists|changed since/i.test(error.detail)))
        throw new LostRaceError(`${branch} moved before the commit (${error.detail})`);
      throw gitlabError(error, `committing to ${branch}`);
    }
  }
  /** The open merge request from `source` into `target`, if any. */
  async findOpenMergeRequest(source, target) {
    try {
      const query = { state: "opened", source_branch: source, target_branch: target };
      const list = await this.call("GET", "/merge_requests", { query });
      return list[0] && mergeRequestInfo(list[0]);
    } catch (error) {
      throw gitlabError(error, `listing merge requests of ${this.fullPath}`);
    }
  }
  /** Opens a merge request; one already open for the branch is a race the caller absorbs. */
  async createMergeRequest(fields) {
    try {
      return mergeRequestInfo(await this.call("POST", "/merge_requests", { body: fields }));
    } catch (error) {
      if (error instanceof GitLabRequestError && error.status === 409)
        throw new LostRaceError(`another run opened the merge request for ${fields.source_branch}`);
      throw gitlabError(error, `opening a merge request from ${fields.source_branch}`);
    }
  }
  /** Changes a merge request (title, description, labels, or closes it). */
  async updateMergeRequest(iid, change) {
    try {
      const data = await this.call("PUT", `/merge_requests/${iid}`, {
        body: change
      });
      return mergeRequestInfo(data);
    } catch (error) {
      throw gitlabError(error, `updating merge request !${iid}`);
    }
  }
  /** Merges when the pipeline succeeds (GitLab's auto-merge). */
  async mergeWhenPipelineSucceeds(iid, squash) {
    try {
      const body = { merge_when_pipeline_succeeds: true, squash };
      await this.call("PUT", `/merge_requests/${iid}/merge`, { body });
    } catch (error) {
      throw gitlabError(error, `enabling auto-merge on merge request !${iid}`);
    }
  }
  /** The latest commit status of each name on `sha` (GitLab's default without `all`). */
  async statuses(sha) {
    const data = await this.call(
      "GET",
      `/repository/commits/${sha}/statuses`,
      { query: { per_page: 100 } }
    );
    return data.map((s) => ({ name: s.name, status: s.status, description: s.description ?? "" }));
  }
  /** Posts a commit status (`state`: pending, running, success, failed, canceled). */
  async postStatus(sha, status) {
    await this.call("POST", `/statuses/${sha}`, { body: status });
  }
  /** Open issues with `label`. */
  async openIssues(label) {
    const query = { state: "opened", labels: label, per_page: 100 };
    const data = await this.call(
      "GET",
      "/issues",
      { query }
    );
    return data.map((i) => ({ iid: i.iid, title: i.title, description: i.description ?? "" }));
  }
  async createIssue(fields) {
    return this.call("POST", "/issues", { body: fields });
  }
  async updateIssue(iid, change) {
    await this.call("PUT", `/issues/${iid}`, { body: change });
  }
};
function mergeRequestInfo(data) {
  return {
    iid: data.iid,
    url: data.web_url,
    sha: data.sha,
    title: data.title,
    description: data.description ?? "",
    labels: data.labels,
    autoMerge: data.merge_when_pipeline_succeeds
  };
}

export {
  GitLabProject
};
//# sourceMappingURL=chunk-MWUSTT4N.js.map
