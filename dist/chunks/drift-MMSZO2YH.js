import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf
} from "./chunk-Q3DQFQCL.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";
export {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf
};
//# sourceMappingURL=drift-MMSZO2YH.js.map
