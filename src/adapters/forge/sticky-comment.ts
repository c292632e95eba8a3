import type { GitLabProject } from './gitlab-project.js';
import type { GitHubClient } from './octokit.js';

/**
 * One comment per pull request (merge request) and subject, found again by a hidden marker in
 * its body and edited in place, so each push rewrites it rather than adding another.
 */

export type StickyOutcome = 'created' | 'updated' | 'unchanged';

export interface StickyComment {
  outcome: StickyOutcome;
  id: number;
  /** Where a person reads it (GitLab: only when the merge request's address is known). */
  url?: string;
}

/** Creates or edits the pull request comment that carries `marker` (`body` must contain it). */
export async function upsertPullRequestComment(
  client: GitHubClient,
  target: { owner: string; repo: string; number: number },
  marker: string,
  body: string,
): Promise<StickyComment> {
  const { owner, repo, number } = target;
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  const existing = comments.find((c) => (c.body ?? '').includes(marker));
  if (!existing) {
    const created = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: number,
      body,
    });
    return { outcome: 'created', id: created.data.id, url: created.data.html_url };
  }
  if (existing.body === body)
    return { outcome: 'unchanged', id: existing.id, url: existing.html_url };
  const updated = await client.rest.issues.updateComment({
    owner,
    repo,
    comment_id: existing.id,
    body,
  });
  return { outcome: 'updated', id: updated.data.id, url: updated.data.html_url };
}

/**
 * The GitLab twin: the merge request note carrying `marker`. GitLab gives notes no URL of
 * their own; a note's address is its merge request's with `#note_<id>`.
 */
export async function upsertMergeRequestNote(
  project: GitLabProject,
  iid: number,
  marker: string,
  body: string,
  mergeRequestUrl?: string,
): Promise<StickyComment> {
  const notes = await project.mergeRequestNotes(iid);
  const existing = notes.find((n) => n.body.includes(marker));
  const url = (id: number): string | undefined =>
    mergeRequestUrl ? `${mergeRequestUrl}#note_${id}` : undefined;
  if (!existing) {
    const created = await project.createMergeRequestNote(iid, body);
    return { outcome: 'created', id: created.id, url: url(created.id) };
  }
  if (existing.body === body)
    return { outcome: 'unchanged', id: existing.id, url: url(existing.id) };
  await project.updateMergeRequestNote(iid, existing.id, body);
  return { outcome: 'updated', id: existing.id, url: url(existing.id) };
}
