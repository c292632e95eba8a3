import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  summaryLine
} from "./chunk-C6VIPLIK.js";
import {
  postApplyStatus,
  postGitLabApplyStatus
} from "./chunk-52NAHF3W.js";
import "./chunk-B2GFME57.js";
import "./chunk-PVPH2W2K.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-CUU3J5WD.js";
import {
  gitlabError
} from "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/publish/apply-status.ts
async function reportApplyStatus(options, report, error, log) {
  const description = error ? `failed: ${error.message.split("\n")[0]}` : summaryLine(report);
  await postApplyStatus2(options, !error, description, log);
}
async function postApplyStatus2(options, succeeded, description, log) {
  const error = succeeded ? void 0 : description;
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
  postApplyStatus2 as postApplyStatus,
  reportApplyStatus
};
//# sourceMappingURL=apply-status-QAQVQTBF.js.map
