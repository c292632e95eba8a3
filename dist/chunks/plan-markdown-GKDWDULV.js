import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  formatPlanMarkdown,
  objectSection
} from "./chunk-YKXKEC5I.js";
import "./chunk-ODSRZT6V.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-Z3LLN2L2.js";
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
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-GKDWDULV.js.map
