import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-ZFFBNHU7.js";
import "./chunk-WZQV7YPD.js";
import "./chunk-UO3RZ2OS.js";
import "./chunk-FX6LBB4U.js";
import "./chunk-PF3JOGFO.js";
import "./chunk-MWIGHI5J.js";
import "./chunk-RJ335PBH.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-NWNUWCAJ.js.map
