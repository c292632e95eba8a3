import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  codeSpan,
  formatPlanMarkdown,
  objectSection
} from "./chunk-ZT2RLHCD.js";
import "./chunk-HRRWQQQB.js";
import "./chunk-UTVWGJBY.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  codeSpan,
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-PGNX6ABL.js.map
