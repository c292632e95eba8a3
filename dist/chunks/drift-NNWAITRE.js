import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf,
  isSameManifest
} from "./chunk-WUSKFTN5.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";
export {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  differencesOf,
  driftOf,
  isSameManifest
};
//# sourceMappingURL=drift-NNWAITRE.js.map
