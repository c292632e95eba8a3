import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/git-names.ts
var CONTROL = /[\x00-\x1f\x7f]/;
function headBranchName(app, env) {
  const name = `ferry/${app}/${env}`;
  checkBranchName(name, "head branch");
  return name;
}
function rollbackBranchName(app, env) {
  const name = `ferry/${app}/${env}.rollback`;
  checkBranchName(name, "head branch");
  return name;
}
function checkBranchName(name, what) {
  const problem = branchNameProblem(name);
  if (problem) throw new ConfigError(`${what} ${quoteForMessage(name)} ${problem}`);
}
function branchNameProblem(name) {
  if (name === "" || name === "@") return "is not a branch name";
  if (name.length > 255) return "is longer than 255 characters";
  if (name.startsWith("-")) return "must not start with '-'";
  if (CONTROL.test(name) || /[ ~^:?*[\\]/.test(name))
    return "must not hold spaces, control characters or any of ~ ^ : ? * [ \\";
  if (name.includes("..")) return "must not contain '..'";
  if (name.includes("@{")) return "must not contain '@{'";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//"))
    return "must not start or end with '/' or contain '//'";
  if (name.endsWith(".")) return "must not end with '.'";
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return "must not have a part starting with '.'";
    if (part.endsWith(".lock")) return "must not have a part ending in '.lock'";
  }
  if (name.startsWith("refs/")) return "must be a branch name, not a ref ('refs/\u2026')";
  return void 0;
}
function checkRepoPath(path, what = "environment path") {
  const problem = repoPathProblem(path);
  if (problem) throw new ConfigError(`${what} ${quoteForMessage(path)} ${problem}`);
}
function repoPathProblem(path) {
  const parts = path.split("/");
  if (path === "" || path.startsWith("/") || CONTROL.test(path) || path.includes("\\"))
    return "must be a relative folder inside the repository (no leading '/', '\\' or control characters)";
  if (parts.some((part) => part === "" || part === "." || part === ".."))
    return "must be a folder inside the repository (no empty, '.' or '..' parts)";
  if (parts.some((part) => part.startsWith(".")))
    return "must not be or lie in a dot-folder: .git, .github, .gitlab, .gitlab-ci.yml and .ferry (pins) are the repository's, its forge's and ferry's own";
  return void 0;
}
var OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;
function parseGitHubRepo(repo, what = "environment repo") {
  let tail = repo;
  const url = /^https?:\/\/[^/]+\/(.+)$/.exec(repo) ?? /^[^@/\s]+@[^:/\s]+:(.+)$/.exec(repo);
  if (url) tail = url[1];
  const match = OWNER_NAME.exec(tail);
  if (!match || match[1].startsWith(".") || match[2].startsWith(".")) {
    throw new ConfigError(
      `${what} ${quoteForMessage(repo)} is not a GitHub repository (owner/name or its URL)`
    );
  }
  return { owner: match[1], name: match[2] };
}
function isGitUrl(repo) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repo) || /^[^@/\s]+@[^:/\s]+:/.test(repo);
}
function checkGitRemote(remote) {
  if (remote.startsWith("-") || CONTROL.test(remote) || remote.trim() === "") {
    throw new ConfigError(`environment repo ${quoteForMessage(remote)} is not a usable git remote`);
  }
}

export {
  headBranchName,
  rollbackBranchName,
  checkBranchName,
  checkRepoPath,
  repoPathProblem,
  parseGitHubRepo,
  isGitUrl,
  checkGitRemote
};
//# sourceMappingURL=chunk-X4656V3V.js.map
