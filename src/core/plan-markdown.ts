import {
  ACTION_LABELS,
  otherOwner,
  planSummary,
  showValue,
  type PlanAction,
  type PlannedObject,
  type PlanReport,
} from './plan.js';
import { UNATTRIBUTED_WORDS } from './attribution.js';
import { MarkdownFolder, type FoldItem } from './fold.js';
import { codeSpan, inlineCode } from './markdown.js';

/**
 * Markdown of a plan for the job summary, the pull request comment and the merge request note,
 * as GitHub renders it (cmark-gfm): each object a collapsed `<details>` section. An HTML line
 * must be followed by a blank line, or cmark-gfm reads the markdown after it as raw HTML.
 */

/** Text for inside HTML (`<summary>`): markup in names or values must stay text. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether an object has more to show than its name: fields, a rejection, or a change. */
function detailed(object: PlannedObject): boolean {
  return object.fields.length > 0 || object.rejected !== undefined || object.action === 'change';
}

/**
 * One object as a collapsed section: a summary line, then its fields as a table. The rows are
 * the foldable items; `open` and `close` wrap them (a section with no rows is one item).
 */
function objectParts(object: PlannedObject): { open: string; rows: FoldItem[]; close: string } {
  const flags = [
    object.fields.length > 0 ? `${object.fields.length} field(s)` : '',
    object.fields.some((f) => f.handEdit) ? '⚠️ overwrites a hand edit' : '',
    object.rejected ? '❌ rejected by the server' : '',
    object.note ?? '',
  ].filter(Boolean);
  const what = `${html(ACTION_LABELS[object.action])}${flags.length > 0 ? ` (${html(flags.join('; '))})` : ''}`;
  const open = ['<details>', `<summary><code>${html(object.object)}</code>: ${what}</summary>`, ''];
  if (object.rejected)
    open.push(`**Rejected by the server:** ${codeSpan(showValue(object.rejected))}`, '');
  const close = '\n</details>\n\n';
  if (object.fields.length === 0) {
    if (object.action === 'change')
      open.push('Only ferry\u2019s own bookkeeping differs (the manifest hash).', '');
    return { open: '', rows: [{ markdown: open.join('\n'), label: object.object }], close };
  }
  open.push('| field | live | git | owner now |', '| --- | --- | --- | --- |', '');
  const rows = object.fields.map((f) => {
    // A removal has no owner: the API server does not record who removed a field.
    const owner = otherOwner(f)
      ? `${codeSpan(f.manager, true)}${f.handEdit ? ' ⚠️ hand edit' : ''}`
      : f.unattributed === 'removed'
        ? `_${UNATTRIBUTED_WORDS.removed}_`
        : '';
    const cells = [f.path, showValue(f.live), showValue(f.git)].map((t) => codeSpan(t, true));
    return { markdown: `| ${cells.join(' | ')} | ${owner} |\n`, label: object.object };
  });
  return { open: open.join('\n'), rows, close };
}

/** One object as a collapsed section: a summary line, then its fields as a table. */
export function objectSection(object: PlannedObject): string {
  const { open, rows, close } = objectParts(object);
  return `${open}${rows.map((row) => row.markdown).join('')}${close}`;
}

/** Objects with nothing to unfold, one collapsed list per action, in this order. */
const GROUPS: { action: PlanAction; label: string }[] = [
  { action: 'create', label: 'to create' },
  { action: 'prune', label: 'would be pruned' },
  { action: 'leave', label: 'left in the cluster (in the inventory, no longer in git)' },
];

/** The heading and totals of a plan. */
function header(report: PlanReport, options: MarkdownOptions): string {
  const title =
    options.title ??
    (options.named ? `ferry plan for ${inlineCode(report.cluster)}` : 'ferry plan');
  const verdict =
    report.counts.rejected > 0
      ? 'the server rejects some objects'
      : report.objects.some((o) => o.action !== 'leave')
        ? 'changes'
        : 'no changes';
  return [
    `### ${title}: ${verdict}`,
    '',
    `Cluster ${codeSpan(report.cluster)}, inventory ${codeSpan(`${report.inventory.namespace}/${report.inventory.name}`)}: ${planSummary(report)}.`,
    '',
    '',
  ].join('\n');
}

export interface MarkdownOptions {
  /** Name the cluster in the heading (a job summary or comment beside other clusters'). */
  named?: boolean;
  /** The heading's words instead, as markdown (outside values in it already code spans). */
  title?: string;
  /** Fold what does not fit in this many bytes (core/fold.ts). */
  limit?: number;
  /** Where the whole plan is, when lines are left out (ferry's own markdown). */
  whole?: string;
}

/**
 * The plan as markdown: heading, totals, a collapsed section per changed or rejected object,
 * then one collapsed list each of objects to create, to prune and left. With a `limit`, what
 * would not fit is left out (changes first kept), counted and named, with where the rest is.
 */
export function formatPlanMarkdown(report: PlanReport, options: MarkdownOptions = {}): string {
  const folder = new MarkdownFolder(header(report, options), options.limit);
  for (const object of report.objects.filter(detailed)) {
    const { open, rows, close } = objectParts(object);
    folder.add(rows, open, close);
  }
  for (const { action, label } of GROUPS) {
    const items = report.objects.filter((o) => o.action === action && !detailed(o));
    if (items.length === 0) continue;
    folder.add(
      items.map((item) => ({
        markdown: `- ${codeSpan(item.object)}${item.note ? ` (${codeSpan(item.note)})` : ''}\n`,
        label: item.object,
      })),
      `<details>\n<summary>${items.length} ${html(label)}</summary>\n\n`,
      '\n</details>\n\n',
    );
  }
  return folder.finish('line(s)', options.whole ?? 'the JSON report holds the whole plan');
}
