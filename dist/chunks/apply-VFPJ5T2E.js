import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-LWABBLMI.js";
import "./chunk-RIR264LL.js";
import "./chunk-4OG3P54H.js";
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
import "./chunk-ZQ3VISGG.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-VFPJ5T2E.js.map
