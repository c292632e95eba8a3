import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-AP5QPSTF.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-HW7PKRAG.js";
import "./chunk-P3BBT7K4.js";
import "./chunk-4XANHIC3.js";
import "./chunk-YQHPYPSF.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-BK364KFO.js.map
