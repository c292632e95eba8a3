import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  HAND_EDIT_MANAGERS,
  countPlan,
  hasChanges,
  isHandEdit,
  planSummary,
  showValue
} from "./chunk-JMDYWPF6.js";
import "./chunk-57EZ2WE2.js";
export {
  ACTION_LABELS,
  HAND_EDIT_MANAGERS,
  countPlan,
  hasChanges,
  isHandEdit,
  planSummary,
  showValue
};
//# sourceMappingURL=plan-AGNGCK2N.js.map
