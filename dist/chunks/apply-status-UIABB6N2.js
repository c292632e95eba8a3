import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  failedDescription,
  publishClusterStatus
} from "./chunk-WNH2HWPH.js";
import {
  summaryLine
} from "./chunk-OUNTDO6S.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZVU72A6I.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-X4656V3V.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
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
//# sourceMappingURL=apply-status-UIABB6N2.js.map
