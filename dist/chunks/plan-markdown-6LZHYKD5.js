import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown,
  objectSection
} from "./chunk-VG7TXPQQ.js";
import "./chunk-EAWQKU7C.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-SYL7POHK.js";
import "./chunk-W7SKG2NI.js";
import "./chunk-RBPGUVAE.js";
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
//# sourceMappingURL=plan-markdown-6LZHYKD5.js.map
