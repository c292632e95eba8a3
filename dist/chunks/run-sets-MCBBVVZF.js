import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-EV7ZP7UJ.js";
import "./chunk-KG4V2L6K.js";
import "./chunk-TWCA54CT.js";
import "./chunk-AK5BGBY3.js";
import "./chunk-B2GFME57.js";
import "./chunk-WGHDBBKB.js";
import "./chunk-LF67XUXD.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";
export {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
};
//# sourceMappingURL=run-sets-MCBBVVZF.js.map
