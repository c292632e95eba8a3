import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  prefixedLogger
} from "./chunk-HYYXLZXP.js";
import {
  setReader
} from "./chunk-42UO3YTW.js";
import {
  isApplied,
  loadClusterSets,
  readSetRecords,
  recordKey,
  selectSets,
  setNamespace,
  writeSetRecord
} from "./chunk-3I6VGBQZ.js";
import {
  countResults,
  failureDetail
} from "./chunk-4RQ5ZEE3.js";
import {
  applyObjects,
  refuseEmptyPrune
} from "./chunk-NXCK2OS6.js";
import {
  AccessReviewer,
  accessSet,
  applyUses,
  readRecordEntries,
  refuseMissing,
  setObjects
} from "./chunk-CLP63NEL.js";
import {
  requiredSetsAccess
} from "./chunk-YHGA4ZUM.js";
import {
  crdsOf
} from "./chunk-S7UZDVDB.js";
import {
  KubeClient,
  discover
} from "./chunk-WWGWLC6B.js";
import {
  ApplyFailure,
  summaryLine
} from "./chunk-OUNTDO6S.js";
import {
  ancestorsOf
} from "./chunk-CCTWZ5ZG.js";
import {
  applySetParent,
  applyTraceAnnotations
} from "./chunk-M2WY2DRM.js";
import {
  FerryError,
  messageOf
} from "./chunk-PTXPLBH2.js";

// src/commands/cluster/sets/apply-all.ts
import { join } from "node:path";

// src/commands/cluster/sets/schedule.ts
async function runInDependencyOrder(sets, dependencies, parallel, work) {
  const slots = semaphore(Math.max(1, parallel));
  const names = new Set(sets.map((set) => set.descriptor.inventory));
  const runs = /* @__PURE__ */ new Map();
  const runOf = (set) => {
    const name = set.descriptor.inventory;
    let run = runs.get(name);
    if (!run) {
      run = (async () => {
        const before = (dependencies.get(name) ?? []).filter(
          (d) => names.has(d.descriptor.inventory)
        );
        const ended = await Promise.all(before.map(runOf));
        const blocked2 = ended.find((row) => row.result === "failed" || row.result === "skipped");
        if (blocked2)
          return {
            set: name,
            path: set.path,
            namespace: set.descriptor.namespace,
            result: "skipped",
            detail: `its dependency ${blocked2.set} ${blocked2.result === "failed" ? "failed" : "was skipped"}`,
            exitCode: 1
          };
        return slots(() => work(set));
      })();
      runs.set(name, run);
    }
    return run;
  };
  return Promise.all(sets.map(runOf));
}
function semaphore(limit) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= limit) await new Promise((turn) => waiting.push(turn));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

// src/commands/cluster/sets/dependencies.ts
var DEFAULT_DEPENDENCY_TIMEOUT_MS = 30 * 6e4;
var POLL_MS = 5e3;
async function awaitDependencies(client, loaded, dependencies, timeoutMs = DEFAULT_DEPENDENCY_TIMEOUT_MS, log, waiter = void 0) {
  if (dependencies.length === 0) return void 0;
  const deadline = Date.now() + timeoutMs;
  const names = dependencies.map((d) => d.descriptor.inventory).join(", ");
  let said = false;
  for (; ; ) {
    const records = await readSetRecords(client, "apply --set");
    const pending = [];
    for (const dependency of dependencies) {
      const namespace = setNamespace(dependency, client.contextNamespace);
      const { record } = records.get(recordKey(namespace, dependency.descriptor.inventory)) ?? {};
      const tree = loaded.trees.trees.get(dependency.path);
      if (record?.tree === tree) continue;
      if (record?.failed?.tree === tree)
        return blocked(
          waiter,
          `its dependency ${dependency.descriptor.inventory} failed: ${record?.failed?.reason ?? ""}`
        );
      pending.push(dependency.descriptor.inventory);
    }
    if (pending.length === 0) return void 0;
    if (Date.now() >= deadline)
      return blocked(
        waiter,
        `timed out waiting for ${pending.join(", ")} to be applied at this commit`
      );
    if (!said) log.info(`waiting for ${names} to be applied first (another job applies them)`);
    said = true;
    await new Promise(
      (done) => setTimeout(done, Math.min(POLL_MS, Math.max(0, deadline - Date.now())))
    );
  }
}
function blocked(set, detail) {
  return {
    set: set?.descriptor.inventory ?? "",
    path: set?.path ?? "",
    namespace: set?.descriptor.namespace,
    result: "skipped",
    detail,
    exitCode: 1
  };
}

// src/commands/cluster/access/sets-preflight.ts
async function preflightSets(client, sets, options, log) {
  if (sets.length === 0) return void 0;
  const reviewer = new AccessReviewer(client);
  const [resources, manifests] = await Promise.all([
    discover(client),
    Promise.all(
      sets.map(
        (set) => options.read(set).then(
          (read) => read.objects,
          () => void 0
        )
      )
    )
  ]);
  const crds = crdsOf(manifests.flatMap((objects) => objects ?? []));
  const entries = await Promise.all(
    sets.flatMap((set, i) => {
      const objects = manifests[i];
      if (!objects) return [];
      const parent = applySetParent(
        set.descriptor.inventory,
        setNamespace(set, client.contextNamespace)
      );
      const resolved = setObjects(objects, resources, parent, [...objects, ...crds]);
      return [
        readRecordEntries(client, parent).then((record) => ({
          set: accessSet(parent, resolved, resources, record),
          uses: options.usesOf(set)
        }))
      ];
    })
  );
  const needed = requiredSetsAccess(entries, { records: options.records, sharedLists: false });
  const missing = await reviewer.missing(needed);
  await refuseMissing(client, reviewer, missing, options.command, log);
  return reviewer;
}

// src/commands/cluster/sets/apply-all.ts
var DEFAULT_PARALLEL = 4;
async function applyAll(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  const selected = selectSets(loaded, options.sets);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const records = await readSetRecords(client, "apply --all");
    const context = client.contextNamespace;
    const toApply = new Set(
      selected.filter((set) => options.forceAll || !isApplied(loaded, set, records, context))
    );
    const read = setReader(loaded, options, context, log);
    if (options.heal) {
      const { driftedSets } = await import("./drift-all-TMZMUPGD.js");
      const unchanged = selected.filter((set) => !toApply.has(set));
      for (const set of await driftedSets(client, loaded, unchanged, log, read)) toApply.add(set);
    }
    const annotations = applyTraceAnnotations({
      commit: loaded.trees.commit,
      runUrl: options.runUrl ?? ""
    });
    const accessReviewer = options.skipPreflight ? void 0 : await preflightSets(
      client,
      selected.filter((set) => toApply.has(set)),
      {
        read,
        usesOf: (set) => applyUses(setApplyOptions(loaded, set, options, context)),
        records: true,
        command: "apply --all"
      },
      log
    );
    const runSet = (set) => applySet(client, loaded, set, read, { ...options, annotations, accessReviewer }, log);
    const inSelection = new Set(selected.map((set) => set.descriptor.inventory));
    const rows = await runInDependencyOrder(
      selected,
      loaded.dependencies,
      options.parallel ?? DEFAULT_PARALLEL,
      async (set) => {
        if (!toApply.has(set)) return unchangedRow(set);
        const waited = await awaitDependencies(
          client,
          loaded,
          // Through sets outside the selection too: an unchanged set another job does not
          // apply may stand on one it does.
          ancestorsOf(set.descriptor.inventory, loaded.dependencies).filter(
            (d) => !inSelection.has(d.descriptor.inventory)
          ),
          options.dependencyTimeoutMs,
          log,
          set
        );
        return waited ?? runSet(set);
      }
    );
    return {
      command: "apply",
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: options.dryRun ?? false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts)
    };
  });
}
function unchangedRow(set) {
  return {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace,
    result: "unchanged",
    detail: "the cluster runs this folder",
    exitCode: 0
  };
}
function setApplyOptions(loaded, set, options, contextNamespace) {
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
    timeoutMs: descriptor.timeoutMs ?? options.timeoutMs
  };
}
async function applySet(client, loaded, set, read, options, log) {
  const { descriptor } = set;
  const start = Date.now();
  const setLog = prefixedLogger(log, descriptor.inventory);
  const namespace = setNamespace(set, client.contextNamespace);
  const applyOptions = setApplyOptions(loaded, set, options, client.contextNamespace);
  const row = {
    set: descriptor.inventory,
    path: set.path,
    namespace: descriptor.namespace
  };
  const tree = loaded.trees.trees.get(set.path) ?? "";
  const outcome = () => ({
    path: set.path,
    tree,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    runUrl: options.runUrl ?? ""
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
      manifests.sources
    );
    delete report.requests;
    if (!options.dryRun)
      await writeSetRecord(client, parent, { ok: true, commit: loaded.trees.commit, ...outcome() });
    const seconds = (Date.now() - start) / 1e3;
    return { ...row, result: "applied", detail: summaryLine(report), exitCode: 0, seconds, report };
  } catch (error) {
    const reason = messageOf(error);
    setLog.warning(`failed: ${failureDetail(reason)}`);
    if (!options.dryRun)
      await writeSetRecord(client, parent, { ok: false, ...outcome(), reason }).catch(() => false);
    const report = error instanceof ApplyFailure ? error.report : void 0;
    if (report) delete report.requests;
    return {
      ...row,
      result: "failed",
      detail: failureDetail(reason),
      exitCode: error instanceof FerryError ? error.exitCode : 1,
      seconds: (Date.now() - start) / 1e3,
      ...report ? { report } : {}
    };
  }
}

export {
  preflightSets,
  DEFAULT_PARALLEL,
  applyAll
};
//# sourceMappingURL=chunk-DTRA6CBY.js.map
