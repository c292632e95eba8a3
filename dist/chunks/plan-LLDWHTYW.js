import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  countPlan,
  hasChanges,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-EAWQKU7C.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-SYL7POHK.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
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
//# sourceMappingURL=plan-LLDWHTYW.js.map
