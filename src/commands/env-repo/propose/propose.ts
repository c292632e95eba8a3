import { detectSource, sourceCommitUrl } from '../../../adapters/ci-environment.js';
import type { Logger } from '../../../adapters/logger.js';
import { headBranchName } from '../../../core/git-names.js';
import type { ProposeOptions, ProposeResult } from './context.js';
import {
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal,
  type ProposeDeps,
} from './target.js';
import { loadEnvironment, render } from '../render.js';

export type { ProposeOperation, ProposeOptions, ProposeResult } from './context.js';
export type { ProposeDeps } from './target.js';

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
  const target = proposalTarget(config, environment, baseDir);
  const branch = headBranchName(config.app, environment.name);
  await refuseForkRuns(env, options.allowFork ?? false, 'propose');

  const rendering = await render(
    {
      config: options.config,
      env: options.env,
      imageTag: options.imageTag,
      imageDigest: options.imageDigest,
      source: options.source,
      ...(options.tools ? { tools: options.tools } : {}),
    },
    log,
  );
  const source = detectSource(env, options.source);
  const fields = {
    app: config.app,
    branch,
    image: rendering.image,
    files: rendering.documents,
    source,
    sourceCommitUrl: sourceCommitUrl(env, source),
    options,
  };
  return runProposal(target, proposalContext(target, fields, deps, log));
}
