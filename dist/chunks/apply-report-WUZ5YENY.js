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
} from "./chunk-4OG3P54H.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-ZQ3VISGG.js";
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
//# sourceMappingURL=apply-report-WUZ5YENY.js.map
