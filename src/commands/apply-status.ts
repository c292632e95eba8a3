import type { Logger } from '../adapters/logger.js';
import { postApplyStatus } from '../adapters/alerts/github.js';
import { githubClient } from '../adapters/forge/octokit.js';
import { ConfigError } from '../core/errors.js';
import { ACTIONS, type ApplyReport } from './apply-report.js';

export interface ApplyStatusOptions {
  token: string;
  apiUrl?: string;
  /** `owner/name` of the environment repository. */
  repo: string;
  sha: string;
  cluster: string;
  runUrl?: string;
}

/** Posts `ferry/apply (<cluster>)` for a finished apply: success, or failure with its reason. */
export async function reportApplyStatus(
  options: ApplyStatusOptions,
  report: ApplyReport,
  error: Error | undefined,
  log: Logger,
): Promise<void> {
  const [owner, repo] = options.repo.split('/');
  if (!owner || !repo)
    throw new ConfigError(`status repository "${options.repo}" is not owner/name`);
  const counts = ACTIONS.filter((a) => report.counts[a] > 0)
    .map((a) => `${report.counts[a]} ${a}`)
    .join(', ');
  const description = error ? `failed: ${error.message.split('\n')[0]}` : counts || 'nothing to do';
  const client = githubClient({ token: options.token, apiUrl: options.apiUrl, log });
  await postApplyStatus(
    client,
    { owner, repo, cluster: options.cluster },
    options.sha,
    !error,
    description,
    options.runUrl,
  );
  log.info(
    `commit status ferry/apply (${options.cluster}) on ${options.sha.slice(0, 12)}: ${error ? 'failure' : 'success'}`,
  );
}
