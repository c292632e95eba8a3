import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown,
  objectSection
} from "./chunk-2KPSBTH6.js";
import "./chunk-WXRR63Y3.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";
export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-C626WI5G.js.map
