import type { Logger } from '../../adapters/logger.js';
import { syncDriftIssue, syncDriftStatus } from '../../adapters/alerts/github.js';
import { syncGitLabDriftIssue, syncGitLabDriftStatus } from '../../adapters/alerts/gitlab.js';
import { sendWebhook, webhookBody } from '../../adapters/alerts/webhook.js';
import { gitlabError } from '../../adapters/forge/gitlab.js';
import { githubClient } from '../../adapters/forge/octokit.js';
import type { KubeClient } from '../../adapters/kube/client.js';
import { serverSideApply } from '../../adapters/kube/objects.js';
import { ConfigError } from '../../core/errors.js';
import { DRIFT_FINGERPRINT, type DriftReport } from '../../core/drift.js';
import { formatDriftMarkdown } from '../../core/drift-report.js';
import { gitlabReportProject, type GitLabReportTarget } from './gitlab-session.js';
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
  if (options.github) {
    const [owner, repo] = options.github.repo.split('/');
    if (!owner || !repo)
      throw new ConfigError(`alert repository "${options.github.repo}" is not owner/name`);
    const client = githubClient({
      token: options.github.token,
      apiUrl: options.github.apiUrl,
      log,
    });
    const target = { owner, repo, cluster: options.cluster };
    if (options.github.issue) {
      const issue = await syncDriftIssue(
        client,
        target,
        report,
        formatDriftMarkdown(report, `ferry drift on ${options.cluster}`),
      );
      results.issue = issue.number ? `${issue.outcome} #${issue.number}` : issue.outcome;
    }
    if (options.github.statusSha) {
      results.status = await syncDriftStatus(
        client,
        target,
        options.github.statusSha,
        report,
        options.runUrl,
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

/** The GitLab issue and commit status (see alerts/gitlab.ts). */
async function sendGitLabAlerts(
  report: DriftReport,
  options: AlertOptions,
  log: Logger,
): Promise<AlertResults> {
  const settings = options.gitlab!;
  const project = gitlabReportProject(settings, 'alert project', log);
  const results: AlertResults = {};
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
      options.runUrl,
    );
  }
  return results;
}
