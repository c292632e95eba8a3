import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  formatPlanMarkdown,
  objectSection
} from "./chunk-ZQMWFLKK.js";
import "./chunk-CY3OYAHF.js";
import "./chunk-LOXJXACZ.js";
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
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-3UGMLOBV.js.map
