// The GitLab REST v4 endpoints ferry uses, over real bare repositories: what GitLab does
// server-side (merge request heads, statuses) reads the repositories with git, so pushes count.
import { readRef, type BareRepository } from './git-plumbing.js';

/** A merge request as the server keeps it. */
export interface StoredMergeRequest {
  id: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged';
  source_branch: string;
  target_branch: string;
  labels: string[];
  assignee_ids: number[];
  reviewer_ids: number[];
  merge_when_pipeline_succeeds: boolean;
  created_at: string;
}

export interface StoredIssue {
  id: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  labels: string[];
  created_at: string;
}

/** A merge request note (comment), as GitLab keeps it. */
export interface StoredNote {
  id: number;
  mergeRequestIid: number;
  body: string;
  system: boolean;
  created_at: string;
  updated_at: string;
}

export interface StoredStatus {
  id: number;
  sha: string;
  /** The ref of the pipeline it belongs to: the fake keeps one pipeline per commit and ref. */
  ref: string | null;
  name: string;
  status: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
  /** Set when it reaches a final state (success, failed, canceled, skipped). */
  finished_at: string | null;
  /** A newer status of the same name replaced it in its pipeline (GitLab's `retried`). */
  retried: boolean;
}

/** One project: its bare repository and the records GitLab keeps beside it. */
export interface GitLabProjectState extends BareRepository {
  id: number;
  path: string;
  defaultBranch: string;
  mergeRequests: StoredMergeRequest[];
  issues: StoredIssue[];
  statuses: StoredStatus[];
  notes: StoredNote[];
}

/** An answer: status, JSON body, and headers beyond the content type. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const ok = (body: unknown, status = 200): Answer => ({ status, body });
const fail = (status: number, message: unknown): Answer => ({ status, body: { message } });
let nextId = 1000;
const now = () => new Date().toISOString();

/** Links the answers hold, known once the server listens. */
export interface Links {
  web: string;
}

/** GET /projects/:id */
export function getProject(project: GitLabProjectState, links: Links): Answer {
  return ok({
    id: project.id,
    path_with_namespace: project.path,
    default_branch: project.defaultBranch,
    web_url: `${links.web}/${project.path}`,
    http_url_to_repo: `${links.web}/git/${project.path}.git`,
    permissions: {
      project_access: { access_level: 40, notification_level: 3 },
      group_access: null,
    },
  });
}

/** A merge request as GitLab answers it; `sha` is the source branch's tip now. */
export async function mergeRequestJson(
  project: GitLabProjectState,
  mr: StoredMergeRequest,
  links: Links,
) {
  const sha = (await readRef(project, `refs/heads/${mr.source_branch}`)) ?? null;
  const target = (await readRef(project, `refs/heads/${mr.target_branch}`)) ?? null;
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: project.id,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    source_branch: mr.source_branch,
    target_branch: mr.target_branch,
    labels: mr.labels,
    draft: /^(draft:|\[draft\]|\(draft\))/i.test(mr.title),
    assignees: mr.assignee_ids.map((id) => ({ id })),
    reviewers: mr.reviewer_ids.map((id) => ({ id })),
    merge_when_pipeline_succeeds: mr.merge_when_pipeline_succeeds,
    sha,
    diff_refs: { base_sha: target, head_sha: sha, start_sha: target },
    created_at: mr.created_at,
    web_url: `${links.web}/${project.path}/-/merge_requests/${mr.iid}`,
  };
}

const labelList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((label) => label.trim())
    .filter(Boolean);

/** POST /projects/:id/merge_requests */
export async function createMergeRequest(
  project: GitLabProjectState,
  body: {
    source_branch: string;
    target_branch: string;
    title: string;
    description?: string;
    labels?: string;
    assignee_ids?: number[];
    reviewer_ids?: number[];
  },
  links: Links,
): Promise<Answer> {
  for (const branch of [body.source_branch, body.target_branch])
    if (!(await readRef(project, `refs/heads/${branch}`)))
      return fail(400, { base: [`Branch ${branch} does not exist`] });
  const clash = project.mergeRequests.find(
    (mr) =>
      mr.state === 'opened' &&
      mr.source_branch === body.source_branch &&
      mr.target_branch === body.target_branch,
  );
  if (clash)
    return fail(409, [
      `Another open merge request already exists for this source branch: !${clash.iid}`,
    ]);
  const mr: StoredMergeRequest = {
    id: nextId++,
    iid: project.mergeRequests.length + 1,
    title: body.title,
    description: body.description ?? '',
    state: 'opened',
    source_branch: body.source_branch,
    target_branch: body.target_branch,
    labels: labelList(body.labels),
    assignee_ids: body.assignee_ids ?? [],
    reviewer_ids: body.reviewer_ids ?? [],
    merge_when_pipeline_succeeds: false,
    created_at: now(),
  };
  project.mergeRequests.push(mr);
  return ok(await mergeRequestJson(project, mr, links), 201);
}

/** PUT /projects/:id/merge_requests/:iid */
export async function updateMergeRequest(
  project: GitLabProjectState,
  mr: StoredMergeRequest,
  body: {
    title?: string;
    description?: string;
    state_event?: string;
    labels?: string;
    add_labels?: string;
    assignee_ids?: number[];
    reviewer_ids?: number[];
  },
  links: Links,
): Promise<Answer> {
  if (body.title !== undefined) mr.title = body.title;
  if (body.description !== undefined) mr.description = body.description;
  if (body.labels !== undefined) mr.labels = labelList(body.labels);
  for (const label of labelList(body.add_labels))
    if (!mr.labels.includes(label)) mr.labels.push(label);
  if (body.assignee_ids) mr.assignee_ids = body.assignee_ids;
  if (body.reviewer_ids) mr.reviewer_ids = body.reviewer_ids;
  if (body.state_event === 'close') mr.state = 'closed';
  if (body.state_event === 'reopen') mr.state = 'opened';
  return ok(await mergeRequestJson(project, mr, links));
}

/** A note as GitLab answers it. */
export function noteJson(project: GitLabProjectState, note: StoredNote) {
  return {
    id: note.id,
    type: null,
    body: note.body,
    author: { id: 1, username: 'ferry-bot', name: 'ferry bot' },
    created_at: note.created_at,
    updated_at: note.updated_at,
    system: note.system,
    noteable_id: note.mergeRequestIid,
    noteable_type: 'MergeRequest',
    project_id: project.id,
    noteable_iid: note.mergeRequestIid,
    resolvable: false,
    internal: false,
  };
}

/** POST /projects/:id/merge_requests/:iid/notes. */
export function newNote(
  project: GitLabProjectState,
  mergeRequestIid: number,
  body: { body: string },
): StoredNote {
  const note: StoredNote = {
    id: nextId++,
    mergeRequestIid,
    body: body.body,
    system: false,
    created_at: now(),
    updated_at: now(),
  };
  project.notes.push(note);
  return note;
}

/** An issue as GitLab answers it. */
export function issueJson(project: GitLabProjectState, issue: StoredIssue, links: Links) {
  return {
    ...issue,
    project_id: project.id,
    closed_at: issue.state === 'closed' ? now() : null,
    web_url: `${links.web}/${project.path}/-/issues/${issue.iid}`,
  };
}

export function newIssue(
  project: GitLabProjectState,
  body: { title: string; description?: string; labels?: string },
): StoredIssue {
  const issue: StoredIssue = {
    id: nextId++,
    iid: project.issues.length + 1,
    title: body.title,
    description: body.description ?? '',
    state: 'opened',
    labels: labelList(body.labels),
    created_at: now(),
  };
  project.issues.push(issue);
  return issue;
}

export function changeIssue(
  issue: StoredIssue,
  body: { title?: string; description?: string; labels?: string; state_event?: string },
): void {
  if (body.title !== undefined) issue.title = body.title;
  if (body.description !== undefined) issue.description = body.description;
  if (body.labels !== undefined) issue.labels = labelList(body.labels);
  if (body.state_event === 'close') issue.state = 'closed';
  if (body.state_event === 'reopen') issue.state = 'opened';
}

/**
 * POST /projects/:id/statuses/:sha, as GitLab's Ci::CreateCommitStatusService: a pending or
 * running status of the same name and ref is moved to the new state in place (it keeps its id
 * and created_at); otherwise a new one replaces the older ones of that name in the pipeline.
 * Without `ref`, GitLab takes the latest pipeline's ref or a branch holding the commit.
 */
export function addStatus(
  project: GitLabProjectState,
  sha: string,
  ref: string | null,
  body: {
    state: string;
    name?: string;
    context?: string;
    description?: string;
    target_url?: string;
  },
): StoredStatus {
  const name = body.name ?? body.context ?? 'default';
  const final = !['pending', 'running'].includes(body.state);
  const inPipeline = project.statuses.filter(
    (status) => status.sha === sha && status.ref === ref && status.name === name && !status.retried,
  );
  const open = inPipeline.find((status) => ['pending', 'running'].includes(status.status));
  if (open) {
    open.status = body.state;
    if (body.description !== undefined) open.description = body.description;
    if (body.target_url !== undefined) open.target_url = body.target_url;
    if (final) open.finished_at = now();
    return open;
  }
  for (const older of inPipeline) older.retried = true;
  const status: StoredStatus = {
    id: nextId++,
    sha,
    ref,
    name,
    status: body.state,
    description: body.description ?? null,
    target_url: body.target_url ?? null,
    created_at: now(),
    finished_at: final ? now() : null,
    retried: false,
  };
  project.statuses.push(status);
  return status;
}

/** The ref of the newest pipeline of `sha` (the fake's pipelines: one per ref), if any. */
export function latestPipelineRef(project: GitLabProjectState, sha: string): string | undefined {
  const refs = new Set(project.statuses.filter((s) => s.sha === sha).map((s) => s.ref));
  const last = [...refs].at(-1);
  return last ?? undefined;
}

/** A commit status as GitLab answers it (Entities::CommitStatus). */
export function statusJson(status: StoredStatus) {
  return {
    id: status.id,
    sha: status.sha,
    ref: status.ref,
    name: status.name,
    status: status.status,
    description: status.description,
    target_url: status.target_url,
    created_at: status.created_at,
    finished_at: status.finished_at,
    started_at: status.created_at,
    allow_failure: false,
    coverage: null,
    author: { id: 1, username: 'ferry-bot', name: 'Ferry Bot', state: 'active' },
  };
}

/**
 * GET /projects/:id/repository/commits/:sha/statuses, as lib/api/commit_statuses.rb: statuses
 * of every pipeline of the commit, without retried ones unless `all`, filtered by `ref` and
 * `name` only when given, ordered by `order_by` (id) and `sort` (asc).
 */
export function listStatuses(project: GitLabProjectState, sha: string, query: Query): Answer {
  const found = project.statuses.filter(
    (status) =>
      status.sha === sha &&
      (query.all === 'true' || !status.retried) &&
      (!query.ref || status.ref === query.ref) &&
      (!query.name || status.name === query.name),
  );
  found.sort((a, b) => (query.sort === 'desc' ? b.id - a.id : a.id - b.id));
  return paginate(found.map(statusJson), query);
}

type Query = Record<string, string>;

/**
 * Offset pagination: `page` and `per_page` (default 20, at most 100), with GitLab's headers.
 * https://docs.gitlab.com/api/rest/#pagination
 */
export function paginate(items: unknown[], query: Query): Answer {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 20) || 20));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
    },
  };
}
