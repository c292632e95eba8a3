import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-ZNCBDGFZ.js";
import "./chunk-TYR6WY75.js";
import "./chunk-53QXY2GU.js";
import "./chunk-JYCF66TB.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-Y52YCYRX.js.map
