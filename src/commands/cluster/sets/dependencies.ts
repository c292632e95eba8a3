import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import type { SetRow } from '../../../core/sets-report.js';
import { setNamespace, type LoadedSets } from './load.js';
import { readSetRecords, recordKey } from './records.js';

/** How long a set applied on its own waits for dependencies other jobs apply (default). */
export const DEFAULT_DEPENDENCY_TIMEOUT_MS = 30 * 60_000;
/** Pause between reads of the inventories while waiting. */
const POLL_MS = 5_000;

/**
 * Waits until each dependency applied by another job (a matrix fan-out runs one set per job)
 * records its current folder as applied. Returns undefined when all are; a `skipped` row when
 * one recorded a failure of its current folder, or when the wait timed out.
 */
export async function awaitDependencies<R>(
  client: KubeClient,
  loaded: LoadedSets,
  dependencies: EnvSet[],
  timeoutMs = DEFAULT_DEPENDENCY_TIMEOUT_MS,
  log: Logger,
  waiter: EnvSet | undefined = undefined,
): Promise<SetRow<R> | undefined> {
  if (dependencies.length === 0) return undefined;
  const deadline = Date.now() + timeoutMs;
  const names = dependencies.map((d) => d.descriptor.inventory).join(', ');
  let said = false;
  for (;;) {
    const records = await readSetRecords(client, 'apply --set');
    const pending: string[] = [];
    for (const dependency of dependencies) {
      const namespace = setNamespace(dependency, client.contextNamespace);
      const { record } = records.get(recordKey(namespace, dependency.descriptor.inventory)) ?? {};
      const tree = loaded.trees.trees.get(dependency.path);
      if (record?.tree === tree) continue;
      if (record?.failed?.tree === tree)
        return blocked(
          waiter,
          `its dependency ${dependency.descriptor.inventory} failed: ${record?.failed?.reason ?? ''}`,
        );
      pending.push(dependency.descriptor.inventory);
    }
    if (pending.length === 0) return undefined;
    if (Date.now() >= deadline)
      return blocked(
        waiter,
        `timed out waiting for ${pending.join(', ')} to be applied at this commit`,
      );
    if (!said) log.info(`waiting for ${names} to be applied first (another job applies them)`);
    said = true;
    await new Promise((done) =>
      setTimeout(done, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))),
    );
  }
}

function blocked<R>(set: EnvSet | undefined, detail: string): SetRow<R> {
  return {
    set: set?.descriptor.inventory ?? '',
    path: set?.path ?? '',
    namespace: set?.descriptor.namespace,
    result: 'skipped',
    detail,
    exitCode: 1,
  };
}
