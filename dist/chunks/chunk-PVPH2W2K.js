import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";

// src/core/gates.ts
function statusContexts(cluster) {
  return {
    apply: `ferry/apply (${cluster})`,
    drift: `ferry/drift (${cluster})`,
    plan: `ferry/plan (${cluster})`
  };
}
var NO_STATUSES = "not available for plain git (it has no commit statuses)";
function evaluateGates(input) {
  const contexts = statusContexts(input.cluster);
  const results = [
    statusGate("apply succeeded", contexts.apply, "ferry apply", input),
    statusGate("drift clean", contexts.drift, "ferry drift", input)
  ];
  if (input.minSoakMs !== void 0) results.push(soakGate(input.minSoakMs, contexts.apply, input));
  return results;
}
function latest(input, context) {
  return input.statuses?.find((status) => status.context === context);
}
function statusGate(gate, context, poster, input) {
  if (input.statuses === void 0) return { gate, passed: false, detail: NO_STATUSES };
  const status = latest(input, context);
  if (!status) {
    let detail = `no ${context} status on ${input.sourceCommit.slice(0, 12)}`;
    if (input.forge === "gitlab")
      detail += ` in GitLab (posted by ${poster} --forge gitlab --commit-status)`;
    return { gate, passed: false, detail };
  }
  return {
    gate,
    passed: status.state === "success",
    detail: `${context} is ${status.state} (${isoTime(new Date(status.createdAt))})`,
    ...status.description ? { value: status.description } : {}
  };
}
function soakGate(minSoakMs, applyContext, input) {
  const gate = `soaked ${formatDuration(minSoakMs)}`;
  let since = input.committedAt;
  let from = "committed";
  if (input.statuses !== void 0) {
    const applied = latest(input, applyContext);
    if (applied?.state !== "success") {
      return { gate, passed: false, detail: `no successful ${applyContext} to measure from` };
    }
    since = new Date(applied.createdAt);
    from = "applied";
  }
  const elapsed = input.now.getTime() - since.getTime();
  if (Number.isNaN(elapsed)) return { gate, passed: false, detail: `no readable time ${from}` };
  const ago = elapsed < 0 ? "in the future" : `${formatDuration(elapsed)} ago`;
  return { gate, passed: elapsed >= minSoakMs, detail: `${from} ${isoTime(since)}, ${ago}` };
}
function isoTime(time) {
  return Number.isNaN(time.getTime()) ? "unknown time" : time.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function formatDuration(ms) {
  let seconds = Math.floor(ms / 1e3);
  const parts = [];
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60]
  ]) {
    if (seconds >= size) parts.push(`${Math.floor(seconds / size)}${unit}`);
    seconds %= size;
  }
  if (seconds > 0 || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join(" ");
}
function blockedBy(results, from) {
  const failed = results.filter((result) => !result.passed);
  if (failed.length === 0) return void 0;
  const reasons = failed.map(
    (result) => `${result.gate}: ${result.detail}${result.value ? ` ${quoteForMessage(result.value)}` : ""}`
  );
  return `promotion from ${from} blocked by ${failed.length} gate(s): ${reasons.join("; ")}`;
}
function gateFailure(results, from) {
  const blocked = blockedBy(results, from);
  return blocked && `${blocked}; pass --force to promote anyway`;
}
function forcedPromotionWarning(results, from) {
  return `promotion gates not enforced (--force): ${blockedBy(results, from) ?? "all passed"}`;
}

export {
  statusContexts,
  evaluateGates,
  gateFailure,
  forcedPromotionWarning
};
//# sourceMappingURL=chunk-PVPH2W2K.js.map
