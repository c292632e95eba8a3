import { ConfigError } from './errors.js';
import { quoteForMessage } from './image.js';

/**
 * Names that reach git or a forge: branch names, the folder ferry owns in the environment repo,
 * and the repository itself. Every one is checked here, before any request or git command, so
 * a hostile value fails as one line instead of reaching git's option parser or a remote.
 */

// ASCII control characters and DEL: never valid in a ref, and never wanted in a path.
const CONTROL = /[\x00-\x1f\x7f]/;

/** The stable head branch of the one open proposal per app and environment. */
export function headBranchName(app: string, env: string): string {
  const name = `ferry/${app}/${env}`;
  checkBranchName(name, 'head branch');
  return name;
}

/**
 * The head branch of the one open rollback per app and environment. Not
 * `ferry/<app>/<env>/rollback`: git cannot hold that ref beside the branch `ferry/<app>/<env>`
 * (a ref cannot also be a folder of refs). Environment names hold no '.', so no environment's
 * branch can be this one.
 */
export function rollbackBranchName(app: string, env: string): string {
  const name = `ferry/${app}/${env}.rollback`;
  checkBranchName(name, 'head branch');
  return name;
}

/**
 * Checks a branch name against `git check-ref-format --branch` rules (and refuses a leading
 * '-', which git would read as an option). https://git-scm.com/docs/git-check-ref-format
 */
export function checkBranchName(name: string, what: string): void {
  const problem = branchNameProblem(name);
  if (problem) throw new ConfigError(`${what} ${quoteForMessage(name)} ${problem}`);
}

function branchNameProblem(name: string): string | undefined {
  if (name === '' || name === '@') return 'is not a branch name';
  if (name.length > 255) return 'is longer than 255 characters';
  if (name.startsWith('-')) return "must not start with '-'";
  if (CONTROL.test(name) || /[ ~^:?*[\\]/.test(name))
    return 'must not hold spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..')) return "must not contain '..'";
  if (name.includes('@{')) return "must not contain '@{'";
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return "must not start or end with '/' or contain '//'";
  if (name.endsWith('.')) return "must not end with '.'";
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return "must not have a part starting with '.'";
    if (part.endsWith('.lock')) return "must not have a part ending in '.lock'";
  }
  if (name.startsWith('refs/')) return "must be a branch name, not a ref ('refs/…')";
  return undefined;
}

/**
 * Checks the folder ferry owns in the environment repo, which every proposal replaces wholesale.
 * It must stay inside the repository (no absolute path, no '.' or '..' parts, no backslashes or
 * control characters) and out of every dot-folder or dot-file: those hold the repository
 * itself (`.git`), its forge's workflows (`.github`, `.gitlab`, `.gitlab-ci.yml`) and ferry's
 * own pins (`.ferry`), which `ferry apply` and `ferry drift` never read as manifests either.
 */
export function checkRepoPath(path: string, what = 'environment path'): void {
  const problem = repoPathProblem(path);
  if (problem) throw new ConfigError(`${what} ${quoteForMessage(path)} ${problem}`);
}

/** Why `path` cannot be an environment's folder (see checkRepoPath), or undefined. */
export function repoPathProblem(path: string): string | undefined {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || CONTROL.test(path) || path.includes('\\'))
    return "must be a relative folder inside the repository (no leading '/', '\\' or control characters)";
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return "must be a folder inside the repository (no empty, '.' or '..' parts)";
  if (parts.some((part) => part.startsWith('.')))
    return "must not be or lie in a dot-folder: .git, .github, .gitlab, .gitlab-ci.yml and .ferry (pins) are the repository's, its forge's and ferry's own";
  return undefined;
}

/** A GitHub repository named by owner and name. */
export interface GitHubRepoName {
  owner: string;
  name: string;
}

const OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;

/**
 * Owner and name from `owner/name`, `https://host/owner/name(.git)` or `git@host:owner/name.git`:
 * the one parser of a GitHub repository name (environment repos, report repositories).
 * `what` names the setting in the message.
 */
export function parseGitHubRepo(repo: string, what = 'environment repo'): GitHubRepoName {
  let tail = repo;
  const url = /^https?:\/\/[^/]+\/(.+)$/.exec(repo) ?? /^[^@/\s]+@[^:/\s]+:(.+)$/.exec(repo);
  if (url) tail = url[1]!;
  const match = OWNER_NAME.exec(tail);
  if (!match || match[1]!.startsWith('.') || match[2]!.startsWith('.')) {
    throw new ConfigError(
      `${what} ${quoteForMessage(repo)} is not a GitHub repository (owner/name or its URL)`,
    );
  }
  return { owner: match[1]!, name: match[2]! };
}

/** True when a plain-git `repo` is a URL (`scheme://…` or scp-like `user@host:path`), not a path. */
export function isGitUrl(repo: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repo) || /^[^@/\s]+@[^:/\s]+:/.test(repo);
}

/** Refuses a remote that git would read as an option or that smuggles control characters. */
export function checkGitRemote(remote: string): void {
  if (remote.startsWith('-') || CONTROL.test(remote) || remote.trim() === '') {
    throw new ConfigError(`environment repo ${quoteForMessage(remote)} is not a usable git remote`);
  }
}
