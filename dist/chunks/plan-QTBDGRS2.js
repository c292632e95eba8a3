import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-ODSRZT6V.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";
export {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
};
//# sourceMappingURL=plan-QTBDGRS2.js.map
