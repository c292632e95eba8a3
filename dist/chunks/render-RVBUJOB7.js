import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-QHE4ET5L.js";
import "./chunk-LLZ4CGTI.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-L67FNGXX.js";
import "./chunk-5N2LU2WQ.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-RVBUJOB7.js.map
