import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  headBranchName,
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-UEDL5BEZ.js";
import "./chunk-EZP5OGJT.js";
import "./chunk-FAYQYGGE.js";
import {
  loadEnvironment,
  render
} from "./chunk-PF6AWLQB.js";
import "./chunk-MWIGHI5J.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-KNW4NEBO.js";
import "./chunk-L67FNGXX.js";
import "./chunk-RJ335PBH.js";
import "./chunk-O7TIUWNP.js";
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
//# sourceMappingURL=propose-EPJPSWZJ.js.map
