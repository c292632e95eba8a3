import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  codeSpan,
  hiddenMarker,
  inlineCode,
  link,
  oneLine
} from "./chunk-5YSSDDXP.js";
import "./chunk-JQ6NJE4M.js";
export {
  codeSpan,
  hiddenMarker,
  inlineCode,
  link,
  oneLine
};
//# sourceMappingURL=markdown-FD5TUFCS.js.map
