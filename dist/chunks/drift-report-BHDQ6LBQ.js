import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-6OMOE36J.js";
import "./chunk-E4NNYSC7.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-3RVZJX2I.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-JYCF66TB.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-BHDQ6LBQ.js.map
