import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  openReportForge,
  publishClusterStatus
} from "./chunk-WNH2HWPH.js";
import {
  PARENT_INFO,
  serverSideApply
} from "./chunk-WWGWLC6B.js";
import "./chunk-7IX7M2A5.js";
import {
  DRIFT_FINGERPRINT
} from "./chunk-WUSKFTN5.js";
import {
  driftStatusLine,
  driftSummary,
  formatDriftMarkdown
} from "./chunk-QVZOYJEU.js";
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT
} from "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-PVPH2W2K.js";
import "./chunk-ZVU72A6I.js";
import "./chunk-V2ODYXZK.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-G6P74QM5.js";
import "./chunk-X4656V3V.js";
import "./chunk-FLLOJKTZ.js";
import {
  redact,
  redactWebhookUrl
} from "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import {
  hiddenMarker,
  link
} from "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/adapters/alerts/github.ts
var LABEL = "ferry-drift";
function driftIssueMarker(cluster, report) {
  return hiddenMarker("drift", `${cluster}/${report.inventory.namespace}/${report.inventory.name}`);
}
function fingerprintMarker(fingerprint) {
  return hiddenMarker("drift-fingerprint", fingerprint);
}
function driftIssueBody(cluster, report, markdown) {
  return `${markdown}
${driftIssueMarker(cluster, report)}
${fingerprintMarker(report.fingerprint)}
`;
}
async function syncDriftIssue(client, target, report, markdown) {
  const key = driftIssueMarker(target.cluster, report);
  const open = await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: "open",
    labels: LABEL,
    per_page: 100
  });
  const existing = open.find((issue) => !issue.pull_request && (issue.body ?? "").includes(key));
  const body = driftIssueBody(target.cluster, report, markdown);
  const title = `Drift: ${report.inventory.name} on ${target.cluster}`;
  if (report.clean) {
    if (!existing) return { outcome: "none" };
    await client.rest.issues.update({
      owner: target.owner,
      repo: target.repo,
      issue_number: existing.number,
      state: "closed",
      state_reason: "completed",
      body
    });
    return { outcome: "closed", number: existing.number };
  }
  if (!existing) {
    const created = await client.rest.issues.create({
      owner: target.owner,
      repo: target.repo,
      title,
      body,
      labels: [LABEL]
    });
    return { outcome: "opened", number: created.data.number };
  }
  if ((existing.body ?? "").includes(fingerprintMarker(report.fingerprint)))
    return { outcome: "unchanged", number: existing.number };
  await client.rest.issues.update({
    owner: target.owner,
    repo: target.repo,
    issue_number: existing.number,
    title,
    body
  });
  return { outcome: "updated", number: existing.number };
}

// src/adapters/alerts/gitlab.ts
var LABEL2 = "ferry-drift";
async function syncGitLabDriftIssue(project, cluster, report, markdown) {
  const key = driftIssueMarker(cluster, report);
  const open = await project.openIssues(LABEL2);
  const existing = open.find((issue) => issue.description.includes(key));
  const description = driftIssueBody(cluster, report, markdown);
  const title = `Drift: ${report.inventory.name} on ${cluster}`;
  if (report.clean) {
    if (!existing) return { outcome: "none" };
    await project.updateIssue(existing.iid, { description, state_event: "close" });
    return { outcome: "closed", number: existing.iid };
  }
  if (!existing) {
    const created = await project.createIssue({ title, description, labels: LABEL2 });
    return { outcome: "opened", number: created.iid };
  }
  if (existing.description.includes(fingerprintMarker(report.fingerprint)))
    return { outcome: "unchanged", number: existing.iid };
  await project.updateIssue(existing.iid, { title, description });
  return { outcome: "updated", number: existing.iid };
}

// src/adapters/alerts/webhook.ts
function webhookBody(report, cluster, runUrl) {
  const headline = `${report.clean ? ":white_check_mark:" : ":warning:"} ferry drift on ${cluster} (${report.inventory.namespace}/${report.inventory.name}): ${driftSummary(report)}`;
  const lines = report.objects.slice(0, 20).map(
    (o) => `\u2022 ${o.object}: ${o.kind}${o.fields.length ? ` (${o.fields.map((f) => f.path).join(", ")})` : ""}`
  );
  const text = [
    headline,
    ...lines,
    ...report.objects.length > 20 ? [`\u2026and ${report.objects.length - 20} more`] : [],
    ...runUrl ? [runUrl] : []
  ].join("\n");
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
async function sendWebhook(url, body) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15e3)
    });
  } catch (error) {
    const reason = redact(error.message, [url]);
    throw new OperationError(`drift webhook ${redactWebhookUrl(url)}: ${reason}`);
  }
  if (!response.ok)
    throw new OperationError(`drift webhook ${redactWebhookUrl(url)}: HTTP ${response.status}`);
}

// src/commands/publish/drift-alerts.ts
async function sendDriftAlerts(report, options, kube, log) {
  const results = {};
  const forge = forgeOf(options);
  if (forge)
    Object.assign(
      results,
      await sendForgeAlerts(report, options.cluster, forge, options.runUrl, log)
    );
  if (options.webhookUrl) {
    if (report.fingerprint === report.previousFingerprint) {
      results.webhook = "unchanged";
    } else if (report.previousFingerprint === void 0 && report.clean) {
      results.webhook = "none";
      await recordFingerprint(kube, report);
    } else {
      await sendWebhook(options.webhookUrl, webhookBody(report, options.cluster, options.runUrl));
      await recordFingerprint(kube, report);
      results.webhook = "sent";
    }
  }
  for (const [sink, result] of Object.entries(results)) log.info(`alert ${sink}: ${result}`);
  return results;
}
async function recordFingerprint(kube, report) {
  const parent = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: report.inventory.name,
      namespace: report.inventory.namespace,
      annotations: { [DRIFT_FINGERPRINT]: report.fingerprint }
    }
  };
  const outcome = await serverSideApply(kube, PARENT_INFO, parent, {
    dryRun: false,
    force: true,
    fieldManager: "ferry-drift"
  });
  if (!outcome.ok)
    throw new ConfigError(
      `cannot record the drift state on ${report.inventory.namespace}/${report.inventory.name}: ${outcome.message}`
    );
}
function forgeOf(options) {
  if (options.gitlab) return { forge: "gitlab", ...options.gitlab };
  if (options.github) return { forge: "github", ...options.github };
  return void 0;
}
async function sendForgeAlerts(report, cluster, target, runUrl, log) {
  const forge = openReportForge(target, "alert", log);
  const results = {};
  if (target.issue) {
    const limit = forge.forge === "gitlab" ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT;
    const markdown = formatDriftMarkdown(report, {
      cluster,
      limit,
      whole: runUrl ? `the ${link("run", runUrl)} has them all (the \`report\` output or \`ferry-drift.json\`)` : "ferry drift --output json lists them all"
    });
    let issue;
    try {
      issue = forge.forge === "gitlab" ? await syncGitLabDriftIssue(forge.project, cluster, report, markdown) : await syncDriftIssue(
        forge.client,
        { owner: forge.owner, repo: forge.repo, cluster },
        report,
        markdown
      );
    } catch (error) {
      throw forge.failure(error, `sending the drift issue to ${forge.name}`);
    }
    results.issue = issue.number ? `${issue.outcome} #${issue.number}` : issue.outcome;
  }
  if (target.statusSha) {
    results.status = await publishClusterStatus(
      forge,
      {
        check: "drift",
        cluster,
        sha: target.statusSha,
        succeeded: report.clean,
        description: driftStatusLine(report),
        ...runUrl ? { runUrl } : {}
      },
      log,
      { onlyOnChange: true }
    );
  }
  return results;
}
export {
  sendDriftAlerts
};
//# sourceMappingURL=drift-alerts-DJYNYYXS.js.map
