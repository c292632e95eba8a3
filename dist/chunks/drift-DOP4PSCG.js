import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  crdsOf,
  drift,
  driftCheck,
  fingerprintOf
} from "./chunk-YX2TPJ3R.js";
import "./chunk-K4WWAEDM.js";
import "./chunk-XS6GLAA3.js";
import "./chunk-JCWAVRYV.js";
import "./chunk-E4NNYSC7.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-YM6WYC6C.js";
import "./chunk-3RVZJX2I.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  crdsOf,
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-DOP4PSCG.js.map
