import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  syncDriftIssue,
  syncDriftStatus,
  syncGitLabDriftIssue,
  syncGitLabDriftStatus
} from "./chunk-52NAHF3W.js";
import {
  driftSummary,
  formatDriftMarkdown
} from "./chunk-EYGFGSOX.js";
import {
  PARENT_INFO,
  serverSideApply
} from "./chunk-BXTHLOC5.js";
import "./chunk-RH3J56GQ.js";
import "./chunk-B2GFME57.js";
import {
  DRIFT_FINGERPRINT
} from "./chunk-Q3DQFQCL.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-PVPH2W2K.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-CUU3J5WD.js";
import {
  gitlabError
} from "./chunk-V2ODYXZK.js";
import "./chunk-CUPPHANJ.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-OXN35FGG.js";
import "./chunk-LF67XUXD.js";
import {
  redact,
  redactWebhookUrl
} from "./chunk-L7SMPO5I.js";
import "./chunk-GO67TMYK.js";
import "./chunk-NVVDFPF4.js";
import "./chunk-IAUM7FMS.js";
import "./chunk-AOJ2VT5A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";
import "./chunk-G5OAQKEL.js";
import "./chunk-JQ6NJE4M.js";

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
  if (options.github) {
    const [owner, repo] = options.github.repo.split("/");
    if (!owner || !repo)
      throw new ConfigError(`alert repository "${options.github.repo}" is not owner/name`);
    const client = githubClient({
      token: options.github.token,
      apiUrl: options.github.apiUrl,
      log
    });
    const target = { owner, repo, cluster: options.cluster };
    if (options.github.issue) {
      const issue = await syncDriftIssue(
        client,
        target,
        report,
        formatDriftMarkdown(report, `ferry drift on ${options.cluster}`)
      );
      results.issue = issue.number ? `${issue.outcome} #${issue.number}` : issue.outcome;
    }
    if (options.github.statusSha) {
      results.status = await syncDriftStatus(
        client,
        target,
        options.github.statusSha,
        report,
        options.runUrl
      );
    }
  }
  if (options.gitlab) {
    try {
      Object.assign(results, await sendGitLabAlerts(report, options, log));
    } catch (error) {
      throw gitlabError(error, `sending drift alerts to ${options.gitlab.project}`);
    }
  }
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
async function sendGitLabAlerts(report, options, log) {
  const settings = options.gitlab;
  const project = gitlabReportProject(settings, "alert project", log);
  const results = {};
  if (settings.issue) {
    const markdown = formatDriftMarkdown(report, `ferry drift on ${options.cluster}`);
    const issue = await syncGitLabDriftIssue(project, options.cluster, report, markdown);
    results.issue = issue.number ? `${issue.outcome} #${issue.number}` : issue.outcome;
  }
  if (settings.statusSha) {
    const sha = settings.statusSha;
    results.status = await syncGitLabDriftStatus(
      project,
      options.cluster,
      sha,
      report,
      options.runUrl
    );
  }
  return results;
}
export {
  sendDriftAlerts
};
//# sourceMappingURL=drift-alerts-FO6FQMQZ.js.map
