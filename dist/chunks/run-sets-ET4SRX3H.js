import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-DU7PIVZW.js";
import "./chunk-N3NQF2C4.js";
import "./chunk-MHJXH2NR.js";
import "./chunk-4RQ5ZEE3.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-6XDKMX4Y.js";
import "./chunk-HIFOT27K.js";
import "./chunk-WGHDBBKB.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-WH76CAUT.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";
export {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
};
//# sourceMappingURL=run-sets-ET4SRX3H.js.map
