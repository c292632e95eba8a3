import type { SecretOptions } from '../secrets/open.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import { prefixedLogger, type Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { FerryError, messageOf } from '../../../core/errors.js';
import { planSummary, type PlanReport } from '../../../core/plan.js';
import type { EnvSet } from '../../../core/set-descriptor.js';
import {
  countResults,
  failureDetail,
  type SetRow,
  type SetsReport,
} from '../../../core/sets-report.js';
import { planObjects, type PlanOptions } from '../plan/plan.js';
import { readSetRecords } from './records.js';
import { PLAN_USES } from '../access/preflight.js';
import { preflightSets } from '../access/sets-preflight.js';
import { setReader, type SetReader } from './read.js';
import { DEFAULT_PARALLEL } from './apply-all.js';
import { changedSince, isApplied, loadClusterSets, selectSets, setNamespace } from './load.js';

/** What `ferry plan --all` takes besides each set's descriptor. */
export interface PlanAllOptions
  extends
    SecretOptions,
    Pick<
      PlanOptions,
      | 'forceConflicts'
      | 'gitWinsOver'
      | 'adopt'
      | 'kubeconfig'
      | 'context'
      | 'requestTimeoutMs'
      | 'skipPreflight'
    > {
  root: string;
  /** kustomize and helm for sets that are a kustomization or a chart (the rest: each descriptor). */
  tools?: ToolPaths;
  cluster: string;
  sets?: string[];
  /** Only sets whose folder differs from this revision (a pull request's base). */
  changedSince?: string;
  /** Only sets whose folder differs from what the cluster last applied. */
  changed?: boolean;
}

export type PlanAllReport = SetsReport<PlanReport>;

/**
 * `ferry plan --all`: what applying each set (of those a pull request touches, with
 * `changedSince`) would change on the cluster, set by set, as `apply --all` would apply them.
 */
export async function planAll(options: PlanAllOptions, log: Logger): Promise<PlanAllReport> {
  const loaded = await loadClusterSets(options.root, options.cluster);
  let selected = selectSets(loaded, options.sets);
  if (options.changedSince !== undefined)
    selected = await changedSince(loaded, selected, options.changedSince);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    if (options.changed) {
      const records = await readSetRecords(client, 'plan --all --changed');
      selected = selected.filter(
        (set) => !isApplied(loaded, set, records, client.contextNamespace),
      );
    }
    const read = setReader(loaded, options, client.contextNamespace, log);
    // One check of every set planned, before the first dry-run.
    const accessReviewer = options.skipPreflight
      ? undefined
      : await preflightSets(
          client,
          selected,
          {
            read,
            usesOf: () => PLAN_USES,
            records: options.changed ?? false,
            command: 'plan --all',
          },
          log,
        );
    const rows: SetRow<PlanReport>[] = [];
    const queue = [...selected];
    const worker = async (): Promise<void> => {
      for (let set = queue.shift(); set; set = queue.shift())
        rows.push(await planSet(client, set, read, { ...options, accessReviewer }, log));
    };
    await Promise.all(Array.from({ length: DEFAULT_PARALLEL }, worker));
    const order = new Map(selected.map((set, i) => [set.descriptor.inventory, i]));
    rows.sort((a, b) => (order.get(a.set) ?? 0) - (order.get(b.set) ?? 0));
    return {
      command: 'plan',
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts),
    };
  });
}

async function planSet(
  client: KubeClient,
  set: EnvSet,
  read: SetReader,
  options: PlanAllOptions & Pick<PlanOptions, 'accessReviewer'>,
  log: Logger,
): Promise<SetRow<PlanReport>> {
  const row = {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace,
  };
  try {
    const manifests = await read(set);
    const report = await planObjects(
      client,
      manifests.objects,
      {
        ...options,
        inventory: set.descriptor.inventory,
        namespace: setNamespace(set, client.contextNamespace),
        prune: set.descriptor.prune,
        pruneAllow: set.descriptor.pruneAllow,
        cluster: options.cluster,
      },
      prefixedLogger(log, set.descriptor.inventory),
      manifests.sources,
    );
    delete report.requests;
    const rejected = report.counts.rejected > 0;
    return {
      ...row,
      result: 'planned',
      detail: planSummary(report),
      exitCode: rejected ? 1 : 0,
      report,
    };
  } catch (error) {
    return {
      ...row,
      result: 'failed',
      detail: failureDetail(messageOf(error)),
      exitCode: error instanceof FerryError ? error.exitCode : 1,
    };
  }
}
