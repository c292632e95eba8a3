import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-3AWRSGLE.js";
import "./chunk-XWYPUNS2.js";
import "./chunk-EYYM253O.js";
import "./chunk-PJBSKZ5A.js";
import "./chunk-ZQ3VISGG.js";
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
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
};
//# sourceMappingURL=run-sets-CQ65S7MZ.js.map
