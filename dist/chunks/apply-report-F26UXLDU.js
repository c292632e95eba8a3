import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS,
  ApplyFailure,
  emptyReport,
  formatMarkdown,
  formatText,
  record,
  recordRestored,
  summaryLine
} from "./chunk-VOMC4N5B.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  ACTIONS,
  ApplyFailure,
  emptyReport,
  formatMarkdown,
  formatText,
  record,
  recordRestored,
  summaryLine
};
//# sourceMappingURL=apply-report-F26UXLDU.js.map
