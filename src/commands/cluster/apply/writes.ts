import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import {
  deleteObject,
  FIELD_MANAGER,
  getObject,
  listObjects,
  serverSideApply,
  validateAsNew,
  waitUntilGone,
  type ApplyOutcome,
} from '../../../adapters/kube/objects.js';
import { isJob } from '../../../core/completed-jobs.js';
import { isHandEdit } from '../../../core/hand-edits.js';
import { attributeField } from '../../../core/attribution.js';
import { differencesOf, isSameManifest } from '../../../core/drift.js';
import { formatPath } from '../../../core/field-path.js';
import { ownersOf, type ManagedFieldsEntry } from '../../../core/managed-fields.js';
import { describeObject, withAnnotations, type KubeObject } from '../../../core/manifest.js';
import type { SchemaSet } from '../../../core/schema.js';
import {
  ApplyFailure,
  record,
  recordRestored,
  type ApplyReport,
  type RestoredField,
} from '../../../core/apply-report.js';
import { namespaceFailure, ValidationProblems } from './problems.js';
import { mapLimit } from '../../../core/concurrency.js';
import { PARENT_INFO, type DesiredObject, type Inventory } from '../inventory/inventory.js';
import { APPLYSET_ID, APPLYSET_PART_OF } from '../../../core/applyset.js';

/** Parallel requests for validating and writing objects. */
export const WRITE_CONCURRENCY = 8;

/** How long a replaced object (a Job) may take to disappear before it is created again. */
const REPLACE_DELETE_TIMEOUT_MS = 60_000;

export interface WriteOptions {
  dryRun: boolean;
  forceConflicts: boolean;
  adopt: boolean;
  /** Managers, besides kubectl's, whose changes git takes back. */
  gitWinsOver: readonly string[];
  annotations?: Record<string, string>;
}

/** What one phase writes: the objects, and how. */
export interface WritePlan {
  writes: DesiredObject[];
  /** Objects whose live copy is deleted and created again (a changed Job: its spec is immutable). */
  replace: Set<string>;
  /** Objects applied with force: every conflict is with a hand edit, which git takes back. */
  force: Set<string>;
  /**
   * Objects this run created bare before their write (the inventory's own namespace, to hold its
   * record): the write completes them, and reports them as created.
   */
  createdBare: Set<string>;
}

/** Why a Job that is not on the cluster is not created again. */
export const COMPLETED_AND_REMOVED = 'ran for this manifest, then removed by its TTL';

/** The objects that need writing; the rest are recorded as unchanged. */
export function planWrites(
  desired: DesiredObject[],
  inventory: Inventory,
  schemas: SchemaSet,
  report: ApplyReport,
): WritePlan {
  const plan: WritePlan = {
    writes: [],
    replace: new Set(),
    force: new Set(),
    createdBare: new Set(),
  };
  for (const d of desired) {
    if (inventory.ranAndRemoved(d)) {
      record(report, describeObject(d.object), 'unchanged', COMPLETED_AND_REMOVED);
      continue;
    }
    if (!inventory.needsWrite(d, schemas)) {
      record(report, describeObject(d.object), 'unchanged');
      continue;
    }
    plan.writes.push(d);
    // A changed Job cannot be patched (its pod template is immutable): it is replaced, and runs
    // again.
    if (inventory.liveOf(d.id) && isJob(d.object)) plan.replace.add(d.id);
  }
  return plan;
}

/** One line for a failed apply: the conflicting fields and their managers, or the server's message. */
export function failureMessage(outcome: FailedApply): string {
  if (outcome.conflicts.length === 0) return namespaceFailure(outcome) ?? outcome.message;
  const fields = outcome.conflicts.map((c) => `${c.field} is managed by "${c.manager}"`).join(', ');
  const managers = [...new Set(outcome.conflicts.map((c) => c.manager))].join(',');
  return `${fields} (to take it over: --git-wins-over ${managers}, or --force-conflicts for every manager)`;
}

/**
 * The fields of a live object that git takes back: with `forced` (every conflict is with a hand
 * edit), those hand edits, with who changed each; always, the fields someone removed since the
 * last apply of this very manifest (the API server does not record by whom).
 */
function restoredFields(
  d: DesiredObject,
  live: KubeObject,
  schemas: SchemaSet,
  gitWinsOver: readonly string[],
  forced: boolean,
): RestoredField[] {
  const managed = (live.metadata as { managedFields?: ManagedFieldsEntry[] }).managedFields;
  const schema = schemas.forKind(d.object.apiVersion, d.object.kind);
  const object = describeObject(d.object);
  const sameManifest = isSameManifest(d.object, live);
  return differencesOf(d.object, live, schema, FIELD_MANAGER).flatMap(
    (difference): RestoredField[] => {
      const path = formatPath(difference.path);
      const owners = ownersOf(managed, difference.path);
      const manager = forced ? owners.find((m) => isHandEdit(m, gitWinsOver)) : undefined;
      if (manager) return [{ object, path, manager }];
      const who = attributeField(
        managed,
        difference.path,
        difference.live,
        FIELD_MANAGER,
        sameManifest,
      );
      return 'unattributed' in who && who.unattributed === 'removed'
        ? [{ object, path, unattributed: 'removed' as const }]
        : [];
    },
  );
}

type FailedApply = Extract<ApplyOutcome, { ok: false }>;

/** What the server-side dry-run of one write said, as apply will do it. */
export type WriteCheck =
  | { ok: true; created: boolean; replaced: boolean; forced: boolean }
  | { ok: false; message: string; outcome?: FailedApply };

/**
 * Validates one write as apply will make it: ownership (unless adopting), a replacement as a new
 * object, then a server-side dry-run; a conflict only with managers git wins over is taken (a
 * forced dry-run that must still pass), any other conflict fails unless forcing.
 */
export async function validateWrite(
  client: KubeClient,
  d: DesiredObject,
  replace: boolean,
  inventory: Inventory,
  options: Pick<WriteOptions, 'adopt' | 'forceConflicts' | 'gitWinsOver'>,
): Promise<WriteCheck> {
  const owner = options.adopt ? undefined : inventory.foreignOwner(d);
  if (owner) return { ok: false, message: `owned by ${owner}; refusing to adopt it (use --adopt)` };
  if (replace) {
    const problem = await validateAsNew(client, d.info, d.object);
    return problem
      ? { ok: false, message: problem }
      : { ok: true, created: false, replaced: true, forced: false };
  }
  const dryRun = (force: boolean): Promise<ApplyOutcome> =>
    serverSideApply(client, d.info, d.object, { dryRun: true, force });
  let outcome = await dryRun(options.forceConflicts);
  const handEditsOnly =
    !outcome.ok &&
    outcome.conflicts.length > 0 &&
    outcome.conflicts.every((c) => isHandEdit(c.manager, options.gitWinsOver));
  // Git wins over a hand edit: take those fields back, and only those.
  if (handEditsOnly) outcome = await dryRun(true);
  if (!outcome.ok) return { ok: false, message: failureMessage(outcome), outcome };
  return { ok: true, created: outcome.created, replaced: false, forced: handEditsOnly };
}

/**
 * Server-side dry-run of every write: any error, or a conflict with a manager that is not a hand
 * edit, fails the run before anything changes. Conflicts only with hand edits mark the object
 * for a forced apply, and its fields are reported as restored, as are fields someone removed.
 */
export async function validateWrites(
  client: KubeClient,
  plan: WritePlan,
  inventory: Inventory,
  schemas: SchemaSet,
  options: WriteOptions,
  report: ApplyReport,
): Promise<void> {
  const problems = new ValidationProblems();
  const restored: RestoredField[] = [];
  await mapLimit(plan.writes, WRITE_CONCURRENCY, async (d) => {
    const name = describeObject(d.object);
    const check = await validateWrite(client, d, plan.replace.has(d.id), inventory, options);
    if (!check.ok) {
      problems.add(name, check.message, check.outcome);
      record(report, name, 'failed', check.message);
      return;
    }
    if (check.forced) plan.force.add(d.id);
    const live = check.replaced ? undefined : inventory.liveOf(d.id);
    if (live) restored.push(...restoredFields(d, live, schemas, options.gitWinsOver, check.forced));
    // In --dry-run this was the whole job: say what the write would have done.
    if (options.dryRun)
      record(report, name, check.replaced ? 'replaced' : check.created ? 'created' : 'configured');
  });
  problems.throwIfAny(report);
  const order = (r: RestoredField): string => `${r.object} ${r.path}`;
  recordRestored(
    report,
    restored.sort((a, b) => order(a).localeCompare(order(b))),
  );
}

/** Applies a validated plan (nothing in --dry-run: validation already ran every write). */
export async function writePlanned(
  client: KubeClient,
  plan: WritePlan,
  inventory: Inventory,
  options: WriteOptions,
  report: ApplyReport,
  log: Logger,
): Promise<void> {
  if (options.dryRun) return;
  const failures: string[] = [];
  await mapLimit(plan.writes, WRITE_CONCURRENCY, async (d) => {
    const name = describeObject(d.object);
    const object = options.annotations ? withAnnotations(d.object, options.annotations) : d.object;
    const replacing = plan.replace.has(d.id);
    if (replacing) {
      const problem = await replaceLive(client, d, inventory);
      if (problem) {
        failures.push(`${name}: ${problem}`);
        record(report, name, 'failed', problem);
        return;
      }
    }
    const outcome = await claimingApply(client, d, object, inventory, {
      force: options.forceConflicts || plan.force.has(d.id),
      adopt: options.adopt,
    });
    if (outcome.ok) {
      const created = outcome.created || plan.createdBare.has(d.id);
      const action = replacing ? 'replaced' : created ? 'created' : 'configured';
      record(
        report,
        name,
        action,
        replacing ? 'its template changed: deleted and created again' : undefined,
      );
      log.info(`${name} ${action}`);
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

/** Deletes the live copy of an object that is replaced, and waits until it is gone. */
async function replaceLive(
  client: KubeClient,
  d: DesiredObject,
  inventory: Inventory,
): Promise<string | undefined> {
  const live = inventory.liveOf(d.id);
  if (!live) return undefined;
  const problem = await deleteObject(client, d.info, live, false);
  if (problem) return `could not delete it to replace it: ${problem}`;
  const gone = await waitUntilGone(client, d.info, live, REPLACE_DELETE_TIMEOUT_MS);
  return gone
    ? undefined
    : `still being deleted after ${REPLACE_DELETE_TIMEOUT_MS / 1000}s; run apply again`;
}

/** Rounds of re-reading an object that others keep changing between ferry's read and write. */
const CLAIM_ROUNDS = 5;

/**
 * Server-side apply conditional on the object being as ferry last read it (its resourceVersion,
 * or for an object not found, the revision of the LIST that did not find it): the claim on an
 * object is the write itself, so two inventories racing for one object cannot both take it. A
 * stale read (409 without field conflicts) is read again: another owner now means refusal, as
 * before the write; otherwise (a controller's status update, a hand edit) the write is retried.
 */
async function claimingApply(
  client: KubeClient,
  d: DesiredObject,
  object: KubeObject,
  inventory: Inventory,
  call: { force: boolean; adopt: boolean },
): Promise<ApplyOutcome> {
  let resourceVersion = inventory.readVersion(d);
  for (let round = 1; ; round++) {
    const conditional = resourceVersion
      ? { ...object, metadata: { ...object.metadata, resourceVersion } }
      : object;
    const outcome = await serverSideApply(client, d.info, conditional, {
      dryRun: false,
      force: call.force,
    });
    const stale = !outcome.ok && outcome.status === 409 && outcome.conflicts.length === 0;
    if (!stale || round === CLAIM_ROUNDS) return outcome;
    const live = await getObject(client, d.info, object);
    // Gone again: the same condition holds (a create ignores it; a re-creation fails it).
    if (!live) continue;
    const owner = call.adopt ? undefined : await ownerNow(client, inventory, live);
    if (owner)
      return {
        ok: false,
        status: 409,
        message: `owned by ${owner} (it claimed the object after this run read it); refusing to adopt it (use --adopt)`,
        conflicts: [],
      };
    resourceVersion = (live.metadata as { resourceVersion?: string }).resourceVersion;
  }
}

/** Who else owns `live`, naming another ApplySet by its inventory if its parent is found now. */
async function ownerNow(
  client: KubeClient,
  inventory: Inventory,
  live: KubeObject,
): Promise<string | undefined> {
  const partOf = live.metadata.labels?.[APPLYSET_PART_OF];
  const { parent } = inventory;
  const parents =
    partOf && partOf !== parent.id
      ? await listObjects(client, PARENT_INFO, `${APPLYSET_ID}=${partOf}`, parent.namespace).catch(
          () => [], // unreadable: the owner is named by its id
        )
      : [];
  return inventory.ownerOf(live, parents);
}
