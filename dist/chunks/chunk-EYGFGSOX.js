import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  FIELD_MANAGER
} from "./chunk-NVVDFPF4.js";
import {
  inlineCode
} from "./chunk-G5OAQKEL.js";

// src/core/drift-report.ts
function changedBy(field) {
  return field.manager === FIELD_MANAGER ? "git changed since the last apply" : `changed by ${field.manager}`;
}
function show(value) {
  if (value === void 0) return "(absent)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
function driftSummary(report) {
  if (report.clean)
    return `no drift: ${report.counts.checked} objects match git${report.counts.ignored ? ` (${report.counts.ignored} ignored fields)` : ""}`;
  const parts = ["drifted", "missing", "extra"].filter((k) => report.counts[k] > 0).map((k) => `${report.counts[k]} ${k}`);
  return `drift: ${parts.join(", ")} of ${report.counts.checked} objects`;
}
var LABELS = {
  drifted: "differs from git",
  missing: "missing from the cluster",
  extra: "in the inventory but not in git (not pruned)"
};
function formatDriftText(report, colour) {
  const red = (t) => colour ? `\x1B[31m${t}\x1B[0m` : t;
  const green = (t) => colour ? `\x1B[32m${t}\x1B[0m` : t;
  const bold = (t) => colour ? `\x1B[1m${t}\x1B[0m` : t;
  const lines = [];
  for (const object of report.objects) {
    lines.push(bold(`${object.object}: ${LABELS[object.kind]}`));
    for (const field of object.fields) {
      lines.push(`  ${field.path}  (${changedBy(field)})`);
      lines.push(`    ${green(`git:  ${show(field.git)}`)}`);
      lines.push(`    ${red(`live: ${show(field.live)}`)}`);
    }
  }
  lines.push(report.clean ? green(driftSummary(report)) : red(driftSummary(report)));
  return `${lines.join("\n")}
`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function formatDriftMarkdown(report, title = "ferry drift") {
  const lines = [
    `### ${title}: ${report.clean ? "no drift" : "drift detected"}`,
    "",
    `Inventory \`${report.inventory.namespace}/${report.inventory.name}\`: ${driftSummary(report)}.`
  ];
  if (!report.clean) {
    lines.push("", "| object | field | git | live | who |", "| --- | --- | --- | --- | --- |");
    for (const object of report.objects) {
      if (object.fields.length === 0)
        lines.push(`| ${cell(inlineCode(object.object))} | _${LABELS[object.kind]}_ | | | |`);
      for (const field of object.fields) {
        lines.push(
          `| ${cell(inlineCode(object.object))} | ${cell(inlineCode(field.path))} | ${cell(inlineCode(show(field.git)))} | ${cell(inlineCode(show(field.live)))} | ${cell(changedBy(field))} |`
        );
      }
    }
  }
  return `${lines.join("\n")}
`;
}

export {
  driftSummary,
  formatDriftText,
  formatDriftMarkdown
};
//# sourceMappingURL=chunk-EYGFGSOX.js.map
