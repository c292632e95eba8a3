import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-LAIWW4P2.js";
import "./chunk-MSUMI4LC.js";
import "./chunk-A77PZLDO.js";
import "./chunk-EJ2WBDOI.js";
import "./chunk-KGURHNNJ.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-VOMC4N5B.js";
import "./chunk-TNGCXRZU.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-HIFOT27K.js";
import "./chunk-WQL2QXTW.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-MUNFVUUD.js";
import "./chunk-P25TPT5Y.js";
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
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-XYTK3UE5.js.map
