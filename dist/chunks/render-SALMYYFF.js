import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-PF6AWLQB.js";
import "./chunk-MWIGHI5J.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-L67FNGXX.js";
import "./chunk-RJ335PBH.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-SALMYYFF.js.map
