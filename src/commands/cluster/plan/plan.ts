import { readSet } from '../set-source.js';
import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { discover } from '../../../adapters/kube/discovery.js';
import { FIELD_MANAGER } from '../../../adapters/kube/objects.js';
import { applySetParent } from '../../../core/applyset.js';
import { isJob } from '../../../core/completed-jobs.js';
import { driftOf } from '../../../core/drift.js';
import { isHandEdit } from '../../../core/hand-edits.js';
import { describeObject, type KubeObject } from '../../../core/manifest.js';
import { PRUNE_PROTECTED_KINDS } from '../../../core/ordering.js';
import type { SchemaSet } from '../../../core/schema.js';
import {
  countPlan,
  type PlannedField,
  type PlannedObject,
  type PlanReport,
} from '../../../core/plan.js';
import { checkKindsKnown, type ApplyOptions } from '../apply/apply.js';
import { inNamespaceToCreate, namespacesToCreate, NOT_VALIDATED } from '../apply/not-validated.js';
import { validateWrite, WRITE_CONCURRENCY } from '../apply/writes.js';
import { mapLimit } from '../../../core/concurrency.js';
import { AccessPreflight, PLAN_USES } from '../access/preflight.js';
import type { DesiredObject, Inventory } from '../inventory/inventory.js';
import {
  readLiveState,
  refuseDuplicates,
  refuseForeignParent,
  refuseParentClash,
} from '../inventory/live-state.js';

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
  | 'gitWinsOver'
  | 'kubeconfig'
  | 'context'
  | 'requestTimeoutMs'
  | 'skipPreflight'
  | 'allowPlaintextSecrets'
  | 'source'
> & { cluster?: string };

/**
 * `ferry plan`: what applying the manifests would do to the live cluster, read as apply reads
 * it (discovery, one LIST per kind) and checked by a server-side dry-run of each object that
 * would change. Nothing is written.
 */
export async function plan(options: PlanOptions, log: Logger): Promise<PlanReport> {
  const set = await readSet(options.dir, { ...options, log });
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, (client) =>
    planObjects(client, set.objects, options, log, set.sources),
  );
}

/** `plan` with a connected client and objects already read (from the files `sources` names). */
export async function planObjects(
  client: KubeClient,
  objects: KubeObject[],
  options: Omit<PlanOptions, 'dir'>,
  log: Logger,
  sources: ReadonlyMap<KubeObject, string> = new Map(),
): Promise<PlanReport> {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  refuseDuplicates(objects, sources, parent, resources);
  // Kinds a CRD in the manifests defines: created once it exists, not checkable before.
  const awaitingCrd = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  refuseParentClash(objects, parent);
  // Plan writes nothing, but a plan that cannot read or dry-run says so in one list.
  const preflight = options.skipPreflight
    ? undefined
    : new AccessPreflight(client, parent, objects, resources, PLAN_USES, 'plan', log);
  await preflight?.beforeReads();
  const { desired, inventory, schemas } = await readLiveState(client, resources, parent, objects);
  refuseForeignParent(inventory);
  if (!inventory.parentLive)
    log.info(
      `inventory ${parent.namespace}/${parent.name} does not exist yet: every object is new`,
    );

  const planned: { desired?: DesiredObject; entry: PlannedObject }[] = awaitingCrd.map((o) => ({
    entry: {
      object: describeObject(o),
      action: 'create',
      fields: [],
      note: NOT_VALIDATED.crd,
    },
  }));
  let unchanged = 0;
  for (const d of desired) {
    const fields = plannedFields(inventory, schemas, d, options.gitWinsOver ?? []);
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
 * The fields merging would change on one object, or undefined when it would not be written:
 * the comparison apply and drift make (the API server's merge semantics).
 */
export function plannedFields(
  inventory: Inventory,
  schemas: SchemaSet,
  d: DesiredObject,
  gitWinsOver: readonly string[],
): PlannedField[] | undefined {
  if (inventory.ranAndRemoved(d)) return undefined;
  if (!inventory.needsWrite(d, schemas)) return undefined;
  const live = inventory.liveOf(d.id);
  if (!live) return [];
  const schema = schemas.forKind(d.object.apiVersion, d.object.kind);
  const { drift } = driftOf(d.object, live, [], FIELD_MANAGER, schema);
  return (drift?.fields ?? []).map((f) => ({
    path: f.path,
    live: f.live,
    git: f.git,
    ...(f.manager !== undefined ? { manager: f.manager } : { unattributed: f.unattributed }),
    handEdit: isHandEdit(f.manager, gitWinsOver),
  }));
}

/**
 * A server-side dry-run of every object that would be written, exactly as apply validates them
 * (validateWrite: ownership, replacement, git wins over hand edits); a failure is recorded on
 * its object. Objects in a namespace the plan creates cannot be checked yet and say so.
 */
async function validate(
  client: KubeClient,
  planned: { desired?: DesiredObject; entry: PlannedObject }[],
  inventory: Inventory,
  options: Omit<PlanOptions, 'dir'>,
): Promise<void> {
  const desired = planned.flatMap((p) => (p.desired ? [p.desired] : []));
  const newNamespaces = namespacesToCreate(desired, inventory);
  const writeOptions = {
    adopt: options.adopt ?? false,
    forceConflicts: options.forceConflicts ?? false,
    gitWinsOver: options.gitWinsOver ?? [],
  };
  await mapLimit(planned, WRITE_CONCURRENCY, async ({ desired, entry }) => {
    if (!desired) return;
    if (inNamespaceToCreate(desired.object, newNamespaces)) {
      entry.note = NOT_VALIDATED.namespace;
      return;
    }
    const replace = inventory.liveOf(desired.id) !== undefined && isJob(desired.object);
    const check = await validateWrite(client, desired, replace, inventory, writeOptions);
    if (!check.ok) entry.rejected = check.message;
    else if (check.replaced) entry.note = 'its template changed: apply deletes and creates it';
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
