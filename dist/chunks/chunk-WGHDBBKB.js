import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  stripUserInfo
} from "./chunk-L7SMPO5I.js";

// src/adapters/ci-environment.ts
import { tmpdir } from "node:os";
function detectSource(env, explicit = {}) {
  const github = env.GITHUB_ACTIONS === "true" || env.GITHUB_REPOSITORY !== void 0;
  const gitlab = env.GITLAB_CI === "true";
  let detected = { repo: "", commit: "", ref: "", runUrl: "" };
  if (github) {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    detected = {
      repo: env.GITHUB_REPOSITORY ?? "",
      commit: env.GITHUB_SHA ?? "",
      ref: env.GITHUB_REF ?? "",
      runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : ""
    };
  } else if (gitlab) {
    detected = {
      repo: env.CI_PROJECT_PATH ?? "",
      commit: env.CI_COMMIT_SHA ?? "",
      ref: env.CI_COMMIT_REF_NAME ?? "",
      runUrl: env.CI_JOB_URL ?? env.CI_PIPELINE_URL ?? ""
    };
  }
  return {
    repo: explicit.repo || detected.repo,
    commit: explicit.commit || detected.commit,
    ref: explicit.ref || detected.ref,
    runUrl: stripUserInfo(explicit.runUrl || detected.runUrl)
  };
}
function sourceCommitUrl(env, source) {
  if (!/^[0-9a-f]{7,64}$/i.test(source.commit)) return "";
  if (env.GITHUB_ACTIONS === "true" || env.GITHUB_REPOSITORY !== void 0) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(source.repo)) return "";
    return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${source.repo}/commit/${source.commit}`;
  }
  if (env.GITLAB_CI === "true" && env.CI_PROJECT_URL) {
    return `${env.CI_PROJECT_URL}/-/commit/${source.commit}`;
  }
  return "";
}
function runnerTemp(env = process.env) {
  return env.RUNNER_TEMP || tmpdir();
}

export {
  detectSource,
  sourceCommitUrl,
  runnerTemp
};
//# sourceMappingURL=chunk-WGHDBBKB.js.map
