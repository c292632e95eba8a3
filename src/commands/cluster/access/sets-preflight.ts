import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import { discover } from '../../../adapters/kube/discovery.js';
import { requiredSetsAccess, type AccessUses, type SetUse } from '../../../core/access.js';
import { applySetParent } from '../../../core/applyset.js';
import { crdsOf } from '../../../core/crd-kinds.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import { setNamespace } from '../sets/load.js';
import type { SetReader } from '../sets/read.js';
import { AccessReviewer } from './access-review.js';
import { refuseMissing } from './preflight.js';
import { accessSet, readRecordEntries, setObjects } from './scope.js';

/**
 * The permission check of `apply --all` and `plan --all`: one check of every set the run
 * covers, before the first write of the run, so a permission a later set lacks is found before
 * an earlier set is written. Each set's needs are what its own preflight checks before its reads
 * (its manifests, kinds a CRD of another set of the run defines included, and its parent's
 * record); with `records`, also the merge patch of each set's record on its parent. The reviewer
 * is returned for the sets' own preflights, which then ask only what their members add.
 * A set whose manifests cannot be read is left to its own run, which reports it.
 */
export async function preflightSets(
  client: KubeClient,
  sets: EnvSet[],
  options: {
    /** The run's reader: the sets' own runs then use what this check read. */
    read: SetReader;
    usesOf: (set: EnvSet) => AccessUses;
    records: boolean;
    command: string;
  },
  log: Logger,
): Promise<AccessReviewer | undefined> {
  if (sets.length === 0) return undefined;
  const reviewer = new AccessReviewer(client);
  const [resources, manifests] = await Promise.all([
    discover(client),
    Promise.all(
      sets.map((set) =>
        options.read(set).then(
          (read) => read.objects,
          () => undefined,
        ),
      ),
    ),
  ]);
  const crds = crdsOf(manifests.flatMap((objects) => objects ?? []));
  const entries = await Promise.all(
    sets.flatMap((set, i): Promise<SetUse>[] => {
      const objects = manifests[i];
      if (!objects) return [];
      const parent = applySetParent(
        set.descriptor.inventory,
        setNamespace(set, client.contextNamespace),
      );
      const resolved = setObjects(objects, resources, parent, [...objects, ...crds]);
      return [
        readRecordEntries(client, parent).then((record) => ({
          set: accessSet(parent, resolved, resources, record),
          uses: options.usesOf(set),
        })),
      ];
    }),
  );
  const needed = requiredSetsAccess(entries, { records: options.records, sharedLists: false });
  const missing = await reviewer.missing(needed);
  await refuseMissing(client, reviewer, missing, options.command, log);
  return reviewer;
}
