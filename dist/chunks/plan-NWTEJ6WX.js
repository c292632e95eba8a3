import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-2ABTEVHJ.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
};
//# sourceMappingURL=plan-NWTEJ6WX.js.map
