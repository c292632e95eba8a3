import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown,
  objectSection
} from "./chunk-FIJIN5I5.js";
import "./chunk-2ABTEVHJ.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-J6T2JOXM.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";
export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-VT5KJ5F4.js.map
