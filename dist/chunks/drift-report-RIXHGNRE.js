import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-63QBZT2P.js";
import "./chunk-SYL7POHK.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";
export {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-RIXHGNRE.js.map
