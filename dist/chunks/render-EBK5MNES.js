import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-IQ6TTSSF.js";
import "./chunk-IFEXO7B6.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-L67FNGXX.js";
import "./chunk-63IWDL27.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-EBK5MNES.js.map
