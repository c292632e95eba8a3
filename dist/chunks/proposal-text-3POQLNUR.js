import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  BODY_LIMIT,
  FOLD_DIFF_LINES,
  codeSpan,
  commitMessage,
  imageLabel,
  inlineCode,
  link,
  oneLine,
  proposalBody,
  proposalTitle
} from "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";
export {
  BODY_LIMIT,
  FOLD_DIFF_LINES,
  codeSpan,
  commitMessage,
  imageLabel,
  inlineCode,
  link,
  oneLine,
  proposalBody,
  proposalTitle
};
//# sourceMappingURL=proposal-text-3POQLNUR.js.map
