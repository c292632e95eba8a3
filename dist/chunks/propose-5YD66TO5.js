import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  proposalContext,
  proposalTarget,
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
  loadEnvironment,
  render
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
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/env-repo/propose/propose.ts
async function propose(options, log, deps = {}) {
  const env = deps.env ?? process.env;
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const target = proposalTarget(config, environment, baseDir);
  const branch = headBranchName(config.app, environment.name);
  await refuseForkRuns(env, options.allowFork ?? false, "propose");
  const rendering = await render(
    {
      config: options.config,
      env: options.env,
      imageTag: options.imageTag,
      imageDigest: options.imageDigest,
      source: options.source,
      ...options.tools ? { tools: options.tools } : {}
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
//# sourceMappingURL=propose-5YD66TO5.js.map
