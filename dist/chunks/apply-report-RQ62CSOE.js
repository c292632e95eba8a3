import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS,
  ApplyFailure,
  changedObjects,
  emptyReport,
  formatMarkdown,
  formatText,
  record
} from "./chunk-5CU42QGR.js";
import "./chunk-X5K5A77S.js";
export {
  ACTIONS,
  ApplyFailure,
  changedObjects,
  emptyReport,
  formatMarkdown,
  formatText,
  record
};
//# sourceMappingURL=apply-report-RQ62CSOE.js.map
