import { resolve } from 'node:path';
import { readGitHubEvent } from '../../../adapters/ci-pull-request.js';
import type { Logger } from '../../../adapters/logger.js';
import { inferForge, type EnvironmentConfig, type FerryConfig } from '../../../core/config.js';
import { ConfigError } from '../../../core/errors.js';
import { forkEventRisk } from '../../../core/fork-guard.js';
import {
  checkBranchName,
  checkGitRemote,
  checkRepoPath,
  isGitUrl,
} from '../../../core/git-names.js';
import { pinPath } from '../../../core/pin.js';
import { environmentSet, type EnvironmentSet } from '../../../core/proposed-set.js';
import { SET_DESCRIPTOR } from '../../../core/set-descriptor.js';
import type { ProposalContext } from './context.js';
import { proposeWithGit } from './git.js';
import { proposeOnGitHub } from './github.js';
import { proposeOnGitLab } from './gitlab.js';
import { parseGitLabProject } from '../../publish/gitlab-session.js';
import { DEFAULT_RETRY, type RetryPolicy } from './race-retry.js';

// What propose, promote and rollback share: where an environment's proposals go, the context
// an attempt runs in, and the run itself (GitHub pull request, GitLab merge request, or
// plain-git branch).

/** Seams for tests: environment, retry timing, a hook between reads and writes, the clock. */
export interface ProposeDeps {
  env?: NodeJS.ProcessEnv;
  retry?: Partial<RetryPolicy>;
  /** Separate GitHub write pacing, as for a run in its own process (see githubClient). */
  throttleId?: string;
  /** Runs after an attempt has read everything and before its first write. */
  beforeWrite?: (attempt: number) => Promise<void>;
  /** The time now (promotion soak, rollback pin); default the system clock. */
  now?: () => Date;
}

/** An environment's repository and forge, checked, with a local path resolved. */
export interface ProposalTarget {
  environment: EnvironmentConfig;
  forge: 'github' | 'gitlab' | 'git';
  repo: string;
  /** The set its folder is: the descriptor every proposal to it writes. */
  set: EnvironmentSet;
}

/**
 * Checks an environment's branch, folder and repository before anything is read, and resolves
 * where its proposals go (`baseDir`: the folder of ferry.yaml, for a relative local repo).
 */
export function proposalTarget(
  config: FerryConfig,
  environment: EnvironmentConfig,
  baseDir: string,
): ProposalTarget {
  const where = `environments.${environment.name}`;
  checkBranchName(environment.branch, `${where}.branch`);
  checkRepoPath(environment.path, `${where}.path`);
  const forge = inferForge(environment);
  // The project path is checked before any request (see gitlab-session.ts).
  if (forge === 'gitlab') parseGitLabProject(environment.repo);
  const repo =
    forge === 'git' && !isGitUrl(environment.repo)
      ? resolve(baseDir, environment.repo)
      : environment.repo;
  checkGitRemote(repo);
  return { environment, forge, repo, set: environmentSet(config, environment) };
}

/** What a command proposes, beyond where it goes. */
export type ProposalFields = Pick<
  ProposalContext,
  'app' | 'branch' | 'image' | 'files' | 'source' | 'sourceCommitUrl' | 'options'
> &
  Partial<Pick<ProposalContext, 'bytes' | 'describe'>> & {
    /** The pin text to write (rollback); undefined: honour the pin. */
    writePin?: string;
  };

/**
 * The context every attempt of a proposal to `target` runs in. The folder's files get the
 * target's set descriptor, written from ferry.yaml: a promotion's is the target's, never the
 * source's, and a rollback's is today's, never the restored revision's.
 */
export function proposalContext(
  target: ProposalTarget,
  fields: ProposalFields,
  deps: ProposeDeps,
  log: Logger,
): ProposalContext {
  const { environment } = target;
  const { writePin, ...proposal } = fields;
  // A rendered object cannot take the descriptor's name, nor a restored folder nest a set.
  const stray = [...fields.files.keys()].find((name) => `/${name}`.endsWith(`/${SET_DESCRIPTOR}`));
  if (stray !== undefined)
    throw new ConfigError(
      `${environment.path}/${stray}: the proposal for ${fields.app}/${environment.name} would write this file, but only the folder's own set descriptor, written from ferry.yaml, may be named ${SET_DESCRIPTOR}; rename or remove it`,
    );
  return {
    ...proposal,
    files: new Map([...fields.files, [SET_DESCRIPTOR, target.set.text]]),
    set: target.set.set,
    envName: environment.name,
    repo: target.repo,
    base: environment.branch,
    path: environment.path,
    pin: { path: pinPath(fields.app, environment.name), write: writePin },
    env: deps.env ?? process.env,
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    throttleId: deps.throttleId,
    beforeWrite: deps.beforeWrite ?? (async () => {}),
    log,
  };
}

/** Opens or updates the pull (GitHub) or merge (GitLab) request, or pushes the branch (git). */
export function runProposal(target: ProposalTarget, context: ProposalContext) {
  if (target.forge === 'github') return proposeOnGitHub(context);
  if (target.forge === 'gitlab') return proposeOnGitLab(context);
  return proposeWithGit(context);
}

/** Refuses a `pull_request_target` run for a fork's pull request (see core/fork-guard.ts). */
export async function refuseForkRuns(
  env: NodeJS.ProcessEnv,
  allowFork: boolean,
  command: string,
): Promise<void> {
  if (env.GITHUB_EVENT_NAME !== 'pull_request_target' || allowFork) return;
  const risk = forkEventRisk(env.GITHUB_EVENT_NAME, await readGitHubEvent(env));
  if (risk) {
    const allow = command === 'propose' ? ' (pass --allow-fork if that is intended)' : '';
    throw new ConfigError(
      `refusing to ${command} under ${risk}: the fork's code would run with this repository's token${allow}`,
    );
  }
}
