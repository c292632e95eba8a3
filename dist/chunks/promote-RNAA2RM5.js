import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  evaluateGates,
  forcedPromotionWarning,
  gateFailure
} from "./chunk-PVPH2W2K.js";
import {
  promotionText,
  withEnvRepo
} from "./chunk-QYTHMUPL.js";
import {
  imagesIn,
  proposalContext,
  proposalTarget,
  recordedOrigin,
  refuseForkRuns,
  runProposal
} from "./chunk-ZZK6WDHD.js";
import "./chunk-6XDKMX4Y.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ZVU72A6I.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-G6P74QM5.js";
import {
  loadConfig,
  renderEnvironment
} from "./chunk-3T5PNWXG.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-WGHDBBKB.js";
import {
  headBranchName
} from "./chunk-X4656V3V.js";
import "./chunk-4NID7SJK.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-ZK6YC5J5.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-BUYXP5QT.js";
import "./chunk-PSGNFUS3.js";
import "./chunk-WH76CAUT.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import {
  parseClusterName,
  parseDuration
} from "./chunk-I5IJWC2A.js";
import {
  parseImageReference,
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  FerryError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/env-repo/promote/source.ts
async function readPromotionSource(source, session) {
  const { name, branch, path } = source.environment;
  return withEnvRepo(source, session, async ({ workspace, remote, github, gitlab }) => {
    const from = github?.fullName ?? gitlab?.fullPath ?? remote;
    session.log.info(`reading ${name} from ${from} (${path} on ${branch})`);
    const commit = await workspace.fetchBranch(remote, branch, 1);
    const files = await workspace.readFolder(commit, path);
    const where = `${path} on ${branch} at ${commit.slice(0, 12)}`;
    const images = imagesIn(files);
    if (images.length === 0) {
      throw new OperationError(
        `${name} has no ferry.dev/image annotation in ${where}: nothing ferry deployed there to promote`
      );
    }
    if (images.length > 1) {
      throw new OperationError(
        `${name} records ${images.length} different images in ${where}; promote carries one`
      );
    }
    const image = parseImageReference(images[0], `ferry.dev/image in ${where}`);
    const recorded = recordedOrigin(files)?.source;
    return {
      commit,
      committedAt: await workspace.committedAt(commit),
      files,
      image,
      origin: {
        repo: recorded?.repo ?? "",
        commit: recorded?.commit ?? "",
        ref: "",
        runUrl: recorded?.runUrl ?? ""
      },
      statuses: await (github ?? gitlab)?.latestStatuses(commit)
    };
  });
}

// src/commands/env-repo/promote/promote.ts
async function promote(options, log, deps = {}) {
  const env = deps.env ?? process.env;
  const { config, baseDir } = await loadConfig(options.config);
  const { from, to } = promotionRoute(config, options);
  const source = proposalTarget(config, config.environments[from], baseDir);
  const targets = to.map((name) => proposalTarget(config, config.environments[name], baseDir));
  const minSoakMs = options.minSoak === void 0 ? void 0 : parseDuration(options.minSoak, "--min-soak");
  const cluster = options.cluster ?? "default";
  parseClusterName(cluster, "--cluster");
  await refuseForkRuns(env, false, "promote");
  const session = { options, env, log, throttleId: deps.throttleId };
  const state = await readPromotionSource(source, session);
  const gates = evaluateGates({
    forge: source.forge,
    cluster,
    sourceCommit: state.commit,
    statuses: state.statuses,
    committedAt: state.committedAt,
    minSoakMs,
    now: (deps.now ?? (() => /* @__PURE__ */ new Date()))()
  });
  const failure = gateFailure(gates, from);
  const forced = options.force ?? false;
  if (failure && !forced) throw new OperationError(failure);
  if (forced) log.warning(forcedPromotionWarning(gates, from));
  const facts = {
    from,
    sourcePath: source.environment.path,
    sourceBranch: source.environment.branch,
    sourceCommit: state.commit,
    gates,
    forced
  };
  const origin = { ...state.origin, runUrl: detectSource(env).runUrl || state.origin.runUrl };
  const promotions = [];
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
        { ...options.tools ? { tools: options.tools } : {}, log }
      );
      const fields = {
        app: config.app,
        branch: headBranchName(config.app, name),
        image: state.image,
        files: documents,
        source: origin,
        sourceCommitUrl: sourceCommitUrl(env, origin),
        options,
        describe: (proposal) => promotionText(proposal, facts)
      };
      const result = await runProposal(target, proposalContext(target, fields, deps, log));
      promotions.push({ to: name, ...result });
    } catch (error) {
      if (!(error instanceof FerryError) || targets.length === 1) throw error;
      log.warning(`promotion to ${name} failed: ${error.message}`);
      promotions.push({ to: name, error: error.message });
    }
  }
  return { from, sourceCommit: state.commit, image: state.image.ref, gates, forced, promotions };
}
function promotionRoute(config, options) {
  const known = Object.keys(config.environments);
  const check = (name, flag) => {
    if (!Object.hasOwn(config.environments, name)) {
      throw new ConfigError(
        `${flag} ${quoteForMessage(name)}: ${options.config} has no such environment (environments: ${known.join(", ")})`
      );
    }
    return name;
  };
  if (options.to !== void 0) {
    const to2 = check(options.to, "--to");
    const from2 = options.from ?? config.environments[to2].promoteFrom;
    if (from2 === void 0) {
      throw new ConfigError(
        `--from is required: environments.${to2} has no promoteFrom in ${options.config}`
      );
    }
    check(from2, "--from");
    if (from2 === to2) throw new ConfigError(`--from and --to are both ${to2}`);
    return { from: from2, to: [to2] };
  }
  if (options.from === void 0) {
    throw new ConfigError("give --to, or --from to promote to every environment promoted from it");
  }
  const from = check(options.from, "--from");
  const to = known.filter((name) => config.environments[name].promoteFrom === from);
  if (to.length === 0) {
    throw new ConfigError(
      `no environment in ${options.config} has promoteFrom: ${from}; name a target with --to`
    );
  }
  return { from, to };
}
export {
  promote
};
//# sourceMappingURL=promote-RNAA2RM5.js.map
