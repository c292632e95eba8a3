import { FIELD_MANAGER } from './applyset.js';
import { UNATTRIBUTED_WORDS } from './attribution.js';
import type { DriftedField, DriftReport } from './drift.js';
import { diffHunks } from './line-diff.js';
import { MarkdownFolder, type FoldItem } from './fold.js';
import { codeSpan, inlineCode, oneLine } from './markdown.js';

/**
 * Who made a field what it is now, for people; `name` shows a manager's name (as code in
 * markdown: a manager name comes from the cluster).
 */
function changedBy(field: DriftedField, name: (manager: string) => string): string {
  if (field.manager === FIELD_MANAGER) return 'git changed since the last apply';
  if (field.manager !== undefined) return `changed by ${name(field.manager)}`;
  return UNATTRIBUTED_WORDS[field.unattributed ?? 'no-owner'];
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** One line of totals. */
export function driftSummary(report: DriftReport): string {
  if (report.clean)
    return `no drift: ${report.counts.checked} objects match git${report.counts.ignored ? ` (${report.counts.ignored} ignored fields)` : ''}`;
  const parts = (['drifted', 'missing', 'extra'] as const)
    .filter((k) => report.counts[k] > 0)
    .map((k) => `${report.counts[k]} ${k}`);
  return `drift: ${parts.join(', ')} of ${report.counts.checked} objects`;
}

/** One line for a commit status and a failed step: `cluster matches git` or how many objects differ. */
export function driftStatusLine(report: DriftReport): string {
  return report.clean
    ? 'cluster matches git'
    : `${report.objects.length} object(s) differ from git`;
}

const LABELS = {
  drifted: 'differs from git',
  missing: 'missing from the cluster',
  extra: 'in the inventory but not in git (not pruned)',
};

/** Control characters (a terminal's escape sequences among them) as JSON escapes. */
function printable(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/g, (c) =>
    JSON.stringify(c).slice(1, -1),
  );
}

/** A multi-line string on either side: shown as a line diff, not as raw text. */
function isMultiLine(field: DriftedField): boolean {
  const text = (value: unknown) => value === undefined || typeof value === 'string';
  const lines = (value: unknown) => typeof value === 'string' && /[\r\n]/.test(value);
  return text(field.git) && text(field.live) && (lines(field.git) || lines(field.live));
}

/** Terminal output: per object, per field, git vs live (a line diff for text) and who changed it. */
export function formatDriftText(report: DriftReport, colour: boolean): string {
  const paint = (code: number) => (t: string) => (colour ? `\x1b[${code}m${t}\x1b[0m` : t);
  const [red, green, bold, dim] = [paint(31), paint(32), paint(1), paint(2)];
  const lines: string[] = [];
  for (const object of report.objects) {
    lines.push(bold(`${printable(object.object)}: ${LABELS[object.kind]}`));
    for (const field of object.fields) {
      lines.push(`  ${printable(field.path)}  (${changedBy(field, printable)})`);
      if (isMultiLine(field)) {
        lines.push(`    ${green('--- git')}`, `    ${red('+++ live')}`);
        for (const line of diffHunks(
          (field.git as string | undefined) ?? '',
          (field.live as string | undefined) ?? '',
        )) {
          const shown = `    ${printable(line)}`;
          lines.push(
            line.startsWith('-')
              ? green(shown)
              : line.startsWith('+')
                ? red(shown)
                : line.startsWith('@@')
                  ? dim(shown)
                  : shown,
          );
        }
        continue;
      }
      lines.push(`    ${green(`git:  ${printable(show(field.git))}`)}`);
      lines.push(`    ${red(`live: ${printable(show(field.live))}`)}`);
    }
  }
  lines.push(report.clean ? green(driftSummary(report)) : red(driftSummary(report)));
  return `${lines.join('\n')}\n`;
}

/** A table cell holding outside text: one line, as code, pipes escaped. */
const code = (text: string): string => codeSpan(oneLine(text), true);

/** Where a drift markdown goes, and how much room it has there. */
export interface DriftMarkdownOptions {
  /** Names the cluster in the heading. */
  cluster?: string;
  /** Fold what does not fit in this many bytes (core/fold.ts). */
  limit?: number;
  /** Where the whole report is, when rows are left out (ferry's own markdown). */
  whole?: string;
}

/**
 * Markdown for the job summary and alert issues. Every name and value from the cluster (objects,
 * paths, values, managers) and the cluster's name are code spans: nothing in them becomes a
 * link, a mention, an issue reference or HTML. Rows past `limit` are left out and counted.
 */
export function formatDriftMarkdown(
  report: DriftReport,
  options: DriftMarkdownOptions = {},
): string {
  const { cluster } = options;
  const title = cluster === undefined ? 'ferry drift' : `ferry drift on ${inlineCode(cluster)}`;
  const inventory = inlineCode(`${report.inventory.namespace}/${report.inventory.name}`);
  const head = [
    `### ${title}: ${report.clean ? 'no drift' : 'drift detected'}`,
    '',
    `Inventory ${inventory}: ${driftSummary(report)}.`,
    '',
  ];
  if (report.clean) return `${head.join('\n')}`;
  head.push('| object | field | git | live | who |', '| --- | --- | --- | --- | --- |', '');
  const folder = new MarkdownFolder(head.join('\n'), options.limit);
  const rows: FoldItem[] = report.objects.flatMap((object) =>
    object.fields.length === 0
      ? [
          {
            markdown: `| ${code(object.object)} | _${LABELS[object.kind]}_ | | | |\n`,
            label: object.object,
          },
        ]
      : object.fields.map((field) => {
          const cells = [object.object, field.path, show(field.git), show(field.live)].map(code);
          return {
            markdown: `| ${cells.join(' | ')} | ${changedBy(field, code)} |\n`,
            label: object.object,
          };
        }),
  );
  folder.add(rows);
  return folder.finish('line(s)', options.whole ?? 'the JSON report holds every field');
}
