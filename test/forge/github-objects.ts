// Builds the JSON bodies of issues, pull requests, commits, refs and statuses. GitHub's own
// examples do not all satisfy its schemas, so every required field is filled here by hand with a
// plausible value; the response validator proves the result against the schema on every call.
import type { CommitInfo } from './git-plumbing.js';
import { loginJson, repositoryJson, type Links } from './github-repository-json.js';
import type {
  CommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  StatusRecord,
} from './github-state.js';

/** A `label`. */
export function labelJson(links: Links, repo: RepoRecord, label: LabelRecord) {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${links.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

/** Labels of an issue, in the order they were applied. */
export function issueLabelsJson(links: Links, repo: RepoRecord, issue: IssueRecord) {
  return issue.labels.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [labelJson(links, repo, label)] : [];
  });
}

/** An `issue`; for a pull request it carries `pull_request` links as GitHub's issue API does. */
export function issueJson(links: Links, repo: RepoRecord, issue: IssueRecord) {
  const url = `${links.api}/repos/${repo.fullName}/issues/${issue.number}`;
  const assignees = issue.assignees.map((login) => loginJson(links, login));
  return {
    id: issue.id,
    node_id: issue.nodeId,
    url,
    repository_url: `${links.api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${links.api}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: loginJson(links, issue.author),
    labels: issueLabelsJson(links, repo, issue),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: 'OWNER',
    ...(issue.pull ? { pull_request: pullLinks(links, repo, issue) } : {}),
  };
}

function pullLinks(links: Links, repo: RepoRecord, issue: IssueRecord) {
  const html = `${links.api}/${repo.fullName}/pull/${issue.number}`;
  return {
    url: `${links.api}/repos/${repo.fullName}/pulls/${issue.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    merged_at: issue.pull?.mergedAt ?? null,
  };
}

/** An `issue-comment`. */
export function commentJson(
  links: Links,
  repo: RepoRecord,
  issue: IssueRecord,
  comment: CommentRecord,
) {
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url: `${links.api}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: `${links.api}/${repo.fullName}/issues/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: loginJson(links, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt ?? comment.createdAt,
    issue_url: `${links.api}/repos/${repo.fullName}/issues/${issue.number}`,
    author_association: 'OWNER',
  };
}

/** Live facts about a pull request that come from git rather than from the record. */
export interface PullFacts {
  mergeable: boolean | null;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** A `pull-request` (a superset of `pull-request-simple`). */
export function pullJson(links: Links, repo: RepoRecord, issue: IssueRecord, facts: PullFacts) {
  const pull = issue.pull as PullRecord;
  const url = `${links.api}/repos/${repo.fullName}/pulls/${issue.number}`;
  const issueUrl = `${links.api}/repos/${repo.fullName}/issues/${issue.number}`;
  const html = `${links.api}/${repo.fullName}/pull/${issue.number}`;
  const repository = repositoryJson(links, repo);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: loginJson(links, repo.owner),
    repo: repository,
  });
  const link = (href: string) => ({ href });
  const assignees = issue.assignees.map((login) => loginJson(links, login));
  return {
    url,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${links.api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${links.api}/repos/${repo.fullName}/statuses/${pull.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: loginJson(links, issue.author),
    body: issue.body,
    // `pull-request-simple` (the list) declares label descriptions a non-null string.
    labels: issueLabelsJson(links, repo, issue).map((label) => ({
      ...label,
      description: label.description ?? '',
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pull.requestedReviewers.map((login) => loginJson(links, login)),
    requested_teams: pull.requestedTeams.map((slug) => teamJson(links, repo, slug)),
    head: side(pull.headRef, pull.headSha),
    base: side(pull.baseRef, pull.baseSha),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${links.api}/repos/${repo.fullName}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${links.api}/repos/${repo.fullName}/statuses/${pull.headSha}`),
    },
    author_association: 'OWNER',
    auto_merge: pull.autoMerge && {
      enabled_by: loginJson(links, pull.autoMerge.enabledBy),
      merge_method: pull.autoMerge.method,
      commit_title: pull.autoMerge.commitTitle,
      commit_message: pull.autoMerge.commitMessage,
    },
    draft: pull.draft,
    merged: pull.merged,
    mergeable: facts.mergeable,
    rebaseable: facts.mergeable,
    mergeable_state: mergeableState(issue, facts),
    merged_by: pull.mergedBy === null ? null : loginJson(links, pull.mergedBy),
    comments: issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: facts.commits,
    additions: facts.additions,
    deletions: facts.deletions,
    changed_files: facts.changedFiles,
  };
}

function mergeableState(issue: IssueRecord, facts: PullFacts): string {
  if (issue.state !== 'open' || facts.mergeable === null) return 'unknown';
  if (!facts.mergeable) return 'dirty';
  return issue.pull?.draft ? 'draft' : 'clean';
}

function teamJson(links: Links, repo: RepoRecord, slug: string) {
  const url = `${links.api}/orgs/${repo.owner}/teams/${slug}`;
  const id = [...slug].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1_000_000, 3);
  return {
    id,
    node_id: `T_kwDO${id}`,
    url,
    html_url: `${links.api}/orgs/${repo.owner}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    permission: 'push',
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    type: 'organization',
    parent: null,
  };
}

/** A `commit` from the REST commits API. */
export function commitJson(links: Links, repo: RepoRecord, commit: CommitInfo) {
  const url = `${links.api}/repos/${repo.fullName}/commits/${commit.sha}`;
  const verified = repo.verifiedCommits.has(commit.sha);
  return {
    url,
    sha: commit.sha,
    node_id: `C_kwDO${commit.sha.slice(0, 12)}`,
    html_url: `${links.api}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${links.api}/repos/${repo.fullName}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: {
        sha: commit.tree,
        url: `${links.api}/repos/${repo.fullName}/git/trees/${commit.tree}`,
      },
      verification: {
        verified,
        reason: verified ? 'valid' : 'unsigned',
        payload: null,
        signature: null,
        verified_at: verified ? commit.committer.date : null,
      },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${links.api}/repos/${repo.fullName}/commits/${sha}`,
      html_url: `${links.api}/${repo.fullName}/commit/${sha}`,
    })),
  };
}

/** A `git-ref`. */
export function gitRefJson(links: Links, repo: RepoRecord, fullRef: string, sha: string) {
  return {
    ref: fullRef,
    node_id: `REF_kwDO${Buffer.from(`${repo.id}:${fullRef}`).toString('base64url')}`,
    url: `${links.api}/repos/${repo.fullName}/git/${fullRef}`,
    object: {
      type: 'commit',
      sha,
      url: `${links.api}/repos/${repo.fullName}/git/commits/${sha}`,
    },
  };
}

/** A `status` (and, being a superset, a `simple-commit-status`). */
export function statusJson(links: Links, repo: RepoRecord, status: StatusRecord) {
  return {
    url: `${links.api}/repos/${repo.fullName}/statuses/${status.sha}`,
    avatar_url: null,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: loginJson(links, status.creator),
  };
}
