import { LostRaceError, OperationError } from '../../core/errors.js';
import type { StatusFact } from '../../core/gates.js';
import { GitLabRequestError, gitlabError, type GitLabClient } from './gitlab.js';

/**
 * One GitLab project holding environments: the calls a proposal and a drift alert make.
 * The project id in paths is the URL-encoded full path, as GitLab documents.
 * https://docs.gitlab.com/api/rest/#namespaced-paths
 */

/** An open merge request, as a proposal needs it. */
export interface MergeRequestInfo {
  iid: number;
  url: string;
  /** The head commit of the source branch. */
  sha: string;
  title: string;
  description: string;
  labels: string[];
  autoMerge: boolean;
}

/** An issue, as a drift alert needs it. */
export interface IssueInfo {
  iid: number;
  title: string;
  description: string;
}

/** A merge request note (comment). */
export interface NoteInfo {
  id: number;
  body: string;
}

/** One commit status. */
export interface GitLabStatusInfo {
  id: number;
  name: string;
  /** created, pending, running, success, failed, canceled, skipped, manual, … */
  status: string;
  description: string;
  /** When GitLab created it (ISO 8601). */
  createdAt: string;
  /** When it reached its final state; null while pending or running. */
  finishedAt: string | null;
}

interface CommitStatusJson {
  id: number;
  name: string;
  status: string;
  description: string | null;
  created_at: string;
  finished_at?: string | null;
}

interface MergeRequestJson {
  iid: number;
  web_url: string;
  sha: string;
  title: string;
  description: string | null;
  labels: string[];
  merge_when_pipeline_succeeds: boolean;
}

const GATE_STATES = new Map<string, StatusFact['state']>([
  ['success', 'success'],
  ['failed', 'failure'],
  ['canceled', 'failure'],
  ...['created', 'waiting_for_resource', 'preparing', 'pending', 'running', 'scheduled'].map(
    (state) => [state, 'pending'] as const,
  ),
]);

export class GitLabProject {
  private readonly id: string;

  constructor(
    private readonly client: GitLabClient,
    readonly fullPath: string,
  ) {
    this.id = encodeURIComponent(fullPath);
  }

  private call<T>(method: string, path: string, options?: Parameters<GitLabClient['request']>[2]) {
    return this.client.request<T>(method, `/projects/${this.id}${path}`, options);
  }

  /** The HTTPS clone URL; also the token check (reading, and pushing when `needPush`). */
  async cloneUrl(needPush: boolean): Promise<string> {
    try {
      const project = await this.call<{
        http_url_to_repo: string;
        permissions?: {
          project_access?: { access_level: number } | null;
          group_access?: { access_level: number } | null;
        };
      }>('GET', '');
      const levels = [
        project.permissions?.project_access?.access_level ?? 0,
        project.permissions?.group_access?.access_level ?? 0,
      ];
      // 30 is Developer, the least role that may push. Absent permissions (job tokens) pass.
      if (needPush && project.permissions && Math.max(...levels) < 30)
        throw new OperationError(`the token cannot push to ${this.fullPath}`);
      return project.http_url_to_repo;
    } catch (error) {
      throw gitlabError(error, `reading ${this.fullPath}`);
    }
  }

  /** The open merge request from `source` into `target`, if any. */
  async findOpenMergeRequest(source: string, target: string) {
    try {
      const query = { state: 'opened', source_branch: source, target_branch: target };
      const list = await this.call<MergeRequestJson[]>('GET', '/merge_requests', { query });
      return list[0] && mergeRequestInfo(list[0]);
    } catch (error) {
      throw gitlabError(error, `listing merge requests of ${this.fullPath}`);
    }
  }

  /** Opens a merge request; one already open for the branch is a race the caller absorbs. */
  async createMergeRequest(fields: {
    source_branch: string;
    target_branch: string;
    title: string;
    description: string;
    labels?: string;
    assignee_ids?: number[];
    reviewer_ids?: number[];
  }): Promise<MergeRequestInfo> {
    try {
      return mergeRequestInfo(await this.call('POST', '/merge_requests', { body: fields }));
    } catch (error) {
      if (error instanceof GitLabRequestError && error.status === 409)
        throw new LostRaceError(`another run opened the merge request for ${fields.source_branch}`);
      throw gitlabError(error, `opening a merge request from ${fields.source_branch}`);
    }
  }

  /** Changes a merge request (title, description, labels, or closes it). */
  async updateMergeRequest(
    iid: number,
    change: {
      title?: string;
      description?: string;
      add_labels?: string;
      assignee_ids?: number[];
      reviewer_ids?: number[];
      state_event?: 'close';
    },
  ): Promise<MergeRequestInfo> {
    try {
      const data = await this.call<MergeRequestJson>('PUT', `/merge_requests/${iid}`, {
        body: change,
      });
      return mergeRequestInfo(data);
    } catch (error) {
      throw gitlabError(error, `updating merge request !${iid}`);
    }
  }

  /** Merges when the pipeline succeeds (GitLab's auto-merge). */
  async mergeWhenPipelineSucceeds(iid: number, squash: boolean): Promise<void> {
    try {
      const body = { merge_when_pipeline_succeeds: true, squash };
      await this.call('PUT', `/merge_requests/${iid}/merge`, { body });
    } catch (error) {
      throw gitlabError(error, `enabling auto-merge on merge request !${iid}`);
    }
  }

  /**
   * The latest commit status of each name on `sha`, every page read. Without `all`, GitLab
   * leaves out statuses a newer one of the same name replaced in the same pipeline, but each
   * pipeline of the commit (one per ref, or per `pipeline_id`) keeps its own latest: the
   * highest id per name wins here. No `ref` is sent: the docs say it defaults to the default
   * branch, but the API filters by ref only when one is given (lib/api/commit_statuses.rb), and
   * a status is about the commit, whichever ref it was posted for.
   * https://docs.gitlab.com/api/commits/#commit-status
   */
  async statuses(sha: string): Promise<GitLabStatusInfo[]> {
    let data: CommitStatusJson[];
    try {
      data = await this.client.requestAll<CommitStatusJson>(
        `/projects/${this.id}/repository/commits/${sha}/statuses`,
      );
    } catch (error) {
      throw gitlabError(error, `reading the commit statuses of ${sha.slice(0, 12)}`);
    }
    const latest = new Map<string, CommitStatusJson>();
    for (const status of data) {
      const seen = latest.get(status.name);
      if (!seen || status.id > seen.id) latest.set(status.name, status);
    }
    return [...latest.values()].map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      description: s.description ?? '',
      createdAt: s.created_at,
      finishedAt: s.finished_at ?? null,
    }));
  }

  /**
   * The latest status of each name on `sha` as promotion gates judge them: GitLab's `success`
   * is success; `failed` and `canceled` are failure; states still on their way (`created`,
   * `waiting_for_resource`, `preparing`, `pending`, `running`, `scheduled`) are pending; any
   * other (`skipped`, `manual`, a state GitLab adds later) is error, so it never passes. The time
   * is when it finished: GitLab turns a pending or running status of the same name into the
   * final one in place, so `created_at` is when that run began.
   */
  async latestStatuses(sha: string): Promise<StatusFact[]> {
    return (await this.statuses(sha)).map((status) => ({
      context: status.name,
      state: GATE_STATES.get(status.status) ?? 'error',
      description: status.description,
      createdAt: status.finishedAt ?? status.createdAt,
    }));
  }

  /** Posts a commit status (`state`: pending, running, success, failed, canceled). */
  async postStatus(
    sha: string,
    status: { state: string; name: string; description: string; target_url?: string },
  ): Promise<void> {
    await this.call('POST', `/statuses/${sha}`, { body: status });
  }

  /** Open issues with `label`. */
  async openIssues(label: string): Promise<IssueInfo[]> {
    const query = { state: 'opened', labels: label, per_page: 100 };
    const data = await this.call<{ iid: number; title: string; description: string | null }[]>(
      'GET',
      '/issues',
      { query },
    );
    return data.map((i) => ({ iid: i.iid, title: i.title, description: i.description ?? '' }));
  }

  async createIssue(fields: { title: string; description: string; labels: string }) {
    return this.call<{ iid: number }>('POST', '/issues', { body: fields });
  }

  async updateIssue(
    iid: number,
    change: { title?: string; description?: string; state_event?: 'close' },
  ): Promise<void> {
    await this.call('PUT', `/issues/${iid}`, { body: change });
  }

  /** The notes (comments) of a merge request, system notes included. */
  async mergeRequestNotes(iid: number): Promise<NoteInfo[]> {
    const data = await this.client.requestAll<{ id: number; body: string; system?: boolean }>(
      `/projects/${this.id}/merge_requests/${iid}/notes`,
      { sort: 'asc' },
    );
    return data.filter((n) => !n.system).map((n) => ({ id: n.id, body: n.body }));
  }

  async createMergeRequestNote(iid: number, body: string): Promise<NoteInfo> {
    return this.call<NoteInfo>('POST', `/merge_requests/${iid}/notes`, { body: { body } });
  }

  async updateMergeRequestNote(iid: number, noteId: number, body: string): Promise<NoteInfo> {
    return this.call<NoteInfo>('PUT', `/merge_requests/${iid}/notes/${noteId}`, {
      body: { body },
    });
  }
}

function mergeRequestInfo(data: MergeRequestJson): MergeRequestInfo {
  return {
    iid: data.iid,
    url: data.web_url,
    sha: data.sha,
    title: data.title,
    description: data.description ?? '',
    labels: data.labels,
    autoMerge: data.merge_when_pipeline_succeeds,
  };
}
