import { detectSource, sourceCommitUrl } from '../../../adapters/ci-environment.js';
import type { Logger } from '../../../adapters/logger.js';
import type { FerryConfig } from '../../../core/config.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import { parseDuration } from '../../../core/duration.js';
import { parseClusterName } from '../../../core/options.js';
import { ConfigError, FerryError, OperationError } from '../../../core/errors.js';
import {
  evaluateGates,
  forcedPromotionWarning,
  gateFailure,
  type GateResult,
} from '../../../core/gates.js';
import { headBranchName } from '../../../core/git-names.js';
import { quoteForMessage } from '../../../core/image.js';
import { promotionText, type PromotionFacts } from '../../../core/promotion-text.js';
import type { ProposalFacts } from '../../../core/proposal-text.js';
import type { ProposeResult, PullRequestOptions } from '../propose/context.js';
import {
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal,
  type ProposeDeps,
} from '../propose/target.js';
import { readPromotionSource } from './source.js';
import { loadConfig, renderEnvironment } from '../render.js';

export interface PromoteOptions extends PullRequestOptions {
  /** Path to ferry.yaml. */
  config: string;
  /** Source environment; default the target's `promoteFrom`. */
  from?: string;
  /** Target environment; default every environment whose `promoteFrom` is `from`. */
  to?: string;
  /** Promote even when gates fail; the pull request says so. */
  force?: boolean;
  /** Minimum time since the source was deployed, e.g. `1h`. */
  minSoak?: string;
  /** Cluster in the source's status contexts (`ferry/apply (<cluster>)`); default `default`. */
  cluster?: string;
  /** Where kustomize and helm are, when not on PATH. */
  tools?: ToolPaths;
}

/** One target's promotion: what propose reports, or why it failed. */
export type Promotion =
  ({ to: string; error?: undefined } & ProposeResult) | { to: string; error: string };

export interface PromoteResult {
  from: string;
  /** The source branch's tip in the environment repo. */
  sourceCommit: string;
  image: string;
  gates: GateResult[];
  forced: boolean;
  promotions: Promotion[];
}

/**
 * `ferry promote`: reads what the source environment runs from the environment repo, judges
 * the gates on it, renders the app for each target with that image and the target's values,
 * and opens or updates one pull request per target on `ferry/<app>/<target>` (the branch
 * propose uses). Gates failing without --force stop it before anything is written.
 */
export async function promote(
  options: PromoteOptions,
  log: Logger,
  deps: ProposeDeps = {},
): Promise<PromoteResult> {
  const env = deps.env ?? process.env;
  const { config, baseDir } = await loadConfig(options.config);
  const { from, to } = promotionRoute(config, options);
  const source = proposalTarget(config, config.environments[from]!, baseDir);
  const targets = to.map((name) => proposalTarget(config, config.environments[name]!, baseDir));
  const minSoakMs =
    options.minSoak === undefined ? undefined : parseDuration(options.minSoak, '--min-soak');
  const cluster = options.cluster ?? 'default';
  parseClusterName(cluster, '--cluster');
  await refuseForkRuns(env, false, 'promote');

  const session = { options, env, log, throttleId: deps.throttleId };
  const state = await readPromotionSource(source, session);
  const gates = evaluateGates({
    forge: source.forge,
    cluster,
    sourceCommit: state.commit,
    statuses: state.statuses,
    committedAt: state.committedAt,
    minSoakMs,
    now: (deps.now ?? (() => new Date()))(),
  });
  const failure = gateFailure(gates, from);
  const forced = options.force ?? false;
  if (failure && !forced) throw new OperationError(failure);
  if (forced) log.warning(forcedPromotionWarning(gates, from));

  const facts: PromotionFacts = {
    from,
    sourcePath: source.environment.path,
    sourceBranch: source.environment.branch,
    sourceCommit: state.commit,
    gates,
    forced,
  };
  // The build the image came from, and this run (when CI says which it is).
  const origin = { ...state.origin, runUrl: detectSource(env).runUrl || state.origin.runUrl };
  const promotions: Promotion[] = [];
  for (const target of targets) {
    const name = target.environment.name;
    try {
      log.info(`promoting ${config.app} ${state.image.ref} from ${from} to ${name}`);
      const { documents } = await renderEnvironment(
        config,
        target.environment,
        state.image,
        origin,
        baseDir,
        { ...(options.tools ? { tools: options.tools } : {}), log },
      );
      const fields = {
        app: config.app,
        branch: headBranchName(config.app, name),
        image: state.image,
        files: documents,
        source: origin,
        sourceCommitUrl: sourceCommitUrl(env, origin),
        options,
        describe: (proposal: ProposalFacts) => promotionText(proposal, facts),
      };
      const result = await runProposal(target, proposalContext(target, fields, deps, log));
      promotions.push({ to: name, ...result });
    } catch (error) {
      // One target's failure (a pin, a forge error) does not hide the others'; alone, it is
      // the command's error.
      if (!(error instanceof FerryError) || targets.length === 1) throw error;
      log.warning(`promotion to ${name} failed: ${error.message}`);
      promotions.push({ to: name, error: error.message });
    }
  }
  return { from, sourceCommit: state.commit, image: state.image.ref, gates, forced, promotions };
}

/** The source and targets: as given, or from `promoteFrom` (every environment that names `from`). */
function promotionRoute(
  config: FerryConfig,
  options: Pick<PromoteOptions, 'config' | 'from' | 'to'>,
): { from: string; to: string[] } {
  const known = Object.keys(config.environments);
  const check = (name: string, flag: string) => {
    if (!Object.hasOwn(config.environments, name)) {
      throw new ConfigError(
        `${flag} ${quoteForMessage(name)}: ${options.config} has no such environment (environments: ${known.join(', ')})`,
      );
    }
    return name;
  };
  if (options.to !== undefined) {
    const to = check(options.to, '--to');
    const from = options.from ?? config.environments[to]!.promoteFrom;
    if (from === undefined) {
      throw new ConfigError(
        `--from is required: environments.${to} has no promoteFrom in ${options.config}`,
      );
    }
    check(from, '--from');
    if (from === to) throw new ConfigError(`--from and --to are both ${to}`);
    return { from, to: [to] };
  }
  if (options.from === undefined) {
    throw new ConfigError('give --to, or --from to promote to every environment promoted from it');
  }
  const from = check(options.from, '--from');
  const to = known.filter((name) => config.environments[name]!.promoteFrom === from);
  if (to.length === 0) {
    throw new ConfigError(
      `no environment in ${options.config} has promoteFrom: ${from}; name a target with --to`,
    );
  }
  return { from, to };
}
