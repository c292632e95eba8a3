import { join } from 'node:path';
import type { KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import { ALL_USES, type AccessUses } from '../../../core/access.js';
import { crdsOf } from '../../../core/crd-kinds.js';
import { ConfigError } from '../../../core/errors.js';
import type { SetDescriptor } from '../../../core/set-descriptor.js';
import type { Logger } from '../../../adapters/logger.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import { loadClusterSets, selectSets, setNamespace } from '../sets/load.js';
import { setReader } from '../sets/read.js';
import { readAccessSet } from './read-set.js';

/** The sets of an environment repo for one cluster (`--all`, `--set`), as `apply --all` runs them. */
export interface RbacEnvironment {
  root: string;
  cluster: string;
  /** Only these sets (inventory names). */
  sets?: string[];
  /** kustomize and helm, for the sets that are a kustomization or a chart. */
  tools?: ToolPaths | undefined;
}

/** A Role's name from a cluster's: RBAC names are path segments (no `/`, `%`, not `.`/`..`). */
const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** What an identity does with a set of an environment repo: what its descriptor asks of apply. */
export function descriptorUses(descriptor: SetDescriptor, base: AccessUses): AccessUses {
  return {
    ...base,
    prune: base.prune && descriptor.prune,
    pruneAllow: descriptor.pruneAllow,
    wait: base.wait && descriptor.wait,
  };
}

/** How the header names a set's settings. */
function describeSettings(descriptor: SetDescriptor): string {
  const on = [
    descriptor.prune ? 'prune' : '',
    descriptor.pruneAllow.length > 0 ? `prune-allow ${descriptor.pruneAllow.join(',')}` : '',
    descriptor.wait ? 'wait' : '',
  ].filter(Boolean);
  return on.length > 0 ? ` (${on.join(', ')})` : '';
}

/**
 * `ferry rbac --all` (or `--set`): every set of the cluster, each for what `apply --all` does
 * with it as its descriptor says (prune, prune-allow, wait), `plan --all`, and `drift --all`
 * with `--confirm` and alerts; plus what running them together needs: the LIST of every
 * inventory's record (apply --all, status, sets --changed), each set's record patched on its
 * parent, and the LISTs drift --all shares among the sets. Kinds one set's CRD defines for
 * another (an app's custom resources, a platform set's CRD) are resolved from that CRD.
 */
export async function environmentScope(
  client: KubeClient,
  resources: ResourceMap,
  environment: RbacEnvironment,
  log: Logger,
) {
  const loaded = await loadClusterSets(environment.root, environment.cluster);
  const selected = selectSets(loaded, environment.sets);
  if (selected.length === 0)
    throw new ConfigError(
      `--cluster ${environment.cluster}: no set under ${environment.root} goes to this cluster`,
    );
  // Each set read once, as apply --all reads it (a chart set built from its descriptor).
  const readOnce = setReader(
    loaded,
    { allowPlaintextSecrets: true, tools: environment.tools },
    client.contextNamespace,
    log,
  );
  const crds = (
    await Promise.all(loaded.ordered.map(async (set) => crdsOf((await readOnce(set)).objects)))
  ).flat();
  const read = [];
  for (const set of selected)
    read.push(
      await readAccessSet(
        client,
        resources,
        {
          dir: join(loaded.root, set.path),
          inventory: set.descriptor.inventory,
          namespace: setNamespace(set, client.contextNamespace),
          uses: descriptorUses(set.descriptor, ALL_USES),
          note: describeSettings(set.descriptor),
          manifests: (await readOnce(set)).objects,
        },
        crds,
        log,
      ),
    );
  return {
    read,
    machinery: { records: true, sharedLists: true },
    covers: `run, for cluster ${environment.cluster}, apply --all (each set as its .ferry-set.yaml says), plan --all, drift --all (with --confirm and alerts), status and sets --changed over`,
    name: ROLE_NAME.test(environment.cluster) ? `ferry:sets:${environment.cluster}` : undefined,
  };
}
