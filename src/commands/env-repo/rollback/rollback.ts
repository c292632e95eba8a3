import { detectSource, sourceCommitUrl } from '../../../adapters/ci-environment.js';
import type { Logger } from '../../../adapters/logger.js';
import { ConfigError, OperationError } from '../../../core/errors.js';
import { rollbackBranchName } from '../../../core/git-names.js';
import { parseImageReference, quoteForMessage } from '../../../core/image.js';
import { pinPath, pinText } from '../../../core/pin.js';
import { rollbackText, type RollbackFacts } from '../../../core/promotion-text.js';
import type { ProposalFacts } from '../../../core/proposal-text.js';
import { recordedOrigin } from '../../../core/proposal.js';
import { SET_DESCRIPTOR } from '../../../core/set-descriptor.js';
import type { ProposeResult, PullRequestOptions } from '../propose/context.js';
import {
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal,
  type ProposeDeps,
} from '../propose/target.js';
import { loadEnvironment } from '../render.js';
import { findRollbackRevision, parseRollbackTarget } from './revision.js';

export interface RollbackOptions extends PullRequestOptions {
  /** Path to ferry.yaml. */
  config: string;
  env: string;
  /** An env-repo commit SHA, an image tag or digest; default the revision before the last change. */
  to?: string;
  /** Why, recorded in the pin; default names the image rolled back from. */
  reason?: string;
}

export interface RollbackResult extends ProposeResult {
  /** The env-repo commit whose folder is restored. */
  revision: string;
  chosenBy: string;
  /** The last commit that changed the folder: what is rolled back. */
  current: string | undefined;
  pinPath: string;
  pinnedImage: string;
}

/**
 * `ferry rollback`: restores an environment's folder to a previous revision, byte for byte,
 * and pins the app and environment to that revision's image in the same commit, on the head
 * branch `ferry/<app>/<env>.rollback` (one pull request, or branch for plain git).
 */
export async function rollback(
  options: RollbackOptions,
  log: Logger,
  deps: ProposeDeps = {},
): Promise<RollbackResult> {
  const env = deps.env ?? process.env;
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const target = proposalTarget(config, environment, baseDir);
  const branch = rollbackBranchName(config.app, environment.name);
  const wanted = parseRollbackTarget(options.to);
  if (
    options.reason !== undefined &&
    (/[\x00-\x1f\x7f]/.test(options.reason) || options.reason.length > 200)
  )
    throw new ConfigError(
      `--reason ${quoteForMessage(options.reason)}: one line of at most 200 characters`,
    );
  await refuseForkRuns(env, false, 'rollback');

  const session = { options, env, log, throttleId: deps.throttleId };
  const found = await findRollbackRevision(target, wanted, session);
  const where = `${environment.path} at ${found.revision.slice(0, 12)}`;
  const recorded = recordedOrigin(found.files);
  if (!recorded) {
    throw new OperationError(
      `${where} records no ferry.dev/image: ferry rolls back only folders it wrote (it pins their image)`,
    );
  }
  const image = parseImageReference(recorded.image.ref, `ferry.dev/image in ${where}`);
  const from = found.currentImages.join(', ') || 'nothing';
  const reason = options.reason ?? `rolled back from ${from}`;
  const pin = pinText({
    app: config.app,
    environment: environment.name,
    image: image.ref,
    revision: found.revision,
    reason,
    pinnedBy: env.GITHUB_ACTOR || env.GITLAB_USER_LOGIN || '',
    pinnedAt: (deps.now ?? (() => new Date()))()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    runUrl: detectSource(env).runUrl,
  });
  const facts: RollbackFacts = {
    revision: found.revision,
    chosenBy: found.chosenBy,
    current: found.current,
    pinPath: pinPath(config.app, environment.name),
    reason,
    descriptorReplaced: found.files.get(SET_DESCRIPTOR) !== target.set.text,
  };
  log.info(`rolling back ${config.app} in ${environment.name} to ${found.revision} (${image.ref})`);
  // The set descriptor is not restored: it is written from ferry.yaml as it is now.
  const files = new Map(found.files);
  const bytes = new Map(found.bytes);
  files.delete(SET_DESCRIPTOR);
  bytes.delete(SET_DESCRIPTOR);
  const fields = {
    app: config.app,
    branch,
    image,
    files,
    bytes,
    source: recorded.source,
    sourceCommitUrl: sourceCommitUrl(env, recorded.source),
    options,
    describe: (proposal: ProposalFacts) => rollbackText(proposal, facts),
    writePin: pin,
  };
  const result = await runProposal(target, proposalContext(target, fields, deps, log));
  return { ...result, ...facts, pinnedImage: image.ref };
}
