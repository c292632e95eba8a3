import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  crdsOf,
  drift,
  driftCheck,
  fingerprintOf
} from "./chunk-TBY5HLKO.js";
import "./chunk-SMWALDZG.js";
import "./chunk-TXCSX6PN.js";
import "./chunk-TYR6WY75.js";
import "./chunk-IBLPEF4U.js";
import "./chunk-53QXY2GU.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  crdsOf,
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-NUY2PVZW.js.map
