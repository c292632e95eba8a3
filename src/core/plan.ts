import { FIELD_MANAGER } from './applyset.js';
import type { Unattributed } from './attribution.js';

/**
 * What merging a pull request would do to one cluster: the report `ferry plan` makes from the
 * live state, and its one-line summaries. Formats live in plan-text.ts and plan-markdown.ts.
 */

/** create: not on the cluster; change: differs; prune / leave: in the inventory, not in git. */
export type PlanAction = 'create' | 'change' | 'prune' | 'leave';

/** One field merging would change: live value now, git value after, and who owns it now. */
export interface PlannedField {
  path: string;
  live: unknown;
  git: unknown;
  /** The field manager owning the live value (see DriftedField.manager). */
  manager?: string;
  /** Why no manager is named (see DriftedField.unattributed). */
  unattributed?: Unattributed;
  /** Merging overwrites a value a person set by hand (core/hand-edits.ts). */
  handEdit: boolean;
}

export interface PlannedObject {
  /** `Kind namespace/name`. */
  object: string;
  action: PlanAction;
  fields: PlannedField[];
  /** Why the server (or ferry's ownership rules) would refuse it; the apply would fail. */
  rejected?: string;
  /** Why it was not validated by the server (its namespace or CRD does not exist yet). */
  note?: string;
}

export interface PlanCounts {
  created: number;
  changed: number;
  unchanged: number;
  /** Would be pruned (with --prune). */
  pruned: number;
  /** In the inventory, not in git, and not pruned (no --prune, or a protected kind). */
  left: number;
  rejected: number;
  /** Fields merging would overwrite that were set by hand. */
  handEdits: number;
}

export interface PlanReport {
  cluster: string;
  inventory: { name: string; namespace: string; id: string };
  prune: boolean;
  /** Every object that would change, in name order; unchanged objects are only counted. */
  objects: PlannedObject[];
  counts: PlanCounts;
  /** API requests made, by verb (dry-runs are PATCH with dryRun=All); absent under `--all`. */
  requests?: Record<string, number>;
}

/** Counts of a plan's objects; `unchanged` comes from the caller, which saw them. */
export function countPlan(objects: PlannedObject[], unchanged: number): PlanCounts {
  const count = (action: PlanAction): number => objects.filter((o) => o.action === action).length;
  return {
    created: count('create'),
    changed: count('change'),
    unchanged,
    pruned: count('prune'),
    left: count('leave'),
    rejected: objects.filter((o) => o.rejected !== undefined).length,
    handEdits: objects.reduce((n, o) => n + o.fields.filter((f) => f.handEdit).length, 0),
  };
}

/** Whether merging would change anything on the cluster (what --detailed-exitcode reports). */
export function hasChanges(report: PlanReport): boolean {
  const { created, changed, pruned } = report.counts;
  return created + changed + pruned > 0;
}

/** One line of totals: `1 to create, 2 to change, 1 to prune, 5 unchanged`. */
export function planSummary(report: PlanReport): string {
  const { counts } = report;
  const parts = [
    counts.created > 0 ? `${counts.created} to create` : '',
    counts.changed > 0 ? `${counts.changed} to change` : '',
    counts.pruned > 0 ? `${counts.pruned} to prune` : '',
    counts.left > 0 ? `${counts.left} left in the cluster` : '',
    `${counts.unchanged} unchanged`,
    counts.rejected > 0 ? `${counts.rejected} rejected by the server` : '',
    counts.handEdits > 0 ? `${counts.handEdits} hand edit(s) overwritten` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

const HIDDEN_LIMIT = 120;

/** A value on one line for a report: strings as they are (JSON when multi-line), the rest JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text =
    typeof value === 'string' && !/[\r\n]/.test(value) ? value : (JSON.stringify(value) ?? '');
  return text.length > HIDDEN_LIMIT ? `${text.slice(0, HIDDEN_LIMIT - 3)}...` : text;
}

/** How each action reads in a report. */
export const ACTION_LABELS: Record<PlanAction, string> = {
  create: 'create',
  change: 'change',
  prune: 'would be pruned',
  leave: 'left in the cluster',
};

/** Whether someone other than ferry owns the live value (ferry's own: git moved on). */
export function otherOwner(field: PlannedField): field is PlannedField & { manager: string } {
  return field.manager !== undefined && field.manager !== FIELD_MANAGER;
}
