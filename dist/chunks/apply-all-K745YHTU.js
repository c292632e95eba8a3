import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-I4QWKJEI.js";
import "./chunk-PJBSKZ5A.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-MHNK5UQN.js";
import "./chunk-LWABBLMI.js";
import "./chunk-RIR264LL.js";
import "./chunk-4OG3P54H.js";
import "./chunk-YY3EWGVK.js";
import "./chunk-VRL3D6AQ.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-BXGU2QBN.js";
import "./chunk-3JZPGWUR.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
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
  DEFAULT_PARALLEL,
  applyAll
};
//# sourceMappingURL=apply-all-K745YHTU.js.map
