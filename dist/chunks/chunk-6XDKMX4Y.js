import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/adapters/ci-pull-request.ts
import { readFile } from "node:fs/promises";
async function ciPullRequest(env) {
  if (env.CI_MERGE_REQUEST_IID) {
    const number2 = Number(env.CI_MERGE_REQUEST_IID);
    const project = env.CI_MERGE_REQUEST_PROJECT_URL ?? env.CI_PROJECT_URL;
    return {
      ...Number.isSafeInteger(number2) ? { number: number2 } : {},
      ...env.CI_COMMIT_SHA ? { headSha: env.CI_COMMIT_SHA } : {},
      ...project ? { url: `${project}/-/merge_requests/${number2}` } : {}
    };
  }
  const event = await readGitHubEvent(env);
  const number = event?.pull_request?.number;
  const sha = event?.pull_request?.head?.sha;
  return {
    ...typeof number === "number" ? { number } : {},
    ...typeof sha === "string" ? { headSha: sha } : {}
  };
}
async function readGitHubEvent(env) {
  if (!env.GITHUB_EVENT_PATH) return void 0;
  try {
    return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return void 0;
  }
}

export {
  ciPullRequest,
  readGitHubEvent
};
//# sourceMappingURL=chunk-6XDKMX4Y.js.map
