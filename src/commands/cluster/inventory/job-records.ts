import { statusMessage, type KubeClient } from '../../../adapters/kube/client.js';
import { objectPath } from '../../../adapters/kube/discovery.js';
import { FIELD_MANAGER, MANIFEST_HASH, type ApplySetParent } from '../../../core/applyset.js';
import { completedJobKey, hasCompleted, isJob } from '../../../core/completed-jobs.js';
import { OperationError } from '../../../core/errors.js';
import { PARENT_INFO, type DesiredObject, type Inventory } from './inventory.js';

/** Desired Jobs the cluster shows complete for their current manifest, not yet recorded. */
export function unrecordedCompletions(
  desired: DesiredObject[],
  inventory: Inventory,
): DesiredObject[] {
  return desired.filter((d) => {
    const live = inventory.liveOf(d.id);
    const hash = d.object.metadata.annotations?.[MANIFEST_HASH];
    return (
      isJob(d.object) &&
      live !== undefined &&
      hasCompleted(live) &&
      live.metadata.annotations?.[MANIFEST_HASH] === hash &&
      inventory.parentLive?.metadata.annotations?.[completedJobKey(d.id)] !== hash
    );
  });
}

/**
 * Records on the parent that these Jobs completed for their manifests: a merge patch adding one
 * annotation per Job, so it never overwrites a concurrent run's records or the parent's kinds.
 */
export async function recordCompletions(
  client: KubeClient,
  parent: ApplySetParent,
  jobs: DesiredObject[],
): Promise<void> {
  if (jobs.length === 0) return;
  const annotations = Object.fromEntries(
    jobs.map((d) => [completedJobKey(d.id), d.object.metadata.annotations?.[MANIFEST_HASH]]),
  );
  const response = await client.request({
    method: 'PATCH',
    path: objectPath(PARENT_INFO, parent.name, parent.namespace),
    query: { fieldManager: FIELD_MANAGER },
    contentType: 'application/merge-patch+json',
    body: JSON.stringify({ metadata: { annotations } }),
  });
  if (response.status !== 200) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name}: recording completed Jobs failed: ${statusMessage(response)}`,
    );
  }
}
