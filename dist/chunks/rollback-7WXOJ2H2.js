import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  rollbackText,
  withEnvRepo
} from "./chunk-QYTHMUPL.js";
import {
  imagesIn,
  pinPath,
  pinText,
  proposalContext,
  proposalTarget,
  recordedOrigin,
  refuseForkRuns,
  runProposal
} from "./chunk-ZZK6WDHD.js";
import "./chunk-6XDKMX4Y.js";
import {
  SET_DESCRIPTOR
} from "./chunk-CCTWZ5ZG.js";
import "./chunk-ZVU72A6I.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-G6P74QM5.js";
import {
  loadEnvironment
} from "./chunk-3T5PNWXG.js";
import {
  detectSource,
  sourceCommitUrl
} from "./chunk-WGHDBBKB.js";
import {
  rollbackBranchName
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
import {
  isImageDigest,
  isImageTag,
  parseImageReference,
  quoteForMessage,
  splitImageReference
} from "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/env-repo/rollback/revision.ts
var HEX = /^[0-9a-f]{7,64}$/;
var FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
function parseRollbackTarget(to) {
  if (to === void 0) return { kind: "previous" };
  if (FULL_SHA.test(to.toLowerCase())) return { kind: "commit", sha: to.toLowerCase() };
  if (HEX.test(to)) return { kind: "commit-or-tag", value: to };
  if (isImageDigest(to)) return { kind: "image", tag: "", digest: to };
  if (isImageTag(to) && !to.includes("..")) return { kind: "image", tag: to, digest: "" };
  throw new ConfigError(
    `--to ${quoteForMessage(to)}: expected an environment-repo commit SHA, an image tag or an image digest`
  );
}
async function findRollbackRevision(target, wanted, session) {
  const { branch, path } = target.environment;
  return withEnvRepo(target, session, async ({ workspace, remote }) => {
    session.log.info(`reading the history of ${path} on ${branch}`);
    const tip = await workspace.fetchBranch(remote, branch);
    const changes = await workspace.changesTo(tip, path);
    const { revision, chosenBy } = await choose(workspace, tip, changes, wanted, target);
    const content = await workspace.readFolderExact(revision, path);
    if (content.files.size === 0) {
      throw new OperationError(
        `${path} does not exist at ${revision.slice(0, 12)}: nothing to roll back to`
      );
    }
    const currentImages = imagesIn(await workspace.readFolder(tip, path));
    return { ...content, revision, chosenBy, current: changes[0], currentImages };
  });
}
async function choose(workspace, tip, changes, wanted, target) {
  const { branch, path } = target.environment;
  const short = (sha) => sha.slice(0, 12);
  if (wanted.kind === "previous") {
    const [current, previous] = changes;
    if (current === void 0 || previous === void 0) {
      throw new OperationError(
        `nothing to roll back to: ${path} on ${branch} has ${changes.length === 0 ? "never existed" : "only one revision"}`
      );
    }
    return {
      revision: previous,
      chosenBy: `the revision before the last change, ${short(current)}`
    };
  }
  if (wanted.kind === "image") {
    const found = await withImage(workspace, changes, path, wanted);
    if (!found)
      throw new OperationError(`no revision of ${path} on ${branch} deploys ${imageText(wanted)}`);
    return { revision: found, chosenBy: `the last revision that deployed ${imageText(wanted)}` };
  }
  const value = wanted.kind === "commit" ? wanted.sha : wanted.value;
  const commit = await workspace.commitInHistory(value, tip);
  const byTag = wanted.kind === "commit-or-tag" ? await withImage(workspace, changes, path, { tag: value, digest: "" }) : void 0;
  if (commit && byTag && commit !== byTag) {
    throw new ConfigError(
      `--to ${value} names both commit ${short(commit)} and image tag ${value} (deployed at ${short(byTag)}); give the full commit SHA`
    );
  }
  if (commit) return { revision: commit, chosenBy: `commit ${short(commit)}, as asked` };
  if (byTag) return { revision: byTag, chosenBy: `the last revision that deployed tag ${value}` };
  const tagToo = wanted.kind === "commit-or-tag" ? `, and no revision of ${path} deploys tag ${value}` : "";
  throw new OperationError(`--to ${value}: no such commit in the history of ${branch}${tagToo}`);
}
async function withImage(workspace, changes, path, wanted) {
  for (const commit of changes) {
    const images = imagesIn(await workspace.readFolder(commit, path)).map(splitImageReference);
    const match = images.some(
      (image) => wanted.digest ? image.digest === wanted.digest : image.tag === wanted.tag
    );
    if (match) return commit;
  }
  return void 0;
}
function imageText(wanted) {
  return wanted.digest ? `digest ${wanted.digest}` : `tag ${wanted.tag}`;
}

// src/commands/env-repo/rollback/rollback.ts
async function rollback(options, log, deps = {}) {
  const env = deps.env ?? process.env;
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const target = proposalTarget(config, environment, baseDir);
  const branch = rollbackBranchName(config.app, environment.name);
  const wanted = parseRollbackTarget(options.to);
  if (options.reason !== void 0 && (/[\x00-\x1f\x7f]/.test(options.reason) || options.reason.length > 200))
    throw new ConfigError(
      `--reason ${quoteForMessage(options.reason)}: one line of at most 200 characters`
    );
  await refuseForkRuns(env, false, "rollback");
  const session = { options, env, log, throttleId: deps.throttleId };
  const found = await findRollbackRevision(target, wanted, session);
  const where = `${environment.path} at ${found.revision.slice(0, 12)}`;
  const recorded = recordedOrigin(found.files);
  if (!recorded) {
    throw new OperationError(
      `${where} records no ferry.dev/image: ferry rolls back only folders it wrote (it pins their image)`
    );
  }
  const image = parseImageReference(recorded.image.ref, `ferry.dev/image in ${where}`);
  const from = found.currentImages.join(", ") || "nothing";
  const reason = options.reason ?? `rolled back from ${from}`;
  const pin = pinText({
    app: config.app,
    environment: environment.name,
    image: image.ref,
    revision: found.revision,
    reason,
    pinnedBy: env.GITHUB_ACTOR || env.GITLAB_USER_LOGIN || "",
    pinnedAt: (deps.now ?? (() => /* @__PURE__ */ new Date()))().toISOString().replace(/\.\d{3}Z$/, "Z"),
    runUrl: detectSource(env).runUrl
  });
  const facts = {
    revision: found.revision,
    chosenBy: found.chosenBy,
    current: found.current,
    pinPath: pinPath(config.app, environment.name),
    reason,
    descriptorReplaced: found.files.get(SET_DESCRIPTOR) !== target.set.text
  };
  log.info(`rolling back ${config.app} in ${environment.name} to ${found.revision} (${image.ref})`);
  const files = new Map(found.files);
  const bytes = new Map(found.bytes);
  files.delete(SET_DESCRIPTOR);
  bytes.delete(SET_DESCRIPTOR);
  const fields = {
    app: config.app,
    branch,
    image,
    files,
    bytes,
    source: recorded.source,
    sourceCommitUrl: sourceCommitUrl(env, recorded.source),
    options,
    describe: (proposal) => rollbackText(proposal, facts),
    writePin: pin
  };
  const result = await runProposal(target, proposalContext(target, fields, deps, log));
  return { ...result, ...facts, pinnedImage: image.ref };
}
export {
  rollback
};
//# sourceMappingURL=rollback-7WXOJ2H2.js.map
