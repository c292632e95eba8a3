import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-ODSRZT6V.js";
import {
  UNATTRIBUTED_WORDS
} from "./chunk-Z3LLN2L2.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import "./chunk-JQ6NJE4M.js";

// src/core/plan-text.ts
var SIGNS = { create: "+", change: "~", prune: "-", leave: "=" };
function formatPlanText(report, colour) {
  const paint = (code) => (text) => colour ? `\x1B[${code}m${text}\x1B[0m` : text;
  const [red, green, yellow, bold] = [paint(31), paint(32), paint(33), paint(1)];
  const lines = [
    bold(
      `ferry plan: ${report.cluster}, inventory ${report.inventory.namespace}/${report.inventory.name}`
    )
  ];
  for (const object of report.objects) {
    const note = object.note ? ` (${object.note})` : "";
    lines.push(
      `${SIGNS[object.action]} ${bold(object.object)}: ${ACTION_LABELS[object.action]}${note}`
    );
    for (const field of object.fields) {
      const owner = otherOwner(field) ? `  (owned by ${field.manager})` : field.unattributed === "removed" ? `  (${UNATTRIBUTED_WORDS.removed})` : "";
      const flag = field.handEdit ? yellow("  ! overwrites a hand edit") : "";
      lines.push(`    ${field.path}${owner}${flag}`);
      lines.push(`      ${red(`live: ${showValue(field.live)}`)}`);
      lines.push(`      ${green(`git:  ${showValue(field.git)}`)}`);
    }
    if (object.rejected) lines.push(`    ${red(`rejected by the server: ${object.rejected}`)}`);
  }
  lines.push(planSummary(report));
  return `${lines.join("\n")}
`;
}
export {
  formatPlanText
};
//# sourceMappingURL=plan-text-BU75XGAJ.js.map
