import type { Logger } from '../../adapters/logger.js';
import { syncDriftIssue } from '../../adapters/alerts/github.js';
import { syncGitLabDriftIssue } from '../../adapters/alerts/gitlab.js';
import { sendWebhook, webhookBody } from '../../adapters/alerts/webhook.js';
import type { KubeClient } from '../../adapters/kube/client.js';
import { serverSideApply } from '../../adapters/kube/objects.js';
import { ConfigError } from '../../core/errors.js';
import { DRIFT_FINGERPRINT, type DriftReport } from '../../core/drift.js';
import { driftStatusLine, formatDriftMarkdown } from '../../core/drift-report.js';
import { GITHUB_COMMENT_LIMIT, GITLAB_NOTE_LIMIT } from '../../core/fold.js';
import { link } from '../../core/markdown.js';
import { publishClusterStatus } from './commit-status.js';
import type { GitLabReportTarget } from './gitlab-session.js';
import { openReportForge, type ReportTarget } from './report-target.js';
import { PARENT_INFO } from '../cluster/inventory/inventory.js';

export interface AlertOptions {
  /** Names this cluster in status contexts, issue titles and messages. */
  cluster: string;
  github?: {
    token: string;
    apiUrl?: string;
    /** `owner/name` of the environment repository. */
    repo: string;
    issue: boolean;
    /** Env-repo commit to post a status on. */
    statusSha?: string;
  };
  gitlab?: GitLabReportTarget & {
    issue: boolean;
    /** Env-repo commit to post a status on. */
    statusSha?: string;
  };
  webhookUrl?: string;
  runUrl?: string;
}

/** What each configured sink did, for outputs and logs. */
export type AlertResults = Record<string, string>;

/**
 * Sends drift alerts, each only on a change of state: the issue and the status compare with
 * what they show now; the webhook compares with the fingerprint last alerted, kept on the
 * inventory's parent (under a field manager of its own, so apply leaves it alone).
 */
export async function sendDriftAlerts(
  report: DriftReport,
  options: AlertOptions,
  kube: KubeClient,
  log: Logger,
): Promise<AlertResults> {
  const results: AlertResults = {};
  const forge = forgeOf(options);
  if (forge)
    Object.assign(
      results,
      await sendForgeAlerts(report, options.cluster, forge, options.runUrl, log),
    );
  if (options.webhookUrl) {
    if (report.fingerprint === report.previousFingerprint) {
      results.webhook = 'unchanged';
    } else if (report.previousFingerprint === undefined && report.clean) {
      results.webhook = 'none'; // first check, and clean: nothing to say
      await recordFingerprint(kube, report);
    } else {
      await sendWebhook(options.webhookUrl, webhookBody(report, options.cluster, options.runUrl));
      await recordFingerprint(kube, report);
      results.webhook = 'sent';
    }
  }
  for (const [sink, result] of Object.entries(results)) log.info(`alert ${sink}: ${result}`);
  return results;
}

async function recordFingerprint(kube: KubeClient, report: DriftReport): Promise<void> {
  const parent = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: report.inventory.name,
      namespace: report.inventory.namespace,
      annotations: { [DRIFT_FINGERPRINT]: report.fingerprint },
    },
  };
  const outcome = await serverSideApply(kube, PARENT_INFO, parent, {
    dryRun: false,
    force: true,
    fieldManager: 'ferry-drift',
  });
  if (!outcome.ok)
    throw new ConfigError(
      `cannot record the drift state on ${report.inventory.namespace}/${report.inventory.name}: ${outcome.message}`,
    );
}

/** Where the issue and status go, from the GitHub or GitLab settings. */
function forgeOf(
  options: AlertOptions,
): (ReportTarget & { issue: boolean; statusSha?: string }) | undefined {
  if (options.gitlab) return { forge: 'gitlab', ...options.gitlab };
  if (options.github) return { forge: 'github', ...options.github };
  return undefined;
}

/** The drift issue and the `ferry/drift (<cluster>)` status, on GitHub or GitLab. */
async function sendForgeAlerts(
  report: DriftReport,
  cluster: string,
  target: ReportTarget & { issue: boolean; statusSha?: string },
  runUrl: string | undefined,
  log: Logger,
): Promise<AlertResults> {
  const forge = openReportForge(target, 'alert', log);
  const results: AlertResults = {};
  if (target.issue) {
    const limit = forge.forge === 'gitlab' ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT;
    const markdown = formatDriftMarkdown(report, {
      cluster,
      limit,
      whole: runUrl
        ? `the ${link('run', runUrl)} has them all (the \`report\` output or \`ferry-drift.json\`)`
        : 'ferry drift --output json lists them all',
    });
    let issue;
    try {
      issue =
        forge.forge === 'gitlab'
          ? await syncGitLabDriftIssue(forge.project, cluster, report, markdown)
          : await syncDriftIssue(
              forge.client,
              { owner: forge.owner, repo: forge.repo, cluster },
              report,
              markdown,
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
        check: 'drift',
        cluster,
        sha: target.statusSha,
        succeeded: report.clean,
        description: driftStatusLine(report),
        ...(runUrl ? { runUrl } : {}),
      },
      log,
      { onlyOnChange: true },
    );
  }
  return results;
}
