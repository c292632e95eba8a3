import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  commentLimit,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
} from "./chunk-6M53LAPX.js";
import "./chunk-VG7TXPQQ.js";
import "./chunk-EAWQKU7C.js";
import "./chunk-BWXTOVWT.js";
import "./chunk-7VIPJN7C.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-52NAHF3W.js";
import "./chunk-3KDTCB2G.js";
import "./chunk-6OGXFD3J.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-KT32AVGS.js";
import "./chunk-B2GFME57.js";
import "./chunk-UQIOOUSP.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-CUU3J5WD.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-B646MUTI.js";
import "./chunk-7D42DATE.js";
import "./chunk-OIAIUNMR.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-I3546OUC.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-SYL7POHK.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";
export {
  commentLimit,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
};
//# sourceMappingURL=plan-publish-JCO3O652.js.map
