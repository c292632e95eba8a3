import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  commentLimit,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
} from "./chunk-MNQ7PSVX.js";
import "./chunk-2KPSBTH6.js";
import "./chunk-WXRR63Y3.js";
import "./chunk-MIPCBENM.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-52NAHF3W.js";
import "./chunk-AK3Y44AA.js";
import "./chunk-BXTHLOC5.js";
import "./chunk-RH3J56GQ.js";
import "./chunk-B2GFME57.js";
import "./chunk-Q3DQFQCL.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-CUU3J5WD.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-XBNMCRVW.js";
import "./chunk-OXN35FGG.js";
import "./chunk-LF67XUXD.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
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
//# sourceMappingURL=plan-publish-7QLVEIXT.js.map
