import type { Logger } from '../../adapters/logger.js';
import { postApplyStatus as postGitHubApplyStatus } from '../../adapters/alerts/github.js';
import { postGitLabApplyStatus } from '../../adapters/alerts/gitlab.js';
import { gitlabError } from '../../adapters/forge/gitlab.js';
import { githubClient } from '../../adapters/forge/octokit.js';
import { ConfigError } from '../../core/errors.js';
import { summaryLine, type ApplyReport } from '../../core/apply-report.js';
import { gitlabReportProject, type GitLabReportTarget } from './gitlab-session.js';

/** The commit and cluster a status is about, and the run that posts it. */
interface ApplyStatusSubject {
  sha: string;
  cluster: string;
  runUrl?: string;
}

/** Where `ferry/apply (<cluster>)` goes: a GitHub repository (the default) or a GitLab project. */
export type ApplyStatusDestination =
  | {
      forge?: 'github';
      token: string;
      apiUrl?: string;
      /** `owner/name` of the environment repository. */
      repo: string;
    }
  | ({ forge: 'gitlab' } & GitLabReportTarget);

export type ApplyStatusOptions = ApplyStatusSubject & ApplyStatusDestination;

/** Posts `ferry/apply (<cluster>)` for a finished apply: success, or failure with its reason. */
export async function reportApplyStatus(
  options: ApplyStatusOptions,
  report: ApplyReport,
  error: Error | undefined,
  log: Logger,
): Promise<void> {
  const description = error ? `failed: ${error.message.split('\n')[0]}` : summaryLine(report);
  await postApplyStatus(options, !error, description, log);
}

/** Posts `ferry/apply (<cluster>)` with `description`: success or failure. */
export async function postApplyStatus(
  options: ApplyStatusOptions,
  succeeded: boolean,
  description: string,
  log: Logger,
): Promise<void> {
  const error = succeeded ? undefined : description;
  if (options.forge === 'gitlab') {
    const project = gitlabReportProject(options, 'status project', log);
    try {
      await postGitLabApplyStatus(
        project,
        options.cluster,
        options.sha,
        !error,
        description,
        options.runUrl,
      );
    } catch (failure) {
      throw gitlabError(failure, `posting the apply status to ${options.project}`);
    }
  } else {
    const [owner, repo] = options.repo.split('/');
    if (!owner || !repo)
      throw new ConfigError(`status repository "${options.repo}" is not owner/name`);
    const client = githubClient({ token: options.token, apiUrl: options.apiUrl, log });
    await postGitHubApplyStatus(
      client,
      { owner, repo, cluster: options.cluster },
      options.sha,
      !error,
      description,
      options.runUrl,
    );
  }
  log.info(
    `commit status ferry/apply (${options.cluster}) on ${options.sha.slice(0, 12)}: ${error ? 'failure' : 'success'}`,
  );
}
