import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  headBranchName,
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-B6VABBXI.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-YWADFTU6.js";
import "./chunk-NWC3JNII.js";
import "./chunk-FM3P3HNW.js";
import "./chunk-DZWKGZK7.js";
import "./chunk-HRWRN4I5.js";
import {
  loadEnvironment,
  render
} from "./chunk-AP5QPSTF.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-KNW4NEBO.js";
import "./chunk-HW7PKRAG.js";
import "./chunk-P3BBT7K4.js";
import "./chunk-4XANHIC3.js";
import "./chunk-YQHPYPSF.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
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
//# sourceMappingURL=propose-T2RC2VNU.js.map
