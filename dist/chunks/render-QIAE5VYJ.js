import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-D4TT4I5V.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-QCKBONQO.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-QIAE5VYJ.js.map
