import { clusterWide, sharedListPlan } from '../../../core/inventory-lists.js';
import { readTextFile } from '../../../adapters/files.js';
import { prefixedLogger, type Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { discover, type ResourceMap } from '../../../adapters/kube/discovery.js';
import { ListCache } from '../../../adapters/kube/list-cache.js';
import { loadSchemas } from '../../../adapters/kube/openapi.js';
import type { DriftReport } from '../../../core/drift.js';
import { FerryError, messageOf } from '../../../core/errors.js';
import { parseIgnoreRules, type IgnoreRule } from '../../../core/ignore.js';
import type { KubeObject } from '../../../core/manifest.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import {
  countResults,
  failureDetail,
  type SetRow,
  type SetsReport,
} from '../../../core/sets-report.js';
import type { AlertOptions } from '../../publish/drift-alerts.js';
import { driftCheck } from '../drift/drift.js';
import { PARENT_INFO } from '../inventory/inventory.js';
import { crdsOf } from '../../../core/crd-kinds.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import type { SetManifests } from '../set-source.js';
import { loadClusterSets, selectSets, setNamespace, type LoadedSets } from './load.js';
import { setReader, type SetReader } from './read.js';

/** What `ferry drift --all` takes. */
export interface DriftAllOptions {
  root: string;
  /** kustomize and helm for sets that are a kustomization or a chart (the rest: each descriptor). */
  tools?: ToolPaths;
  cluster: string;
  sets?: string[];
  ignore?: string;
  confirm?: boolean;
  kubeconfig?: string;
  context?: string;
  requestTimeoutMs?: number;
  allowPlaintextSecrets?: boolean;
  /** Alert sinks, per set (each alert names its cluster and inventory, and fires on a change). */
  alerts?: AlertOptions;
}

export type DriftAllReport = SetsReport<DriftReport>;

/** Sets compared at once (the reads are shared; the comparison is local). */
const CHECK_CONCURRENCY = 8;

/**
 * `ferry drift --all`: every set of a cluster compared with the live cluster, reading each kind
 * once for all sets (one LIST per kind, or per namespace for a kind in a few namespaces).
 */
export async function driftAll(options: DriftAllOptions, log: Logger): Promise<DriftAllReport> {
  const loaded = await loadClusterSets(options.root, options.cluster);
  const selected = selectSets(loaded, options.sets);
  const rules = options.ignore
    ? parseIgnoreRules(await readTextFile(options.ignore, 'ignore file'), options.ignore)
    : [];
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const rows = await checkSets(client, loaded, selected, { ...options, rules }, log);
    return {
      command: 'drift',
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts),
    };
  });
}

/** The sets among `sets` that drift finds drifted (`apply --heal` applies them again). */
export async function driftedSets(
  client: KubeClient,
  loaded: LoadedSets,
  sets: EnvSet[],
  log: Logger,
  read: SetReader,
): Promise<EnvSet[]> {
  if (sets.length === 0) return [];
  const rows = await checkSets(client, loaded, sets, { rules: [] }, log, read);
  return sets.filter((_set, i) => rows[i]?.report !== undefined && !rows[i].report.clean);
}

/** Reads every set's manifests, then the cluster once for all, then compares each set. */
async function checkSets(
  client: KubeClient,
  loaded: LoadedSets,
  sets: EnvSet[],
  options: Pick<DriftAllOptions, 'confirm' | 'alerts' | 'allowPlaintextSecrets' | 'tools'> & {
    rules: IgnoreRule[];
  },
  log: Logger,
  read = setReader(loaded, options, client.contextNamespace, log),
): Promise<SetRow<DriftReport>[]> {
  // Discovery's round trips overlap the reading of the folders.
  const [manifestsOf, resources] = await Promise.all([
    Promise.all(sets.map((set) => read(set).catch((error: unknown) => error as Error))),
    discover(client),
  ]);
  const objectsOf = manifestsOf.map((m) => (m instanceof Error ? m : m.objects));
  const lists = new ListCache(client);
  prefetch(lists, resources, sets, objectsOf, client.contextNamespace);
  const everything = objectsOf.flatMap((objects) => (objects instanceof Error ? [] : objects));
  const schemas = await loadSchemas(client, everything, crdsOf(everything));
  const rows: SetRow<DriftReport>[] = new Array<SetRow<DriftReport>>(sets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sets.length) {
      const index = next++;
      rows[index] = await checkOne(
        client,
        sets[index]!,
        manifestsOf[index]!,
        { ...options, shared: { lists, schemas, resources } },
        log,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, sets.length) }, worker));
  return rows;
}

/** Starts one unfiltered LIST per kind (or per namespace) covering every set's reads. */
function prefetch(
  lists: ListCache,
  resources: ResourceMap,
  sets: EnvSet[],
  objectsOf: (KubeObject[] | Error)[],
  contextNamespace: string,
): void {
  const plan = sharedListPlan(
    sets.flatMap((set, i) => {
      const objects = objectsOf[i];
      if (objects === undefined || objects instanceof Error) return [];
      const namespace = setNamespace(set, contextNamespace);
      return [
        {
          parent: { info: PARENT_INFO, namespace },
          objects: objects.flatMap((o) => {
            const info = resources.find(o.apiVersion, o.kind);
            return info ? [{ info, namespace: o.metadata.namespace ?? namespace }] : [];
          }),
        },
      ];
    }),
  );
  for (const entry of plan.values())
    lists.prefetch(entry.info, clusterWide(entry) ? '*' : entry.namespaces);
}

async function checkOne(
  client: KubeClient,
  set: EnvSet,
  manifests: SetManifests | Error,
  options: Pick<DriftAllOptions, 'confirm' | 'alerts'> & {
    rules: IgnoreRule[];
    shared: Parameters<typeof driftCheck>[2]['shared'];
  },
  log: Logger,
): Promise<SetRow<DriftReport>> {
  const row = {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace,
  };
  const setLog = prefixedLogger(log, set.descriptor.inventory);
  try {
    if (manifests instanceof Error) throw manifests;
    const report = await driftCheck(
      client,
      manifests.objects,
      {
        inventory: set.descriptor.inventory,
        namespace: setNamespace(set, client.contextNamespace),
        rules: options.rules,
        confirm: options.confirm,
        shared: options.shared,
      },
      setLog,
      manifests.sources,
    );
    delete report.requests; // the reads were shared: counted for the whole run
    if (options.alerts) {
      const { sendDriftAlerts } = await import('../../publish/drift-alerts.js');
      report.alerts = await sendDriftAlerts(report, options.alerts, client, setLog);
    }
    const { drifted, missing, extra } = report.counts;
    const detail = report.clean
      ? 'clean'
      : `${drifted} drifted, ${missing} missing, ${extra} extra`;
    return { ...row, result: 'checked', detail, exitCode: 0, report };
  } catch (error) {
    return {
      ...row,
      result: 'failed',
      detail: failureDetail(messageOf(error)),
      exitCode: error instanceof FerryError ? error.exitCode : 1,
    };
  }
}
