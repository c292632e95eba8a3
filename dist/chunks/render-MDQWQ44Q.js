import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-O2NBFVYJ.js";
import "./chunk-IBLPEF4U.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-53QXY2GU.js";
import "./chunk-L67FNGXX.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-MDQWQ44Q.js.map
