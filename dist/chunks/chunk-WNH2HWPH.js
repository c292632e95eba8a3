import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  statusContexts
} from "./chunk-PVPH2W2K.js";
import {
  forgeError,
  githubClient,
  gitlabReportProject
} from "./chunk-ZVU72A6I.js";
import {
  gitlabError
} from "./chunk-V2ODYXZK.js";
import {
  redactSecrets
} from "./chunk-HIFOT27K.js";
import {
  parseGitHubRepo
} from "./chunk-X4656V3V.js";
import {
  shortenAtWord
} from "./chunk-L7SMPO5I.js";

// src/adapters/forge/commit-statuses.ts
var GITHUB_DESCRIPTION = 140;
function githubCommitStatuses(client, owner, repo) {
  const stored = (status) => ({
    ...status,
    description: shortenAtWord(redactSecrets(status.description), GITHUB_DESCRIPTION)
  });
  return {
    stored,
    async current(sha, context) {
      const combined = await client.rest.repos.getCombinedStatusForRef({
        owner,
        repo,
        ref: sha,
        per_page: 100
      });
      const found = combined.data.statuses.find((s) => s.context === context);
      if (!found) return void 0;
      const succeeded = found.state === "success" ? true : found.state === "failure" ? false : void 0;
      return { succeeded, description: found.description ?? "" };
    },
    async post(sha, status) {
      const { context, succeeded, description, targetUrl } = stored(status);
      await client.rest.repos.createCommitStatus({
        owner,
        repo,
        sha,
        state: succeeded ? "success" : "failure",
        context,
        description,
        ...targetUrl ? { target_url: targetUrl } : {}
      });
    }
  };
}
var GITLAB_FIELD = 255;
function gitlabCommitStatuses(project) {
  const stored = (status) => {
    const { targetUrl, ...rest } = status;
    return {
      ...rest,
      description: shortenAtWord(redactSecrets(status.description), GITLAB_FIELD),
      ...targetUrl && targetUrl.length <= GITLAB_FIELD ? { targetUrl } : {}
    };
  };
  return {
    stored,
    async current(sha, context) {
      const found = (await project.statuses(sha)).find((status) => status.name === context);
      if (!found) return void 0;
      const succeeded = found.status === "success" ? true : found.status === "failed" ? false : void 0;
      return { succeeded, description: found.description };
    },
    async post(sha, status) {
      const { context, succeeded, description, targetUrl } = stored(status);
      await project.postStatus(sha, {
        state: succeeded ? "success" : "failed",
        name: context,
        description,
        ...targetUrl ? { target_url: targetUrl } : {}
      });
    }
  };
}

// src/commands/publish/report-target.ts
function openReportForge(target, what, log) {
  if (target.forge === "gitlab") {
    const project = gitlabReportProject(target, `${what} project`, log);
    return {
      forge: "gitlab",
      project,
      statuses: gitlabCommitStatuses(project),
      failure: gitlabError,
      name: target.project
    };
  }
  const { owner, name } = parseGitHubRepo(target.repo, `${what} repository`);
  const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
  return {
    forge: "github",
    client,
    owner,
    repo: name,
    statuses: githubCommitStatuses(client, owner, name),
    failure: forgeError,
    name: `${owner}/${name}`
  };
}

// src/commands/publish/commit-status.ts
function failedDescription(error) {
  return `failed: ${error.message.split("\n")[0]}`;
}
async function publishClusterStatus(target, status, log, options = {}) {
  const forge = "statuses" in target ? target : openReportForge(target, "status", log);
  const context = statusContexts(status.cluster)[status.check];
  const wanted = forge.statuses.stored({
    context,
    succeeded: status.succeeded,
    description: status.description,
    ...status.runUrl ? { targetUrl: status.runUrl } : {}
  });
  const where = `${context} on ${status.sha.slice(0, 12)}`;
  try {
    if (options.onlyOnChange) {
      const current = await forge.statuses.current(status.sha, context);
      if (current?.succeeded === wanted.succeeded && current.description === wanted.description) {
        log.info(`commit status ${where}: unchanged`);
        return "unchanged";
      }
    }
    await forge.statuses.post(status.sha, wanted);
  } catch (error) {
    throw forge.failure(error, `posting the ${status.check} status to ${forge.name}`);
  }
  log.info(`commit status ${where}: ${status.succeeded ? "success" : "failure"}`);
  return "posted";
}

export {
  openReportForge,
  failedDescription,
  publishClusterStatus
};
//# sourceMappingURL=chunk-WNH2HWPH.js.map
