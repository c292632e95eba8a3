import { join } from 'node:path';
import type { Logger } from '../../../adapters/logger.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import type { SecretOptions } from '../secrets/open.js';
import { readSet, withDescriptor, type SetManifests } from '../set-source.js';
import { setNamespace, type LoadedSets } from './load.js';

/** Reads one set of the run; the same set asked twice is read once. */
export type SetReader = (set: EnvSet) => Promise<SetManifests>;

/**
 * How `apply`, `plan` and `drift --all` (and `rbac --all`) read a set: its folder as apply reads
 * it, built as its descriptor says (a chart released as its inventory in its namespace), SOPS
 * files opened. Each set is read once per run, so the batched permission check and the set's
 * own run share one build (a chart is not templated again) and one decryption.
 */
export function setReader(
  loaded: LoadedSets,
  options: SecretOptions & { tools?: ToolPaths | undefined },
  contextNamespace: string,
  log: Logger,
): SetReader {
  const reads = new Map<EnvSet, Promise<SetManifests>>();
  return (set) => {
    let read = reads.get(set);
    if (!read) {
      read = readSet(join(loaded.root, set.path), {
        allowPlaintextSecrets: options.allowPlaintextSecrets,
        inventory: set.descriptor.inventory,
        namespace: setNamespace(set, contextNamespace),
        source: withDescriptor(set.descriptor.build, options.tools),
        log,
      });
      reads.set(set, read);
    }
    return read;
  };
}
