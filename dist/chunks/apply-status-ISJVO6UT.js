import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  failedDescription,
  publishClusterStatus
} from "./chunk-JFYJLMCE.js";
import {
  summaryLine
} from "./chunk-VOMC4N5B.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-2ZKVSY52.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-X4656V3V.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/publish/apply-status.ts
async function reportApplyStatus(options, report, error, log) {
  const description = error ? failedDescription(error) : summaryLine(report);
  await postApplyStatus(options, !error, description, log);
}
async function postApplyStatus(options, succeeded, description, log) {
  const { sha, cluster, runUrl } = options;
  await publishClusterStatus(
    options,
    { check: "apply", cluster, sha, succeeded, description, ...runUrl ? { runUrl } : {} },
    log
  );
}
export {
  postApplyStatus,
  reportApplyStatus
};
//# sourceMappingURL=apply-status-ISJVO6UT.js.map
