import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
} from "./chunk-WOZOTM6N.js";
import "./chunk-5VPILI4Y.js";
import "./chunk-AM2ZRU4E.js";
import "./chunk-PJBSKZ5A.js";
import "./chunk-6XDKMX4Y.js";
import "./chunk-HIFOT27K.js";
import "./chunk-WGHDBBKB.js";
import "./chunk-UHZGMQGH.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-ZQ3VISGG.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  runApplySets,
  runDriftSets,
  runPlanSets,
  runSets,
  runStatus
};
//# sourceMappingURL=run-sets-BZT2SJME.js.map
