import type { Logger } from '../../adapters/logger.js';
import { summaryLine, type ApplyReport } from '../../core/apply-report.js';
import { failedDescription, publishClusterStatus } from './commit-status.js';
import type { ReportTarget } from './report-target.js';

/** The commit and cluster a status is about, and the run that posts it. */
interface ApplyStatusSubject {
  sha: string;
  cluster: string;
  runUrl?: string;
}

export type ApplyStatusOptions = ApplyStatusSubject & ReportTarget;

/** Posts `ferry/apply (<cluster>)` for a finished apply: success, or failure with its reason. */
export async function reportApplyStatus(
  options: ApplyStatusOptions,
  report: ApplyReport,
  error: Error | undefined,
  log: Logger,
): Promise<void> {
  const description = error ? failedDescription(error) : summaryLine(report);
  await postApplyStatus(options, !error, description, log);
}

/** Posts `ferry/apply (<cluster>)` with `description`: success or failure (a run over sets). */
export async function postApplyStatus(
  options: ApplyStatusOptions,
  succeeded: boolean,
  description: string,
  log: Logger,
): Promise<void> {
  const { sha, cluster, runUrl } = options;
  await publishClusterStatus(
    options,
    { check: 'apply', cluster, sha, succeeded, description, ...(runUrl ? { runUrl } : {}) },
    log,
  );
}
