import type { Logger } from '../../adapters/logger.js';
import { statusContexts } from '../../core/gates.js';
import { openReportForge, type ReportForge, type ReportTarget } from './report-target.js';

/** The checks that post a status per cluster: `ferry/<check> (<cluster>)`. */
export type ClusterCheck = 'apply' | 'plan' | 'drift';

/** One status of a cluster check on one commit. */
export interface ClusterStatus {
  check: ClusterCheck;
  cluster: string;
  sha: string;
  succeeded: boolean;
  /** One line: the counts, or `failed: <reason>`. */
  description: string;
  /** The run that posted it. */
  runUrl?: string;
}

/** `failed: <first line of the error>`, the description of a status for a failed run. */
export function failedDescription(error: Error): string {
  return `failed: ${error.message.split('\n')[0]}`;
}

/**
 * Posts `ferry/<check> (<cluster>)` on a GitHub or GitLab commit: the one publisher of ferry's
 * commit statuses (apply, plan, drift). With `onlyOnChange`, a status that already says the same
 * is left alone (drift runs on a schedule: its status changes only when the cluster does).
 */
export async function publishClusterStatus(
  target: ReportTarget | ReportForge,
  status: ClusterStatus,
  log: Logger,
  options: { onlyOnChange?: boolean } = {},
): Promise<'posted' | 'unchanged'> {
  const forge = 'statuses' in target ? target : openReportForge(target, 'status', log);
  const context = statusContexts(status.cluster)[status.check];
  const wanted = forge.statuses.stored({
    context,
    succeeded: status.succeeded,
    description: status.description,
    ...(status.runUrl ? { targetUrl: status.runUrl } : {}),
  });
  const where = `${context} on ${status.sha.slice(0, 12)}`;
  try {
    if (options.onlyOnChange) {
      const current = await forge.statuses.current(status.sha, context);
      if (current?.succeeded === wanted.succeeded && current.description === wanted.description) {
        log.info(`commit status ${where}: unchanged`);
        return 'unchanged';
      }
    }
    await forge.statuses.post(status.sha, wanted);
  } catch (error) {
    throw forge.failure(error, `posting the ${status.check} status to ${forge.name}`);
  }
  log.info(`commit status ${where}: ${status.succeeded ? 'success' : 'failure'}`);
  return 'posted';
}
