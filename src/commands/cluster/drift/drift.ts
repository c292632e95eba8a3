import { createHash } from 'node:crypto';
import type { SecretOptions } from '../secrets/open.js';
import { readTextFile } from '../../../adapters/files.js';
import { readSet, type SetSettings } from '../set-source.js';
import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { discover, type ResourceMap } from '../../../adapters/kube/discovery.js';
import { FIELD_MANAGER, serverSideApply } from '../../../adapters/kube/objects.js';
import { applySetParent } from '../../../core/applyset.js';
import { compareDesired } from '../../../core/compare.js';
import { isPrefix } from '../../../core/field-path.js';
import type { ObjectSchema } from '../../../core/schema.js';
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  driftOf,
  type DriftReport,
  type DriftedObject,
} from '../../../core/drift.js';
import { FerryError, OperationError } from '../../../core/errors.js';
import { parseIgnoreRules, type IgnoreRule } from '../../../core/ignore.js';
import { describeObject, type KubeObject } from '../../../core/manifest.js';
import { mapLimit } from '../../../core/concurrency.js';
import type { AlertOptions } from '../../publish/drift-alerts.js';
import type { DesiredObject } from '../inventory/inventory.js';
import { readLiveState, refuseDuplicates, type SharedReads } from '../inventory/live-state.js';

export interface DriftOptions extends SecretOptions {
  dir: string;
  inventory: string;
  namespace?: string;
  /** A file of ignore rules (Flux's driftDetection.ignore shape). */
  ignore?: string;
  /** Confirm each flagged object with a server-side dry-run apply before reporting it. */
  confirm?: boolean;
  kubeconfig?: string;
  context?: string;
  /** Limit for one request to the API server (`--request-timeout`); 0: none; default 60 s. */
  requestTimeoutMs?: number;
  /** Alert sinks; each fires only when the drift state changes. */
  alerts?: AlertOptions;
  /** How to build a set folder that is a kustomization or a Helm chart (issue 22). */
  source?: SetSettings;
}

/** `ferry drift`: compares the live cluster with the manifests ferry applied. */
export async function drift(options: DriftOptions, log: Logger): Promise<DriftReport> {
  const set = await readSet(options.dir, { ...options, log });
  const rules = options.ignore
    ? parseIgnoreRules(await readTextFile(options.ignore, 'ignore file'), options.ignore)
    : [];
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const report = await driftCheck(client, set.objects, { ...options, rules }, log, set.sources);
    if (options.alerts) {
      // Loaded only when alerting: the forge clients are a noticeable part of start-up.
      const { sendDriftAlerts } = await import('../../publish/drift-alerts.js');
      try {
        report.alerts = await sendDriftAlerts(report, options.alerts, client, log);
      } catch (error) {
        throw error instanceof FerryError ? new DriftAlertFailure(error, report) : error;
      }
    }
    return report;
  });
}

/**
 * The check with a connected client: discovery, the inventory's parent, one LIST per kind, then
 * a local comparison (plus one dry-run per flagged object with `confirm`).
 */
export async function driftCheck(
  client: KubeClient,
  objects: KubeObject[],
  options: Omit<DriftOptions, 'dir' | 'ignore'> & {
    rules?: IgnoreRule[];
    /** Reads made once for several sets (`drift --all`). */
    shared?: SharedReads & { resources: ResourceMap };
  },
  log: Logger,
  sources: ReadonlyMap<KubeObject, string> = new Map(),
): Promise<DriftReport> {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = options.shared?.resources ?? (await discover(client));
  refuseDuplicates(objects, sources, parent, resources);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const { desired, inventory, schemas } = await readLiveState(
    client,
    resources,
    parent,
    objects,
    options.shared,
  );
  const schemaOf = (d: DesiredObject): ObjectSchema =>
    schemas.forKind(d.object.apiVersion, d.object.kind);
  if (!inventory.parentLive)
    log.warning(
      `inventory ${parent.namespace}/${parent.name} does not exist: nothing was applied with it yet`,
    );

  const drifted: DriftedObject[] = unknown.map((o) => ({
    object: describeObject(o),
    kind: 'missing' as const,
    fields: [],
  }));
  let ignored = 0;
  const flagged: { desired: DesiredObject; drift: DriftedObject }[] = [];
  for (const d of desired) {
    // A Job that ran for this manifest and was removed by its TTL is done, not missing.
    if (inventory.ranAndRemoved(d)) continue;
    const result = driftOf(
      d.object,
      inventory.liveOf(d.id),
      options.rules ?? [],
      FIELD_MANAGER,
      schemaOf(d),
    );
    ignored += result.ignored;
    if (result.drift) flagged.push({ desired: d, drift: result.drift });
  }
  if (options.confirm) {
    await mapLimit(
      flagged.filter((f) => f.drift.kind === 'drifted'),
      8,
      async (f) => {
        f.drift.fields = await confirmFields(
          client,
          f.desired,
          inventory.liveOf(f.desired.id)!,
          f.drift,
          schemaOf(f.desired),
        );
      },
    );
  }
  drifted.push(
    ...flagged
      .filter((f) => f.drift.kind !== 'drifted' || f.drift.fields.length > 0)
      .map((f) => f.drift),
  );
  const desiredIds = new Set(desired.map((d) => d.id));
  for (const member of inventory.members.filter((m) => !desiredIds.has(m.id))) {
    drifted.push({ object: describeObject(member.object), kind: 'extra', fields: [] });
  }
  drifted.sort((a, b) => (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
  const count = (kind: string): number => drifted.filter((d) => d.kind === kind).length;
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    clean: drifted.length === 0,
    objects: drifted,
    counts: {
      checked: objects.length,
      drifted: count('drifted'),
      missing: count('missing'),
      extra: count('extra'),
      ignored,
    },
    fingerprint: fingerprintOf(drifted),
    previousFingerprint: inventory.parentLive?.metadata.annotations?.[DRIFT_FINGERPRINT],
    requests: Object.fromEntries(client.counts),
  };
}

/**
 * Keeps only the fields a server-side dry-run apply would really change: what the API server
 * itself would write back is drift beyond doubt; anything else was a comparison artefact.
 */
async function confirmFields(
  client: KubeClient,
  desired: DesiredObject,
  live: KubeObject,
  drift: DriftedObject,
  schema: ObjectSchema,
): Promise<DriftedObject['fields']> {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true,
  });
  if (!outcome.ok)
    throw new OperationError(`--confirm: dry-run of ${drift.object} failed: ${outcome.message}`);
  const changes = compareDesired(outcome.object, live, schema).map((d) => d.path);
  return drift.fields.filter((f) =>
    changes.some((c) => isPrefix(c, f.segments) || isPrefix(f.segments, c)),
  );
}

/** A digest of what drifted and how (not of live values that keep changing, such as counters). */
export function fingerprintOf(objects: DriftedObject[]): string {
  if (objects.length === 0) return 'clean';
  const shape = objects.map(
    (o) =>
      `${o.kind} ${o.object} ${o.fields.map((f) => `${f.path}=${JSON.stringify(f.live)}`).join(',')}`,
  );
  return createHash('sha256').update(shape.join('\n')).digest('hex').slice(0, 16);
}
