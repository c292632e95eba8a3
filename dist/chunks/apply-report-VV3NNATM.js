import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTIONS,
  ApplyFailure,
  emptyReport,
  formatMarkdown,
  formatText,
  record
} from "./chunk-DFMCQZRE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  ACTIONS,
  ApplyFailure,
  emptyReport,
  formatMarkdown,
  formatText,
  record
};
//# sourceMappingURL=apply-report-VV3NNATM.js.map
