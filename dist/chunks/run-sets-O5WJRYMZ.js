import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-LDQPX2II.js";
import "./chunk-HZAPYYNB.js";
import "./chunk-6677I5CF.js";
import "./chunk-AK5BGBY3.js";
import "./chunk-B2GFME57.js";
import "./chunk-WGHDBBKB.js";
import "./chunk-OIAIUNMR.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
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
//# sourceMappingURL=run-sets-O5WJRYMZ.js.map
