import type { DriftReport } from '../../core/drift.js';
import type { GitLabProject } from '../forge/gitlab-project.js';
import {
  driftIssueBody,
  driftIssueMarker,
  fingerprintMarker,
  type IssueOutcome,
} from './github.js';

// The GitLab twin of the GitHub drift issue (alerts/github.ts): same markers, same outcomes.
// Commit statuses of both forges: adapters/forge/commit-statuses.ts.

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
