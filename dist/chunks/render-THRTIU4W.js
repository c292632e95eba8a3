import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
} from "./chunk-WBSZCMUX.js";
import "./chunk-WGHDBBKB.js";
import "./chunk-X4656V3V.js";
import "./chunk-IVIM43V5.js";
import "./chunk-6RY4FXRA.js";
import "./chunk-UHZGMQGH.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-I3546OUC.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-3DVABTY7.js";
import "./chunk-2K7LY7TU.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-RBPGUVAE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";
export {
  loadConfig,
  loadEnvironment,
  render,
  renderEnvironment
};
//# sourceMappingURL=render-THRTIU4W.js.map
