import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-UYFJ4CKC.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-L67FNGXX.js";
import "./chunk-J7QKQSVV.js";
import "./chunk-NYAKFERY.js";
import "./chunk-54IG2X6V.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-JMTEGZX3.js.map
