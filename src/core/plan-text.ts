import { UNATTRIBUTED_WORDS } from './attribution.js';
import { ACTION_LABELS, otherOwner, planSummary, showValue, type PlanReport } from './plan.js';

const SIGNS = { create: '+', change: '~', prune: '-', leave: '=' } as const;

/** Terminal output: per object what merging does, per field live → git and who owns it now. */
export function formatPlanText(report: PlanReport, colour: boolean): string {
  const paint =
    (code: number) =>
    (text: string): string =>
      colour ? `\x1b[${code}m${text}\x1b[0m` : text;
  const [red, green, yellow, bold] = [paint(31), paint(32), paint(33), paint(1)];
  const lines = [
    bold(
      `ferry plan: ${report.cluster}, inventory ${report.inventory.namespace}/${report.inventory.name}`,
    ),
  ];
  for (const object of report.objects) {
    const note = object.note ? ` (${object.note})` : '';
    lines.push(
      `${SIGNS[object.action]} ${bold(object.object)}: ${ACTION_LABELS[object.action]}${note}`,
    );
    for (const field of object.fields) {
      const owner = otherOwner(field)
        ? `  (owned by ${field.manager})`
        : field.unattributed === 'removed'
          ? `  (${UNATTRIBUTED_WORDS.removed})`
          : '';
      const flag = field.handEdit ? yellow('  ! overwrites a hand edit') : '';
      lines.push(`    ${field.path}${owner}${flag}`);
      lines.push(`      ${red(`live: ${showValue(field.live)}`)}`);
      lines.push(`      ${green(`git:  ${showValue(field.git)}`)}`);
    }
    if (object.rejected) lines.push(`    ${red(`rejected by the server: ${object.rejected}`)}`);
  }
  lines.push(planSummary(report));
  return `${lines.join('\n')}\n`;
}
