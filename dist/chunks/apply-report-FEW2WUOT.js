import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS,
  ApplyFailure,
  changedObjects,
  emptyReport,
  formatMarkdown,
  formatText,
  record
} from "./chunk-ISMOKYV3.js";
import "./chunk-7NOBEVYY.js";
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
//# sourceMappingURL=apply-report-FEW2WUOT.js.map
