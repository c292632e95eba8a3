import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import { deleteObject } from '../../../adapters/kube/objects.js';
import { describeObject, type KubeObject } from '../../../core/manifest.js';
import { PRUNE_PROTECTED_KINDS, phaseOf } from '../../../core/ordering.js';
import { ApplyFailure, record, type ApplyReport } from '../../../core/apply-report.js';
import type { Inventory } from '../inventory/inventory.js';

export interface PruneOptions {
  pruneAllow?: string[];
  maxDeletions?: number;
  dryRun?: boolean;
}

/** Objects a refused prune names; the rest are counted (a message is one readable line). */
const NAMED_DELETIONS = 20;

/**
 * Deletes members of the set that are no longer in the manifests — only objects carrying the
 * set's part-of label, never anything outside it. Protected kinds stay unless allowed; more
 * than `maxDeletions` candidates abort before any delete. Returns the members that stay in the
 * inventory (kept, or whose delete was rejected) so the parent keeps tracking them.
 */
export async function prune(
  client: KubeClient,
  inventory: Inventory,
  desiredIds: Set<string>,
  options: PruneOptions,
  report: ApplyReport,
  log: Logger,
): Promise<KubeObject[]> {
  const allowed = new Set(options.pruneAllow ?? []);
  const candidates = inventory.members.filter((m) => !desiredIds.has(m.id));
  const kept = candidates.filter(
    (m) => PRUNE_PROTECTED_KINDS.includes(m.object.kind) && !allowed.has(m.object.kind),
  );
  for (const m of kept) {
    record(
      report,
      describeObject(m.object),
      'kept',
      `not in the manifests; ${m.object.kind} is only pruned with --prune-allow ${m.object.kind}`,
    );
  }
  const doomed = candidates.filter((m) => !kept.includes(m));
  if (options.maxDeletions !== undefined && doomed.length > options.maxDeletions) {
    const named = doomed.slice(0, NAMED_DELETIONS).map((m) => describeObject(m.object));
    const more = doomed.length - named.length;
    throw new ApplyFailure(
      `prune would delete ${doomed.length} objects, more than --max-deletions ${options.maxDeletions}; nothing was deleted (${named.join(', ')}${more > 0 ? ` and ${more} more` : ''})`,
      report,
    );
  }
  // Reverse apply order: workloads before the config and namespaces they use.
  doomed.sort(
    (a, b) => phaseOf(b.object, b.info.namespaced) - phaseOf(a.object, a.info.namespaced),
  );
  const remaining: KubeObject[] = kept.map((m) => m.object);
  for (const member of doomed) {
    const name = describeObject(member.object);
    const error = await deleteObject(client, member.info, member.object, options.dryRun ?? false);
    if (error) {
      record(report, name, 'failed', `delete rejected: ${error}; it stays in the inventory`);
      remaining.push(member.object);
    } else {
      record(report, name, 'pruned');
      log.info(`${name} pruned${options.dryRun ? ' (dry run)' : ''}`);
    }
  }
  return remaining;
}
