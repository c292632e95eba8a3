import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  OperationError
} from "./chunk-PTXPLBH2.js";
import {
  inlineCode
} from "./chunk-G5OAQKEL.js";

// src/core/apply-report.ts
var ACTIONS = [
  "created",
  "configured",
  "replaced",
  "unchanged",
  "pruned",
  "kept",
  "failed"
];
function emptyReport(parent, dryRun) {
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    dryRun,
    objects: [],
    counts: {
      created: 0,
      configured: 0,
      replaced: 0,
      unchanged: 0,
      pruned: 0,
      kept: 0,
      failed: 0,
      restored: 0
    },
    restored: [],
    notReady: [],
    requests: {}
  };
}
var resultIndex = /* @__PURE__ */ new WeakMap();
function record(report, object, action, message) {
  let index = resultIndex.get(report);
  if (!index) {
    index = new Map(report.objects.map((o) => [o.object, o]));
    resultIndex.set(report, index);
  }
  const existing = index.get(object);
  if (existing) {
    report.counts[existing.action]--;
    existing.action = action;
    existing.message = message;
  } else {
    const result = { object, action, ...message ? { message } : {} };
    report.objects.push(result);
    index.set(object, result);
  }
  report.counts[action]++;
}
var ApplyFailure = class extends OperationError {
  constructor(message, report) {
    super(message);
    this.report = report;
  }
  report;
};
function recordRestored(report, fields) {
  report.restored.push(...fields);
  report.counts.restored = report.restored.length;
}
function summaryLine(report) {
  const parts = ACTIONS.filter((a) => report.counts[a] > 0).map((a) => `${report.counts[a]} ${a}`);
  const restored = report.restored.length;
  if (restored > 0)
    parts.push(`${restored} field${restored === 1 ? "" : "s"} restored from hand edits`);
  return parts.join(", ") || "nothing to do";
}
function restoredLines(report) {
  return report.restored.map((r) => `restored ${r.object} ${r.path} (changed by ${r.manager})`);
}
var COLOURS = {
  created: "32",
  configured: "33",
  replaced: "33",
  unchanged: "2",
  pruned: "35",
  kept: "36",
  failed: "31"
};
function formatText(report, colour) {
  const width = Math.max(6, ...report.objects.map((o) => o.object.length));
  const paint = (action, text) => colour ? `\x1B[${COLOURS[action]}m${text}\x1B[0m` : text;
  const rows = report.objects.map(
    (o) => `${o.object.padEnd(width)}  ${paint(o.action, o.action.padEnd(10))}${o.message ? `  ${o.message}` : ""}`
  );
  const title = `inventory ${report.inventory.namespace}/${report.inventory.name}${report.dryRun ? " (dry run: nothing was changed)" : ""}`;
  return [
    title,
    `${"OBJECT".padEnd(width)}  RESULT`,
    ...rows,
    ...restoredLines(report),
    summaryLine(report)
  ].join("\n") + "\n";
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function formatMarkdown(report, title = "ferry apply") {
  const lines = [
    `### ${title}${report.dryRun ? " (dry run)" : ""}`,
    "",
    `Inventory \`${report.inventory.namespace}/${report.inventory.name}\`: ${summaryLine(report)}.`,
    "",
    "| object | result | detail |",
    "| --- | --- | --- |",
    ...report.objects.map(
      (o) => `| ${cell(inlineCode(o.object))} | ${o.action} | ${cell(o.message ?? "")} |`
    )
  ];
  if (report.restored.length > 0) {
    lines.push(
      "",
      "**Restored from hand edits** (git wins over kubectl):",
      "",
      ...report.restored.map(
        (r) => `- \`${cell(r.object)}\` \`${cell(r.path)}\`, changed by \`${cell(r.manager)}\``
      )
    );
  }
  if (report.notReady.length > 0) {
    lines.push(
      "",
      "**Not ready:**",
      "",
      ...report.notReady.map((n) => `- ${cell(inlineCode(n.object))}: ${cell(n.reason)}`)
    );
  }
  return `${lines.join("\n")}
`;
}

export {
  ACTIONS,
  emptyReport,
  record,
  ApplyFailure,
  recordRestored,
  summaryLine,
  formatText,
  formatMarkdown
};
//# sourceMappingURL=chunk-C6VIPLIK.js.map
