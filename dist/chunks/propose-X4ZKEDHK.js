import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  headBranchName,
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-5DMZ6DG6.js";
import "./chunk-BLPCCCDV.js";
import "./chunk-NUKUWNLF.js";
import {
  loadEnvironment,
  render
} from "./chunk-VJOLTIVQ.js";
import "./chunk-YM6WYC6C.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-KNW4NEBO.js";
import "./chunk-3RVZJX2I.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-JYCF66TB.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";

// src/commands/propose.ts
async function propose(options, log, deps = {}) {
  const env = deps.env ?? process.env;
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const target = proposalTarget(environment, baseDir);
  const branch = headBranchName(config.app, environment.name);
  await refuseForkRuns(env, options.allowFork ?? false, "propose");
  const rendering = await render(
    {
      config: options.config,
      env: options.env,
      imageTag: options.imageTag,
      imageDigest: options.imageDigest,
      source: options.source
    },
    log
  );
  const source = detectSource(env, options.source);
  const fields = {
    app: config.app,
    branch,
    image: rendering.image,
    files: rendering.documents,
    source,
    sourceCommitUrl: sourceCommitUrl(env, source),
    options
  };
  return runProposal(target, proposalContext(target, fields, deps, log));
}
export {
  propose
};
//# sourceMappingURL=propose-X4ZKEDHK.js.map
