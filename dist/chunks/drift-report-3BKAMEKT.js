import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
} from "./chunk-WI7CDD3B.js";
import "./chunk-57EZ2WE2.js";
export {
  driftSummary,
  formatDriftMarkdown,
  formatDriftText
};
//# sourceMappingURL=drift-report-3BKAMEKT.js.map
