import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  codeSpan,
  formatPlanMarkdown,
  objectSection
} from "./chunk-H5OAXVSM.js";
import "./chunk-JMDYWPF6.js";
import "./chunk-57EZ2WE2.js";
export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  codeSpan,
  formatPlanMarkdown,
  objectSection
};
//# sourceMappingURL=plan-markdown-F5GL2XTD.js.map
