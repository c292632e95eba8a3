import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  postApplyStatus
} from "./chunk-VSFBBJU2.js";
import {
  githubClient
} from "./chunk-FQSSX6FK.js";
import {
  ACTIONS
} from "./chunk-VQXP6BZZ.js";
import {
  ConfigError
} from "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";

// src/commands/apply-status.ts
async function reportApplyStatus(options, report, error, log) {
  const [owner, repo] = options.repo.split("/");
  if (!owner || !repo)
    throw new ConfigError(`status repository "${options.repo}" is not owner/name`);
  const counts = ACTIONS.filter((a) => report.counts[a] > 0).map((a) => `${report.counts[a]} ${a}`).join(", ");
  const description = error ? `failed: ${error.message.split("\n")[0]}` : counts || "nothing to do";
  const client = githubClient({ token: options.token, apiUrl: options.apiUrl, log });
  await postApplyStatus(
    client,
    { owner, repo, cluster: options.cluster },
    options.sha,
    !error,
    description,
    options.runUrl
  );
  log.info(
    `commit status ferry/apply (${options.cluster}) on ${options.sha.slice(0, 12)}: ${error ? "failure" : "success"}`
  );
}
export {
  reportApplyStatus
};
//# sourceMappingURL=apply-status-GLPFPCDB.js.map
