import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import { waitForRollouts } from '../../../adapters/kube/rollout.js';
import { ApplyFailure, type ApplyReport } from '../../../core/apply-report.js';
import { describeObject, type KubeObject } from '../../../core/manifest.js';
import { DEFAULT_TIMEOUT_MS } from '../../../core/options.js';
import { rolloutState, waitsForRollout, type LiveObject } from '../../../core/rollout.js';
import type { DesiredObject, Inventory } from '../inventory/inventory.js';

/**
 * What `--wait` waits for: every workload this run wrote, and every other one of the set that
 * is not current on the cluster. A rerun after a failed rollout writes nothing, yet the set is
 * no more ready than before: it must wait (and fail) again, not report success and prune
 * (issue 19 item 6). A member already current costs nothing: its live state was read by the
 * inventory's LIST.
 */
export function rolloutTargets(
  desired: DesiredObject[],
  written: DesiredObject[],
  inventory: Inventory,
): DesiredObject[] {
  const wrote = new Set(written.map((d) => d.id));
  return desired.filter((d) => {
    if (!waitsForRollout(d.object, d.info)) return false;
    if (wrote.has(d.id)) return true;
    const live = inventory.liveOf(d.id) as LiveObject | undefined;
    return live !== undefined && !rolloutState(live).done;
  });
}

/**
 * Waits until every target is current; fails, naming each that is not and why, when one
 * fails or the timeout passes (so prune, which runs after, is skipped).
 */
export async function waitForTargets(
  targets: DesiredObject[],
  written: DesiredObject[],
  client: KubeClient,
  timeoutMs: number | undefined,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  if (targets.length === 0) return;
  const wrote = new Set(written.map((d) => d.id));
  const earlier = targets.filter((d) => !wrote.has(d.id)).length;
  const title = `waiting for ${targets.length} rollout(s)${earlier > 0 ? ` (${earlier} not current since an earlier run)` : ''}`;
  const outcome = await log.group(title, () =>
    waitForRollouts(client, targets, timeoutMs ?? DEFAULT_TIMEOUT_MS, (line) =>
      log.info(`  ${line}`),
    ),
  );
  if (outcome.notReady.length === 0) return;
  const unwritten = new Set(
    targets.filter((d) => !wrote.has(d.id)).map((d) => describeObject(d.object)),
  );
  report.notReady = outcome.notReady.map((n) =>
    unwritten.has(n.object)
      ? { ...n, reason: `${n.reason} (unchanged by this run, not current since an earlier one)` }
      : n,
  );
  const reasons = report.notReady.map((n) => `${n.object}: ${n.reason}`).join('; ');
  throw new ApplyFailure(
    `${outcome.notReady.length} object(s) did not become ready (prune skipped): ${reasons}`,
    report,
  );
}

/** A few names for a one-line message: the first three, then how many more. */
function someNames(objects: { object: KubeObject }[]): string {
  const named = objects.slice(0, 3).map((o) => describeObject(o.object));
  return objects.length > 3
    ? `${named.join(', ')} and ${objects.length - 3} more`
    : named.join(', ');
}

/**
 * Without `--wait`, prune follows the writes at once: a ConfigMap or Secret that left the
 * manifests (a generator's new hash suffix renames it) is deleted while the workloads this run
 * changed may still run pods that use it (issue 22). Says so, naming both, and the flag that
 * orders it: apply, wait, then prune. Undefined when nothing of the kind is about to happen.
 */
export function pruneBeforeRollout(
  desired: DesiredObject[],
  written: DesiredObject[],
  inventory: Inventory,
): string | undefined {
  const kept = new Set(desired.map((d) => d.id));
  const config = inventory.members.filter(
    (m) =>
      !kept.has(m.id) &&
      m.object.apiVersion === 'v1' &&
      (m.object.kind === 'ConfigMap' || m.object.kind === 'Secret'),
  );
  const wrote = new Set(written.map((d) => d.id));
  const rolling = desired.filter((d) => wrote.has(d.id) && waitsForRollout(d.object, d.info));
  if (config.length === 0 || rolling.length === 0) return undefined;
  return `prune deletes ${someNames(config)} without waiting for the rollout of ${someNames(rolling)}: pods that still use them may fail to start; add --wait to prune after the rollout`;
}
