import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-WXRR63Y3.js";
import {
  codeSpan
} from "./chunk-G5OAQKEL.js";

// src/core/plan-markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var GITLAB_NOTE_LIMIT = 1e6;
function html(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function detailed(object) {
  return object.fields.length > 0 || object.rejected !== void 0 || object.action === "change";
}
function objectSection(object) {
  const flags = [
    object.fields.length > 0 ? `${object.fields.length} field(s)` : "",
    object.fields.some((f) => f.handEdit) ? "\u26A0\uFE0F overwrites a hand edit" : "",
    object.rejected ? "\u274C rejected by the server" : "",
    object.note ?? ""
  ].filter(Boolean);
  const what = `${html(ACTION_LABELS[object.action])}${flags.length > 0 ? ` (${html(flags.join("; "))})` : ""}`;
  const lines = [
    "<details>",
    `<summary><code>${html(object.object)}</code>: ${what}</summary>`,
    ""
  ];
  if (object.rejected)
    lines.push(`**Rejected by the server:** ${codeSpan(showValue(object.rejected))}`, "");
  if (object.fields.length > 0) {
    lines.push("| field | live | git | owner now |", "| --- | --- | --- | --- |");
    for (const f of object.fields) {
      const owner = otherOwner(f) ? `${codeSpan(f.manager, true)}${f.handEdit ? " \u26A0\uFE0F hand edit" : ""}` : "";
      const cells = [f.path, showValue(f.live), showValue(f.git)].map((t) => codeSpan(t, true));
      lines.push(`| ${cells.join(" | ")} | ${owner} |`);
    }
    lines.push("");
  } else if (object.action === "change") {
    lines.push("Only ferry\u2019s own bookkeeping differs (the manifest hash).", "");
  }
  lines.push("</details>", "", "");
  return lines.join("\n");
}
var GROUPS = [
  { action: "create", label: "to create" },
  { action: "prune", label: "would be pruned" },
  { action: "leave", label: "left in the cluster (in the inventory, no longer in git)" }
];
function header(report, title) {
  const verdict = report.counts.rejected > 0 ? "the server rejects some objects" : report.objects.some((o) => o.action !== "leave") ? "changes" : "no changes";
  return [
    `### ${title}: ${verdict}`,
    "",
    `Cluster ${codeSpan(report.cluster)}, inventory ${codeSpan(`${report.inventory.namespace}/${report.inventory.name}`)}: ${planSummary(report)}.`,
    "",
    ""
  ].join("\n");
}
function formatPlanMarkdown(report, options = {}) {
  let text = header(report, options.title ?? "ferry plan");
  const limit = options.limit ?? Infinity;
  const reserve = 600;
  const fits = (more) => text.length + more.length + reserve <= limit;
  let shown = 0;
  let full = false;
  for (const object of report.objects.filter(detailed)) {
    const section = objectSection(object);
    if (!fits(section)) {
      full = true;
      break;
    }
    text += section;
    shown++;
  }
  for (const { action, label } of full ? [] : GROUPS) {
    const items = report.objects.filter((o) => o.action === action && !detailed(o));
    if (items.length === 0) continue;
    const open = `<details>
<summary>${items.length} ${html(label)}</summary>

`;
    const close = "\n</details>\n\n";
    let list = "";
    for (const item of items) {
      const line = `- ${codeSpan(item.object)}${item.note ? ` (${codeSpan(item.note)})` : ""}
`;
      if (!fits(open + list + line + close)) {
        full = true;
        break;
      }
      list += line;
      shown++;
    }
    if (list) text += open + list + close;
    if (full) break;
  }
  const rest = report.objects.length - shown;
  if (rest > 0) {
    const where = options.moreUrl ? `: see the [job summary](${encodeURI(options.moreUrl)})` : "";
    text += `_${rest} more object(s) did not fit in this comment${where}._
`;
  }
  return text;
}

export {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  objectSection,
  formatPlanMarkdown
};
//# sourceMappingURL=chunk-2KPSBTH6.js.map
