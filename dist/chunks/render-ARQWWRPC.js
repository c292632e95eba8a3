import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-EEVGZM6S.js";
import "./chunk-6ZR53KGX.js";
import "./chunk-KNW4NEBO.js";
import "./chunk-NCEOGV3V.js";
import "./chunk-OHINQ3TB.js";
import "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-ARQWWRPC.js.map
