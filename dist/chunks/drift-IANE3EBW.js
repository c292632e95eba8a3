import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf,
  isSameManifest
} from "./chunk-3JZPGWUR.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-I3546OUC.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-3DVABTY7.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";
export {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf,
  isSameManifest
};
//# sourceMappingURL=drift-IANE3EBW.js.map
