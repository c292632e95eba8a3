import { readManifestDir } from '../adapters/files.js';
import type { Logger } from '../adapters/logger.js';
import { KubeClient } from '../adapters/kube/client.js';
import { discover } from '../adapters/kube/discovery.js';
import { FIELD_MANAGER, serverSideApply } from '../adapters/kube/objects.js';
import { APPLYSET_TOOLING, applySetParent } from '../core/applyset.js';
import { driftOf } from '../core/drift.js';
import { ConfigError, OperationError } from '../core/errors.js';
import { describeObject, type KubeObject } from '../core/manifest.js';
import { PRUNE_PROTECTED_KINDS } from '../core/ordering.js';
import {
  countPlan,
  isHandEdit,
  type PlannedField,
  type PlannedObject,
  type PlanReport,
} from '../core/plan.js';
import { checkKindsKnown, type ApplyOptions } from './apply.js';
import { mapLimit } from './concurrency.js';
import { desiredObject, readInventory, type DesiredObject, type Inventory } from './inventory.js';

/**
 * What `ferry plan` takes: apply's options that decide what an apply would do (the same prune,
 * conflict and adoption rules), and the cluster's name for the report, comment and status.
 */
export type PlanOptions = Pick<
  ApplyOptions,
  | 'dir'
  | 'inventory'
  | 'namespace'
  | 'prune'
  | 'pruneAllow'
  | 'forceConflicts'
  | 'adopt'
  | 'kubeconfig'
  | 'context'
  | 'concurrency'
> & { cluster?: string };

/**
 * `ferry plan`: what applying the manifests would do to the live cluster, read as apply reads
 * it (discovery, one LIST per kind) and checked by a server-side dry-run of each object that
 * would change. Nothing is written.
 */
export async function plan(options: PlanOptions, log: Logger): Promise<PlanReport> {
  const manifests = await readManifestDir(options.dir);
  const client = KubeClient.connect(options);
  try {
    return await planObjects(
      client,
      manifests.map((m) => m.object),
      options,
      log,
    );
  } finally {
    client.close();
  }
}

/** `plan` with a connected client and objects already read. */
export async function planObjects(
  client: KubeClient,
  objects: KubeObject[],
  options: Omit<PlanOptions, 'dir'>,
  log: Logger,
): Promise<PlanReport> {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  // Kinds a CRD in the manifests defines: created once it exists, not checkable before.
  const awaitingCrd = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const desired = objects
    .filter((o) => !awaitingCrd.includes(o))
    .map((o) => desiredObject(o, resources, parent));
  if (desired.some((d) => d.id === `/ConfigMap/${parent.namespace}/${parent.name}`))
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`,
    );
  const inventory = await readInventory(client, resources, parent, desired);
  const tooling = inventory.parentLive?.metadata.annotations?.[APPLYSET_TOOLING];
  if (tooling && !tooling.startsWith('ferry/'))
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name} belongs to ${tooling}, not ferry; choose another --inventory`,
    );
  if (!inventory.parentLive)
    log.info(
      `inventory ${parent.namespace}/${parent.name} does not exist yet: every object is new`,
    );

  const planned: { desired?: DesiredObject; entry: PlannedObject }[] = awaitingCrd.map((o) => ({
    entry: {
      object: describeObject(o),
      action: 'create',
      fields: [],
      note: 'not validated: its CRD is not installed yet',
    },
  }));
  let unchanged = 0;
  for (const d of desired) {
    const fields = plannedFields(inventory, d);
    if (!fields) {
      unchanged++;
      continue;
    }
    const action = inventory.liveOf(d.id) ? 'change' : 'create';
    planned.push({ desired: d, entry: { object: describeObject(d.object), action, fields } });
  }
  await validate(client, planned, inventory, options);
  const entries = [...planned.map((p) => p.entry), ...leftovers(inventory, desired, options)];
  entries.sort((a, b) => (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
  return {
    cluster: options.cluster ?? 'default',
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    prune: options.prune ?? false,
    objects: entries,
    counts: countPlan(entries, unchanged),
    requests: Object.fromEntries(client.counts),
  };
}

/**
 * The fields merging would change on one object, or undefined when it would not be written.
 * The one call into the field comparison: when that comparison learns the server's merge
 * semantics (a schema argument), only this function changes.
 */
export function plannedFields(inventory: Inventory, d: DesiredObject): PlannedField[] | undefined {
  if (!inventory.needsWrite(d)) return undefined;
  const live = inventory.liveOf(d.id);
  if (!live) return [];
  const { drift } = driftOf(d.object, live, [], FIELD_MANAGER);
  return (drift?.fields ?? []).map((f) => ({
    path: f.path,
    live: f.live,
    git: f.git,
    ...(f.manager ? { manager: f.manager } : {}),
    handEdit: isHandEdit(f.manager),
  }));
}

/**
 * A server-side dry-run of every object that would be written, as apply validates them (same
 * force, git-wins-over-hand-edits and ownership rules); a failure is recorded on its object. Objects in a namespace the
 * plan creates cannot be checked yet and say so.
 */
async function validate(
  client: KubeClient,
  planned: { desired?: DesiredObject; entry: PlannedObject }[],
  inventory: Inventory,
  options: Omit<PlanOptions, 'dir'>,
): Promise<void> {
  const newNamespaces = new Set(
    planned
      .filter((p) => p.entry.action === 'create' && p.desired?.object.kind === 'Namespace')
      .map((p) => p.desired!.object.metadata.name),
  );
  await mapLimit(planned, options.concurrency ?? 8, async ({ desired, entry }) => {
    if (!desired) return;
    if (newNamespaces.has(desired.object.metadata.namespace ?? '')) {
      entry.note = 'not validated: its namespace does not exist yet';
      return;
    }
    const owner = options.adopt ? undefined : inventory.foreignOwner(desired);
    if (owner) {
      entry.rejected = `owned by ${owner}; apply refuses to adopt it without --adopt`;
      return;
    }
    let outcome = await serverSideApply(client, desired.info, desired.object, {
      dryRun: true,
      force: options.forceConflicts ?? false,
    });
    // Git wins over hand edits: apply takes such fields back (a forced apply), so they are a
    // change, flagged on the field, not a rejection. Other managers' fields need --force-conflicts.
    if (
      !outcome.ok &&
      outcome.conflicts.length > 0 &&
      outcome.conflicts.every((c) => isHandEdit(c.manager))
    )
      outcome = await serverSideApply(client, desired.info, desired.object, {
        dryRun: true,
        force: true,
      });
    if (outcome.ok) return;
    entry.rejected =
      outcome.conflicts.length === 0
        ? outcome.message
        : `${outcome.conflicts.map((c) => `${c.field} is managed by "${c.manager}"`).join(', ')} (apply needs --force-conflicts to take over)`;
  });
}

/** Members of the inventory that git no longer has: pruned with --prune, else left. */
function leftovers(
  inventory: Inventory,
  desired: DesiredObject[],
  options: Pick<PlanOptions, 'prune' | 'pruneAllow'>,
): PlannedObject[] {
  const ids = new Set(desired.map((d) => d.id));
  const allowed = new Set(options.pruneAllow ?? []);
  return inventory.members
    .filter((m) => !ids.has(m.id))
    .map((m): PlannedObject => {
      const object = describeObject(m.object);
      if (!options.prune) return { object, action: 'leave', fields: [], note: 'no --prune' };
      if (PRUNE_PROTECTED_KINDS.includes(m.object.kind) && !allowed.has(m.object.kind))
        return {
          object,
          action: 'leave',
          fields: [],
          note: `${m.object.kind} is only pruned with --prune-allow ${m.object.kind}`,
        };
      return { object, action: 'prune', fields: [] };
    });
}
