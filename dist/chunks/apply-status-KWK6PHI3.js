import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS
} from "./chunk-WZQV7YPD.js";
import {
  postApplyStatus,
  postGitLabApplyStatus
} from "./chunk-JAFDGPBI.js";
import "./chunk-YZ7SOTKQ.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-EZP5OGJT.js";
import {
  gitlabError
} from "./chunk-FAYQYGGE.js";
import "./chunk-L67FNGXX.js";
import {
  ConfigError
} from "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";

// src/commands/apply-status.ts
async function reportApplyStatus(options, report, error, log) {
  const counts = ACTIONS.filter((a) => report.counts[a] > 0).map((a) => `${report.counts[a]} ${a}`).join(", ");
  const description = error ? `failed: ${error.message.split("\n")[0]}` : counts || "nothing to do";
  if (options.forge === "gitlab") {
    const project = gitlabReportProject(options, "status project", log);
    try {
      await postGitLabApplyStatus(
        project,
        options.cluster,
        options.sha,
        !error,
        description,
        options.runUrl
      );
    } catch (failure) {
      throw gitlabError(failure, `posting the apply status to ${options.project}`);
    }
  } else {
    const [owner, repo] = options.repo.split("/");
    if (!owner || !repo)
      throw new ConfigError(`status repository "${options.repo}" is not owner/name`);
    const client = githubClient({ token: options.token, apiUrl: options.apiUrl, log });
    await postApplyStatus(
      client,
      { owner, repo, cluster: options.cluster },
      options.sha,
      !error,
      description,
      options.runUrl
    );
  }
  log.info(
    `commit status ferry/apply (${options.cluster}) on ${options.sha.slice(0, 12)}: ${error ? "failure" : "success"}`
  );
}
export {
  reportApplyStatus
};
//# sourceMappingURL=apply-status-KWK6PHI3.js.map
