import { createHash } from 'node:crypto';
import { MANIFEST_HASH } from './applyset.js';
import type { KubeObject } from './manifest.js';

/**
 * A Job that ran for its manifest and was then deleted by its `ttlSecondsAfterFinished` is done,
 * not missing: re-creating it would run it again on every deploy. ferry records on the
 * inventory's parent each Job it saw complete, each Job it waited for (`--wait`), and each Job it
 * created that declares a TTL (which may remove it before ferry looks again) — one annotation
 * per Job, so concurrent runs never overwrite each other's records — holding the manifest hash.
 */
export const COMPLETED_JOB_PREFIX = 'ran-job.ferry.dev/';

export function isJob(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return object.kind === 'Job' && object.apiVersion.startsWith('batch/');
}

/** The parent annotation that records one Job (by its identity). */
export function completedJobKey(id: string): string {
  return `${COMPLETED_JOB_PREFIX}${createHash('sha256').update(id).digest('hex').slice(0, 20)}`;
}

/** Whether a Job declares that it is deleted after it finishes (`ttlSecondsAfterFinished`). */
export function hasTtl(job: KubeObject): boolean {
  const spec = job.spec as { ttlSecondsAfterFinished?: unknown } | undefined;
  return typeof spec?.ttlSecondsAfterFinished === 'number';
}

/** Whether a live Job has finished successfully (condition Complete=True). */
export function hasCompleted(live: KubeObject): boolean {
  const conditions =
    (live.status as { conditions?: { type?: string; status?: string }[] } | undefined)
      ?.conditions ?? [];
  return conditions.some((c) => c.type === 'Complete' && c.status === 'True');
}

/** Whether the parent records that this manifest of the Job already ran. */
export function completedBefore(
  parentLive: KubeObject | undefined,
  id: string,
  desired: KubeObject,
): boolean {
  const hash = desired.metadata.annotations?.[MANIFEST_HASH];
  const recorded = parentLive?.metadata.annotations?.[completedJobKey(id)];
  return isJob(desired) && hash !== undefined && recorded === hash;
}
