import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  linkGuard,
  pathError,
  readTextFile
} from "./chunk-FLLOJKTZ.js";
import {
  coveredAt
} from "./chunk-A4S5FLSL.js";
import {
  escapeField,
  isRecord
} from "./chunk-42HGEZZQ.js";
import {
  KUSTOMIZATION_FILES,
  kustomizationReferences,
  parseKustomization
} from "./chunk-ZK6YC5J5.js";
import {
  checkUniqueIdentities,
  describeObject,
  documentObjects,
  identityOf,
  parseDocuments
} from "./chunk-XIPL23AO.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/core/chart.ts
function isRemoteChartReference(chart) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(chart);
}
function parseChartFile(text, file) {
  let data;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const chart = data ?? {};
  if (typeof chart.name !== "string" || chart.name === "")
    throw new ConfigError(`${file}: name is required (a Chart.yaml)`);
  const dependencies = Array.isArray(chart.dependencies) ? chart.dependencies : [];
  return {
    name: chart.name,
    dependencies: dependencies.map((d, i) => {
      const dep = d ?? {};
      if (typeof dep.name !== "string")
        throw new ConfigError(`${file}: dependencies[${i}].name is required`);
      return {
        name: dep.name,
        ...typeof dep.version === "string" ? { version: dep.version } : {},
        ...typeof dep.repository === "string" ? { repository: dep.repository } : {}
      };
    })
  };
}
function missingDependencies(dependencies, vendored) {
  return dependencies.filter(
    (dep) => !vendored.folders.includes(dep.name) && !vendored.archives.some(
      (file) => file.startsWith(`${dep.name}-`) && /^\d/.test(file.slice(dep.name.length + 1))
    )
  );
}

// src/core/rendered-stream.ts
var HELM_HOOK = "helm.sh/hook";
var DOCUMENT_START = /^---(?:[ \t].*)?$/;
var SOURCE_COMMENT = /^# Source: (.+)$/;
function parseRenderedStream(text, sourceOf) {
  const chunks = [[]];
  for (const line of text.split("\n")) {
    if (DOCUMENT_START.test(line)) chunks.push([]);
    else chunks[chunks.length - 1].push(line);
  }
  const manifests = [];
  let comment;
  let index = 0;
  for (const chunk of chunks) {
    const found2 = chunk.map((line) => SOURCE_COMMENT.exec(line)).find(Boolean);
    if (found2) comment = found2[1].trim();
    const source = sourceOf(comment);
    for (const document of parseDocuments(chunk.join("\n"), source)) {
      if (document === null || document === void 0) continue;
      for (const object of documentObjects(document, source, index))
        manifests.push({ source, object });
      index++;
    }
  }
  checkUniqueIdentities(manifests);
  return manifests;
}
function applyHookPolicy(manifests, hooks) {
  const isHook = (m) => m.object.metadata.annotations?.[HELM_HOOK] !== void 0;
  const first = manifests.find(isHook);
  if (first && hooks === "refuse") {
    const phase = first.object.metadata.annotations[HELM_HOOK];
    throw new ConfigError(
      `${first.source}: ${describeObject(first.object)} is a Helm hook (${HELM_HOOK}: ${phase}); ferry applies plain objects and cannot run a hook in its phase: set hooks: skip to leave hooks out`
    );
  }
  return {
    manifests: manifests.filter((m) => !isHook(m)),
    skipped: manifests.filter(isHook).map((m) => describeObject(m.object))
  };
}
function firstDifference(a, b, pointer, skip) {
  if (skip(pointer)) return void 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found2 = firstDifference(a[i], b[i], `${pointer}/${i}`, skip);
      if (found2 !== void 0) return found2;
    }
    return void 0;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found2 = firstDifference(a[key], b[key], `${pointer}/${escapeField(key)}`, skip);
      if (found2 !== void 0) return found2;
    }
    return void 0;
  }
  return a === b ? void 0 : pointer || "/";
}
function refuseNondeterminism(first, second, volatile, what) {
  const others = new Map(second.map((m) => [identityOf(m.object), m.object]));
  const hint = "a random or time-based value (randAlphaNum, now, genCA, \u2026) changes on every run";
  for (const { object, source } of first) {
    const other = others.get(identityOf(object));
    others.delete(identityOf(object));
    if (!other)
      throw new ConfigError(
        `${source}: ${describeObject(object)} is in one of two renders of ${what} only; ferry renders twice and refuses output that changes`
      );
    const at = firstDifference(object, other, "", (p) => coveredAt(volatile, object, p));
    if (at !== void 0)
      throw new ConfigError(
        `${source}: two renders of ${what} differ in ${describeObject(object)} at ${at} (${hint}); make it stable, or declare the path volatile`
      );
  }
  const extra = [...others.values()][0];
  if (extra)
    throw new ConfigError(
      `${what}: ${describeObject(extra)} is in one of two renders only; ferry renders twice and refuses output that changes`
    );
}

// src/adapters/renderers/helm.ts
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

// src/adapters/renderers/run.ts
import { execFile } from "node:child_process";
var RENDER_TIMEOUT_MS = 5 * 6e4;
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
var STDERR_LINES = 20;
function shown(text, run) {
  let out = text;
  for (const [from, to] of run.rewrite ?? []) out = out.split(from).join(to);
  return out;
}
async function runTool(run) {
  try {
    return await spawnTool(run);
  } catch (error) {
    const label = await run.tool.label;
    throw error instanceof ToolFailure ? new ConfigError(`${run.display}: ${label} failed:
  ${error.message}`) : error;
  }
}
var ToolFailure = class extends Error {
};
function spawnTool(run) {
  const { tool } = run;
  return new Promise((done, fail) => {
    execFile(
      tool.command,
      [...tool.prefix, ...run.args],
      { cwd: run.cwd, maxBuffer: MAX_OUTPUT_BYTES, timeout: RENDER_TIMEOUT_MS, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (!error) return done(stdout);
        const e = error;
        if (e.killed || e.signal)
          return fail(
            new OperationError(
              `${run.display}: ${tool.command} did not finish within ${RENDER_TIMEOUT_MS / 6e4} minutes (${e.signal ?? "killed"})`
            )
          );
        if (typeof e.code === "string")
          return fail(
            new OperationError(`${run.display}: cannot run ${tool.command}: ${e.message}`)
          );
        const lines = shown(stderr, run).trim().split("\n").slice(0, STDERR_LINES).join("\n  ");
        fail(new ToolFailure(lines));
      }
    );
  });
}
async function renderTwice(run, parse, volatile) {
  const runs = Promise.all([runTool(run), runTool(run)]);
  const label = await run.tool.label.catch(async (error) => {
    await runs.catch(() => void 0);
    throw error;
  });
  const [first, second] = await runs;
  const manifests = parse(first);
  if (first !== second)
    refuseNondeterminism(manifests, parse(second), volatile, `${run.display} (${label})`);
  return manifests;
}

// src/adapters/renderers/helm.ts
async function isFolder(path) {
  return (await stat(path).catch(() => void 0))?.isDirectory() ?? false;
}
async function unvendored(chart, display) {
  const file = join(chart, "Chart.yaml");
  const text = await readTextFile(file, "chart file").catch((error) => {
    throw error instanceof ConfigError ? new ConfigError(`${display}: no Chart.yaml (not a chart folder)`) : error;
  });
  const { dependencies } = parseChartFile(text, join(display, "Chart.yaml"));
  const folders = [];
  const archives = [];
  const missing = [];
  const entries = await readdir(join(chart, "charts"), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(chart, "charts", entry.name);
    if (entry.isDirectory() && await stat(join(path, "Chart.yaml")).catch(() => void 0)) {
      const sub = await readFile(join(path, "Chart.yaml"), "utf8");
      folders.push(parseChartFile(sub, join(display, "charts", entry.name, "Chart.yaml")).name);
      missing.push(...await unvendored(path, join(display, "charts", entry.name)));
    } else if (entry.name.endsWith(".tgz")) archives.push(entry.name);
  }
  return [...missingDependencies(dependencies, { folders, archives }), ...missing];
}
async function refuseLinksOut(chart, display) {
  const inside = await linkGuard(chart, "the chart");
  for (const entry of await readdir(chart, { recursive: true, withFileTypes: true }))
    if (entry.isSymbolicLink()) {
      const path = join(entry.parentPath, entry.name);
      await inside(path, "chart file", join(display, relative(chart, path)));
    }
}
async function chartToRender(input, scratch) {
  const { chart, display, policy } = input;
  const local = !isRemoteChartReference(chart) && await isFolder(chart);
  if (!local) {
    if (!policy.allowRemote) {
      const what = isRemoteChartReference(chart) ? "is a remote chart" : "is not a chart folder here";
      throw new ConfigError(
        `${display}: ${what}; remote charts are refused unless allowRemote: true`
      );
    }
    return chart;
  }
  await refuseLinksOut(chart, display);
  const missing = await unvendored(chart, display);
  if (missing.length === 0) return chart;
  if (!policy.allowRemote) {
    const dep = missing[0];
    const from = dep.repository ? ` from ${quoteForMessage(dep.repository)}` : "";
    throw new ConfigError(
      `${display}/Chart.yaml: dependency ${quoteForMessage(dep.name)}${from} is not vendored in charts/; run \`helm dependency build\` and commit charts/, or set allowRemote: true`
    );
  }
  const copy = join(scratch, "chart");
  await cp(chart, copy, { recursive: true });
  const chartFile = join(copy, "Chart.yaml");
  const text = await readFile(chartFile, "utf8");
  await writeFile(
    chartFile,
    text.replace(/file:\/\/([^\s"']+)/g, (_, path) => `file://${resolve(chart, path)}`)
  );
  await runTool({
    tool: input.tool,
    args: ["dependency", "build", copy],
    display,
    rewrite: [[copy, display]]
  });
  return copy;
}
function templateArgs(input, chart, valueFiles) {
  const args = ["template", input.releaseName, chart, "--namespace", input.namespace];
  args.push("--include-crds", "--skip-tests");
  if (input.version) args.push("--version", input.version);
  if (input.kubeVersion) args.push("--kube-version", input.kubeVersion);
  for (const api of input.apiVersions) args.push("--api-versions", api);
  for (const file of [...input.valuesFiles.map((f) => f.path), ...valueFiles])
    args.push("--values", file);
  return args;
}
async function helmTemplate(input) {
  for (const file of input.valuesFiles) {
    const found2 = await stat(file.path).catch((error) => {
      throw pathError(error, file.display, "values file", "file");
    });
    if (!found2.isFile())
      throw new ConfigError(`${file.display}: values file is a folder, not a file`);
  }
  const scratch = await mkdtemp(join(tmpdir(), "ferry-helm-"));
  try {
    const chart = await chartToRender(input, scratch);
    const valueFiles = await Promise.all(
      input.values.map(async (values, i) => {
        const path = join(scratch, `values-${i}.json`);
        await writeFile(path, JSON.stringify(values));
        return path;
      })
    );
    const sourceOf = (comment) => comment ? join(input.display, comment.split("/").slice(1).join("/")) : input.display;
    const run = {
      tool: input.tool,
      args: templateArgs(input, chart, valueFiles),
      display: input.display,
      rewrite: [[scratch, "(scratch)"]]
    };
    return await renderTwice(
      run,
      (text) => parseRenderedStream(text, sourceOf),
      input.policy.volatile
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// src/adapters/renderers/kustomize.ts
import { cp as cp2, mkdtemp as mkdtemp2, readFile as readFile2, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, dirname, join as join2, relative as relative2, resolve as resolve2, sep } from "node:path";
async function kind(path) {
  try {
    return (await stat2(path)).isDirectory() ? "folder" : "file";
  } catch {
    return void 0;
  }
}
async function kustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILES)
    if (await kind(join2(dir, name)) === "file") return join2(dir, name);
  return void 0;
}
async function kustomizationFolders(root, policy, shown2) {
  const folders = [];
  const visit = async (dir) => {
    if (folders.includes(dir)) return;
    const file = await kustomizationFile(dir);
    if (!file) throw new ConfigError(`${shown2(dir)}: no kustomization.yaml in this folder`);
    folders.push(dir);
    const doc = parseKustomization(await readFile2(file, "utf8"), shown2(file));
    for (const reference of kustomizationReferences(doc)) {
      if (reference.field === "helmCharts")
        throw new ConfigError(
          `${shown2(file)}: helmCharts: inflating a chart inside kustomize is not supported; use a Helm source (helm: in ferry.yaml, or a chart folder in the environment repo)`
        );
      const target = resolve2(dir, reference.value);
      const found2 = await kind(target);
      if (found2 === "folder" && await kustomizationFile(target)) await visit(target);
      else if (found2 === void 0 && !policy.allowRemote)
        throw new ConfigError(
          `${shown2(file)}: ${reference.field}: ${quoteForMessage(reference.value)} is not a file or folder here; remote resources (URLs, git) are refused unless allowRemote: true`
        );
    }
  };
  await visit(root);
  return folders;
}
function commonAncestor(paths) {
  let common = paths[0];
  while (!paths.every((p) => p === common || p.startsWith(`${common}${sep}`)))
    common = dirname(common);
  return common;
}
async function scratchCopy(folders) {
  const common = commonAncestor(folders);
  const scratch = await mkdtemp2(join2(tmpdir2(), "ferry-kustomize-"));
  const outermost = folders.filter(
    (f) => !folders.some((other) => other !== f && f.startsWith(`${other}${sep}`))
  );
  for (const folder of outermost)
    await cp2(folder, join2(scratch, relative2(common, folder)), {
      recursive: true,
      filter: (source) => !source.split(sep).includes(".git")
    });
  return { scratch, common };
}
async function kustomizeBuild(input) {
  const { dir, display, policy, tool } = input;
  const shown2 = (path) => join2(display, relative2(dir, path)) || display;
  const found2 = await stat2(dir).catch((error) => {
    throw pathError(error, display, "kustomize folder", "folder");
  });
  if (!found2.isDirectory())
    throw new ConfigError(`${display}: kustomize folder is a file, not a folder`);
  const folders = await kustomizationFolders(dir, policy, shown2);
  const parse = (text) => parseRenderedStream(text, () => display);
  if (!input.image)
    return renderTwice({ tool, args: ["build", dir], display }, parse, policy.volatile);
  const { scratch, common } = await scratchCopy(folders);
  try {
    const copy = join2(scratch, relative2(common, dir));
    const file = await kustomizationFile(copy);
    const text = await readFile2(file, "utf8");
    const fields = parseKustomization(text, shown2(join2(dir, basename(file))));
    const { setImage } = await import("./kustomization-edit-LTYEEEOB.js");
    await writeFile2(file, setImage(text, fields, input.image));
    const rewrite = [
      [copy, display],
      [scratch, common]
    ];
    return await renderTwice(
      { tool, args: ["build", copy], display, rewrite },
      parse,
      policy.volatile
    );
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}

// src/adapters/cache-dir.ts
import { homedir } from "node:os";
import { join as join3 } from "node:path";
function cacheDir(env = process.env) {
  if (env.FERRY_CACHE_DIR) return env.FERRY_CACHE_DIR;
  return join3(env.XDG_CACHE_HOME || join3(homedir(), ".cache"), "ferry");
}

// src/adapters/renderers/tools.ts
import { execFile as execFile2 } from "node:child_process";
import { constants } from "node:fs";
import { access, stat as stat4 } from "node:fs/promises";
import { delimiter, isAbsolute, join as join5, resolve as resolve3 } from "node:path";
import { promisify } from "node:util";

// src/core/tool-version.ts
var MINIMUM_VERSIONS = { kustomize: [5, 0], helm: [3, 14] };
function parseToolVersion(text) {
  const match = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return void 0;
  return match.slice(1).filter((part) => part !== void 0).map(Number);
}
function checkToolVersion(name, printed2, where) {
  const version = parseToolVersion(printed2);
  const minimum = MINIMUM_VERSIONS[name];
  if (!version)
    throw new ConfigError(
      `${where}: cannot tell its version from ${JSON.stringify(printed2.trim().slice(0, 80))}; ferry needs ${name} ${minimum.join(".")} or newer`
    );
  const [major = 0, minor = 0] = version;
  if (major < minimum[0] || major === minimum[0] && minor < minimum[1])
    throw new ConfigError(
      `${where}: ${name} v${version.join(".")} is older than ${minimum.join(".")}, the oldest ferry supports`
    );
  return `v${version.join(".")}`;
}

// src/adapters/renderers/version-cache.ts
import { randomBytes } from "node:crypto";
import { mkdir, readFile as readFile3, realpath, rename, stat as stat3, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join4 } from "node:path";
var CACHE_FILE = "renderer-versions.json";
var KEPT = 32;
async function identity(command, args) {
  try {
    const path = await realpath(command);
    const info = await stat3(path);
    return JSON.stringify([path, args, info.size, info.mtimeMs, info.ino]);
  } catch {
    return void 0;
  }
}
async function rememberedVersion(command, args, ask2, directory = cacheDir()) {
  const key = await identity(command, args);
  const file = join4(directory, CACHE_FILE);
  let known = [];
  try {
    const parsed = JSON.parse(await readFile3(file, "utf8"));
    if (Array.isArray(parsed))
      known = parsed.filter((e) => Array.isArray(e));
  } catch {
  }
  const hit = key === void 0 ? void 0 : known.find(([k]) => k === key);
  if (hit) return hit[1];
  const text = await ask2();
  if (key === void 0) return text;
  try {
    await mkdir(dirname2(file), { recursive: true });
    const temporary = `${file}.${randomBytes(4).toString("hex")}`;
    const kept = [[key, text], ...known.filter(([k]) => k !== key)].slice(0, KEPT);
    await writeFile3(temporary, JSON.stringify(kept));
    await rename(temporary, file);
  } catch {
  }
  return text;
}

// src/adapters/renderers/tools.ts
var execFileAsync = promisify(execFile2);
var TOOL_ENV = {
  kustomize: "FERRY_KUSTOMIZE",
  helm: "FERRY_HELM"
};
var VERSION_TIMEOUT_MS = 3e4;
async function isExecutableFile(path) {
  try {
    await access(path, constants.X_OK);
    return (await stat4(path)).isFile();
  } catch {
    return false;
  }
}
async function onPath(name, env) {
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join5(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return void 0;
}
async function named(value, what, env) {
  const found2 = value.includes("/") || isAbsolute(value) ? await isExecutableFile(resolve3(value)) ? resolve3(value) : void 0 : await onPath(value, env);
  if (!found2) throw new ConfigError(`${what}: ${quoteForMessage(value)} is not an executable file`);
  return found2;
}
function printed(command, args) {
  return rememberedVersion(command, args, () => ask(command, args));
}
async function ask(command, args) {
  try {
    return (await execFileAsync(command, args, { timeout: VERSION_TIMEOUT_MS })).stdout;
  } catch (error) {
    const e = error;
    throw new ConfigError(
      `${command} ${args.join(" ")} failed: ${(e.stderr || e.message).trim().split("\n")[0]}`
    );
  }
}
function started(name, command, prefix, check) {
  check.catch(() => void 0);
  return { name, command, prefix, label: check };
}
function checked(name, command) {
  const args = name === "helm" ? ["version", "--short"] : ["version"];
  const label = printed(command, args).then(
    (text) => `${name} ${checkToolVersion(name, text, command)}`
  );
  return started(name, command, [], label);
}
function kubectlKustomize(kubectl) {
  return started("kustomize", kubectl, ["kustomize"], embeddedKustomize(kubectl));
}
async function embeddedKustomize(kubectl) {
  const text = await printed(kubectl, ["version", "--client", "--output=json"]);
  let embedded;
  try {
    embedded = JSON.parse(text).kustomizeVersion;
  } catch {
    embedded = void 0;
  }
  const version = checkToolVersion(
    "kustomize",
    typeof embedded === "string" ? embedded : "",
    `${kubectl} kustomize`
  );
  return `kubectl kustomize ${version}`;
}
var found = /* @__PURE__ */ new Map();
function findTool(name, paths = {}, env = process.env) {
  const flag = paths[name];
  const variable = env[TOOL_ENV[name]];
  const key = `${name}\0${flag ?? ""}\0${variable ?? ""}\0${env.PATH ?? ""}`;
  let tool = found.get(key);
  if (!tool) {
    tool = locate(name, flag, variable, env);
    found.set(key, tool);
    const forget = () => found.delete(key);
    tool.then((t) => t.label.catch(forget), forget);
  }
  return tool;
}
async function locate(name, flag, variable, env) {
  if (flag) return checked(name, await named(flag, `--${name}`, env));
  if (variable) return checked(name, await named(variable, TOOL_ENV[name], env));
  const direct = await onPath(name, env);
  if (direct) return checked(name, direct);
  const kubectl = name === "kustomize" ? await onPath("kubectl", env) : void 0;
  if (kubectl) return kubectlKustomize(kubectl);
  const fallback = name === "kustomize" ? ", `kubectl kustomize`" : "";
  throw new ConfigError(
    `${name}: not found (looked at --${name}, $${TOOL_ENV[name]}, \`${name}\` on PATH${fallback}); install it or point --${name} at it`
  );
}

export {
  isRemoteChartReference,
  applyHookPolicy,
  helmTemplate,
  kustomizeBuild,
  cacheDir,
  findTool
};
//# sourceMappingURL=chunk-4NID7SJK.js.map
