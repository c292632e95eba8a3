import type { SecretOptions } from '../secrets/open.js';
import { readSet, type SetSettings } from '../set-source.js';
import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { discover, type ResourceMap } from '../../../adapters/kube/discovery.js';
import { waitForEstablished } from '../../../adapters/kube/objects.js';
import { applySetParent, type ApplySetParent } from '../../../core/applyset.js';
import { hasTtl, isJob } from '../../../core/completed-jobs.js';
import { ConfigError } from '../../../core/errors.js';
import { describeObject, type KubeObject } from '../../../core/manifest.js';
import type { SchemaSet } from '../../../core/schema.js';
import { ApplyFailure, emptyReport, record, type ApplyReport } from '../../../core/apply-report.js';
import { refuseEmptyPrune } from './problems.js';
import { AccessPreflight, applyUses } from '../access/preflight.js';
import { inNamespaceToCreate, namespacesToCreate, NOT_VALIDATED } from './not-validated.js';
import {
  planWrites,
  validateWrites,
  writePlanned,
  type WriteOptions,
  type WritePlan,
} from './writes.js';
import { recordCompletions, unrecordedCompletions } from '../inventory/job-records.js';
import {
  desiredObject,
  readInventory,
  type DesiredObject,
  type Inventory,
} from '../inventory/inventory.js';
import {
  kindsDefinedBy,
  readLiveState,
  refuseDuplicates,
  refuseForeignParent,
  refuseParentClash,
} from '../inventory/live-state.js';
import { InventoryRecord } from '../inventory/record.js';
import { prune } from './prune.js';
import { pruneBeforeRollout, rolloutTargets, waitForTargets } from './wait.js';

export interface ApplyOptions extends SecretOptions {
  /** Folder of manifests (YAML/JSON, recursively), a kustomization or a Helm chart. */
  dir: string;
  /** Inventory (ApplySet) name; its parent ConfigMap lives in `namespace`. */
  inventory: string;
  /** Namespace for namespaced objects that name none, and for the inventory (default: the context's). */
  namespace?: string;
  prune?: boolean;
  /** Protected kinds (Namespace, CRD, PV, PVC) that prune may delete. */
  pruneAllow?: string[];
  maxDeletions?: number;
  /**
   * Wait until every workload of the set is current: those this run wrote and those an earlier
   * run left not current; prune only then.
   */
  wait?: boolean;
  timeoutMs?: number;
  dryRun?: boolean;
  forceConflicts?: boolean;
  /** Take over objects that another ApplySet or tool owns. */
  adopt?: boolean;
  kubeconfig?: string;
  context?: string;
  /** Limit for one request to the API server (`--request-timeout`); 0: none; default 60 s. */
  requestTimeoutMs?: number;
  /** Traceability written on every object this run changes (env-repo commit, run URL). */
  annotations?: Record<string, string>;
  /** Field managers, besides kubectl's, whose changes git takes back (see HAND_EDIT_MANAGERS). */
  gitWinsOver?: string[];
  /** With `prune`, accept a folder with no manifests (every member is deleted). */
  pruneEmpty?: boolean;
  /** How to build a set folder that is a kustomization or a Helm chart (issue 22). */
  source?: SetSettings;
  /** Skip checking the permissions the run needs before it reads or writes. */
  skipPreflight?: boolean;
}

/**
 * `ferry apply`: server-side apply of a folder of manifests as one ApplySet. Namespaces and CRDs
 * go first; everything else is validated by a server-side dry-run before it changes; unchanged
 * objects are skipped; then the rollout wait, and prune last.
 */
export async function apply(options: ApplyOptions, log: Logger): Promise<ApplyReport> {
  const set = await readSet(options.dir, { ...options, log });
  refuseEmptyPrune(set.objects.length, options);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, (client) =>
    applyObjects(client, set.objects, options, log, set.sources),
  );
}

/** `apply` with a connected client and objects already read (from the files `sources` names). */
export async function applyObjects(
  client: KubeClient,
  objects: KubeObject[],
  options: ApplyOptions,
  log: Logger,
  sources: ReadonlyMap<KubeObject, string> = new Map(),
): Promise<ApplyReport> {
  const dryRun = options.dryRun ?? false;
  const namespace = options.namespace ?? client.contextNamespace;
  const parent = applySetParent(options.inventory, namespace);
  const report = emptyReport(parent, dryRun);
  try {
    await run(client, { objects, sources }, options, parent, report, log);
  } finally {
    report.requests = Object.fromEntries(client.counts);
  }
  return report;
}

/** The objects to apply and the file each came from (for messages). */
interface SourcedObjects {
  objects: KubeObject[];
  sources: ReadonlyMap<KubeObject, string>;
}

/** Everything the phases of one apply share. */
interface ApplyRun {
  client: KubeClient;
  options: ApplyOptions;
  writeOptions: WriteOptions;
  parent: ApplySetParent;
  report: ApplyReport;
  log: Logger;
  resources: ResourceMap;
  desired: DesiredObject[];
  inventory: Inventory;
  schemas: SchemaSet;
  /** The parent's record of kinds and namespaces, written by compare-and-swap. */
  record: InventoryRecord;
}

/** How long to wait for a new CRD to be Established before applying its custom resources. */
const CRD_ESTABLISHED_TIMEOUT_MS = 60_000;
/** Pause between discovery reads while a just-Established CRD's kind is not served yet. */
const DISCOVERY_RETRY_MS = 500;

async function run(
  client: KubeClient,
  { objects, sources }: SourcedObjects,
  options: ApplyOptions,
  parent: ApplySetParent,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  const state = await readState(client, { objects, sources }, options, parent, report, log);
  const prerequisites = await applyPrerequisites(state, objects);
  const rest = await applyTheRest(state, prerequisites);
  if (!options.dryRun) {
    const written = [...prerequisites.writes, ...rest.writes];
    // Jobs that ran for their manifest are recorded before their TTL removes them: those seen
    // complete, those just started that declare a TTL (the TTL may well remove them before the
    // next run looks), and with --wait every Job the wait saw through.
    const ran = [
      ...unrecordedCompletions(state.desired, state.inventory),
      ...written.filter((d) => isJob(d.object) && hasTtl(d.object)),
    ];
    if (options.wait) {
      const targets = rolloutTargets(state.desired, written, state.inventory);
      await waitForTargets(targets, written, client, options.timeoutMs, report, log);
      ran.push(...targets.filter((d) => isJob(d.object)));
    } else if (options.prune) {
      const warning = pruneBeforeRollout(state.desired, written, state.inventory);
      if (warning) log.warning(warning);
    }
    if (state.inventory.parentLive || written.length > 0)
      await recordCompletions(client, parent, [...new Set(ran)]);
  }
  if (options.prune) await pruneAndRecord(state);
  // Without prune, the record written before the writes stands: members dropped from the
  // manifests stay in the set until a pruning run.
}

/**
 * Discovery, the inventory (one LIST per kind) and the schemas of the kinds applied: everything
 * the comparison needs, read before anything is written.
 */
async function readState(
  client: KubeClient,
  { objects, sources }: SourcedObjects,
  options: ApplyOptions,
  parent: ApplySetParent,
  report: ApplyReport,
  log: Logger,
): Promise<ApplyRun> {
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  refuseDuplicates(objects, sources, parent, resources);
  refuseParentClash(objects, parent);
  const preflight = options.skipPreflight
    ? undefined
    : new AccessPreflight(client, parent, objects, resources, applyUses(options), 'apply', log);
  await preflight?.beforeReads();
  const { desired, inventory, schemas } = await readLiveState(client, resources, parent, objects);
  refuseForeignParent(inventory);
  await preflight?.beforeWrites(inventory);
  const writeOptions: WriteOptions = {
    dryRun: options.dryRun ?? false,
    forceConflicts: options.forceConflicts ?? false,
    adopt: options.adopt ?? false,
    gitWinsOver: options.gitWinsOver ?? [],
    ...(options.annotations ? { annotations: options.annotations } : {}),
  };
  return {
    client,
    options,
    writeOptions,
    parent,
    report,
    log,
    resources,
    desired,
    inventory,
    schemas,
    record: new InventoryRecord(client, inventory, report),
  };
}

const objectsOf = (desired: DesiredObject[]): KubeObject[] => desired.map((d) => d.object);

function namespaceObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function isPrerequisite(o: KubeObject): boolean {
  return o.kind === 'Namespace' || o.kind === 'CustomResourceDefinition';
}

/**
 * Phase 1: Namespaces and CRDs, which the rest needs before it can even be validated; then,
 * once new CRDs are Established, the custom resources they serve join the set.
 */
async function applyPrerequisites(state: ApplyRun, objects: KubeObject[]): Promise<WritePlan> {
  const { client, writeOptions, parent, report, log } = state;
  const dryRun = writeOptions.dryRun;
  const plan = planWrites(
    state.desired.filter((d) => isPrerequisite(d.object)),
    state.inventory,
    state.schemas,
    report,
  );
  await validateWrites(client, plan, state.inventory, state.schemas, writeOptions, report);
  // KEP-3659's order: the parent records a kind and namespace before anything of it is labelled.
  if (!dryRun && plan.writes.length > 0) await state.record.add(objectsOf(state.desired));
  // The record's own namespace was created bare just now: its manifest's write completes it, and
  // both the progress line and the report say "created".
  const created = state.record.createdNamespace;
  const manifest = plan.writes.find(
    (d) => d.object.kind === 'Namespace' && d.object.metadata.name === created,
  );
  if (manifest) plan.createdBare.add(manifest.id);
  await writePlanned(client, plan, state.inventory, writeOptions, report, log);
  if (created !== undefined && !manifest) {
    const name = describeObject(namespaceObject(created));
    record(report, name, 'created');
    log.info(`${name} created`);
  }
  const newCrds = plan.writes.filter((d) => d.object.kind === 'CustomResourceDefinition');
  const awaitingCrd = objects.filter((o) => !state.resources.find(o.apiVersion, o.kind));
  if (!dryRun && newCrds.length > 0) {
    await log.group(`waiting for ${newCrds.length} CRD(s) to be Established`, async () => {
      for (const crd of newCrds)
        await waitForEstablished(client, crd.object.metadata.name, CRD_ESTABLISHED_TIMEOUT_MS);
    });
    state.resources = await discoverServing(client, awaitingCrd);
    const added = awaitingCrd
      .filter((o) => state.resources.find(o.apiVersion, o.kind))
      .map((o) => desiredObject(o, state.resources, parent));
    state.inventory = await readInventory(client, state.resources, parent, added, state.inventory);
    state.desired.push(...added);
  }
  const unserved = objects.filter((x) => !state.resources.find(x.apiVersion, x.kind));
  if (!dryRun && unserved.length > 0) {
    const kinds = [...new Set(unserved.map((o) => `${o.kind} (${o.apiVersion})`))].join(', ');
    throw new ApplyFailure(
      `the API server does not serve ${kinds} yet, though its CRD is Established; nothing of those kinds was applied: run apply again`,
      report,
    );
  }
  for (const o of unserved) record(report, describeObject(o), 'created', NOT_VALIDATED.crd);
  return plan;
}

/**
 * Discovery once new CRDs are Established: aggregated discovery can lag behind the condition
 * by a moment, so it is read again (bounded) until it serves every kind waiting for a CRD.
 */
async function discoverServing(client: KubeClient, awaiting: KubeObject[]): Promise<ResourceMap> {
  const deadline = Date.now() + CRD_ESTABLISHED_TIMEOUT_MS;
  for (;;) {
    const resources = await discover(client);
    const served = awaiting.every((o) => resources.find(o.apiVersion, o.kind));
    if (served || Date.now() >= deadline) return resources;
    await new Promise((done) => setTimeout(done, DISCOVERY_RETRY_MS));
  }
}

/** Phase 2: everything else, every change validated before any is made, written in order. */
async function applyTheRest(state: ApplyRun, prerequisites: WritePlan): Promise<WritePlan> {
  const { client, writeOptions, report, log, inventory } = state;
  const dryRun = writeOptions.dryRun;
  const plan = planWrites(
    state.desired.filter((d) => !isPrerequisite(d.object)),
    inventory,
    state.schemas,
    report,
  );
  // A real run has created them by now; a dry run has not.
  const newNamespaces = dryRun
    ? namespacesToCreate(prerequisites.writes, inventory)
    : new Set<string>();
  const unchecked = plan.writes.filter((d) => inNamespaceToCreate(d.object, newNamespaces));
  for (const d of unchecked)
    record(report, describeObject(d.object), 'created', NOT_VALIDATED.namespace);
  const checkable = { ...plan, writes: plan.writes.filter((d) => !unchecked.includes(d)) };
  await validateWrites(client, checkable, inventory, state.schemas, writeOptions, report);
  // Record old and new kinds before writing, so an interrupted run can still be pruned; and
  // start the record of a set that exists only unchanged (so a later run can prune it), but
  // not of an empty one: there is nothing to record.
  const unrecorded = !inventory.parentLive && state.desired.length > 0;
  if (!dryRun && (plan.writes.length > 0 || unrecorded)) {
    await state.record.add(objectsOf(state.desired));
  }
  for (const phase of [...new Set(plan.writes.map((d) => d.phase))].sort((a, b) => a - b)) {
    const writes = plan.writes.filter((d) => d.phase === phase);
    await writePlanned(client, { ...plan, writes }, inventory, writeOptions, report, log);
  }
  // A concurrent pruning run may have dropped a kind between the record and the writes.
  if (!dryRun && prerequisites.writes.length + plan.writes.length > 0)
    await state.record.confirm(objectsOf(state.desired));
  return plan;
}

/** Phase 3 (with --prune): delete what git dropped, then record exactly what the set holds. */
async function pruneAndRecord(state: ApplyRun): Promise<void> {
  const { client, options, report, log, inventory, desired } = state;
  const kept = await prune(
    client,
    inventory,
    new Set(desired.map((d) => d.id)),
    options,
    report,
    log,
  );
  if (!options.dryRun) await state.record.shrink([...objectsOf(desired), ...kept], state.resources);
  const failed = report.objects.filter((o) => o.action === 'failed');
  if (failed.length > 0)
    throw new ApplyFailure(`${failed.length} object(s) could not be pruned`, report);
}

/** Fails before anything is applied when a kind is neither served nor defined by a CRD in the set. */
export function checkKindsKnown(objects: KubeObject[], resources: ResourceMap): void {
  const fromCrds = kindsDefinedBy(objects);
  const unknown = objects.filter(
    (o) => !resources.find(o.apiVersion, o.kind) && !fromCrds.has(`${o.apiVersion}/${o.kind}`),
  );
  if (unknown.length > 0) {
    const list = unknown.map((o) => `${o.kind} ${o.metadata.name} (${o.apiVersion})`).join(', ');
    throw new ConfigError(
      `unknown kind: ${list}: the cluster does not serve it and no CRD in the manifests defines it; nothing was applied`,
    );
  }
}
