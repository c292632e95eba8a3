import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-OPE3M6LF.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-OQDLDFRG.js";
import "./chunk-4RQ5ZEE3.js";
import "./chunk-XNLNQVR5.js";
import "./chunk-MSUMI4LC.js";
import "./chunk-SGUJPFDD.js";
import "./chunk-WRKOSG5G.js";
import "./chunk-KGURHNNJ.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-OUNTDO6S.js";
import "./chunk-WEYTAN56.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-YIB3AZFY.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-VMJAHNO3.js";
import "./chunk-X4F3HIRK.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-ZK6YC5J5.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-PSGNFUS3.js";
import "./chunk-WH76CAUT.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";
export {
  DEFAULT_PARALLEL,
  applyAll
};
//# sourceMappingURL=apply-all-LGYFVCVW.js.map
