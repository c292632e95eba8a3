import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  applyAll
} from "./chunk-TQKGN5FM.js";
import "./chunk-ECGSER5Z.js";
import "./chunk-HYYXLZXP.js";
import "./chunk-MKN4NSYP.js";
import "./chunk-AK5BGBY3.js";
import "./chunk-6A6LU6TW.js";
import "./chunk-MFWT4MUV.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-TAQBB7O5.js";
import "./chunk-WEZ4UF55.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-FM3P3HNW.js";
import "./chunk-DZWKGZK7.js";
import "./chunk-HRWRN4I5.js";
import "./chunk-HW7PKRAG.js";
import "./chunk-P3BBT7K4.js";
import "./chunk-4XANHIC3.js";
import "./chunk-YQHPYPSF.js";
import "./chunk-547FW4JV.js";
import "./chunk-M3MUK5BQ.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-57EZ2WE2.js";
export {
  DEFAULT_PARALLEL,
  applyAll
};
//# sourceMappingURL=apply-all-EFS2XKNM.js.map
