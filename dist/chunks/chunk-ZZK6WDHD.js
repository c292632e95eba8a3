import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  readGitHubEvent
} from "./chunk-6XDKMX4Y.js";
import {
  SET_DESCRIPTOR,
  clusterSets,
  folderHolds,
  isSkippedFolder,
  parseSetDescriptor,
  proposedDescriptor
} from "./chunk-CCTWZ5ZG.js";
import {
  EnvRepoWorkspace,
  ForgeAccessError,
  GitHubEnvRepo,
  PullRequestExistsError,
  githubClient,
  openGitLabProject,
  openGitLabWorkspace,
  parseGitLabProject
} from "./chunk-ZVU72A6I.js";
import {
  ACTION_TOKEN_VARIABLE
} from "./chunk-HIFOT27K.js";
import {
  unifiedDiff
} from "./chunk-G6P74QM5.js";
import {
  inferForge
} from "./chunk-3T5PNWXG.js";
import {
  sourceCommitUrl
} from "./chunk-WGHDBBKB.js";
import {
  checkBranchName,
  checkGitRemote,
  checkRepoPath,
  isGitUrl,
  parseGitHubRepo
} from "./chunk-X4656V3V.js";
import {
  otherRendering
} from "./chunk-BUYXP5QT.js";
import {
  RENDERER_ANNOTATION
} from "./chunk-WH76CAUT.js";
import {
  ANNOTATION_PREFIX,
  KUBE_READ_SCHEMA,
  describeObject,
  identityOf
} from "./chunk-XIPL23AO.js";
import {
  quoteForMessage,
  splitImageReference
} from "./chunk-HWJ62L7M.js";
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  LostRaceError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import {
  inlineCode,
  link,
  oneLine
} from "./chunk-JFNBL6FX.js";

// src/core/pin.ts
function pinPath(app, env) {
  return `.ferry/pins/${app}/${env}.yaml`;
}
function pinText(pin) {
  const header = [
    `# Pinned by ferry rollback. While this file exists, ferry propose and ferry promote refuse`,
    `# to deploy any image other than \`image\` to ${pin.app} in ${pin.environment}.`,
    `# To unpin, delete this file in a pull request.`
  ];
  return `${header.join("\n")}
${yaml.dump(pin, { lineWidth: -1 })}`;
}
function parsePin(text) {
  let data;
  try {
    data = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch {
    return void 0;
  }
  if (typeof data !== "object" || data === null) return void 0;
  const fields = data;
  const field = (key) => typeof fields[key] === "string" ? fields[key] : "";
  return {
    app: field("app"),
    environment: field("environment"),
    image: field("image"),
    revision: field("revision"),
    reason: field("reason"),
    pinnedBy: field("pinnedBy"),
    pinnedAt: field("pinnedAt"),
    runUrl: field("runUrl")
  };
}
function pinIdentity(text) {
  const pin = parsePin(text);
  if (!pin) return text;
  const { app, environment, image, revision, reason } = pin;
  return JSON.stringify({ app, environment, image, revision, reason });
}
function pinRefusal(text, where, image) {
  const pin = parsePin(text);
  if (pin?.image === image) return void 0;
  const unpin = `to unpin, delete ${where.path} from ${where.branch} in a pull request`;
  if (!pin?.image) {
    return `${where.app} in ${where.env} is pinned by ${where.path} on ${where.branch}, which names no image; ${unpin}`;
  }
  const why = [
    pin.reason,
    pin.pinnedBy && `by ${pin.pinnedBy}`,
    pin.pinnedAt && `at ${pin.pinnedAt}`
  ].filter(Boolean).join(" ");
  return `${where.app} in ${where.env} is pinned to ${quoted(pin.image)} by ${where.path} on ${where.branch}${why ? ` (${quoted(why)})` : ""}, so ${quoted(image)} is refused; ${unpin}`;
}
function quoted(value) {
  return JSON.stringify(value.length > 300 ? `${value.slice(0, 300)}\u2026` : value);
}

// src/core/proposal.ts
var VOLATILE_ANNOTATIONS = ["run-url", "source-commit"].map(
  (key) => `${ANNOTATION_PREFIX}${key}`
);
var VOLATILE_LINE = new RegExp(
  `^(\\s*)["']?(${VOLATILE_ANNOTATIONS.map((a) => a.replace(/[./]/g, "\\$&")).join("|")})["']?\\s*:(.*)$`
);
function withoutVolatileLines(text) {
  const out = [];
  let blockIndent = -1;
  for (const line of text.split("\n")) {
    if (blockIndent >= 0) {
      const indent = /^\s*/.exec(line)[0].length;
      if (line.trim() === "" || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const match = VOLATILE_LINE.exec(line);
    if (match) {
      if (/^\s*[|>]/.test(match[3])) blockIndent = match[1].length;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}
function sameContent(a, b) {
  if (a.size !== b.size) return false;
  for (const [name, text] of a) {
    const other = b.get(name);
    if (other === void 0 || withoutVolatileLines(other) !== withoutVolatileLines(text))
      return false;
  }
  return true;
}
function parseFolder(files) {
  const objects = /* @__PURE__ */ new Map();
  const images = /* @__PURE__ */ new Set();
  const renderers = /* @__PURE__ */ new Set();
  let recorded;
  for (const [name, text] of [...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    if (name === SET_DESCRIPTOR) continue;
    let documents;
    try {
      documents = yaml.loadAll(text, void 0, { schema: KUBE_READ_SCHEMA });
    } catch {
      documents = [];
    }
    const kubeObjects = documents.filter(isKubeObject);
    if (kubeObjects.length === 0) {
      objects.set(`file:${name}`, { label: `file ${name}`, comparable: text });
      continue;
    }
    for (const object of kubeObjects) {
      const image = object.metadata.annotations?.[`${ANNOTATION_PREFIX}image`];
      if (typeof image === "string") images.add(image);
      if (typeof image === "string" && !recorded) recorded = object.metadata.annotations;
      const renderer = object.metadata.annotations?.[`${ANNOTATION_PREFIX}${RENDERER_ANNOTATION}`];
      if (typeof renderer === "string") renderers.add(renderer);
      objects.set(identityOf(object), {
        label: describeObject(object),
        comparable: JSON.stringify(withoutFerryAnnotations(object))
      });
    }
  }
  return { objects, images: [...images], recorded, renderers: [...renderers] };
}
function isKubeObject(value) {
  const object = value;
  return typeof object === "object" && object !== null && typeof object.kind === "string" && typeof object.apiVersion === "string" && typeof object.metadata?.name === "string" && (object.metadata.annotations === void 0 || typeof object.metadata.annotations === "object" && object.metadata.annotations !== null);
}
function withoutFerryAnnotations(object) {
  const annotations = Object.fromEntries(
    Object.entries(object.metadata.annotations ?? {}).filter(
      ([key]) => !key.startsWith(ANNOTATION_PREFIX)
    )
  );
  return { ...object, metadata: { ...object.metadata, annotations } };
}
function summarizeObjects(before, after) {
  const old = parseFolder(before).objects;
  const next = parseFolder(after).objects;
  const summary = { added: [], changed: [], removed: [] };
  for (const [id, object] of next) {
    const previous = old.get(id);
    if (!previous) summary.added.push(object.label);
    else if (previous.comparable !== object.comparable) summary.changed.push(object.label);
  }
  for (const [id, object] of old) if (!next.has(id)) summary.removed.push(object.label);
  return summary;
}
function descriptorChange(before, after) {
  const [old, next] = [before.get(SET_DESCRIPTOR), after.get(SET_DESCRIPTOR)];
  if (old === next) return void 0;
  return old === void 0 ? "added" : next === void 0 ? "removed" : "changed";
}
function imagesIn(files) {
  return parseFolder(files).images;
}
function renderersIn(files) {
  return parseFolder(files).renderers;
}
function recordedOrigin(files) {
  const recorded = parseFolder(files).recorded;
  const ref = recorded?.[`${ANNOTATION_PREFIX}image`];
  if (!recorded || ref === void 0) return void 0;
  const image = { ...splitImageReference(ref), ref };
  const annotation = (key) => recorded[`${ANNOTATION_PREFIX}${key}`] ?? "";
  const source = {
    repo: annotation("source-repo"),
    commit: annotation("source-commit"),
    ref: "",
    runUrl: annotation("run-url")
  };
  return { image, source };
}
function folderDiff(before, after, folder) {
  const names = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  return names.map((name) => unifiedDiff(`${folder}/${name}`, before.get(name), after.get(name))).join("");
}
function planProposal(rendered, base, head, companion) {
  const companionAt = (where) => companion === void 0 || companion.proposed === companion[where];
  if (sameContent(rendered, base) && companionAt("base")) {
    const headDiffers = head !== void 0 && (!sameContent(head.files, base) || companion !== void 0 && companion.head !== companion.base);
    return { kind: "nothing-to-propose", headDiffers };
  }
  if (head?.proposesAgainstBase && sameContent(rendered, head.files) && companionAt("head"))
    return { kind: "up-to-date" };
  return { kind: "commit" };
}

// src/commands/env-repo/propose/target.ts
import { resolve } from "node:path";

// src/core/fork-guard.ts
function forkEventRisk(eventName, event) {
  if (eventName !== "pull_request_target") return void 0;
  const payload = typeof event === "object" && event !== null ? event : {};
  const head = payload.pull_request?.head?.repo?.full_name;
  const base = payload.pull_request?.base?.repo?.full_name ?? payload.repository?.full_name;
  if (event === void 0) {
    return "pull_request_target event without a readable GITHUB_EVENT_PATH";
  }
  if (!head || !base || head.toLowerCase() !== base.toLowerCase()) {
    return `pull_request_target from ${head ?? "a deleted fork"} into ${base ?? "this repository"}`;
  }
  return void 0;
}

// src/core/proposed-set.ts
function environmentSet(config, environment) {
  const text = proposedDescriptor(environment);
  const { descriptor } = parseSetDescriptor(text, `${environment.path}/${SET_DESCRIPTOR}`);
  const lineOf = (path) => config.lineOf(["environments", environment.name, ...path]);
  return { text, set: { path: environment.path, file: config.file, descriptor, lineOf } };
}
function checkProposedSet(ours, descriptors, base) {
  const found = [...descriptors].filter(([path]) => path === "." || !path.split("/").some(isSkippedFolder)).map(([path, text]) => ({ path, text }));
  for (const { path } of found) {
    if (path === ours.path) continue;
    const file = `${path === "." ? "" : `${path}/`}${SET_DESCRIPTOR}`;
    if (folderHolds(path, ours.path))
      throw new ConfigError(
        `${file} on ${base}: the folder ${ours.path} is inside the set ${path}, and sets cannot nest (a set's folder is applied whole); move ${ours.path} out of ${path}, or remove that descriptor`
      );
    if (folderHolds(ours.path, path))
      throw new ConfigError(
        `${file} on ${base}: the folder ${ours.path} holds the set ${path}, which proposing would delete (the folder is replaced whole); give ${ours.path} a folder of its own, or remove that set first if it is gone`
      );
  }
  const sets = found.flatMap(({ path, text }) => {
    try {
      const file = `${path === "." ? "" : `${path}/`}${SET_DESCRIPTOR} on ${base}`;
      const { descriptor, lineOf } = parseSetDescriptor(text, file);
      return [{ path, file, descriptor, lineOf }];
    } catch (error) {
      if (error instanceof ConfigError) return [];
      throw error;
    }
  });
  const before = sets;
  const after = [...sets.filter((set) => set.path !== ours.path), ours];
  const named = new Set(after.concat(before).flatMap((set) => set.descriptor.clusters ?? []));
  const clusters = named.size > 0 ? [...named].sort() : ["default"];
  for (const cluster of clusters) {
    const problem = orderProblem(after, cluster);
    if (problem !== void 0 && problem !== orderProblem(before, cluster))
      throw new ConfigError(
        `${problem}; merged into ${base}, this proposal for ${ours.path} would stop ferry apply --all for cluster ${cluster}`
      );
  }
}
function orderProblem(sets, cluster) {
  try {
    clusterSets(sets, cluster);
    return void 0;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

// src/core/proposal-text.ts
var BODY_LIMIT = 6e4;
var FOLD_DIFF_LINES = 50;
var SUMMARY_CAP = 50;
function imageLabel(image) {
  return image.tag || image.digest.slice(0, "sha256:".length + 12);
}
function proposalTitle(facts) {
  return `ferry: deploy ${facts.app} ${imageLabel(facts.image)} to ${facts.env}`;
}
function commitMessage(facts, headline = proposalTitle(facts), extra = []) {
  const lines = [`Image: ${oldImageText(facts)} -> ${facts.image.ref}`];
  if (facts.source.repo || facts.source.commit)
    lines.push(`Source: ${oneLine(`${facts.source.repo}@${facts.source.commit}`)}`);
  if (facts.source.runUrl) lines.push(`Run: ${oneLine(facts.source.runUrl, 500)}`);
  if (facts.descriptor) lines.push(`Set descriptor: ${facts.descriptor}`);
  return { headline, body: [...lines, ...extra].join("\n") };
}
function oldImageText(facts) {
  if (facts.oldImages.length === 0) return "(none)";
  return facts.oldImages.slice(0, 5).map((image) => oneLine(image)).join(", ");
}
function summaryLines(summary) {
  const lines = [];
  const section = (word, names) => {
    for (const name of names.slice(0, SUMMARY_CAP)) lines.push(`- ${word} ${inlineCode(name)}`);
    if (names.length > SUMMARY_CAP)
      lines.push(`- \u2026 and ${names.length - SUMMARY_CAP} more ${word}`);
  };
  section("added", summary.added);
  section("changed", summary.changed);
  section("removed", summary.removed);
  return lines;
}
function diffBlock(diff, budget) {
  const longest = Math.max(0, ...(diff.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const lines = diff.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const wrap = (body, note2) => {
    const block = `${fence}diff
${body}${fence}
${note2}`;
    return lines.length > FOLD_DIFF_LINES ? `<details><summary>Rendered diff (${lines.length} lines)</summary>

${block}
</details>
` : `${block}
`;
  };
  const whole = wrap(`${lines.join("\n")}
`, "");
  if (whole.length <= budget) return whole;
  const room = budget - wrap("", "x".repeat(120)).length;
  let used = 0;
  let kept = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room) break;
    used += line.length + 1;
    kept++;
  }
  const shown2 = lines.slice(0, kept).join("\n");
  const note = `
_Diff truncated to fit GitHub's body limit: ${lines.length - kept} more lines are in the commit._
`;
  return wrap(kept > 0 ? `${shown2}
` : "", note);
}
function rendererLine(facts) {
  const now = facts.renderers.map(inlineCode).join(", ");
  const before = facts.oldRenderers.map(inlineCode).join(", ");
  if (!now && !before) return void 0;
  const changed = before !== now && before !== "";
  return `**Rendered with:** ${changed ? `${before || "_Handlebars_"} \u2192 ${now || "_Handlebars_"}` : now}
`;
}
function proposalBody(facts, extra = {}) {
  const parts = [];
  parts.push(extra.lead ?? `Deploys ${inlineCode(facts.app)} to ${inlineCode(facts.env)}.
`);
  const oldText = facts.oldImages.length === 0 ? "_none_" : facts.oldImages.slice(0, 5).map(inlineCode).join(", ");
  parts.push(`**Image:** ${oldText} \u2192 ${inlineCode(facts.image.ref)}
`);
  const renderedWith = rendererLine(facts);
  if (renderedWith) parts.push(renderedWith);
  const { added, changed, removed } = facts.summary;
  parts.push(
    `**Objects:** ${added.length} added, ${changed.length} changed, ${removed.length} removed
`
  );
  const summary = summaryLines(facts.summary);
  if (summary.length > 0) parts.push(`${summary.join("\n")}
`);
  if (facts.descriptor) {
    parts.push(
      `**Set descriptor:** ${inlineCode(SET_DESCRIPTOR)} ${facts.descriptor} (how \`ferry apply --all\` applies this folder: inventory, clusters, dependencies; see the diff)
`
    );
  }
  const links = [];
  if (facts.source.commit) {
    const label = `commit ${oneLine(facts.source.commit).slice(0, 12)}`;
    links.push(facts.sourceCommitUrl ? link(label, facts.sourceCommitUrl) : inlineCode(label));
  }
  if (facts.source.runUrl) links.push(link("CI run", facts.source.runUrl));
  if (links.length > 0) parts.push(`**Source:** ${links.join(" \xB7 ")}
`);
  parts.push(...extra.sections ?? []);
  const footer = `
<sub>Proposed by ferry for ${inlineCode(facts.path)}. Branch ${inlineCode(facts.branch)} is rewritten on every build (base + one commit); push changes to the templates instead.</sub>
`;
  const head = parts.join("\n");
  const budget = BODY_LIMIT - head.length - footer.length - 1;
  const diff = facts.diff === "" ? "_No file changes._\n" : diffBlock(facts.diff, budget);
  return `${head}
${diff}${footer}`;
}

// src/commands/env-repo/propose/context.ts
function ownProposal(context) {
  return {
    files: context.files,
    image: context.image,
    source: context.source,
    sourceCommitUrl: context.sourceCommitUrl
  };
}
function proposalWords(context, baseFiles, proposed) {
  const own = proposed === void 0;
  proposed ??= ownProposal(context);
  const facts = {
    app: context.app,
    env: context.envName,
    image: proposed.image,
    oldImages: imagesIn(baseFiles),
    renderers: renderersIn(proposed.files),
    oldRenderers: renderersIn(baseFiles),
    summary: summarizeObjects(baseFiles, proposed.files),
    descriptor: descriptorChange(baseFiles, proposed.files),
    diff: folderDiff(baseFiles, proposed.files, context.path),
    source: proposed.source,
    sourceCommitUrl: proposed.sourceCommitUrl,
    path: context.path,
    branch: context.branch
  };
  if (own && context.describe) return { facts, ...context.describe(facts) };
  return {
    facts,
    title: proposalTitle(facts),
    body: proposalBody(facts),
    message: commitMessage(facts)
  };
}
function baseResult(context, words) {
  return {
    repo: context.repo,
    base: context.base,
    branch: context.branch,
    title: words.title,
    body: words.body,
    diff: words.facts.diff,
    image: context.image.ref,
    oldImages: words.facts.oldImages,
    objects: words.facts.summary,
    dryRun: context.options.dryRun ?? false
  };
}
async function readProposalState(context, workspace, remote) {
  const { base, branch, path, pin } = context;
  const tips = await workspace.fetch(remote, base, branch);
  const file = await workspace.fileOnPath(tips.base, path);
  if (file !== void 0) {
    throw new ConfigError(
      `${shown(file)} is a file on ${base}, so ${path} cannot be a folder (the proposal would replace the file); choose another path`
    );
  }
  const baseFiles = await workspace.readFolder(tips.base, path);
  refuseOtherRendering(context, baseFiles);
  const descriptors = await workspace.filesNamed(tips.base, SET_DESCRIPTOR);
  checkProposedSet(context.set, descriptors, base);
  const basePin = await workspace.readFile(tips.base, pin.path);
  if (pin.write === void 0 && basePin !== void 0) {
    const where = { app: context.app, env: context.envName, path: pin.path, branch: base };
    const refusal = pinRefusal(basePin, where, context.image.ref);
    if (refusal) throw new OperationError(refusal);
  }
  const companions = pin.write === void 0 ? [] : [pin.path];
  const head = tips.head === void 0 ? void 0 : {
    files: await workspace.readFolder(tips.head, path),
    proposesAgainstBase: await workspace.proposesAgainst(
      tips.head,
      tips.base,
      path,
      companions
    )
  };
  let companion;
  if (pin.write !== void 0) {
    const headPin = tips.head && await workspace.readFile(tips.head, pin.path);
    const identity = (text) => text && pinIdentity(text);
    companion = {
      proposed: pinIdentity(pin.write),
      base: identity(basePin),
      head: identity(headPin)
    };
  }
  const plan = planProposal(context.files, baseFiles, head, companion);
  return { tips, baseFiles, basePin, plan };
}
function refuseOtherRendering(context, baseFiles) {
  const other = otherRendering(baseFiles, { app: context.app, environment: context.envName });
  if (!other) return;
  const { path, base, app, envName } = context;
  throw new ConfigError(
    `${shown(`${path}/${other.file}`)} on ${base} holds an object of app ${shown(other.owner.app)}, environment ${shown(other.owner.environment)}: the folder ${path} of ${app}/${envName} must not hold another app's or environment's folder (proposing would delete it); give each its own folder, or remove those files first if that app or environment is gone`
  );
}
function shown(name) {
  return /^[\w.%~/-]+$/.test(name) ? name : quoteForMessage(name);
}

// src/commands/env-repo/propose/commit.ts
function commitProposal(context, workspace, parent, words) {
  const message = `${words.message.headline}

${words.message.body}
`;
  const { write, path: pinPath2 } = context.pin;
  const content = {
    files: context.files,
    bytes: context.bytes,
    companions: new Map(write === void 0 ? [] : [[pinPath2, write]])
  };
  return workspace.commitFolder(parent, context.path, content, message, {
    name: context.env.GIT_AUTHOR_NAME || "ferry",
    email: context.env.GIT_AUTHOR_EMAIL || "ferry@localhost"
  });
}

// src/commands/env-repo/propose/race-retry.ts
var DEFAULT_RETRY = {
  // Every lost race is another run's won one, so n runs at once settle within n rounds; ten
  // attempts let ten builds of one app land together even when each attempt is slow (a busy
  // runner, a slow forge): with five, the unluckiest of ten gave up on a loaded machine.
  attempts: 10,
  // A lost race costs an attempt about a second (GitHub paces writes one per second), so waits
  // must spread contenders over several seconds for each to find a quiet window.
  baseDelayMs: 1e3,
  maxDelayMs: 8e3,
  sleep: (ms) => new Promise((resolve2) => setTimeout(resolve2, ms)),
  random: Math.random
};
async function retryLostRaces(work, policy, log) {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await work(attempt), attempts: attempt };
    } catch (error) {
      if (!(error instanceof LostRaceError)) throw error;
      if (attempt >= policy.attempts) {
        throw new OperationError(
          `gave up after ${attempt} attempts, another run kept moving the branch: ${error.message}`
        );
      }
      const mean = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      const delay = Math.round(mean * 2 * policy.random());
      log.warning(
        `lost a race (${error.message}); re-reading and retrying in ${delay} ms (attempt ${attempt + 1} of ${policy.attempts})`
      );
      await policy.sleep(delay);
    }
  }
}

// src/commands/env-repo/propose/git.ts
async function proposeWithGit(context) {
  const workspace = await EnvRepoWorkspace.open();
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptWithGit(context, workspace, attempt),
      context.retry,
      context.log
    );
    return { ...value, attempts };
  } finally {
    await workspace.close();
  }
}
async function attemptWithGit(context, workspace, attempt) {
  const { log, repo, base, branch } = context;
  log.info(`reading ${repo} (${base}, ${branch})`);
  const { tips, baseFiles, plan } = await readProposalState(context, workspace, repo);
  const words = proposalWords(context, baseFiles);
  const result = (operation2, headSha) => ({
    operation: operation2,
    ...baseResult(context, words),
    forge: "git",
    headSha,
    pullRequest: void 0
  });
  if (context.options.dryRun) return result(predicted(plan, tips.head !== void 0), tips.head);
  await context.beforeWrite(attempt);
  if (plan.kind === "up-to-date") {
    log.info(`${branch} already proposes this content`);
    return result("unchanged", tips.head);
  }
  if (plan.kind === "nothing-to-propose") {
    if (!plan.headDiffers) return result("unchanged", tips.head);
    await workspace.push(repo, void 0, branch, tips.head);
    log.info(`deleted ${branch}: ${base} already has this content`);
    return result("closed", void 0);
  }
  const commit = await commitProposal(context, workspace, tips.base, words);
  await workspace.push(repo, commit, branch, tips.head);
  const operation = tips.head === void 0 ? "created" : "updated";
  log.info(`${operation} ${branch} at ${commit} (base ${base} + one commit)`);
  return result(operation, commit);
}
function predicted(plan, hasBranch) {
  if (plan.kind === "up-to-date") return "unchanged";
  if (plan.kind === "nothing-to-propose") return plan.headDiffers ? "closed" : "unchanged";
  return hasBranch ? "updated" : "created";
}

// src/commands/publish/github-session.ts
function readToken(session) {
  const { tokenEnv } = session.options;
  const fromAction = session.env[ACTION_TOKEN_VARIABLE] !== void 0 ? [ACTION_TOKEN_VARIABLE] : [];
  const names = tokenEnv ? [tokenEnv] : ["FERRY_GITHUB_TOKEN", ...fromAction, "GITHUB_TOKEN"];
  const found = names.find((variable) => session.env[variable]);
  if (!found) {
    throw new ConfigError(
      `no GitHub token: set ${names.join(" or ")}${tokenEnv ? "" : " (or name a variable with --token-env)"}`
    );
  }
  const token = session.env[found];
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(`the token in ${found} holds spaces or control characters`);
  }
  return { token, variable: found };
}
function accessHint(repo, token, env) {
  const here = env.GITHUB_REPOSITORY?.toLowerCase();
  if (token.variable !== ACTION_TOKEN_VARIABLE || `${repo.owner}/${repo.name}`.toLowerCase() === here)
    return "";
  return `the token is the action's token input, by default this workflow's GITHUB_TOKEN, which cannot write to another repository than ${env.GITHUB_REPOSITORY ?? "its own"}: pass a GitHub App installation token or a PAT with access to ${repo.owner}/${repo.name} as token`;
}
function explainRefusal(error, hint) {
  if (!hint || !(error instanceof ForgeAccessError)) return error;
  return new ForgeAccessError(`${error.message}; ${hint}`);
}
function openGitHubRepo(repo, session) {
  const repoName = parseGitHubRepo(repo);
  const { owner, name } = repoName;
  const found = readToken(session);
  const { token } = found;
  if (found.variable !== "FERRY_GITHUB_TOKEN" || session.env[ACTION_TOKEN_VARIABLE] === void 0)
    session.log.info(`GitHub token from ${describeVariable(found.variable)}`);
  else session.log.info("GitHub token from FERRY_GITHUB_TOKEN (it wins over the token input)");
  const connection = { token, apiUrl: session.options.apiUrl, log: session.log };
  const throttleId = session.throttleId ?? "ferry";
  const github = new GitHubEnvRepo(
    githubClient({ ...connection, throttleId }),
    githubClient({ ...connection, throttleId: `${throttleId}:refs` }),
    owner,
    name
  );
  return { github, access: { token, hint: accessHint(repoName, found, session.env) } };
}
function describeVariable(variable) {
  return variable === ACTION_TOKEN_VARIABLE ? "the token input" : variable;
}
async function openGitHubWorkspace(github, access, needPush) {
  let cloneUrl;
  try {
    cloneUrl = await github.cloneUrl(needPush);
  } catch (error) {
    throw explainRefusal(error, access.hint);
  }
  const origin = new URL(cloneUrl).origin;
  const workspace = await EnvRepoWorkspace.open({ origin, token: access.token });
  return { workspace, cloneUrl };
}

// src/commands/env-repo/propose/settle.ts
async function laterProposalWords(context, workspace, tips) {
  if (tips.head === void 0 || tips.head === tips.base) return void 0;
  const files = await workspace.readFolder(tips.head, context.path);
  const origin = recordedOrigin(files);
  if (!origin) return void 0;
  context.log.info(`a later run committed ${tips.head}; describing its proposal instead`);
  const baseFiles = await workspace.readFolder(tips.base, context.path);
  return proposalWords(context, baseFiles, {
    files,
    ...origin,
    sourceCommitUrl: sourceCommitUrl(context.env, origin.source)
  });
}

// src/commands/env-repo/propose/github.ts
async function proposeOnGitHub(context) {
  const { github, access } = openGitHubRepo(context.repo, context);
  const needPush = !context.options.dryRun;
  const { workspace, cloneUrl } = await openGitHubWorkspace(github, access, needPush);
  const done = { createdPull: false, committed: false };
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptOnGitHub(context, github, workspace, cloneUrl, attempt, done),
      context.retry,
      context.log
    );
    let operation = value.operation;
    if (done.createdPull) operation = "created";
    else if (done.committed && operation === "unchanged") operation = "updated";
    return { ...value, operation, attempts };
  } catch (error) {
    throw explainRefusal(error, access.hint);
  } finally {
    await workspace.close();
  }
}
async function attemptOnGitHub(context, github, workspace, cloneUrl, attempt, done) {
  const { log, base, branch, path } = context;
  log.info(`reading ${github.fullName} (${base}, ${branch})`);
  const { tips, baseFiles, basePin, plan } = await readProposalState(context, workspace, cloneUrl);
  const pull = await github.findOpenPull(branch, base);
  const words = proposalWords(context, baseFiles);
  const result = (operation2, headSha, pr) => ({
    operation: operation2,
    ...baseResult(context, words),
    forge: "github",
    headSha,
    pullRequest: pr && { number: pr.number, url: pr.url }
  });
  if (context.options.dryRun) {
    return result(predicted2(plan, pull !== void 0), tips.head, pull);
  }
  await context.beforeWrite(attempt);
  if (plan.kind === "nothing-to-propose") {
    if (!pull) return result("unchanged", tips.head, void 0);
    const closed = await github.updatePull(pull.number, {
      state: "closed",
      body: `${pull.body}

---
_Closed by ferry: ${base} already holds ${context.image.ref} in \`${path}\`._`
    });
    log.info(`closed pull request #${closed.number}: ${base} already has this content`);
    return result("closed", tips.head, closed);
  }
  if (plan.kind === "up-to-date") {
    if (pull) {
      await finish(context, github, pull, "unchanged");
      log.info(`pull request #${pull.number} already proposes this content`);
      return result("unchanged", tips.head, pull);
    }
    const opened = await writePull(context, github, void 0, words);
    if (opened.created) done.createdPull = true;
    const operation2 = opened.created ? "created" : "unchanged";
    const pr = await settle(
      context,
      github,
      workspace,
      cloneUrl,
      opened.written,
      tips.head,
      tips.base
    );
    await finish(context, github, pr, operation2);
    return result(operation2, tips.head, pr);
  }
  if (tips.head === void 0) await github.createBranch(branch, tips.base);
  else if (tips.head !== tips.base) await github.resetBranch(branch, tips.base);
  const text = { title: words.title, body: words.body };
  let oid;
  let written;
  let created;
  try {
    const changes = fileChanges(context, baseFiles, basePin);
    oid = await github.commit(branch, tips.base, words.message, changes);
    done.committed = true;
    log.info(`committed ${oid} to ${branch}`);
    ({ written, created } = await writePull(context, github, pull, text));
  } catch (error) {
    if (!(error instanceof LostRaceError)) await undoBranch(context, github, tips);
    throw error;
  }
  if (created) done.createdPull = true;
  written = await settle(context, github, workspace, cloneUrl, written, oid, tips.base);
  const operation = created ? "created" : "updated";
  await finish(context, github, written, operation);
  log.info(`${operation} pull request #${written.number}: ${written.url}`);
  return result(operation, oid, written);
}
async function writePull(context, github, pull, text) {
  if (pull) return { written: await github.updatePull(pull.number, text), created: false };
  const { branch, base } = context;
  try {
    const draft = context.options.draft ?? false;
    return { written: await github.createPull(branch, base, text, draft), created: true };
  } catch (error) {
    if (!(error instanceof PullRequestExistsError)) throw error;
    const existing = await github.findOpenPull(branch, base);
    if (!existing) throw error;
    return { written: await github.updatePull(existing.number, text), created: false };
  }
}
async function undoBranch(context, github, tips) {
  try {
    if (tips.head === void 0) await github.deleteBranch(context.branch);
    else await github.resetBranch(context.branch, tips.head);
  } catch (error) {
    context.log.warning(`could not restore ${context.branch}: ${error.message}`);
  }
}
function predicted2(plan, hasPull) {
  if (plan.kind === "nothing-to-propose") return hasPull ? "closed" : "unchanged";
  if (plan.kind === "up-to-date") return hasPull ? "unchanged" : "created";
  return hasPull ? "updated" : "created";
}
async function settle(context, github, workspace, cloneUrl, written, head, base) {
  for (let round = 0; round < 3 && written.headSha !== head; round++) {
    const tips = await workspace.fetch(cloneUrl, context.base, context.branch);
    const words = await laterProposalWords(context, workspace, tips);
    if (!words) return written;
    written = await github.updatePull(written.number, { title: words.title, body: words.body });
    [head, base] = [tips.head, tips.base];
  }
  if (written.baseSha !== base)
    throw new LostRaceError(`the base branch moved to ${written.baseSha.slice(0, 12)}`);
  return written;
}
async function finish(context, github, pull, operation) {
  const { labels = [], assignees = [], reviewers = [], autoMerge } = context.options;
  const wantReviewers = operation === "unchanged" ? [] : reviewers;
  await github.decorate(pull, { labels, assignees, reviewers: wantReviewers });
  if (autoMerge && !pull.autoMerge) await github.enableAutoMerge(pull, autoMerge);
}
function fileChanges(context, baseFiles, basePin) {
  const prefix = `${context.path}/`;
  const base64 = (text, name) => (name !== void 0 && context.bytes?.get(name) || Buffer.from(text)).toString("base64");
  const additions = [...context.files].filter(([name, text]) => baseFiles.get(name) !== text).map(([name, text]) => ({ path: `${prefix}${name}`, contents: base64(text, name) }));
  const deletions = [...baseFiles.keys()].filter((name) => !context.files.has(name)).map((name) => ({ path: `${prefix}${name}` }));
  const { write, path } = context.pin;
  if (write !== void 0 && write !== basePin) additions.push({ path, contents: base64(write) });
  return { additions, deletions };
}

// src/commands/env-repo/propose/gitlab.ts
async function proposeOnGitLab(context) {
  const { project, token } = openGitLabProject(context.repo, {
    options: context.options,
    env: context.env,
    log: context.log
  });
  const { workspace, cloneUrl } = await openGitLabWorkspace(
    project,
    token,
    !context.options.dryRun
  );
  const done = { created: false, committed: false };
  try {
    const { value, attempts } = await retryLostRaces(
      (attempt) => attemptOnGitLab(context, project, workspace, cloneUrl, attempt, done),
      context.retry,
      context.log
    );
    let operation = value.operation;
    if (done.created) operation = "created";
    else if (done.committed && operation === "unchanged") operation = "updated";
    return { ...value, operation, attempts };
  } finally {
    await workspace.close();
  }
}
async function attemptOnGitLab(context, project, workspace, cloneUrl, attempt, done) {
  const { log, base, branch, path } = context;
  log.info(`reading ${project.fullPath} (${base}, ${branch})`);
  const { tips, baseFiles, plan } = await readProposalState(context, workspace, cloneUrl);
  const open = await project.findOpenMergeRequest(branch, base);
  const words = proposalWords(context, baseFiles);
  const result = (operation2, headSha, mr2) => ({
    operation: operation2,
    ...baseResult(context, words),
    forge: "gitlab",
    headSha,
    pullRequest: mr2 && { number: mr2.iid, url: mr2.url }
  });
  if (context.options.dryRun) return result(predicted3(plan, open !== void 0), tips.head, open);
  await context.beforeWrite(attempt);
  if (plan.kind === "nothing-to-propose") {
    if (!open) return result("unchanged", tips.head, void 0);
    const closed = await project.updateMergeRequest(open.iid, {
      state_event: "close",
      description: `${open.description}

---
_Closed by ferry: ${base} already holds ${context.image.ref} in \`${path}\`._`
    });
    log.info(`closed merge request !${closed.iid}: ${base} already has this content`);
    return result("closed", tips.head, closed);
  }
  const text = { title: words.title, description: words.body };
  if (plan.kind === "up-to-date") {
    if (open) {
      await finish2(context, project, open, "unchanged");
      log.info(`merge request !${open.iid} already proposes this content`);
      return result("unchanged", tips.head, open);
    }
    const opened = await writeMergeRequest(context, project, void 0, text);
    if (opened.created) done.created = true;
    const operation2 = opened.created ? "created" : "unchanged";
    const mr2 = await settle2(context, project, workspace, cloneUrl, opened.written, tips);
    await finish2(context, project, mr2, operation2);
    return result(operation2, tips.head, mr2);
  }
  const sha = await commitProposal(context, workspace, tips.base, words);
  await workspace.push(cloneUrl, sha, branch, tips.head);
  done.committed = true;
  log.info(`pushed ${sha} to ${branch} (base ${base} + one commit)`);
  const { written, created } = await writeMergeRequest(context, project, open, text);
  if (created) done.created = true;
  const mr = await settle2(context, project, workspace, cloneUrl, written, { ...tips, head: sha });
  const operation = created ? "created" : "updated";
  await finish2(context, project, mr, operation);
  log.info(`${operation} merge request !${mr.iid}: ${mr.url}`);
  return result(operation, sha, mr);
}
async function writeMergeRequest(context, project, open, text) {
  if (open) return { written: await project.updateMergeRequest(open.iid, text), created: false };
  const { branch, base } = context;
  const title = context.options.draft ? `Draft: ${text.title}` : text.title;
  try {
    const written = await project.createMergeRequest({
      source_branch: branch,
      target_branch: base,
      ...text,
      title
    });
    return { written, created: true };
  } catch (error) {
    if (!(error instanceof LostRaceError)) throw error;
    const existing = await project.findOpenMergeRequest(branch, base);
    if (!existing) throw error;
    return { written: await project.updateMergeRequest(existing.iid, text), created: false };
  }
}
async function settle2(context, project, workspace, cloneUrl, mr, planned) {
  let head = planned.head;
  for (let round = 0; round < 3; round++) {
    const tips = await workspace.fetch(cloneUrl, context.base, context.branch);
    if (tips.base !== planned.base)
      throw new LostRaceError(`the base branch moved to ${tips.base.slice(0, 12)}`);
    if (tips.head === head) return mr;
    const words = await laterProposalWords(context, workspace, tips);
    if (!words) return mr;
    mr = await project.updateMergeRequest(mr.iid, { title: words.title, description: words.body });
    head = tips.head;
  }
  return mr;
}
async function finish2(context, project, mr, operation) {
  const { labels = [], assignees = [], reviewers = [], autoMerge } = context.options;
  const ids = (names, what) => {
    const bad = names.filter((name) => !/^\d+$/.test(name));
    if (bad.length > 0)
      context.log.warning(`GitLab takes ${what} as user ids; ignoring ${bad.join(", ")}`);
    return names.filter((name) => /^\d+$/.test(name)).map(Number);
  };
  const missing = labels.filter((label) => !mr.labels.includes(label));
  const assigneeIds = ids(assignees, "assignees");
  const reviewerIds = operation === "unchanged" ? [] : ids(reviewers, "reviewers");
  const change = {
    ...missing.length > 0 ? { add_labels: missing.join(",") } : {},
    ...assigneeIds.length > 0 ? { assignee_ids: assigneeIds } : {},
    ...reviewerIds.length > 0 ? { reviewer_ids: reviewerIds } : {}
  };
  if (Object.keys(change).length > 0) await project.updateMergeRequest(mr.iid, change);
  if (autoMerge && !mr.autoMerge)
    await project.mergeWhenPipelineSucceeds(mr.iid, autoMerge === "squash");
}
function predicted3(plan, hasMergeRequest) {
  if (plan.kind === "nothing-to-propose") return hasMergeRequest ? "closed" : "unchanged";
  if (plan.kind === "up-to-date") return hasMergeRequest ? "unchanged" : "created";
  return hasMergeRequest ? "updated" : "created";
}

// src/commands/env-repo/propose/target.ts
function proposalTarget(config, environment, baseDir) {
  const where = `environments.${environment.name}`;
  checkBranchName(environment.branch, `${where}.branch`);
  checkRepoPath(environment.path, `${where}.path`);
  const forge = inferForge(environment);
  if (forge === "gitlab") parseGitLabProject(environment.repo);
  const repo = forge === "git" && !isGitUrl(environment.repo) ? resolve(baseDir, environment.repo) : environment.repo;
  checkGitRemote(repo);
  return { environment, forge, repo, set: environmentSet(config, environment) };
}
function proposalContext(target, fields, deps, log) {
  const { environment } = target;
  const { writePin, ...proposal } = fields;
  const stray = [...fields.files.keys()].find((name) => `/${name}`.endsWith(`/${SET_DESCRIPTOR}`));
  if (stray !== void 0)
    throw new ConfigError(
      `${environment.path}/${stray}: the proposal for ${fields.app}/${environment.name} would write this file, but only the folder's own set descriptor, written from ferry.yaml, may be named ${SET_DESCRIPTOR}; rename or remove it`
    );
  return {
    ...proposal,
    files: new Map([...fields.files, [SET_DESCRIPTOR, target.set.text]]),
    set: target.set.set,
    envName: environment.name,
    repo: target.repo,
    base: environment.branch,
    path: environment.path,
    pin: { path: pinPath(fields.app, environment.name), write: writePin },
    env: deps.env ?? process.env,
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    throttleId: deps.throttleId,
    beforeWrite: deps.beforeWrite ?? (async () => {
    }),
    log
  };
}
function runProposal(target, context) {
  if (target.forge === "github") return proposeOnGitHub(context);
  if (target.forge === "gitlab") return proposeOnGitLab(context);
  return proposeWithGit(context);
}
async function refuseForkRuns(env, allowFork, command) {
  if (env.GITHUB_EVENT_NAME !== "pull_request_target" || allowFork) return;
  const risk = forkEventRisk(env.GITHUB_EVENT_NAME, await readGitHubEvent(env));
  if (risk) {
    const allow = command === "propose" ? " (pass --allow-fork if that is intended)" : "";
    throw new ConfigError(
      `refusing to ${command} under ${risk}: the fork's code would run with this repository's token${allow}`
    );
  }
}

export {
  pinPath,
  pinText,
  imageLabel,
  commitMessage,
  proposalBody,
  imagesIn,
  recordedOrigin,
  explainRefusal,
  openGitHubRepo,
  openGitHubWorkspace,
  proposalTarget,
  proposalContext,
  runProposal,
  refuseForkRuns
};
//# sourceMappingURL=chunk-ZZK6WDHD.js.map
