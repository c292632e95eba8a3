import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-DTRA6CBY.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-42UO3YTW.js";
import "./chunk-3I6VGBQZ.js";
import "./chunk-4RQ5ZEE3.js";
import "./chunk-NXCK2OS6.js";
import "./chunk-CLP63NEL.js";
import "./chunk-YHGA4ZUM.js";
import "./chunk-U2UB3TUE.js";
import "./chunk-S7UZDVDB.js";
import "./chunk-WWGWLC6B.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-OUNTDO6S.js";
import "./chunk-WUSKFTN5.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-4NID7SJK.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
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
//# sourceMappingURL=apply-all-BNQMK46R.js.map
