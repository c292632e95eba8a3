import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  MarkdownFolder
} from "./chunk-ZQ3VISGG.js";
import {
  codeSpan
} from "./chunk-5YSSDDXP.js";

// src/core/sets-report.ts
var SET_RESULTS = [
  "applied",
  "planned",
  "checked",
  "unchanged",
  "skipped",
  "failed"
];
function countResults(rows) {
  const counts = Object.fromEntries(SET_RESULTS.map((r) => [r, 0]));
  for (const row of rows) counts[row.result] += 1;
  return counts;
}
function worstExitCode(rows) {
  return Math.max(0, ...rows.map((row) => row.exitCode));
}
function setsSummary(report) {
  const parts = SET_RESULTS.filter((r) => report.counts[r] > 0).map(
    (r) => `${report.counts[r]} ${r}`
  );
  return parts.join(", ") || "no sets";
}
function formatSetsText(report, detail) {
  const title = `ferry ${report.command} --all on cluster ${report.cluster} at ${report.commit.slice(0, 12)}${report.dryRun ? " (dry run)" : ""}: ${setsSummary(report)}`;
  const width = Math.max(3, ...report.sets.map((row) => row.set.length));
  const pathWidth = Math.max(4, ...report.sets.map((row) => row.path.length));
  const rows = report.sets.map(
    (row) => `${row.set.padEnd(width)}  ${row.path.padEnd(pathWidth)}  ${row.result.padEnd(9)}  ${row.detail}`
  );
  const details = report.sets.flatMap(
    (row) => row.report === void 0 ? [] : ["", `\u2500\u2500 ${row.set} (${row.path})`, detail(row.report).trimEnd()]
  );
  return `${[title, `${"SET".padEnd(width)}  ${"PATH".padEnd(pathWidth)}  RESULT     DETAIL`, ...rows, ...details].join("\n")}
`;
}
function formatSetsMarkdown(report, detail, options = {}) {
  const head = [
    `### ferry ${report.command} on ${codeSpan(report.cluster)}${report.dryRun ? " (dry run)" : ""}`,
    "",
    `Environment repo at ${codeSpan(report.commit.slice(0, 12))}: ${setsSummary(report)}.`,
    "",
    "| set | folder | result | detail |",
    "| --- | --- | --- | --- |",
    ""
  ];
  const folder = new MarkdownFolder(head.join("\n"), options.limit);
  folder.add(
    report.sets.map((row) => ({
      markdown: `| ${codeSpan(row.set, true)} | ${codeSpan(row.path, true)} | ${row.result} | ${row.detail ? codeSpan(row.detail, true) : ""} |
`,
      label: row.set
    }))
  );
  folder.add(
    report.sets.flatMap(
      (row) => row.report === void 0 ? [] : [
        {
          markdown: `
<details><summary><code>${escapeHtml(row.set)}</code>: ${row.result}</summary>

${detail(row.report).trimEnd()}

</details>
`,
          label: row.set
        }
      ]
    )
  );
  return folder.finish("line(s)", options.whole ?? "the JSON report holds every set");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export {
  SET_RESULTS,
  countResults,
  worstExitCode,
  setsSummary,
  formatSetsText,
  formatSetsMarkdown
};
//# sourceMappingURL=chunk-PJBSKZ5A.js.map
