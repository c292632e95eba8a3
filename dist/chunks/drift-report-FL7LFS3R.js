import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftStatusLine,
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-TNVSFBUN.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-G6P74QM5.js";
import "./chunk-3DVABTY7.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  driftStatusLine,
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-FL7LFS3R.js.map
