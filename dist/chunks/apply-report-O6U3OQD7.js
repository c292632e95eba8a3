import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS,
  ApplyFailure,
  changedObjects,
  emptyReport,
  formatMarkdown,
  formatText,
  record
} from "./chunk-IHSSVEIG.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  ACTIONS,
  ApplyFailure,
  changedObjects,
  emptyReport,
  formatMarkdown,
  formatText,
  record
};
//# sourceMappingURL=apply-report-O6U3OQD7.js.map
