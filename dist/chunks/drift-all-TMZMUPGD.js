import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  driftCheck
} from "./chunk-3ELPAEUY.js";
import {
  prefixedLogger
} from "./chunk-HYYXLZXP.js";
import {
  setReader
} from "./chunk-42UO3YTW.js";
import {
  loadClusterSets,
  selectSets,
  setNamespace
} from "./chunk-3I6VGBQZ.js";
import {
  countResults,
  failureDetail
} from "./chunk-4RQ5ZEE3.js";
import "./chunk-CLP63NEL.js";
import "./chunk-YHGA4ZUM.js";
import {
  loadSchemas
} from "./chunk-U2UB3TUE.js";
import {
  crdsOf
} from "./chunk-S7UZDVDB.js";
import {
  KubeClient,
  PARENT_INFO,
  discover,
  listObjects
} from "./chunk-WWGWLC6B.js";
import {
  clusterWide,
  sharedListPlan
} from "./chunk-7IX7M2A5.js";
import "./chunk-WUSKFTN5.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-4NID7SJK.js";
import {
  readTextFile
} from "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import {
  parseIgnoreRules
} from "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-ZK6YC5J5.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-PSGNFUS3.js";
import "./chunk-WH76CAUT.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  FerryError,
  messageOf
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/adapters/kube/list-cache.ts
var ListCache = class {
  constructor(client) {
    this.client = client;
  }
  client;
  listed = /* @__PURE__ */ new Map();
  /** Lists `info` in `namespaces`, or cluster-wide with `'*'` (cluster-scoped kinds always). */
  prefetch(info, namespaces) {
    const key = keyOf(info);
    if (this.listed.has(key)) return;
    const everywhere = !info.namespaced || namespaces === "*";
    const items = everywhere ? listObjects(this.client, info, "") : Promise.all([...namespaces].map((ns) => listObjects(this.client, info, "", ns))).then(
      (lists) => lists.flat()
    );
    items.catch(() => void 0);
    this.listed.set(key, { scope: everywhere ? "*" : namespaces, items });
  }
  /** The objects a LIST of `info` (in `namespace`, by `selector`) would return, if listed. */
  lookup(info, selector, namespace) {
    const listed = this.listed.get(keyOf(info));
    const match = matcher(selector);
    if (!listed || !match) return void 0;
    if (listed.scope !== "*" && (namespace === void 0 || !listed.scope.has(namespace)))
      return void 0;
    return listed.items.then(
      (items) => items.filter(
        (o) => (namespace === void 0 || !info.namespaced || o.metadata.namespace === namespace) && match(o)
      )
    );
  }
};
var keyOf = (info) => `${info.group}/${info.kind}`;
function matcher(selector) {
  if (selector === "") return () => true;
  const equality = /^([^=!,\s]+)=([^=!,\s]*)$/.exec(selector);
  if (!equality) return void 0;
  const [, key, value] = equality;
  return (o) => o.metadata.labels?.[key] === value;
}

// src/commands/cluster/sets/drift-all.ts
var CHECK_CONCURRENCY = 8;
async function driftAll(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  const selected = selectSets(loaded, options.sets);
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const rows = await checkSets(client, loaded, selected, { ...options, rules }, log);
    return {
      command: "drift",
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts)
    };
  });
}
async function driftedSets(client, loaded, sets, log, read) {
  if (sets.length === 0) return [];
  const rows = await checkSets(client, loaded, sets, { rules: [] }, log, read);
  return sets.filter((_set, i) => rows[i]?.report !== void 0 && !rows[i].report.clean);
}
async function checkSets(client, loaded, sets, options, log, read = setReader(loaded, options, client.contextNamespace, log)) {
  const [manifestsOf, resources] = await Promise.all([
    Promise.all(sets.map((set) => read(set).catch((error) => error))),
    discover(client)
  ]);
  const objectsOf = manifestsOf.map((m) => m instanceof Error ? m : m.objects);
  const lists = new ListCache(client);
  prefetch(lists, resources, sets, objectsOf, client.contextNamespace);
  const everything = objectsOf.flatMap((objects) => objects instanceof Error ? [] : objects);
  const schemas = await loadSchemas(client, everything, crdsOf(everything));
  const rows = new Array(sets.length);
  let next = 0;
  const worker = async () => {
    while (next < sets.length) {
      const index = next++;
      rows[index] = await checkOne(
        client,
        sets[index],
        manifestsOf[index],
        { ...options, shared: { lists, schemas, resources } },
        log
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, sets.length) }, worker));
  return rows;
}
function prefetch(lists, resources, sets, objectsOf, contextNamespace) {
  const plan = sharedListPlan(
    sets.flatMap((set, i) => {
      const objects = objectsOf[i];
      if (objects === void 0 || objects instanceof Error) return [];
      const namespace = setNamespace(set, contextNamespace);
      return [
        {
          parent: { info: PARENT_INFO, namespace },
          objects: objects.flatMap((o) => {
            const info = resources.find(o.apiVersion, o.kind);
            return info ? [{ info, namespace: o.metadata.namespace ?? namespace }] : [];
          })
        }
      ];
    })
  );
  for (const entry of plan.values())
    lists.prefetch(entry.info, clusterWide(entry) ? "*" : entry.namespaces);
}
async function checkOne(client, set, manifests, options, log) {
  const row = {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace
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
        shared: options.shared
      },
      setLog,
      manifests.sources
    );
    delete report.requests;
    if (options.alerts) {
      const { sendDriftAlerts } = await import("./drift-alerts-DJYNYYXS.js");
      report.alerts = await sendDriftAlerts(report, options.alerts, client, setLog);
    }
    const { drifted, missing, extra } = report.counts;
    const detail = report.clean ? "clean" : `${drifted} drifted, ${missing} missing, ${extra} extra`;
    return { ...row, result: "checked", detail, exitCode: 0, report };
  } catch (error) {
    return {
      ...row,
      result: "failed",
      detail: failureDetail(messageOf(error)),
      exitCode: error instanceof FerryError ? error.exitCode : 1
    };
  }
}
export {
  driftAll,
  driftedSets
};
//# sourceMappingURL=drift-all-TMZMUPGD.js.map
