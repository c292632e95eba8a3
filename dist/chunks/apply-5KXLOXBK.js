import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  apply,
  applyObjects,
  checkKindsKnown
} from "./chunk-4RZD6CMP.js";
import "./chunk-WZQV7YPD.js";
import "./chunk-UO3RZ2OS.js";
import "./chunk-SYQ4EHNQ.js";
import "./chunk-J7QKQSVV.js";
import "./chunk-NYAKFERY.js";
import "./chunk-54IG2X6V.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  apply,
  applyObjects,
  checkKindsKnown
};
//# sourceMappingURL=apply-5KXLOXBK.js.map
