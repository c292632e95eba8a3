import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  useColour
} from "./chunk-C46G3ABM.js";
import {
  DRIFT_EXIT_CODE
} from "./chunk-TWCA54CT.js";
import {
  formatSetsMarkdown,
  formatSetsText,
  setsSummary,
  worstExitCode
} from "./chunk-AK5BGBY3.js";
import {
  consoleLogger
} from "./chunk-HYYXLZXP.js";
import "./chunk-B2GFME57.js";
import {
  detectSource
} from "./chunk-WGHDBBKB.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import {
  FerryError
} from "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";

// src/cli/sets-run.ts
async function detailFormats(command) {
  if (command === "apply") {
    const { formatText, formatMarkdown } = await import("./apply-report-5HBGSB5B.js");
    return { text: formatText, markdown: (r) => formatMarkdown(r, "ferry apply") };
  }
  if (command === "plan") {
    const { formatPlanText } = await import("./plan-text-RMJWTFAZ.js");
    const { formatPlanMarkdown } = await import("./plan-markdown-C626WI5G.js");
    return { text: formatPlanText, markdown: (r) => formatPlanMarkdown(r) };
  }
  const { formatDriftText, formatDriftMarkdown } = await import("./drift-report-XY75CVWJ.js");
  return { text: formatDriftText, markdown: (r) => formatDriftMarkdown(r) };
}
async function printSets(io, output, report) {
  if (output === "json") {
    io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    return;
  }
  const formats = await detailFormats(report.command);
  const colour = useColour(io.stdout);
  io.stdout.write(
    output === "markdown" ? formatSetsMarkdown(report, (r) => formats.markdown(r)) : formatSetsText(report, (r) => formats.text(r, colour))
  );
}
function exitWithSets(report, orCode = 0) {
  const code = worstExitCode(report.sets) || orCode;
  if (code === 0) return;
  const failed = report.sets.filter((row) => row.exitCode !== 0).map((row) => row.set);
  throw new FerryError(
    `${report.command} --all on ${report.cluster}: ${setsSummary(report)}${failed.length > 0 ? ` (${failed.join(", ")})` : ""}`,
    code
  );
}
async function applySets(options, values, status, io) {
  const { applyAll } = await import("./apply-all-7ZVJ25UA.js");
  const log = consoleLogger(io.stderr);
  const runUrl = detectSource(process.env).runUrl || void 0;
  const report = await applyAll({ ...options, ...runUrl ? { runUrl } : {} }, log);
  await printSets(io, values.output, report);
  if (status?.statusSha) {
    const { postApplyStatus } = await import("./apply-status-QAQVQTBF.js");
    const ok = worstExitCode(report.sets) === 0;
    const subject = { sha: status.statusSha, cluster: options.cluster, runUrl };
    await postApplyStatus({ ...status, ...subject }, ok, setsSummary(report), log);
  }
  exitWithSets(report);
}
async function driftSets(options, values, io) {
  const { driftAll } = await import("./drift-all-I2BSCWXD.js");
  const report = await driftAll(options, consoleLogger(io.stderr));
  await printSets(io, values.output, report);
  const drifted = report.sets.some((row) => row.report && !row.report.clean);
  exitWithSets(report, values.failOnDrift && drifted ? DRIFT_EXIT_CODE : 0);
}
export {
  applySets,
  driftSets,
  exitWithSets,
  printSets
};
//# sourceMappingURL=sets-run-F4LE6U3N.js.map
