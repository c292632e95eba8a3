/**
 * What `npm run demo` (scripts/demo.ts) runs and how it speaks: commands echoed as they run,
 * ferry's reports read back as JSON, and every sentence about an outcome built from that
 * outcome (exit code, report), never written ahead of it.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { formatText, type ApplyReport } from '../src/core/apply-report.js';
import type { DriftReport } from '../src/core/drift.js';
import { driftSummary, formatDriftText } from '../src/core/drift-report.js';

const exec = promisify(execFile);
export const root = resolve(import.meta.dirname, '..');

export const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'ferry demo',
  GIT_AUTHOR_EMAIL: 'demo@ferry.invalid',
  GIT_COMMITTER_NAME: 'ferry demo',
  GIT_COMMITTER_EMAIL: 'demo@ferry.invalid',
};

let step = 0;
/** Starts a numbered step; its title says what is tried, never how it turns out. */
export function say(title: string): void {
  step += 1;
  console.log(`\n\x1b[1m${step}. ${title}\x1b[0m`);
}

/** States an outcome, which the caller built from what happened. */
export function outcome(text: string): void {
  console.log(`  → ${text}`);
}

export function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** What a command did: its exit code and output. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command, echoing it; any exit code is returned, for the caller to judge. */
export async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<Ran> {
  const shown =
    command === process.execPath
      ? `ferry ${args.slice(1).join(' ')}`
      : `${command.split('/').pop()} ${args.join(' ')}`;
  console.log(`  $ ${shown}`);
  let ran: Ran;
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    ran = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    ran = {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
  if (!options.quiet && ran.stdout.trim()) console.log(indent(ran.stdout));
  if (ran.code !== 0 && ran.stderr.trim()) console.log(indent(ran.stderr));
  return ran;
}

/** Fails the demo unless the command succeeded. */
export function succeeded(ran: Ran, what: string): Ran {
  if (ran.code !== 0)
    throw new Error(`${what} failed (exit ${ran.code}):\n${ran.stderr}${ran.stdout}`);
  return ran;
}

/** The CLI users run, as a command line. */
export function ferry(...args: string[]): [string, string[]] {
  return [process.execPath, [join(root, 'dist/cli.js'), ...args]];
}

/** `ferry apply … --output json`: printed as ferry prints it, returned for the narration. */
export async function applyReport(
  args: string[],
): Promise<{ code: number; report?: ApplyReport; stderr: string }> {
  const ran = await run(...ferry('apply', ...args, '--output', 'json'), { quiet: true });
  const report = ran.stdout.trim() ? (JSON.parse(ran.stdout) as ApplyReport) : undefined;
  if (report) console.log(indent(formatText(report, false)));
  return { code: ran.code, report, stderr: ran.stderr };
}

/** `ferry drift … --output json`: printed as ferry prints it, returned for the narration. */
export async function driftReport(args: string[]): Promise<DriftReport> {
  const ran = await run(...ferry('drift', ...args, '--output', 'json'), { quiet: true });
  succeeded(ran, 'ferry drift');
  const report = JSON.parse(ran.stdout) as DriftReport;
  console.log(indent(formatDriftText(report, false)));
  return report;
}

/** What a drift report found, in one sentence. */
export function driftOutcome(report: DriftReport): string {
  if (report.clean) return `the cluster matches git (${driftSummary(report)})`;
  const fields = report.objects.flatMap((o) =>
    o.fields.map((f) => {
      const who = f.manager ? `changed by ${f.manager}` : (f.unattributed ?? 'removed');
      return `${o.object} ${f.path} (${who})`;
    }),
  );
  return `drift: ${fields.join('; ') || driftSummary(report)}`;
}

/** What an apply did, in one sentence: its counts, and each field it took back and from whom. */
export function applyOutcome(result: {
  code: number;
  report?: ApplyReport;
  stderr: string;
}): string {
  const { report } = result;
  if (!report) return `apply refused to run (exit ${result.code}): ${result.stderr.trim()}`;
  const failed = report.objects.filter((o) => o.action === 'failed');
  if (result.code !== 0)
    return `apply stopped (exit ${result.code}), nothing else changed: ${failed.map((o) => `${o.object}: ${o.message ?? 'failed'}`).join('; ')}`;
  const counts = Object.entries(report.counts)
    .filter(([action, n]) => n > 0 && action !== 'restored')
    .map(([action, n]) => `${n} ${action}`)
    .join(', ');
  const restored = report.restored.map(
    (r) => `${r.object} ${r.path} from ${r.manager ?? 'a removal'}`,
  );
  return restored.length > 0
    ? `applied (${counts}); took back ${restored.join('; ')}`
    : `applied (${counts})`;
}
