import { detectSource } from '../adapters/ci-environment.js';
import { consoleLogger } from '../adapters/logger.js';
import type { ApplyAllOptions } from '../commands/cluster/sets/apply-all.js';
import type { DriftAllOptions } from '../commands/cluster/sets/drift-all.js';
import type { ReportTarget } from '../commands/publish/report-target.js';
import type { AlertOptions } from '../commands/publish/drift-alerts.js';
import { FerryError } from '../core/errors.js';
import {
  formatSetsMarkdown,
  formatSetsText,
  setsSummary,
  worstExitCode,
  type SetsReport,
} from '../core/sets-report.js';
import { DRIFT_EXIT_CODE } from '../options/cluster.js';
import { useColour, type CliIO } from './io.js';

/** The CLI's side of `--all` / `--set`: run, print (text, JSON or markdown), exit with the worst. */

/** Each set's own report as text and as markdown, by command. */
async function detailFormats(command: SetsReport<unknown>['command']): Promise<{
  text: (report: never, colour: boolean) => string;
  markdown: (report: never) => string;
}> {
  if (command === 'apply') {
    const { formatText, formatMarkdown } = await import('../core/apply-report.js');
    return { text: formatText, markdown: (r) => formatMarkdown(r) };
  }
  if (command === 'plan') {
    const { formatPlanText } = await import('../core/plan-text.js');
    const { formatPlanMarkdown } = await import('../core/plan-markdown.js');
    return { text: formatPlanText, markdown: (r) => formatPlanMarkdown(r) };
  }
  const { formatDriftText, formatDriftMarkdown } = await import('../core/drift-report.js');
  return { text: formatDriftText, markdown: (r) => formatDriftMarkdown(r) };
}

/** Prints a run over sets in the format `--output` asks for. */
export async function printSets(
  io: CliIO,
  output: string,
  report: SetsReport<unknown>,
): Promise<void> {
  if (output === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const formats = await detailFormats(report.command);
  const colour = useColour(io.stdout);
  io.stdout.write(
    output === 'markdown'
      ? formatSetsMarkdown(report, (r) => formats.markdown(r as never))
      : formatSetsText(report, (r) => formats.text(r as never, colour)),
  );
}

/**
 * Ends the command with the worst set's exit code (a failure 1, bad input 2), else `orCode`
 * (3: drift found or changes planned, when asked), naming the sets that did not go through.
 */
export function exitWithSets(report: SetsReport<unknown>, orCode = 0): void {
  const code = worstExitCode(report.sets) || orCode;
  if (code === 0) return;
  const failed = report.sets.filter((row) => row.exitCode !== 0).map((row) => row.set);
  throw new FerryError(
    `${report.command} --all on ${report.cluster}: ${setsSummary(report)}${failed.length > 0 ? ` (${failed.join(', ')})` : ''}`,
    code,
  );
}

/** `ferry apply --all` / `--set`; with `--commit-status`, one `ferry/apply (<cluster>)` for the run. */
export async function applySets(
  options: ApplyAllOptions,
  values: { output: string },
  status: (ReportTarget & { statusSha?: string }) | undefined,
  io: CliIO,
): Promise<void> {
  const { applyAll } = await import('../commands/cluster/sets/apply-all.js');
  const log = consoleLogger(io.stderr);
  const runUrl = detectSource(process.env).runUrl || undefined;
  const report = await applyAll({ ...options, ...(runUrl ? { runUrl } : {}) }, log);
  await printSets(io, values.output, report);
  if (status?.statusSha) {
    const { postApplyStatus } = await import('../commands/publish/apply-status.js');
    const ok = worstExitCode(report.sets) === 0;
    const subject = { sha: status.statusSha, cluster: options.cluster, runUrl };
    await postApplyStatus({ ...status, ...subject }, ok, setsSummary(report), log);
  }
  exitWithSets(report);
}

/** `ferry drift --all`: exit 3 with `--fail-on-drift` when any set drifted. */
export async function driftSets(
  options: DriftAllOptions & { alerts?: AlertOptions },
  values: { output: string; failOnDrift: boolean },
  io: CliIO,
): Promise<void> {
  const { driftAll } = await import('../commands/cluster/sets/drift-all.js');
  const report = await driftAll(options, consoleLogger(io.stderr));
  await printSets(io, values.output, report);
  const drifted = report.sets.some((row) => row.report && !row.report.clean);
  exitWithSets(report, values.failOnDrift && drifted ? DRIFT_EXIT_CODE : 0);
}
