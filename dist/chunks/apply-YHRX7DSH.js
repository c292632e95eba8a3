import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-ZTYVI5U2.js";
import "./chunk-XGHRJXCU.js";
import "./chunk-3WS5T5O7.js";
import "./chunk-XS6GLAA3.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-UTVWGJBY.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-QCKBONQO.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-G5LPO4MJ.js";
import "./chunk-JYCF66TB.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-YHRX7DSH.js.map
