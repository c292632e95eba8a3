import {
  githubCommitStatuses,
  gitlabCommitStatuses,
  type CommitStatuses,
} from '../../adapters/forge/commit-statuses.js';
import type { GitLabProject } from '../../adapters/forge/gitlab-project.js';
import { gitlabError } from '../../adapters/forge/gitlab.js';
import { forgeError } from '../../adapters/forge/github.js';
import { githubClient, type GitHubClient } from '../../adapters/forge/octokit.js';
import type { Logger } from '../../adapters/logger.js';
import { parseGitHubRepo } from '../../core/git-names.js';
import { gitlabReportProject, type GitLabReportTarget } from './gitlab-session.js';

/**
 * Where a report of a cluster command (commit status, plan comment, drift issue) goes: a GitHub
 * repository (the default) or a GitLab project.
 */
export type ReportTarget =
  | {
      forge?: 'github';
      token: string;
      apiUrl?: string;
      /** `owner/name` (or its URL). */
      repo: string;
    }
  | ({ forge: 'gitlab' } & GitLabReportTarget);

/** A report target opened once: its client, its commit statuses, and how to word its failures. */
export type ReportForge = {
  statuses: CommitStatuses;
  /** Rewords a forge's failure as one line that says what was being done (`doing`). */
  failure: (error: unknown, doing: string) => Error;
  /** The repository or project, for messages. */
  name: string;
} & (
  | { forge: 'github'; client: GitHubClient; owner: string; repo: string }
  | { forge: 'gitlab'; project: GitLabProject }
);

/** Opens a report target; `what` names it when its repository or project path is malformed. */
export function openReportForge(target: ReportTarget, what: string, log: Logger): ReportForge {
  if (target.forge === 'gitlab') {
    const project = gitlabReportProject(target, `${what} project`, log);
    return {
      forge: 'gitlab',
      project,
      statuses: gitlabCommitStatuses(project),
      failure: gitlabError,
      name: target.project,
    };
  }
  const { owner, name } = parseGitHubRepo(target.repo, `${what} repository`);
  const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
  return {
    forge: 'github',
    client,
    owner,
    repo: name,
    statuses: githubCommitStatuses(client, owner, name),
    failure: forgeError,
    name: `${owner}/${name}`,
  };
}
