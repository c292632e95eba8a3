import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  DEFAULT_PARALLEL
} from "./chunk-N7SFDH2O.js";
import {
  commentLimit,
  planObjects,
  postPlanStatus,
  postStickyComment
} from "./chunk-MNQ7PSVX.js";
import {
  formatPlanMarkdown
} from "./chunk-2KPSBTH6.js";
import {
  planSummary
} from "./chunk-WXRR63Y3.js";
import "./chunk-MIPCBENM.js";
import "./chunk-C6VIPLIK.js";
import "./chunk-52NAHF3W.js";
import {
  countResults,
  formatSetsMarkdown,
  setsSummary,
  worstExitCode
} from "./chunk-AK5BGBY3.js";
import {
  prefixedLogger
} from "./chunk-HYYXLZXP.js";
import {
  changedSince,
  isApplied,
  loadClusterSets,
  readSetRecords,
  selectSets,
  setNamespace
} from "./chunk-FVFK7GYP.js";
import {
  readSet
} from "./chunk-AK3Y44AA.js";
import "./chunk-BXTHLOC5.js";
import {
  KubeClient
} from "./chunk-RH3J56GQ.js";
import "./chunk-B2GFME57.js";
import "./chunk-Q3DQFQCL.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZM4E25VW.js";
import "./chunk-CUU3J5WD.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-XBNMCRVW.js";
import "./chunk-OXN35FGG.js";
import "./chunk-LF67XUXD.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  FerryError,
  messageOf
} from "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/cluster/sets/plan-all.ts
import { join } from "node:path";
async function planAll(options, log) {
  const loaded = await loadClusterSets(options.root, options.cluster);
  let selected = selectSets(loaded, options.sets);
  if (options.changedSince !== void 0)
    selected = await changedSince(loaded, selected, options.changedSince);
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    if (options.changed) {
      const records = await readSetRecords(client);
      selected = selected.filter(
        (set) => !isApplied(loaded, set, records, client.contextNamespace)
      );
    }
    const rows = [];
    const queue = [...selected];
    const worker = async () => {
      for (let set = queue.shift(); set; set = queue.shift())
        rows.push(await planSet(client, loaded, set, options, log));
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
  } finally {
    client.close();
  }
}
async function planSet(client, loaded, set, options, log) {
  const row = {
    set: set.descriptor.inventory,
    path: set.path,
    namespace: set.descriptor.namespace
  };
  try {
    const manifests = await readSet(join(loaded.root, set.path), options);
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
      detail: messageOf(error).split("\n")[0] ?? "",
      exitCode: error instanceof FerryError ? error.exitCode : 1
    };
  }
}

// src/commands/publish/plan-all-publish.ts
function setsPlanMarker(cluster) {
  return `<!-- ferry-plan-sets:${cluster.replace(/--/g, "-\u200B-")} -->`;
}
function setsPlanComment(report, limit, runUrl) {
  const detail = (r) => formatPlanMarkdown(r, { title: `${r.inventory.namespace}/${r.inventory.name}` });
  const full = formatSetsMarkdown(report, detail);
  if (full.length <= limit) return full;
  const more = runUrl ? ` The whole plan is in the [job summary](${runUrl}).` : "";
  return `${formatSetsMarkdown(report, () => "")}
Each set's plan is too long for a comment.${more}
`;
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
//# sourceMappingURL=plan-all-publish-7QBZ3GTG.js.map
