import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  commentLimit,
  commentRest,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
} from "./chunk-6J2HOZW3.js";
import "./chunk-ZQMWFLKK.js";
import "./chunk-CY3OYAHF.js";
import "./chunk-LWABBLMI.js";
import "./chunk-RIR264LL.js";
import "./chunk-4OG3P54H.js";
import "./chunk-JFYJLMCE.js";
import "./chunk-YY3EWGVK.js";
import "./chunk-VRL3D6AQ.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-BXGU2QBN.js";
import "./chunk-3JZPGWUR.js";
import "./chunk-LOXJXACZ.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-2ZKVSY52.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-X4656V3V.js";
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
  commentLimit,
  commentRest,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
};
//# sourceMappingURL=plan-publish-7CWP6TG7.js.map
