import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-DYFNEF2O.js";
import "./chunk-EJW36RTB.js";
import "./chunk-WMJMSJ6X.js";
import "./chunk-AK5BGBY3.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-4XANHIC3.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-57EZ2WE2.js";
export {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
};
//# sourceMappingURL=run-sets-PMQ5GG2G.js.map
