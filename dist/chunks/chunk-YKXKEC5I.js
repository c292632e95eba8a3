import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ACTION_LABELS,
  otherOwner,
  planSummary,
  showValue
} from "./chunk-ODSRZT6V.js";
import {
  MarkdownFolder
} from "./chunk-ZQ3VISGG.js";
import {
  UNATTRIBUTED_WORDS
} from "./chunk-Z3LLN2L2.js";
import {
  codeSpan,
  inlineCode
} from "./chunk-5YSSDDXP.js";

// src/core/plan-markdown.ts
function html(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function detailed(object) {
  return object.fields.length > 0 || object.rejected !== void 0 || object.action === "change";
}
function objectParts(object) {
  const flags = [
    object.fields.length > 0 ? `${object.fields.length} field(s)` : "",
    object.fields.some((f) => f.handEdit) ? "\u26A0\uFE0F overwrites a hand edit" : "",
    object.rejected ? "\u274C rejected by the server" : "",
    object.note ?? ""
  ].filter(Boolean);
  const what = `${html(ACTION_LABELS[object.action])}${flags.length > 0 ? ` (${html(flags.join("; "))})` : ""}`;
  const open = ["<details>", `<summary><code>${html(object.object)}</code>: ${what}</summary>`, ""];
  if (object.rejected)
    open.push(`**Rejected by the server:** ${codeSpan(showValue(object.rejected))}`, "");
  const close = "\n</details>\n\n";
  if (object.fields.length === 0) {
    if (object.action === "change")
      open.push("Only ferry\u2019s own bookkeeping differs (the manifest hash).", "");
    return { open: "", rows: [{ markdown: open.join("\n"), label: object.object }], close };
  }
  open.push("| field | live | git | owner now |", "| --- | --- | --- | --- |", "");
  const rows = object.fields.map((f) => {
    const owner = otherOwner(f) ? `${codeSpan(f.manager, true)}${f.handEdit ? " \u26A0\uFE0F hand edit" : ""}` : f.unattributed === "removed" ? `_${UNATTRIBUTED_WORDS.removed}_` : "";
    const cells = [f.path, showValue(f.live), showValue(f.git)].map((t) => codeSpan(t, true));
    return { markdown: `| ${cells.join(" | ")} | ${owner} |
`, label: object.object };
  });
  return { open: open.join("\n"), rows, close };
}
function objectSection(object) {
  const { open, rows, close } = objectParts(object);
  return `${open}${rows.map((row) => row.markdown).join("")}${close}`;
}
var GROUPS = [
  { action: "create", label: "to create" },
  { action: "prune", label: "would be pruned" },
  { action: "leave", label: "left in the cluster (in the inventory, no longer in git)" }
];
function header(report, options) {
  const title = options.title ?? (options.named ? `ferry plan for ${inlineCode(report.cluster)}` : "ferry plan");
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
  const folder = new MarkdownFolder(header(report, options), options.limit);
  for (const object of report.objects.filter(detailed)) {
    const { open, rows, close } = objectParts(object);
    folder.add(rows, open, close);
  }
  for (const { action, label } of GROUPS) {
    const items = report.objects.filter((o) => o.action === action && !detailed(o));
    if (items.length === 0) continue;
    folder.add(
      items.map((item) => ({
        markdown: `- ${codeSpan(item.object)}${item.note ? ` (${codeSpan(item.note)})` : ""}
`,
        label: item.object
      })),
      `<details>
<summary>${items.length} ${html(label)}</summary>

`,
      "\n</details>\n\n"
    );
  }
  return folder.finish("line(s)", options.whole ?? "the JSON report holds the whole plan");
}

export {
  objectSection,
  formatPlanMarkdown
};
//# sourceMappingURL=chunk-YKXKEC5I.js.map
