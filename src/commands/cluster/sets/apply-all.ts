import { join } from 'node:path';
import { prefixedLogger, type Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { ApplyFailure, summaryLine, type ApplyReport } from '../../../core/apply-report.js';
import { applyTraceAnnotations } from '../../../core/applyset.js';
import { FerryError, messageOf } from '../../../core/errors.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import { ancestorsOf } from '../../../core/set-order.js';
import {
  countResults,
  failureDetail,
  type SetRow,
  type SetsReport,
} from '../../../core/sets-report.js';
import { applyObjects, type ApplyOptions } from '../apply/apply.js';
import { refuseEmptyPrune } from '../apply/problems.js';
import type { SecretOptions } from '../secrets/open.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import { loadClusterSets, selectSets, setNamespace, isApplied, type LoadedSets } from './load.js';
import { setReader, type SetReader } from './read.js';
import { readSetRecords, writeSetRecord } from './records.js';
import { runInDependencyOrder } from './schedule.js';
import { awaitDependencies } from './dependencies.js';
import { applyUses } from '../access/preflight.js';
import { preflightSets } from '../access/sets-preflight.js';

/** What `ferry apply --all` (or `--set`) takes besides each set's own descriptor. */
export interface ApplyAllOptions
  extends
    SecretOptions,
    Pick<
      ApplyOptions,
      | 'dryRun'
      | 'forceConflicts'
      | 'gitWinsOver'
      | 'adopt'
      | 'kubeconfig'
      | 'context'
      | 'requestTimeoutMs'
      | 'timeoutMs'
      | 'skipPreflight'
    > {
  /** The environment repo folder to look for sets under. */
  root: string;
  /** kustomize and helm for sets that are a kustomization or a chart (the rest: each descriptor). */
  tools?: ToolPaths;
  cluster: string;
  /** Only these sets (inventory names); their dependencies outside it are awaited, not applied. */
  sets?: string[];
  /** Apply every set, also those whose folder the cluster already runs. */
  forceAll?: boolean;
  /** Also apply the sets a drift check finds drifted (scheduled self-healing). */
  heal?: boolean;
  /** Sets applied at once, dependencies allowing (default 4). */
  parallel?: number;
  /** How long to wait for dependencies another job applies (with `sets`). */
  dependencyTimeoutMs?: number;
  /** The run recorded on each set's parent and objects. */
  runUrl?: string;
}

export type ApplyAllReport = SetsReport<ApplyReport>;

/** Sets applied at once by default: independent sets, dependencies first. */
export const DEFAULT_PARALLEL = 4;

/**
 * `ferry apply --all`: every set of a cluster whose folder differs from what its inventory
 * records as last applied, dependencies first, independent sets in parallel. A set whose
 * dependency failed is skipped; each success is recorded on its parent (commit, tree, time, run).
 * A run that wrote nothing costs one request: the LIST of inventories.
 */
export async function applyAll(options: ApplyAllOptions, log: Logger): Promise<ApplyAllReport> {
  const loaded = await loadClusterSets(options.root, options.cluster);
  const selected = selectSets(loaded, options.sets);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const records = await readSetRecords(client, 'apply --all');
    const context = client.contextNamespace;
    const toApply = new Set(
      selected.filter((set) => options.forceAll || !isApplied(loaded, set, records, context)),
    );
    // Each set read once: the heal's drift check, the permission check and its own run.
    const read = setReader(loaded, options, context, log);
    if (options.heal) {
      const { driftedSets } = await import('./drift-all.js');
      const unchanged = selected.filter((set) => !toApply.has(set));
      for (const set of await driftedSets(client, loaded, unchanged, log, read)) toApply.add(set);
    }
    const annotations = applyTraceAnnotations({
      commit: loaded.trees.commit,
      runUrl: options.runUrl ?? '',
    });
    // One check of every set to apply, before the first write of the run.
    const accessReviewer = options.skipPreflight
      ? undefined
      : await preflightSets(
          client,
          selected.filter((set) => toApply.has(set)),
          {
            read,
            usesOf: (set) => applyUses(setApplyOptions(loaded, set, options, context)),
            records: true,
            command: 'apply --all',
          },
          log,
        );
    const runSet = (set: EnvSet): Promise<SetRow<ApplyReport>> =>
      applySet(client, loaded, set, read, { ...options, annotations, accessReviewer }, log);
    const inSelection = new Set(selected.map((set) => set.descriptor.inventory));
    const rows = await runInDependencyOrder(
      selected,
      loaded.dependencies,
      options.parallel ?? DEFAULT_PARALLEL,
      async (set) => {
        if (!toApply.has(set)) return unchangedRow(set);
        const waited = await awaitDependencies<ApplyReport>(
          client,
          loaded,
          // Through sets outside the selection too: an unchanged set another job does not
          // apply may stand on one it does.
          ancestorsOf(set.descriptor.inventory, loaded.dependencies).filter(
            (d) => !inSelection.has(d.descriptor.inventory),
          ),
          options.dependencyTimeoutMs,
          log,
          set,
        );
        return waited ?? runSet(set);
      },
    );
    return {
      command: 'apply',
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: options.dryRun ?? false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts),
    };
  });
}

function unchangedRow(set: EnvSet): SetRow<ApplyReport> {
  return {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace,
    result: 'unchanged',
    detail: 'the cluster runs this folder',
    exitCode: 0,
  };
}

/** How one set is applied: the run's options with its descriptor's settings. */
function setApplyOptions(
  loaded: LoadedSets,
  set: EnvSet,
  options: ApplyAllOptions & Pick<ApplyOptions, 'annotations' | 'accessReviewer'>,
  contextNamespace: string,
): ApplyOptions {
  const { descriptor } = set;
  return {
    ...options,
    dir: join(loaded.root, set.path),
    inventory: descriptor.inventory,
    namespace: setNamespace(set, contextNamespace),
    prune: descriptor.prune,
    pruneAllow: descriptor.pruneAllow,
    maxDeletions: descriptor.maxDeletions,
    wait: descriptor.wait,
    timeoutMs: descriptor.timeoutMs ?? options.timeoutMs,
  };
}

/** Applies one set with its descriptor's settings and records how it ended on its parent. */
async function applySet(
  client: KubeClient,
  loaded: LoadedSets,
  set: EnvSet,
  read: SetReader,
  options: ApplyAllOptions & Pick<ApplyOptions, 'annotations' | 'accessReviewer'>,
  log: Logger,
): Promise<SetRow<ApplyReport>> {
  const { descriptor } = set;
  const start = Date.now();
  const setLog = prefixedLogger(log, descriptor.inventory);
  const namespace = setNamespace(set, client.contextNamespace);
  const applyOptions = setApplyOptions(loaded, set, options, client.contextNamespace);
  const row = {
    set: descriptor.inventory,
    path: set.path,
    namespace: descriptor.namespace,
  };
  const tree = loaded.trees.trees.get(set.path) ?? '';
  // The time of the record is when the apply ended.
  const outcome = (): { path: string; tree: string; at: string; runUrl: string } => ({
    path: set.path,
    tree,
    at: new Date().toISOString(),
    runUrl: options.runUrl ?? '',
  });
  const parent = { namespace, name: descriptor.inventory };
  try {
    const manifests = await read(set);
    refuseEmptyPrune(manifests.objects.length, applyOptions);
    const report = await applyObjects(
      client,
      manifests.objects,
      applyOptions,
      setLog,
      manifests.sources,
    );
    delete report.requests; // counted for the whole run: the client is shared
    if (!options.dryRun)
      await writeSetRecord(client, parent, { ok: true, commit: loaded.trees.commit, ...outcome() });
    const seconds = (Date.now() - start) / 1000;
    return { ...row, result: 'applied', detail: summaryLine(report), exitCode: 0, seconds, report };
  } catch (error) {
    const reason = messageOf(error);
    setLog.warning(`failed: ${failureDetail(reason)}`);
    if (!options.dryRun)
      await writeSetRecord(client, parent, { ok: false, ...outcome(), reason }).catch(() => false);
    const report = error instanceof ApplyFailure ? error.report : undefined;
    if (report) delete report.requests;
    return {
      ...row,
      result: 'failed',
      detail: failureDetail(reason),
      exitCode: error instanceof FerryError ? error.exitCode : 1,
      seconds: (Date.now() - start) / 1000,
      ...(report ? { report } : {}),
    };
  }
}
