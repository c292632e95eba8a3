import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  JOB_SUMMARY_LIMIT,
  MarkdownFolder
} from "./chunk-ZQ3VISGG.js";
import "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  JOB_SUMMARY_LIMIT,
  MarkdownFolder
};
//# sourceMappingURL=fold-SSP7FYBM.js.map
