import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-CY3OYAHF.js";
import "./chunk-3DVABTY7.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
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
//# sourceMappingURL=plan-XHGJCRRK.js.map
