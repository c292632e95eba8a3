import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  headBranchName,
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-BOULYR5W.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-M53YTO2T.js";
import "./chunk-IHZBOTKP.js";
import "./chunk-HRWRN4I5.js";
import {
  loadEnvironment,
  render
} from "./chunk-D4TT4I5V.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-KNW4NEBO.js";
import "./chunk-QCKBONQO.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-J6T2JOXM.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";

// src/commands/env-repo/propose/propose.ts
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
//# sourceMappingURL=propose-AV4Q3XUN.js.map
