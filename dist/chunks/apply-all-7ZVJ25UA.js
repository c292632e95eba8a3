import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-N7SFDH2O.js";
import "./chunk-MIPCBENM.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-AK5BGBY3.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-FVFK7GYP.js";
import "./chunk-AK3Y44AA.js";
import "./chunk-BXTHLOC5.js";
import "./chunk-RH3J56GQ.js";
import "./chunk-B2GFME57.js";
import "./chunk-Q3DQFQCL.js";
import "./chunk-IBUBWRKG.js";
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
  DEFAULT_PARALLEL,
  applyAll
};
//# sourceMappingURL=apply-all-7ZVJ25UA.js.map
