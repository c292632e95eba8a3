import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-YR2LIHXK.js";
import "./chunk-6XDKMX4Y.js";
import "./chunk-2ZKVSY52.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-G6P74QM5.js";
import "./chunk-HIFOT27K.js";
import {
  loadEnvironment,
  render
} from "./chunk-WBSZCMUX.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-WGHDBBKB.js";
import {
  headBranchName
} from "./chunk-X4656V3V.js";
import "./chunk-IVIM43V5.js";
import "./chunk-6RY4FXRA.js";
import "./chunk-UHZGMQGH.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-I3546OUC.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-3DVABTY7.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";

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
//# sourceMappingURL=propose-VU2N56NR.js.map
