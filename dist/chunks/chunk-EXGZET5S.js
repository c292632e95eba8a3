import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  MarkdownFolder
} from "./chunk-ZQ3VISGG.js";
import {
  UNATTRIBUTED_WORDS
} from "./chunk-Z3LLN2L2.js";
import {
  diffHunks
} from "./chunk-G6P74QM5.js";
import {
  FIELD_MANAGER
} from "./chunk-M2WY2DRM.js";
import {
  codeSpan,
  inlineCode,
  oneLine
} from "./chunk-5YSSDDXP.js";

// src/core/drift-report.ts
function changedBy(field, name) {
  if (field.manager === FIELD_MANAGER) return "git changed since the last apply";
  if (field.manager !== void 0) return `changed by ${name(field.manager)}`;
  return UNATTRIBUTED_WORDS[field.unattributed ?? "no-owner"];
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
function driftStatusLine(report) {
  return report.clean ? "cluster matches git" : `${report.objects.length} object(s) differ from git`;
}
var LABELS = {
  drifted: "differs from git",
  missing: "missing from the cluster",
  extra: "in the inventory but not in git (not pruned)"
};
function printable(text) {
  return text.replace(
    /[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/g,
    (c) => JSON.stringify(c).slice(1, -1)
  );
}
function isMultiLine(field) {
  const text = (value) => value === void 0 || typeof value === "string";
  const lines = (value) => typeof value === "string" && /[\r\n]/.test(value);
  return text(field.git) && text(field.live) && (lines(field.git) || lines(field.live));
}
function formatDriftText(report, colour) {
  const paint = (code2) => (t) => colour ? `\x1B[${code2}m${t}\x1B[0m` : t;
  const [red, green, bold, dim] = [paint(31), paint(32), paint(1), paint(2)];
  const lines = [];
  for (const object of report.objects) {
    lines.push(bold(`${printable(object.object)}: ${LABELS[object.kind]}`));
    for (const field of object.fields) {
      lines.push(`  ${printable(field.path)}  (${changedBy(field, printable)})`);
      if (isMultiLine(field)) {
        lines.push(`    ${green("--- git")}`, `    ${red("+++ live")}`);
        for (const line of diffHunks(
          field.git ?? "",
          field.live ?? ""
        )) {
          const shown = `    ${printable(line)}`;
          lines.push(
            line.startsWith("-") ? green(shown) : line.startsWith("+") ? red(shown) : line.startsWith("@@") ? dim(shown) : shown
          );
        }
        continue;
      }
      lines.push(`    ${green(`git:  ${printable(show(field.git))}`)}`);
      lines.push(`    ${red(`live: ${printable(show(field.live))}`)}`);
    }
  }
  lines.push(report.clean ? green(driftSummary(report)) : red(driftSummary(report)));
  return `${lines.join("\n")}
`;
}
var code = (text) => codeSpan(oneLine(text), true);
function formatDriftMarkdown(report, options = {}) {
  const { cluster } = options;
  const title = cluster === void 0 ? "ferry drift" : `ferry drift on ${inlineCode(cluster)}`;
  const inventory = inlineCode(`${report.inventory.namespace}/${report.inventory.name}`);
  const head = [
    `### ${title}: ${report.clean ? "no drift" : "drift detected"}`,
    "",
    `Inventory ${inventory}: ${driftSummary(report)}.`,
    ""
  ];
  if (report.clean) return `${head.join("\n")}`;
  head.push("| object | field | git | live | who |", "| --- | --- | --- | --- | --- |", "");
  const folder = new MarkdownFolder(head.join("\n"), options.limit);
  const rows = report.objects.flatMap(
    (object) => object.fields.length === 0 ? [
      {
        markdown: `| ${code(object.object)} | _${LABELS[object.kind]}_ | | | |
`,
        label: object.object
      }
    ] : object.fields.map((field) => {
      const cells = [object.object, field.path, show(field.git), show(field.live)].map(code);
      return {
        markdown: `| ${cells.join(" | ")} | ${changedBy(field, code)} |
`,
        label: object.object
      };
    })
  );
  folder.add(rows);
  return folder.finish("line(s)", options.whole ?? "the JSON report holds every field");
}

export {
  driftSummary,
  driftStatusLine,
  formatDriftText,
  formatDriftMarkdown
};
//# sourceMappingURL=chunk-EXGZET5S.js.map
