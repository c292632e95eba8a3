import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  drift,
  driftCheck,
  fingerprintOf
} from "./chunk-SCOTASHX.js";
import "./chunk-YY3EWGVK.js";
import "./chunk-VRL3D6AQ.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-BXGU2QBN.js";
import "./chunk-3JZPGWUR.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-HIFOT27K.js";
import "./chunk-IVIM43V5.js";
import "./chunk-6RY4FXRA.js";
import "./chunk-UHZGMQGH.js";
import "./chunk-L7SMPO5I.js";
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
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-DBLC64GH.js.map
