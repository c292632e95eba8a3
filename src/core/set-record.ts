import type { KubeObject } from './manifest.js';
import { oneLine } from './markdown.js';

/**
 * What the cluster records of the set an inventory holds: which environment-repo commit and
 * folder tree its last successful apply applied, when, and by which run (and, after a failed
 * apply, which tree failed). Annotations on the inventory's parent ConfigMap, written by their
 * own field manager so ferry's record of kinds and namespaces never removes them. This is what
 * `ferry status` reads, and how `ferry apply --all` knows which sets are already applied.
 */
export const SET_RECORD_MANAGER = 'ferry-set-record';

export const SET_RECORD_KEYS = {
  path: 'ferry.dev/set-path',
  commit: 'ferry.dev/applied-commit',
  tree: 'ferry.dev/applied-tree',
  at: 'ferry.dev/applied-at',
  runUrl: 'ferry.dev/applied-run-url',
  failedTree: 'ferry.dev/failed-tree',
  failedAt: 'ferry.dev/failed-at',
  failedRunUrl: 'ferry.dev/failed-run-url',
  failedReason: 'ferry.dev/failed-reason',
} as const;

/** The last successful apply of a set, as recorded. */
export interface AppliedRecord {
  path: string | undefined;
  commit: string | undefined;
  tree: string | undefined;
  at: string | undefined;
  runUrl: string | undefined;
  /** The last failed apply since then, if any. */
  failed: { tree: string; at: string; runUrl: string; reason: string } | undefined;
}

/** The record on a parent ConfigMap. */
export function recordOf(parent: KubeObject): AppliedRecord {
  const a = parent.metadata.annotations ?? {};
  const k = SET_RECORD_KEYS;
  const failedTree = a[k.failedTree];
  return {
    path: a[k.path],
    commit: a[k.commit],
    tree: a[k.tree],
    at: a[k.at],
    runUrl: a[k.runUrl] || undefined,
    failed: failedTree
      ? {
          tree: failedTree,
          at: a[k.failedAt] ?? '',
          runUrl: a[k.failedRunUrl] ?? '',
          reason: a[k.failedReason] ?? '',
        }
      : undefined,
  };
}

/** What one apply of a set leaves: success, or failure with its reason. */
export type SetOutcome =
  | { ok: true; path: string; commit: string; tree: string; at: string; runUrl: string }
  | { ok: false; path: string; tree: string; at: string; runUrl: string; reason: string };

/** Longest failure reason kept on the parent (annotations share 256 KiB per object). */
const REASON_LIMIT = 300;

/**
 * The annotations (a JSON merge patch) that record `outcome`: a success replaces the applied
 * record and clears any failure; a failure is recorded beside the last success.
 */
export function recordPatch(outcome: SetOutcome): Record<string, string | null> {
  const k = SET_RECORD_KEYS;
  if (outcome.ok)
    return {
      [k.path]: outcome.path,
      [k.commit]: outcome.commit,
      [k.tree]: outcome.tree,
      [k.at]: outcome.at,
      [k.runUrl]: outcome.runUrl,
      [k.failedTree]: null,
      [k.failedAt]: null,
      [k.failedRunUrl]: null,
      [k.failedReason]: null,
    };
  return {
    [k.path]: outcome.path,
    [k.failedTree]: outcome.tree,
    [k.failedAt]: outcome.at,
    [k.failedRunUrl]: outcome.runUrl,
    [k.failedReason]: oneLine(outcome.reason, REASON_LIMIT),
  };
}
