import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  FIELD_MANAGER
} from "./chunk-M2WY2DRM.js";

// src/core/plan.ts
function countPlan(objects, unchanged) {
  const count = (action) => objects.filter((o) => o.action === action).length;
  return {
    created: count("create"),
    changed: count("change"),
    unchanged,
    pruned: count("prune"),
    left: count("leave"),
    rejected: objects.filter((o) => o.rejected !== void 0).length,
    handEdits: objects.reduce((n, o) => n + o.fields.filter((f) => f.handEdit).length, 0)
  };
}
function hasChanges(report) {
  const { created, changed, pruned } = report.counts;
  return created + changed + pruned > 0;
}
function planSummary(report) {
  const { counts } = report;
  const parts = [
    counts.created > 0 ? `${counts.created} to create` : "",
    counts.changed > 0 ? `${counts.changed} to change` : "",
    counts.pruned > 0 ? `${counts.pruned} to prune` : "",
    counts.left > 0 ? `${counts.left} left in the cluster` : "",
    `${counts.unchanged} unchanged`,
    counts.rejected > 0 ? `${counts.rejected} rejected by the server` : "",
    counts.handEdits > 0 ? `${counts.handEdits} hand edit(s) overwritten` : ""
  ];
  return parts.filter(Boolean).join(", ");
}
var HIDDEN_LIMIT = 120;
function showValue(value) {
  if (value === void 0) return "(absent)";
  const text = typeof value === "string" && !/[\r\n]/.test(value) ? value : JSON.stringify(value) ?? "";
  return text.length > HIDDEN_LIMIT ? `${text.slice(0, HIDDEN_LIMIT - 3)}...` : text;
}
var ACTION_LABELS = {
  create: "create",
  change: "change",
  prune: "would be pruned",
  leave: "left in the cluster"
};
function otherOwner(field) {
  return field.manager !== void 0 && field.manager !== FIELD_MANAGER;
}

export {
  countPlan,
  hasChanges,
  planSummary,
  showValue,
  ACTION_LABELS,
  otherOwner
};
//# sourceMappingURL=chunk-ODSRZT6V.js.map
