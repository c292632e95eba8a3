import type { DriftReport } from '../../core/drift.js';
import { statusContexts } from '../../core/gates.js';
import { shortenAtWord } from '../../core/redact.js';
import { redactSecrets } from '../secrets.js';
import type { GitLabProject } from '../forge/gitlab-project.js';
import {
  driftIssueBody,
  driftIssueMarker,
  fingerprintMarker,
  type IssueOutcome,
} from './github.js';

// The GitLab twins of the GitHub drift sinks and apply status (alerts/github.ts): same markers,
// same contexts, same outcomes.

const LABEL = 'ferry-drift';

/**
 * One issue per cluster and inventory, found by a marker in its description: opened on drift,
 * its description rewritten while the drift changes (never a note per run), closed when clean.
 */
export async function syncGitLabDriftIssue(
  project: GitLabProject,
  cluster: string,
  report: DriftReport,
  markdown: string,
): Promise<{ outcome: IssueOutcome; number?: number }> {
  const key = driftIssueMarker(cluster, report);
  const open = await project.openIssues(LABEL);
  const existing = open.find((issue) => issue.description.includes(key));
  const description = driftIssueBody(cluster, report, markdown);
  const title = `Drift: ${report.inventory.name} on ${cluster}`;
  if (report.clean) {
    if (!existing) return { outcome: 'none' };
    await project.updateIssue(existing.iid, { description, state_event: 'close' });
    return { outcome: 'closed', number: existing.iid };
  }
  if (!existing) {
    const created = await project.createIssue({ title, description, labels: LABEL });
    return { outcome: 'opened', number: created.iid };
  }
  if (existing.description.includes(fingerprintMarker(report.fingerprint)))
    return { outcome: 'unchanged', number: existing.iid };
  await project.updateIssue(existing.iid, { title, description });
  return { outcome: 'updated', number: existing.iid };
}

/** Commit status `ferry/drift (<cluster>)` on the env-repo commit, posted only on a change. */
export async function syncGitLabDriftStatus(
  project: GitLabProject,
  cluster: string,
  sha: string,
  report: DriftReport,
  targetUrl?: string,
): Promise<'posted' | 'unchanged'> {
  const name = `ferry/drift (${cluster})`;
  const state = report.clean ? 'success' : 'failed';
  const description = report.clean
    ? 'cluster matches git'
    : `${report.objects.length} object(s) differ from git`;
  const current = (await project.statuses(sha)).find((status) => status.name === name);
  if (current?.status === state && current.description === description) return 'unchanged';
  await project.postStatus(sha, {
    state,
    name,
    description,
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
  return 'posted';
}

/**
 * Commit status `ferry/apply (<cluster>)` on the env-repo commit an apply applied, the GitLab
 * twin of postApplyStatus: `success`, or `failed` (GitLab's word for failure). GitLab takes at
 * most 255 characters of description and target URL; a longer URL is left out rather than
 * have the status refused, the description redacted and shortened at a word boundary. https://docs.gitlab.com/api/commits/#commit-status
 */
export async function postGitLabApplyStatus(
  project: GitLabProject,
  cluster: string,
  sha: string,
  succeeded: boolean,
  description: string,
  targetUrl?: string,
  check: 'apply' | 'plan' = 'apply',
): Promise<void> {
  await project.postStatus(sha, {
    state: succeeded ? 'success' : 'failed',
    name: statusContexts(cluster)[check],
    description: shortenAtWord(redactSecrets(description), 255),
    ...(targetUrl && targetUrl.length <= 255 ? { target_url: targetUrl } : {}),
  });
}
