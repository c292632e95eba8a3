import { FIELD_MANAGER } from './applyset.js';
import type { DriftedField, DriftReport } from './drift.js';
import { inlineCode } from './proposal-text.js';

/** Who made a field what it is now, for people. */
function changedBy(field: DriftedField): string {
  return field.manager === FIELD_MANAGER
    ? 'git changed since the last apply'
    : `changed by ${field.manager}`;
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

/** Terminal output: per object, per field, git vs live and who changed it. */
export function formatDriftText(report: DriftReport, colour: boolean): string {
  const red = (t: string): string => (colour ? `\x1b[31m${t}\x1b[0m` : t);
  const green = (t: string): string => (colour ? `\x1b[32m${t}\x1b[0m` : t);
  const bold = (t: string): string => (colour ? `\x1b[1m${t}\x1b[0m` : t);
  const lines: string[] = [];
  for (const object of report.objects) {
    lines.push(bold(`${object.object}: ${LABELS[object.kind]}`));
    for (const field of object.fields) {
      lines.push(`  ${field.path}  (${changedBy(field)})`);
      lines.push(`    ${green(`git:  ${show(field.git)}`)}`);
      lines.push(`    ${red(`live: ${show(field.live)}`)}`);
    }
  }
  lines.push(report.clean ? green(driftSummary(report)) : red(driftSummary(report)));
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown for the job summary and alert issues. */
export function formatDriftMarkdown(report: DriftReport, title = 'ferry drift'): string {
  const lines = [
    `### ${title}: ${report.clean ? 'no drift' : 'drift detected'}`,
    '',
    `Inventory \`${report.inventory.namespace}/${report.inventory.name}\`: ${driftSummary(report)}.`,
  ];
  if (!report.clean) {
    lines.push('', '| object | field | git | live | who |', '| --- | --- | --- | --- | --- |');
    for (const object of report.objects) {
      if (object.fields.length === 0)
        lines.push(`| ${cell(inlineCode(object.object))} | _${LABELS[object.kind]}_ | | | |`);
      for (const field of object.fields) {
        lines.push(
          `| ${cell(inlineCode(object.object))} | ${cell(inlineCode(field.path))} | ${cell(inlineCode(show(field.git)))} | ${cell(inlineCode(show(field.live)))} | ${cell(changedBy(field))} |`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
