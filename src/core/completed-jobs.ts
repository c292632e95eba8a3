import { createHash } from 'node:crypto';
import { MANIFEST_HASH } from './applyset.js';
import type { KubeObject } from './manifest.js';

/**
 * A Job that ran to completion for its manifest and was then deleted by its
 * `ttlSecondsAfterFinished` is done, not missing: re-creating it would run it again on every
 * deploy. ferry records each completion on the inventory's parent, one annotation per Job (so
 * concurrent runs never overwrite each other's records), holding the manifest hash it ran.
 */
export const COMPLETED_JOB_PREFIX = 'completed-job.ferry.dev/';

export function isJob(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return object.kind === 'Job' && object.apiVersion.startsWith('batch/');
}

/** The parent annotation that records one Job (by its identity). */
export function completedJobKey(id: string): string {
  return `${COMPLETED_JOB_PREFIX}${createHash('sha256').update(id).digest('hex').slice(0, 20)}`;
}

/** Whether a live Job has finished successfully (condition Complete=True). */
export function hasCompleted(live: KubeObject): boolean {
  const conditions =
    (live.status as { conditions?: { type?: string; status?: string }[] } | undefined)
      ?.conditions ?? [];
  return conditions.some((c) => c.type === 'Complete' && c.status === 'True');
}

/** Whether the parent records that this manifest of the Job already ran to completion. */
export function completedBefore(
  parentLive: KubeObject | undefined,
  id: string,
  desired: KubeObject,
): boolean {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const recorded = parentLive?.metadata.annotations?.[completedJobKey(id)];
  return isJob(desired) && hash !== undefined && recorded === hash;
}
