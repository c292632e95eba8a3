import { readManifestDir } from '../adapters/files.js';
import type { Logger } from '../adapters/logger.js';
import { KubeClient } from '../adapters/kube/client.js';
import { discover, type ResourceMap } from '../adapters/kube/discovery.js';
import {
  serverSideApply,
  waitForEstablished,
  type ApplyOutcome,
} from '../adapters/kube/objects.js';
import { waitForRollouts } from '../adapters/kube/rollout.js';
import {
  APPLYSET_TOOLING,
  applySetParent,
  groupKind,
  parentObject,
  type ApplySetParent,
} from '../core/applyset.js';
import { ConfigError, OperationError } from '../core/errors.js';
import { describeObject, withAnnotations, type KubeObject } from '../core/manifest.js';
import { WORKLOAD_KINDS, hasRollout, type LiveObject } from '../core/rollout.js';
import { ApplyFailure, emptyReport, record, type ApplyReport } from './apply-report.js';
import { mapLimit } from './concurrency.js';
import {
  PARENT_INFO,
  desiredObject,
  readInventory,
  type DesiredObject,
  type Inventory,
} from './inventory.js';
import { prune } from './prune.js';

export interface ApplyOptions {
  /** Folder of manifests (YAML/JSON, recursively). */
  dir: string;
  /** Inventory (ApplySet) name; its parent ConfigMap lives in `namespace`. */
  inventory: string;
  /** Namespace for namespaced objects that name none, and for the inventory (default: the context's). */
  namespace?: string;
  prune?: boolean;
  /** Protected kinds (Namespace, CRD, PV, PVC) that prune may delete. */
  pruneAllow?: string[];
  maxDeletions?: number;
  wait?: boolean;
  timeoutMs?: number;
  dryRun?: boolean;
  forceConflicts?: boolean;
  /** Take over objects that another ApplySet or tool owns. */
  adopt?: boolean;
  kubeconfig?: string;
  context?: string;
  /** Traceability written on every object this run changes (env-repo commit, run URL). */
  annotations?: Record<string, string>;
  concurrency?: number;
}

/**
 * `ferry apply`: server-side apply of a folder of manifests as one ApplySet. Namespaces and CRDs
 * go first; everything else is validated by a server-side dry-run before it changes; unchanged
 * objects are skipped; then the rollout wait, and prune last.
 */
export async function apply(options: ApplyOptions, log: Logger): Promise<ApplyReport> {
  const manifests = await readManifestDir(options.dir);
  const client = KubeClient.connect(options);
  try {
    return await applyObjects(
      client,
      manifests.map((m) => m.object),
      options,
      log,
    );
  } finally {
    client.close();
  }
}

/** `apply` with a connected client and objects already read. */
export async function applyObjects(
  client: KubeClient,
  objects: KubeObject[],
  options: ApplyOptions,
  log: Logger,
): Promise<ApplyReport> {
  const dryRun = options.dryRun ?? false;
  const namespace = options.namespace ?? client.contextNamespace;
  const parent = applySetParent(options.inventory, namespace);
  const report = emptyReport(parent, dryRun);
  try {
    await run(client, objects, options, parent, report, log);
  } finally {
    report.requests = Object.fromEntries(client.counts);
  }
  return report;
}

async function run(
  client: KubeClient,
  objects: KubeObject[],
  options: ApplyOptions,
  parent: ApplySetParent,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  const dryRun = options.dryRun ?? false;
  let resources = await discover(client);
  checkKindsKnown(objects, resources);
  const clash = objects.find(
    (o) =>
      o.kind === 'ConfigMap' &&
      o.apiVersion === 'v1' &&
      o.metadata.name === parent.name &&
      (o.metadata.namespace ?? parent.namespace) === parent.namespace,
  );
  if (clash) {
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`,
    );
  }
  // One read of the inventory: live state of every object and member, one LIST per kind.
  const isPrerequisite = (o: KubeObject): boolean =>
    o.kind === 'Namespace' || o.kind === 'CustomResourceDefinition';
  const served = (o: KubeObject): boolean => resources.find(o.apiVersion, o.kind) !== undefined;
  const desired = objects.filter(served).map((o) => desiredObject(o, resources, parent));
  let inventory = await readInventory(client, resources, parent, desired);
  const parentLive = inventory.parentLive;
  const tooling = parentLive?.metadata.annotations?.[APPLYSET_TOOLING];
  if (parentLive && tooling && !tooling.startsWith('ferry/')) {
    throw new OperationError(
      `inventory ${parent.namespace}/${parent.name} belongs to ${tooling}, not ferry; choose another --inventory`,
    );
  }

  // Phase 0: Namespaces and CRDs, which the rest needs before it can even be validated.
  const prerequisiteWrites = plan(
    desired.filter((d) => isPrerequisite(d.object)),
    inventory,
    report,
  );
  await validate(client, prerequisiteWrites, inventory, options, report);
  await write(client, prerequisiteWrites, options, report, log);
  // After, not before: the inventory's own namespace may be one of them.
  if (!dryRun && prerequisiteWrites.length > 0)
    await recordKinds(client, parent, inventory, desired, report);
  const newCrds = prerequisiteWrites.filter((d) => d.object.kind === 'CustomResourceDefinition');
  const awaitingCrd = objects.filter((o) => !served(o));
  if (!dryRun && newCrds.length > 0) {
    await log.group(`waiting for ${newCrds.length} CRD(s) to be Established`, async () => {
      for (const crd of newCrds) await waitForEstablished(client, crd.object.metadata.name, 60_000);
    });
    resources = await discover(client);
    const added = awaitingCrd.filter(served).map((o) => desiredObject(o, resources, parent));
    inventory = await readInventory(client, resources, parent, added, inventory);
    desired.push(...added);
  }
  // Only possible in --dry-run: a kind whose CRD is not installed yet cannot be checked by the server.
  for (const o of objects.filter((x) => !resources.find(x.apiVersion, x.kind))) {
    record(
      report,
      describeObject(o),
      'created',
      'dry run: not validated, its CRD is not installed yet',
    );
  }

  // Everything else: validate every change before making any.
  const writes = plan(
    desired.filter((d) => !isPrerequisite(d.object)),
    inventory,
    report,
  );
  const newNamespaces = new Set(
    prerequisiteWrites
      .filter((d) => d.object.kind === 'Namespace' && !inventory.liveOf(d.id))
      .map((d) => d.object.metadata.name),
  );
  const checkable = dryRun
    ? writes.filter((d) => !newNamespaces.has(d.object.metadata.namespace ?? ''))
    : writes;
  for (const d of writes.filter((w) => !checkable.includes(w)))
    record(
      report,
      describeObject(d.object),
      'created',
      'dry run: not validated, its namespace does not exist yet',
    );
  await validate(client, checkable, inventory, options, report);
  if (!dryRun && (writes.length > 0 || !parentLive)) {
    // Record old and new kinds before writing, so an interrupted run can still be pruned.
    await recordKinds(client, parent, inventory, desired, report);
  }
  for (const phase of [...new Set(writes.map((d) => d.phase))].sort((a, b) => a - b)) {
    await write(
      client,
      writes.filter((d) => d.phase === phase),
      options,
      report,
      log,
    );
  }

  if (options.wait && !dryRun)
    await waitForChanged([...prerequisiteWrites, ...writes], client, options, report, log);

  if (options.prune) {
    const kept = await prune(
      client,
      inventory,
      new Set(desired.map((d) => d.id)),
      options,
      report,
      log,
    );
    if (!dryRun)
      await applyParent(client, parent, [...desired.map((d) => d.object), ...kept], report);
    const failed = report.objects.filter((o) => o.action === 'failed');
    if (failed.length > 0)
      throw new ApplyFailure(`${failed.length} object(s) could not be pruned`, report);
  }
  // Without prune, the record written before the writes stands: members dropped from the
  // manifests stay in the set until a pruning run.
}

/** Fails before anything is applied when a kind is neither served nor defined by a CRD in the set. */
export function checkKindsKnown(objects: KubeObject[], resources: ResourceMap): void {
  const fromCrds = new Set<string>();
  for (const crd of objects.filter((o) => o.kind === 'CustomResourceDefinition')) {
    const spec = crd.spec as
      { group?: string; names?: { kind?: string }; versions?: { name: string }[] } | undefined;
    for (const version of spec?.versions ?? [])
      fromCrds.add(`${spec?.group}/${version.name}/${spec?.names?.kind}`);
  }
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

/** The objects that need writing; the rest are recorded as unchanged. */
function plan(
  desired: DesiredObject[],
  inventory: Inventory,
  report: ApplyReport,
): DesiredObject[] {
  const writes: DesiredObject[] = [];
  for (const d of desired) {
    if (inventory.needsWrite(d)) writes.push(d);
    else record(report, describeObject(d.object), 'unchanged');
  }
  return writes;
}

/** Server-side dry-run of every write: any error, conflict or foreign owner fails the run first. */
async function validate(
  client: KubeClient,
  writes: DesiredObject[],
  inventory: Inventory,
  options: ApplyOptions,
  report: ApplyReport,
): Promise<void> {
  const problems: string[] = [];
  await mapLimit(writes, options.concurrency ?? 8, async (d) => {
    const name = describeObject(d.object);
    const owner = options.adopt ? undefined : inventory.foreignOwner(d);
    if (owner) {
      problems.push(`${name}: owned by ${owner}; refusing to adopt it (use --adopt)`);
      record(report, name, 'failed', `owned by ${owner}`);
      return;
    }
    const outcome = await serverSideApply(client, d.info, d.object, {
      dryRun: true,
      force: options.forceConflicts ?? false,
    });
    if (outcome.ok) {
      // In --dry-run this was the whole job: say what the write would have done.
      if (options.dryRun) record(report, name, outcome.created ? 'created' : 'configured');
      return;
    }
    const message = failureMessage(outcome);
    problems.push(`${name}: ${message}`);
    record(report, name, 'failed', message);
  });
  if (problems.length > 0) {
    throw new ApplyFailure(
      `${problems.length} object(s) failed validation, so nothing else was changed:\n  ${problems.sort().join('\n  ')}`,
      report,
    );
  }
}

/** One line for a failed apply: the conflicting fields and their managers, or the server's message. */
function failureMessage(outcome: Extract<ApplyOutcome, { ok: false }>): string {
  if (outcome.conflicts.length === 0) return outcome.message;
  const fields = outcome.conflicts.map((c) => `${c.field} is managed by "${c.manager}"`).join(', ');
  return `${fields} (use --force-conflicts to take over)`;
}

async function write(
  client: KubeClient,
  writes: DesiredObject[],
  options: ApplyOptions,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  if (options.dryRun) return; // validation already ran every write as a server-side dry-run
  const failures: string[] = [];
  await mapLimit(writes, options.concurrency ?? 8, async (d) => {
    const object = options.annotations ? withAnnotations(d.object, options.annotations) : d.object;
    const outcome = await serverSideApply(client, d.info, object, {
      dryRun: options.dryRun ?? false,
      force: options.forceConflicts ?? false,
    });
    const name = describeObject(d.object);
    if (outcome.ok) {
      const action = outcome.created ? 'created' : 'configured';
      record(report, name, action);
      log.info(`${name} ${action}${options.dryRun ? ' (dry run)' : ''}`);
      return;
    }
    const message = failureMessage(outcome);
    failures.push(`${name}: ${message}`);
    record(report, name, 'failed', message);
  });
  if (failures.length > 0)
    throw new ApplyFailure(
      `${failures.length} object(s) failed to apply: ${failures.join('; ')}`,
      report,
    );
}

async function waitForChanged(
  written: DesiredObject[],
  client: KubeClient,
  options: ApplyOptions,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  const targets = written.filter(
    (d) => WORKLOAD_KINDS.has(d.object.kind) || hasRollout(d.object as LiveObject),
  );
  if (targets.length === 0) return;
  const outcome = await log.group(`waiting for ${targets.length} rollout(s)`, () =>
    waitForRollouts(client, targets, options.timeoutMs ?? 300_000, (line) => log.info(`  ${line}`)),
  );
  if (outcome.notReady.length > 0) {
    report.notReady = outcome.notReady;
    const reasons = outcome.notReady.map((n) => `${n.object}: ${n.reason}`).join('; ');
    throw new ApplyFailure(
      `${outcome.notReady.length} object(s) did not become ready (prune skipped): ${reasons}`,
      report,
    );
  }
}

/** Records the union of what the set held and what it is about to hold. */
async function recordKinds(
  client: KubeClient,
  parent: ApplySetParent,
  inventory: Inventory,
  desired: DesiredObject[],
  report: ApplyReport,
): Promise<void> {
  const previous = inventory.members.map((m) => m.object);
  await applyParent(
    client,
    parent,
    [...previous, ...desired.map((d) => d.object)],
    report,
    inventory.groupKinds,
    inventory.namespaces,
  );
}

async function applyParent(
  client: KubeClient,
  parent: ApplySetParent,
  members: KubeObject[],
  report: ApplyReport,
  extraKinds: string[] = [],
  extraNamespaces: string[] = [],
): Promise<void> {
  const kinds = [...extraKinds, ...members.map(groupKind)];
  const namespaces = [...extraNamespaces, ...members.map((o) => o.metadata.namespace ?? '')].filter(
    Boolean,
  );
  const outcome = await serverSideApply(
    client,
    PARENT_INFO,
    parentObject(parent, kinds, namespaces),
    { dryRun: false, force: true },
  );
  if (!outcome.ok)
    throw new ApplyFailure(
      `inventory ${parent.namespace}/${parent.name}: ${outcome.message}`,
      report,
    );
}
