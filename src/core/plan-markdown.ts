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
import { codeSpan, inlineCode } from './markdown.js';

/**
 * Markdown of a plan for the job summary, the pull request comment and the merge request note,
 * as GitHub renders it (cmark-gfm): each object a collapsed `<details>` section. An HTML line
 * must be followed by a blank line, or cmark-gfm reads the markdown after it as raw HTML.
 */

/** GitHub refuses a comment body longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** GitLab refuses a note longer than this. https://docs.gitlab.com/api/notes/ */
export const GITLAB_NOTE_LIMIT = 1_000_000;

/** Text for inside HTML (`<summary>`): markup in names or values must stay text. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether an object has more to show than its name: fields, a rejection, or a change. */
function detailed(object: PlannedObject): boolean {
  return object.fields.length > 0 || object.rejected !== undefined || object.action === 'change';
}

/** One object as a collapsed section: a summary line, then its fields as a table. */
export function objectSection(object: PlannedObject): string {
  const flags = [
    object.fields.length > 0 ? `${object.fields.length} field(s)` : '',
    object.fields.some((f) => f.handEdit) ? '⚠️ overwrites a hand edit' : '',
    object.rejected ? '❌ rejected by the server' : '',
    object.note ?? '',
  ].filter(Boolean);
  const what = `${html(ACTION_LABELS[object.action])}${flags.length > 0 ? ` (${html(flags.join('; '))})` : ''}`;
  const lines = [
    '<details>',
    `<summary><code>${html(object.object)}</code>: ${what}</summary>`,
    '',
  ];
  if (object.rejected)
    lines.push(`**Rejected by the server:** ${codeSpan(showValue(object.rejected))}`, '');
  if (object.fields.length > 0) {
    lines.push('| field | live | git | owner now |', '| --- | --- | --- | --- |');
    for (const f of object.fields) {
      // A removal has no owner: the API server does not record who removed a field.
      const owner = otherOwner(f)
        ? `${codeSpan(f.manager, true)}${f.handEdit ? ' ⚠️ hand edit' : ''}`
        : f.unattributed === 'removed'
          ? `_${UNATTRIBUTED_WORDS.removed}_`
          : '';
      const cells = [f.path, showValue(f.live), showValue(f.git)].map((t) => codeSpan(t, true));
      lines.push(`| ${cells.join(' | ')} | ${owner} |`);
    }
    lines.push('');
  } else if (object.action === 'change') {
    lines.push('Only ferry\u2019s own bookkeeping differs (the manifest hash).', '');
  }
  lines.push('</details>', '', '');
  return lines.join('\n');
}

/** Objects with nothing to unfold, one collapsed list per action, in this order. */
const GROUPS: { action: PlanAction; label: string }[] = [
  { action: 'create', label: 'to create' },
  { action: 'prune', label: 'would be pruned' },
  { action: 'leave', label: 'left in the cluster (in the inventory, no longer in git)' },
];

/** The heading and totals of a plan; `named`: the heading names the cluster. */
function header(report: PlanReport, named: boolean): string {
  const title = named ? `ferry plan for ${inlineCode(report.cluster)}` : 'ferry plan';
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
  /** Fold what does not fit in this many characters (a comment's limit). */
  limit?: number;
  /** Where the objects that did not fit can be read (the job summary). */
  moreUrl?: string;
}

/**
 * The plan as markdown: heading, totals, a collapsed section per changed or rejected object,
 * then one collapsed list each of objects to create, to prune and left. With a `limit`, what
 * would not fit is left out (changes first kept) and counted, with a link to the rest.
 */
export function formatPlanMarkdown(report: PlanReport, options: MarkdownOptions = {}): string {
  let text = header(report, options.named ?? false);
  const limit = options.limit ?? Infinity;
  // Room for the closing line, and for whatever a caller adds (its hidden marker).
  const reserve = 600;
  const fits = (more: string): boolean => text.length + more.length + reserve <= limit;
  let shown = 0;
  let full = false;
  for (const object of report.objects.filter(detailed)) {
    const section = objectSection(object);
    if (!fits(section)) {
      full = true;
      break;
    }
    text += section;
    shown++;
  }
  for (const { action, label } of full ? [] : GROUPS) {
    const items = report.objects.filter((o) => o.action === action && !detailed(o));
    if (items.length === 0) continue;
    const open = `<details>\n<summary>${items.length} ${html(label)}</summary>\n\n`;
    const close = '\n</details>\n\n';
    let list = '';
    for (const item of items) {
      const line = `- ${codeSpan(item.object)}${item.note ? ` (${codeSpan(item.note)})` : ''}\n`;
      if (!fits(open + list + line + close)) {
        full = true;
        break;
      }
      list += line;
      shown++;
    }
    if (list) text += open + list + close;
    if (full) break;
  }
  const rest = report.objects.length - shown;
  if (rest > 0) {
    const where = options.moreUrl ? `: see the [job summary](${encodeURI(options.moreUrl)})` : '';
    text += `_${rest} more object(s) did not fit in this comment${where}._\n`;
  }
  return text;
}
