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
} from "./chunk-2RZWN7P4.js";
import "./chunk-JYCF66TB.js";
import "./chunk-O7TIUWNP.js";
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
//# sourceMappingURL=apply-report-YKQT7YV4.js.map
