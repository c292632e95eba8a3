import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  useColour
} from "./chunk-EALWM4LC.js";
import {
  DRIFT_EXIT_CODE
} from "./chunk-MHJXH2NR.js";
import {
  consoleLogger
} from "./chunk-HYYXLZXP.js";
import {
  formatSetsMarkdown,
  formatSetsText,
  setsSummary,
  worstExitCode
} from "./chunk-4RQ5ZEE3.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-HIFOT27K.js";
import {
  detectSource
} from "./chunk-WGHDBBKB.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-WH76CAUT.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import {
  FerryError
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/cli/sets-run.ts
async function detailFormats(command) {
  if (command === "apply") {
    const { formatText, formatMarkdown } = await import("./apply-report-DTTT46KL.js");
    return { text: formatText, markdown: (r) => formatMarkdown(r) };
  }
  if (command === "plan") {
    const { formatPlanText } = await import("./plan-text-BU75XGAJ.js");
    const { formatPlanMarkdown } = await import("./plan-markdown-UKSHX3SF.js");
    return { text: formatPlanText, markdown: (r) => formatPlanMarkdown(r) };
  }
  const { formatDriftText, formatDriftMarkdown } = await import("./drift-report-DWXJ6CVH.js");
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
  const { applyAll } = await import("./apply-all-BNQMK46R.js");
  const log = consoleLogger(io.stderr);
  const runUrl = detectSource(process.env).runUrl || void 0;
  const report = await applyAll({ ...options, ...runUrl ? { runUrl } : {} }, log);
  await printSets(io, values.output, report);
  if (status?.statusSha) {
    const { postApplyStatus } = await import("./apply-status-UIABB6N2.js");
    const ok = worstExitCode(report.sets) === 0;
    const subject = { sha: status.statusSha, cluster: options.cluster, runUrl };
    await postApplyStatus({ ...status, ...subject }, ok, setsSummary(report), log);
  }
  exitWithSets(report);
}
async function driftSets(options, values, io) {
  const { driftAll } = await import("./drift-all-TMZMUPGD.js");
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
//# sourceMappingURL=sets-run-USQ622LP.js.map
