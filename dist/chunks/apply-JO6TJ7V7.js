import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-MHMYUL66.js";
import "./chunk-3RLU3DTX.js";
import "./chunk-3HVYEVBG.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-QCKBONQO.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PI2UHALL.js";
import "./chunk-J6T2JOXM.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-JO6TJ7V7.js.map
