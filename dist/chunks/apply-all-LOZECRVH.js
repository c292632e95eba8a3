import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-YPDIVON3.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-PYPM5OA4.js";
import "./chunk-4RQ5ZEE3.js";
import "./chunk-DGESALK4.js";
import "./chunk-WF6GR5JY.js";
import "./chunk-YHGA4ZUM.js";
import "./chunk-JQ3WBMHL.js";
import "./chunk-S7UZDVDB.js";
import "./chunk-4MPEKA7Y.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-OUNTDO6S.js";
import "./chunk-HC54SSDH.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-K2652U6O.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-BFL2HB2L.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-BJ67KAAS.js";
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
//# sourceMappingURL=apply-all-LOZECRVH.js.map
