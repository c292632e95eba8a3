import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  commentLimit,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
} from "./chunk-5GCOGD3P.js";
import "./chunk-RPG6ETT2.js";
import "./chunk-WPZ4NZJN.js";
import "./chunk-ECGSER5Z.js";
import "./chunk-6A6LU6TW.js";
import "./chunk-MFWT4MUV.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-TAQBB7O5.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-XZVG5AY6.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-YWADFTU6.js";
import "./chunk-NWC3JNII.js";
import "./chunk-FM3P3HNW.js";
import "./chunk-DZWKGZK7.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-P3BBT7K4.js";
import "./chunk-4XANHIC3.js";
import "./chunk-YQHPYPSF.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-57EZ2WE2.js";
export {
  commentLimit,
  planAndPublish,
  planMarker,
  postPlanComment,
  postPlanStatus,
  postStickyComment,
  reportPlanStatus
};
//# sourceMappingURL=plan-publish-WIYDX7SO.js.map
