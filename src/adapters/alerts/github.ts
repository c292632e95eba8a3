import type { GitHubClient } from '../forge/octokit.js';
import type { DriftReport } from '../../core/drift.js';
import { statusContexts } from '../../core/gates.js';
import { shortenAtWord } from '../../core/redact.js';
import { redactSecrets } from '../secrets.js';

export interface GitHubAlertTarget {
  owner: string;
  repo: string;
  /** Names the cluster (or environment) in the status context and issue title: two clusters never overwrite each other. */
  cluster: string;
}

export type IssueOutcome = 'opened' | 'updated' | 'closed' | 'unchanged' | 'none';

const LABEL = 'ferry-drift';

/** The hidden line that finds the drift issue of one cluster and inventory again. */
export function driftIssueMarker(cluster: string, report: DriftReport): string {
  return `<!-- ferry-drift:${cluster}/${report.inventory.namespace}/${report.inventory.name} -->`;
}

/** The hidden line that says which drift the issue shows, so an unchanged drift is not re-sent. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- ferry-drift-fingerprint:${fingerprint} -->`;
}

/** A drift issue's body (GitHub) or description (GitLab): the report, then both markers. */
export function driftIssueBody(cluster: string, report: DriftReport, markdown: string): string {
  return `${markdown}\n${driftIssueMarker(cluster, report)}\n${fingerprintMarker(report.fingerprint)}\n`;
}

/**
 * One issue per cluster and inventory: opened on drift, its body rewritten while the drift
 * changes (never a comment per run), closed when the cluster matches git again.
 */
export async function syncDriftIssue(
  client: GitHubClient,
  target: GitHubAlertTarget,
  report: DriftReport,
  markdown: string,
): Promise<{ outcome: IssueOutcome; number?: number }> {
  const key = driftIssueMarker(target.cluster, report);
  const open = await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    labels: LABEL,
    per_page: 100,
  });
  const existing = open.find((issue) => !issue.pull_request && (issue.body ?? '').includes(key));
  const body = driftIssueBody(target.cluster, report, markdown);
  const title = `Drift: ${report.inventory.name} on ${target.cluster}`;
  if (report.clean) {
    if (!existing) return { outcome: 'none' };
    await client.rest.issues.update({
      owner: target.owner,
      repo: target.repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
      body,
    });
    return { outcome: 'closed', number: existing.number };
  }
  if (!existing) {
    const created = await client.rest.issues.create({
      owner: target.owner,
      repo: target.repo,
      title,
      body,
      labels: [LABEL],
    });
    return { outcome: 'opened', number: created.data.number };
  }
  if ((existing.body ?? '').includes(fingerprintMarker(report.fingerprint)))
    return { outcome: 'unchanged', number: existing.number };
  await client.rest.issues.update({
    owner: target.owner,
    repo: target.repo,
    issue_number: existing.number,
    title,
    body,
  });
  return { outcome: 'updated', number: existing.number };
}

/** Commit status on the env-repo commit, context per cluster; posted only when it changes. */
export async function syncDriftStatus(
  client: GitHubClient,
  target: GitHubAlertTarget,
  sha: string,
  report: DriftReport,
  targetUrl?: string,
): Promise<'posted' | 'unchanged'> {
  const context = `ferry/drift (${target.cluster})`;
  const state = report.clean ? 'success' : 'failure';
  const description = report.clean
    ? 'cluster matches git'
    : `${report.objects.length} object(s) differ from git`;
  const combined = await client.rest.repos.getCombinedStatusForRef({
    owner: target.owner,
    repo: target.repo,
    ref: sha,
    per_page: 100,
  });
  const current = combined.data.statuses.find((s) => s.context === context);
  if (current?.state === state && current.description === description) return 'unchanged';
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha,
    state,
    context,
    description,
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
  return 'posted';
}

/**
 * Commit status of an apply on the env-repo commit it applied, context `ferry/apply (<cluster>)`:
 * promotion gates read it to know the source environment really runs what git says.
 */
export async function postApplyStatus(
  client: GitHubClient,
  target: GitHubAlertTarget,
  sha: string,
  succeeded: boolean,
  description: string,
  targetUrl?: string,
): Promise<void> {
  await postClusterStatus(client, target, sha, 'apply', succeeded, description, targetUrl);
}

/** GitHub keeps at most this much of a commit status description. */
const STATUS_DESCRIPTION_MAX = 140;

/**
 * Commit status `ferry/<check> (<cluster>)`: success or failure, described in one line (no
 * runner masks it: redacted, then shortened at a word boundary).
 */
export async function postClusterStatus(
  client: GitHubClient,
  target: GitHubAlertTarget,
  sha: string,
  check: 'apply' | 'plan',
  succeeded: boolean,
  description: string,
  targetUrl?: string,
): Promise<void> {
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha,
    state: succeeded ? 'success' : 'failure',
    context: statusContexts(target.cluster)[check],
    description: shortenAtWord(redactSecrets(description), STATUS_DESCRIPTION_MAX),
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
}
