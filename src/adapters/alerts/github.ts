import type { GitHubClient } from '../forge/octokit.js';
import type { DriftReport } from '../../core/drift.js';
import { hiddenMarker } from '../../core/markdown.js';

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
  return hiddenMarker('drift', `${cluster}/${report.inventory.namespace}/${report.inventory.name}`);
}

/** The hidden line that says which drift the issue shows, so an unchanged drift is not re-sent. */
export function fingerprintMarker(fingerprint: string): string {
  return hiddenMarker('drift-fingerprint', fingerprint);
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
