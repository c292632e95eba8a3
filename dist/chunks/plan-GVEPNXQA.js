import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-WXRR63Y3.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
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
//# sourceMappingURL=plan-GVEPNXQA.js.map
