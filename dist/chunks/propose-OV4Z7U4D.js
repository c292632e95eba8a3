import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  headBranchName,
  proposalContext,
  proposalTarget,
  refuseForkRuns,
  runProposal
} from "./chunk-KVS64T42.js";
import "./chunk-XOBF76R5.js";
import "./chunk-UVABARX3.js";
import {
  loadEnvironment,
  render
} from "./chunk-EEVGZM6S.js";
import "./chunk-6ZR53KGX.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-KNW4NEBO.js";
import "./chunk-NCEOGV3V.js";
import "./chunk-OHINQ3TB.js";
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
//# sourceMappingURL=propose-OV4Z7U4D.js.map
