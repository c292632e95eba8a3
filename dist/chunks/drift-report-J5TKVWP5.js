import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-FA6Q5ZLL.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-J6T2JOXM.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-J5TKVWP5.js.map
