import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-YDED65E2.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-CUU3J5WD.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import {
  headBranchName,
  loadEnvironment,
  render
} from "./chunk-YVGAGKXJ.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-WGHDBBKB.js";
import "./chunk-XBNMCRVW.js";
import "./chunk-OXN35FGG.js";
import "./chunk-LF67XUXD.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
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
//# sourceMappingURL=propose-JJCLON5D.js.map
