import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  drift,
  driftCheck,
  fingerprintOf
} from "./chunk-PEFLRM7H.js";
import "./chunk-3KDTCB2G.js";
import "./chunk-6OGXFD3J.js";
import "./chunk-6ER3YKVD.js";
import "./chunk-KT32AVGS.js";
import "./chunk-B2GFME57.js";
import "./chunk-UQIOOUSP.js";
import "./chunk-IBUBWRKG.js";
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
import "./chunk-JQ6NJE4M.js";
export {
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-KDB4LKAM.js.map
