import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL,
  preflightSets
} from "./chunk-DTRA6CBY.js";
import {
  prefixedLogger
} from "./chunk-HYYXLZXP.js";
import {
  setReader
} from "./chunk-42UO3YTW.js";
import {
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords,
  selectSets,
  setNamespace
} from "./chunk-3I6VGBQZ.js";
import {
  countResults,
  failureDetail,
  formatSetsMarkdown,
  setsSummary,
  worstExitCode
} from "./chunk-4RQ5ZEE3.js";
import {
  commentLimit,
  commentRest,
  planObjects,
  postPlanStatus,
  postStickyComment
} from "./chunk-KR4LM74E.js";
import "./chunk-WNH2HWPH.js";
import {
  formatPlanMarkdown
} from "./chunk-W2D3BDND.js";
import {
  planSummary
} from "./chunk-ODSRZT6V.js";
import "./chunk-NXCK2OS6.js";
import {
  PLAN_USES
} from "./chunk-CLP63NEL.js";
import "./chunk-YHGA4ZUM.js";
import "./chunk-U2UB3TUE.js";
import "./chunk-S7UZDVDB.js";
import {
  KubeClient
} from "./chunk-WWGWLC6B.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-OUNTDO6S.js";
import "./chunk-WUSKFTN5.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ZVU72A6I.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-X4656V3V.js";
import "./chunk-4NID7SJK.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
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
import {
  hiddenMarker,
  inlineCode
} from "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/cluster/sets/plan-all.ts
async function planAll(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  let selected = selectSets(loaded, options.sets);
  if (options.changedSince !== void 0)
    selected = await changedSince(loaded, selected, options.changedSince);
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    if (options.changed) {
      const records = await readSetRecords(client, "plan --all --changed");
      selected = selected.filter(
        (set) => !isApplied(loaded, set, records, client.contextNamespace)
      );
    }
    const read = setReader(loaded, options, client.contextNamespace, log);
    const accessReviewer = options.skipPreflight ? void 0 : await preflightSets(
      client,
      selected,
      {
        read,
        usesOf: () => PLAN_USES,
        records: options.changed ?? false,
        command: "plan --all"
      },
      log
    );
    const rows = [];
    const queue = [...selected];
    const worker = async () => {
      for (let set = queue.shift(); set; set = queue.shift())
        rows.push(await planSet(client, set, read, { ...options, accessReviewer }, log));
    };
    await Promise.all(Array.from({ length: DEFAULT_PARALLEL }, worker));
    const order = new Map(selected.map((set, i) => [set.descriptor.inventory, i]));
    rows.sort((a, b) => (order.get(a.set) ?? 0) - (order.get(b.set) ?? 0));
    return {
      command: "plan",
      cluster: options.cluster,
      commit: loaded.trees.commit,
      dryRun: false,
      sets: rows,
      counts: countResults(rows),
      requests: Object.fromEntries(client.counts)
    };
  });
}
async function planSet(client, set, read, options, log) {
  const row = {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace
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
        cluster: options.cluster
      },
      prefixedLogger(log, set.descriptor.inventory),
      manifests.sources
    );
    delete report.requests;
    const rejected = report.counts.rejected > 0;
    return {
      ...row,
      result: "planned",
      detail: planSummary(report),
      exitCode: rejected ? 1 : 0,
      report
    };
  } catch (error) {
    return {
      ...row,
      result: "failed",
      detail: failureDetail(messageOf(error)),
      exitCode: error instanceof FerryError ? error.exitCode : 1
    };
  }
}

// src/commands/publish/plan-all-publish.ts
function setsPlanMarker(cluster) {
  return hiddenMarker("plan-sets", cluster);
}
function setsPlanComment(report, limit, runUrl) {
  const detail = (r) => formatPlanMarkdown(r, {
    title: inlineCode(`${r.inventory.namespace}/${r.inventory.name}`),
    limit,
    whole: commentRest(runUrl)
  });
  return formatSetsMarkdown(report, detail, { limit, whole: commentRest(runUrl) });
}
async function planAllAndPublish(options, publishing, log) {
  const report = await planAll(options, log);
  const { target } = publishing;
  let comment;
  if (target && publishing.comment) {
    const marker = setsPlanMarker(options.cluster);
    const markdown = setsPlanComment(
      report,
      commentLimit(target) - marker.length - 1,
      publishing.comment.runUrl
    );
    comment = await postStickyComment(target, publishing.comment, marker, markdown, log);
  }
  if (target && publishing.statusSha) {
    const subject = {
      sha: publishing.statusSha,
      cluster: options.cluster,
      runUrl: publishing.runUrl
    };
    const ok = worstExitCode(report.sets) === 0;
    await postPlanStatus(target, subject, ok, setsSummary(report), log);
  }
  return { report, ...comment ? { comment } : {} };
}
export {
  planAllAndPublish,
  setsPlanComment,
  setsPlanMarker
};
//# sourceMappingURL=plan-all-publish-RYYEWKCB.js.map
