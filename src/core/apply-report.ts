import { OperationError } from './errors.js';
import type { ApplySetParent } from './applyset.js';
import { UNATTRIBUTED_WORDS } from './attribution.js';
import { MarkdownFolder } from './fold.js';
import { codeSpan, inlineCode, oneLine } from './markdown.js';

export type ObjectAction =
  'created' | 'configured' | 'replaced' | 'unchanged' | 'pruned' | 'kept' | 'failed';

export const ACTIONS: ObjectAction[] = [
  'created',
  'configured',
  'replaced',
  'unchanged',
  'pruned',
  'kept',
  'failed',
];

export interface ObjectResult {
  /** `Kind namespace/name`. */
  object: string;
  action: ObjectAction;
  message?: string;
}

/**
 * A field git took back: from a hand edit (a conflict with one of kubectl's managers, or one in
 * git-wins-over), or from a removal, whose author the API server does not record.
 */
export interface RestoredField {
  object: string;
  path: string;
  /** Who had changed it; absent for a removal (see `unattributed`). */
  manager?: string;
  /** Set for a field someone removed: the API server keeps no owner for it. */
  unattributed?: 'removed';
}

/** What an apply did, object by object; also carried by a failure, so a report says what changed. */
export interface ApplyReport {
  inventory: { name: string; namespace: string; id: string };
  dryRun: boolean;
  objects: ObjectResult[];
  /** Objects per result, and `restored`: fields taken back from hand edits and removals. */
  counts: Record<ObjectAction | 'restored', number>;
  restored: RestoredField[];
  /** Objects that did not become ready, with why (when --wait failed). */
  notReady: { object: string; reason: string }[];
  /** API requests made, by verb (absent for a set of `apply --all`, whose client is shared). */
  requests?: Record<string, number>;
}

export function emptyReport(parent: ApplySetParent, dryRun: boolean): ApplyReport {
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    dryRun,
    objects: [],
    counts: {
      created: 0,
      configured: 0,
      replaced: 0,
      unchanged: 0,
      pruned: 0,
      kept: 0,
      failed: 0,
      restored: 0,
    },
    restored: [],
    notReady: [],
    requests: {},
  };
}

/** Each report's results by object (record() is their only writer), so recording stays linear. */
const resultIndex = new WeakMap<ApplyReport, Map<string, ObjectResult>>();

/** Records (or re-records) what happened to one object. */
export function record(
  report: ApplyReport,
  object: string,
  action: ObjectAction,
  message?: string,
): void {
  let index = resultIndex.get(report);
  if (!index) {
    index = new Map(report.objects.map((o) => [o.object, o]));
    resultIndex.set(report, index);
  }
  const existing = index.get(object);
  if (existing) {
    report.counts[existing.action]--;
    existing.action = action;
    existing.message = message;
  } else {
    const result = { object, action, ...(message ? { message } : {}) };
    report.objects.push(result);
    index.set(object, result);
  }
  report.counts[action]++;
}

/** An apply that failed part-way; `report` says exactly which objects changed before it stopped. */
export class ApplyFailure extends OperationError {
  constructor(
    message: string,
    readonly report: ApplyReport,
  ) {
    super(message);
  }
}

/** Records fields an apply takes back from hand edits and removals. */
export function recordRestored(report: ApplyReport, fields: RestoredField[]): void {
  report.restored.push(...fields);
  report.counts.restored = report.restored.length;
}

/** `2 configured, 5 unchanged, 1 field restored`. */
export function summaryLine(report: ApplyReport): string {
  const parts = ACTIONS.filter((a) => report.counts[a] > 0).map((a) => `${report.counts[a]} ${a}`);
  const restored = report.restored.length;
  if (restored > 0) parts.push(`${restored} field${restored === 1 ? '' : 's'} restored`);
  return parts.join(', ') || 'nothing to do';
}

/** Why a field was restored: who changed it, or that it was removed; `name` shows a manager. */
function restoredWhy(field: RestoredField, name: (manager: string) => string): string {
  return field.manager === undefined
    ? UNATTRIBUTED_WORDS.removed
    : `changed by ${name(field.manager)}`;
}

function restoredLines(report: ApplyReport): string[] {
  return report.restored.map((r) => `restored ${r.object} ${r.path} (${restoredWhy(r, String)})`);
}

const COLOURS: Record<ObjectAction, string> = {
  created: '32',
  configured: '33',
  replaced: '33',
  unchanged: '2',
  pruned: '35',
  kept: '36',
  failed: '31',
};

/** A table for the terminal (coloured when `colour`). */
export function formatText(report: ApplyReport, colour: boolean): string {
  const width = Math.max(6, ...report.objects.map((o) => o.object.length));
  const paint = (action: ObjectAction, text: string): string =>
    colour ? `\x1b[${COLOURS[action]}m${text}\x1b[0m` : text;
  const rows = report.objects.map(
    (o) =>
      `${o.object.padEnd(width)}  ${paint(o.action, o.action.padEnd(10))}${o.message ? `  ${o.message}` : ''}`,
  );
  const title = `inventory ${report.inventory.namespace}/${report.inventory.name}${report.dryRun ? ' (dry run: nothing was changed)' : ''}`;
  return (
    [
      title,
      `${'OBJECT'.padEnd(width)}  RESULT`,
      ...rows,
      ...restoredLines(report),
      summaryLine(report),
    ].join('\n') + '\n'
  );
}

/**
 * Markdown for the job summary. Object names, server messages (a conflict names field managers),
 * managers and rollout reasons come from the cluster: each is a code span. Past `limit` bytes
 * (the job summary's), the rest is left out and counted (core/fold.ts).
 */
export function formatMarkdown(
  report: ApplyReport,
  options: { title?: string; limit?: number } = {},
): string {
  const code = (text: string): string => codeSpan(oneLine(text, 500), true);
  const inventory = inlineCode(`${report.inventory.namespace}/${report.inventory.name}`);
  const head = [
    `### ${options.title ?? 'ferry apply'}${report.dryRun ? ' (dry run)' : ''}`,
    '',
    `Inventory ${inventory}: ${summaryLine(report)}.`,
    '',
    '| object | result | detail |',
    '| --- | --- | --- |',
    '',
  ];
  const folder = new MarkdownFolder(head.join('\n'), options.limit);
  folder.add(
    report.objects.map((o) => ({
      markdown: `| ${code(o.object)} | ${o.action} | ${o.message ? code(o.message) : ''} |\n`,
      label: o.object,
    })),
  );
  folder.add(
    report.restored.map((r) => ({
      markdown: `- ${inlineCode(r.object)} ${inlineCode(r.path)}, ${restoredWhy(r, inlineCode)}\n`,
      label: r.object,
    })),
    '\n**Restored** (git wins over hand edits and removals):\n\n',
  );
  folder.add(
    report.notReady.map((n) => ({
      markdown: `- ${inlineCode(n.object)}: ${inlineCode(n.reason)}\n`,
      label: n.object,
    })),
    '\n**Not ready:**\n\n',
  );
  return folder.finish('line(s)', 'the `report` output holds the whole report');
}
