import { MarkdownFolder } from './fold.js';
import { codeSpan } from './markdown.js';

/**
 * The report of a command run over every set of a cluster (`apply --all`, `plan --all`,
 * `drift --all`): one row per set, then each set's own report.
 */

/** How one set ended. */
export type SetResult =
  /** written (apply), or checked (plan, drift) */
  | 'applied'
  | 'planned'
  | 'checked'
  /** its folder is what the cluster last applied: not read */
  | 'unchanged'
  /** a dependency failed or was skipped: not attempted */
  | 'skipped'
  | 'failed';

export const SET_RESULTS: SetResult[] = [
  'applied',
  'planned',
  'checked',
  'unchanged',
  'skipped',
  'failed',
];

/** One set's row; `report` is the command's own report for the set, when it ran. */
export interface SetRow<R> {
  set: string;
  path: string;
  namespace: string | undefined;
  result: SetResult;
  /** One line: why it failed or was skipped, or what it did. */
  detail: string;
  /** Exit code of this set alone (0 ok, 1 failure, 2 bad input, 3 drift or changes). */
  exitCode: number;
  seconds?: number;
  report?: R;
}

export interface SetsReport<R> {
  command: 'apply' | 'plan' | 'drift';
  cluster: string;
  /** The environment repo commit the work tree was at. */
  commit: string;
  dryRun: boolean;
  sets: SetRow<R>[];
  counts: Record<SetResult, number>;
  /** API requests of the whole run, by verb. */
  requests?: Record<string, number>;
}

/** Counts rows by result. */
export function countResults(rows: SetRow<unknown>[]): Record<SetResult, number> {
  const counts = Object.fromEntries(SET_RESULTS.map((r) => [r, 0])) as Record<SetResult, number>;
  for (const row of rows) counts[row.result] += 1;
  return counts;
}

/** The worst exit code of the rows: a set's bad input (2) or failure (1) is the run's. */
export function worstExitCode(rows: SetRow<unknown>[]): number {
  return Math.max(0, ...rows.map((row) => row.exitCode));
}

/** `3 applied, 9 unchanged, 1 failed, 1 skipped` (results that occurred, in a fixed order). */
export function setsSummary(report: SetsReport<unknown>): string {
  const parts = SET_RESULTS.filter((r) => report.counts[r] > 0).map(
    (r) => `${report.counts[r]} ${r}`,
  );
  return parts.join(', ') || 'no sets';
}

/** The run in a terminal: a table of sets, then `detail(set)` for each set that ran. */
export function formatSetsText<R>(report: SetsReport<R>, detail: (report: R) => string): string {
  const title = `ferry ${report.command} --all on cluster ${report.cluster} at ${report.commit.slice(0, 12)}${report.dryRun ? ' (dry run)' : ''}: ${setsSummary(report)}`;
  const width = Math.max(3, ...report.sets.map((row) => row.set.length));
  const pathWidth = Math.max(4, ...report.sets.map((row) => row.path.length));
  const rows = report.sets.map(
    (row) =>
      `${row.set.padEnd(width)}  ${row.path.padEnd(pathWidth)}  ${row.result.padEnd(9)}  ${row.detail}`,
  );
  const details = report.sets.flatMap((row) =>
    row.report === undefined
      ? []
      : ['', `── ${row.set} (${row.path})`, detail(row.report).trimEnd()],
  );
  return `${[title, `${'SET'.padEnd(width)}  ${'PATH'.padEnd(pathWidth)}  RESULT     DETAIL`, ...rows, ...details].join('\n')}\n`;
}

/**
 * The run as markdown (job summary, comment): a table of sets, then a collapsed detail per set.
 * Past `limit` bytes, the rest is left out whole and named (core/fold.ts); `detail` may fold its
 * own report under the same limit.
 */
export function formatSetsMarkdown<R>(
  report: SetsReport<R>,
  detail: (report: R) => string,
  options: { limit?: number; whole?: string } = {},
): string {
  const head = [
    `### ferry ${report.command} on ${codeSpan(report.cluster)}${report.dryRun ? ' (dry run)' : ''}`,
    '',
    `Environment repo at ${codeSpan(report.commit.slice(0, 12))}: ${setsSummary(report)}.`,
    '',
    '| set | folder | result | detail |',
    '| --- | --- | --- | --- |',
    '',
  ];
  const folder = new MarkdownFolder(head.join('\n'), options.limit);
  folder.add(
    report.sets.map((row) => ({
      markdown: `| ${codeSpan(row.set, true)} | ${codeSpan(row.path, true)} | ${row.result} | ${row.detail ? codeSpan(row.detail, true) : ''} |\n`,
      label: row.set,
    })),
  );
  folder.add(
    report.sets.flatMap((row) =>
      row.report === undefined
        ? []
        : [
            {
              markdown: `\n<details><summary><code>${escapeHtml(row.set)}</code>: ${row.result}</summary>\n\n${detail(row.report).trimEnd()}\n\n</details>\n`,
              label: row.set,
            },
          ],
    ),
  );
  return folder.finish('line(s)', options.whole ?? 'the JSON report holds every set');
}

/** Text inside an HTML element: `<`, `>` and `&` are markup there, and nothing else is. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
