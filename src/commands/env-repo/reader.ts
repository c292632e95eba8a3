import { EnvRepoWorkspace } from '../../adapters/git.js';
import type { GitHubEnvRepo } from '../../adapters/forge/github.js';
import type { GitLabProject } from '../../adapters/forge/gitlab-project.js';
import {
  explainRefusal,
  openGitHubRepo,
  openGitHubWorkspace,
  type GitHubSession,
} from '../publish/github-session.js';
import { openGitLabProject, openGitLabWorkspace } from '../publish/gitlab-session.js';
import type { ProposalTarget } from './propose/target.js';

/**
 * Read-only access to an environment's repository, for what promote and rollback read before
 * proposing: a scratch workspace that can fetch from it and, on GitHub or GitLab, the forge's API.
 */
export interface EnvRepoReader {
  workspace: EnvRepoWorkspace;
  /** What to fetch from: the clone URL (GitHub, GitLab) or the repository itself (plain git). */
  remote: string;
  /** The API, on GitHub; undefined elsewhere. */
  github: GitHubEnvRepo | undefined;
  /** The API, on GitLab; undefined elsewhere. */
  gitlab: GitLabProject | undefined;
}

/** Runs `read` with a reader for `target`'s repository, and removes the workspace after. */
export async function withEnvRepo<T>(
  target: ProposalTarget,
  session: GitHubSession,
  read: (reader: EnvRepoReader) => Promise<T>,
): Promise<T> {
  let reader: EnvRepoReader;
  let hint = '';
  if (target.forge === 'github') {
    const { github, access } = openGitHubRepo(target.repo, session);
    const { workspace, cloneUrl } = await openGitHubWorkspace(github, access, false);
    hint = access.hint;
    reader = { workspace, remote: cloneUrl, github, gitlab: undefined };
  } else if (target.forge === 'gitlab') {
    const { project, token } = openGitLabProject(target.repo, session);
    const { workspace, cloneUrl } = await openGitLabWorkspace(project, token, false);
    reader = { workspace, remote: cloneUrl, github: undefined, gitlab: project };
  } else {
    const workspace = await EnvRepoWorkspace.open();
    reader = { workspace, remote: target.repo, github: undefined, gitlab: undefined };
  }
  try {
    return await read(reader);
  } catch (error) {
    throw explainRefusal(error, hint);
  } finally {
    await reader.workspace.close();
  }
}
