import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectSource, sourceCommitUrl } from '../adapters/ci-environment.js';
import type { Logger } from '../adapters/logger.js';
import { inferForge } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { forkEventRisk } from '../core/fork-guard.js';
import {
  checkBranchName,
  checkGitRemote,
  checkRepoPath,
  headBranchName,
  isGitUrl,
} from '../core/git-names.js';
import type { ProposalContext, ProposeOptions, ProposeResult } from './propose-context.js';
import { proposeWithGit } from './propose-git.js';
import { proposeOnGitHub } from './propose-github.js';
import { DEFAULT_RETRY, type RetryPolicy } from './race-retry.js';
import { loadEnvironment, render } from './render.js';

export type { ProposeOperation, ProposeOptions, ProposeResult } from './propose-context.js';

/** Seams for tests: environment, retry timing, and a hook between reads and writes. */
export interface ProposeDeps {
  env?: NodeJS.ProcessEnv;
  retry?: Partial<RetryPolicy>;
  /** Separate GitHub write pacing, as for a run in its own process (see githubClient). */
  throttleId?: string;
  /** Runs after an attempt has read everything and before its first write. */
  beforeWrite?: (attempt: number) => Promise<void>;
}

/**
 * `ferry propose`: renders the app, replaces the environment's folder on a head branch
 * `ferry/<app>/<env>` (base + one commit), and opens or updates the one pull request for it
 * (GitHub), or pushes the branch (plain git). All input is checked before anything is read.
 */
export async function propose(
  options: ProposeOptions,
  log: Logger,
  deps: ProposeDeps = {},
): Promise<ProposeResult> {
  const env = deps.env ?? process.env;
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const where = `environments.${environment.name}`;
  checkBranchName(environment.branch, `${where}.branch`);
  checkRepoPath(environment.path, `${where}.path`);
  const branch = headBranchName(config.app, environment.name);
  await refuseForkRuns(env, options.allowFork ?? false);
  const forge = inferForge(environment);
  if (forge === 'gitlab') {
    throw new ConfigError(`${where}.forge: gitlab is not supported by propose yet; use forge: git`);
  }
  const repo =
    forge === 'git' && !isGitUrl(environment.repo)
      ? resolve(baseDir, environment.repo)
      : environment.repo;
  checkGitRemote(repo);

  const rendering = await render(
    {
      config: options.config,
      env: options.env,
      imageTag: options.imageTag,
      imageDigest: options.imageDigest,
      source: options.source,
    },
    log,
  );
  const source = detectSource(env, options.source);
  const context: ProposalContext = {
    app: config.app,
    envName: environment.name,
    repo,
    base: environment.branch,
    branch,
    path: environment.path,
    image: rendering.image,
    rendered: rendering.documents,
    source,
    sourceCommitUrl: sourceCommitUrl(env, source),
    options,
    env,
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    throttleId: deps.throttleId,
    beforeWrite: deps.beforeWrite ?? (async () => {}),
    log,
  };
  return forge === 'github' ? proposeOnGitHub(context) : proposeWithGit(context);
}

async function refuseForkRuns(env: NodeJS.ProcessEnv, allowFork: boolean): Promise<void> {
  if (env.GITHUB_EVENT_NAME !== 'pull_request_target' || allowFork) return;
  let event: unknown;
  try {
    event = env.GITHUB_EVENT_PATH
      ? JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'))
      : undefined;
  } catch {
    event = undefined;
  }
  const risk = forkEventRisk(env.GITHUB_EVENT_NAME, event);
  if (risk) {
    throw new ConfigError(
      `refusing to propose under ${risk}: the fork's code would run with this repository's token (pass --allow-fork if that is intended)`,
    );
  }
}
