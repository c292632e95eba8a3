import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  MarkdownFolder
} from "./chunk-ZQ3VISGG.js";
import {
  UNATTRIBUTED_WORDS
} from "./chunk-Z3LLN2L2.js";
import {
  OperationError
} from "./chunk-PTXPLBH2.js";
import {
  codeSpan,
  inlineCode,
  oneLine
} from "./chunk-5YSSDDXP.js";

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
  if (restored > 0) parts.push(`${restored} field${restored === 1 ? "" : "s"} restored`);
  return parts.join(", ") || "nothing to do";
}
function restoredWhy(field, name) {
  return field.manager === void 0 ? UNATTRIBUTED_WORDS.removed : `changed by ${name(field.manager)}`;
}
function restoredLines(report) {
  return report.restored.map((r) => `restored ${r.object} ${r.path} (${restoredWhy(r, String)})`);
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
function formatMarkdown(report, options = {}) {
  const code = (text) => codeSpan(oneLine(text, 500), true);
  const inventory = inlineCode(`${report.inventory.namespace}/${report.inventory.name}`);
  const head = [
    `### ${options.title ?? "ferry apply"}${report.dryRun ? " (dry run)" : ""}`,
    "",
    `Inventory ${inventory}: ${summaryLine(report)}.`,
    "",
    "| object | result | detail |",
    "| --- | --- | --- |",
    ""
  ];
  const folder = new MarkdownFolder(head.join("\n"), options.limit);
  folder.add(
    report.objects.map((o) => ({
      markdown: `| ${code(o.object)} | ${o.action} | ${o.message ? code(o.message) : ""} |
`,
      label: o.object
    }))
  );
  folder.add(
    report.restored.map((r) => ({
      markdown: `- ${inlineCode(r.object)} ${inlineCode(r.path)}, ${restoredWhy(r, inlineCode)}
`,
      label: r.object
    })),
    "\n**Restored** (git wins over hand edits and removals):\n\n"
  );
  folder.add(
    report.notReady.map((n) => ({
      markdown: `- ${inlineCode(n.object)}: ${inlineCode(n.reason)}
`,
      label: n.object
    })),
    "\n**Not ready:**\n\n"
  );
  return folder.finish("line(s)", "the `report` output holds the whole report");
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
//# sourceMappingURL=chunk-VOMC4N5B.js.map
