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
} from "./chunk-PI2UHALL.js";
import "./chunk-J6T2JOXM.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
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
//# sourceMappingURL=apply-report-M7OCBYDP.js.map
