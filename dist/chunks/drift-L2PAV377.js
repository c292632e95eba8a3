import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf
} from "./chunk-UQIOOUSP.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-I3546OUC.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-SYL7POHK.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
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
//# sourceMappingURL=drift-L2PAV377.js.map
