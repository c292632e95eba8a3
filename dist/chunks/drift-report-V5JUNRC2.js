import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftStatusLine,
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-EXGZET5S.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-G6P74QM5.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  driftStatusLine,
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-V5JUNRC2.js.map
