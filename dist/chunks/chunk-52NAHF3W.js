import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  redactSecrets
} from "./chunk-B2GFME57.js";
import {
  statusContexts
} from "./chunk-PVPH2W2K.js";
import {
  shortenAtWord
} from "./chunk-L7SMPO5I.js";

// src/adapters/alerts/github.ts
var LABEL = "ferry-drift";
function driftIssueMarker(cluster, report) {
  return `<!-- ferry-drift:${cluster}/${report.inventory.namespace}/${report.inventory.name} -->`;
}
function fingerprintMarker(fingerprint) {
  return `<!-- ferry-drift-fingerprint:${fingerprint} -->`;
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
async function syncDriftStatus(client, target, sha, report, targetUrl) {
  const context = `ferry/drift (${target.cluster})`;
  const state = report.clean ? "success" : "failure";
  const description = report.clean ? "cluster matches git" : `${report.objects.length} object(s) differ from git`;
  const combined = await client.rest.repos.getCombinedStatusForRef({
    owner: target.owner,
    repo: target.repo,
    ref: sha,
    per_page: 100
  });
  const current = combined.data.statuses.find((s) => s.context === context);
  if (current?.state === state && current.description === description) return "unchanged";
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha,
    state,
    context,
    description,
    ...targetUrl ? { target_url: targetUrl } : {}
  });
  return "posted";
}
async function postApplyStatus(client, target, sha, succeeded, description, targetUrl) {
  await postClusterStatus(client, target, sha, "apply", succeeded, description, targetUrl);
}
var STATUS_DESCRIPTION_MAX = 140;
async function postClusterStatus(client, target, sha, check, succeeded, description, targetUrl) {
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha,
    state: succeeded ? "success" : "failure",
    context: statusContexts(target.cluster)[check],
    description: shortenAtWord(redactSecrets(description), STATUS_DESCRIPTION_MAX),
    ...targetUrl ? { target_url: targetUrl } : {}
  });
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
async function syncGitLabDriftStatus(project, cluster, sha, report, targetUrl) {
  const name = `ferry/drift (${cluster})`;
  const state = report.clean ? "success" : "failed";
  const description = report.clean ? "cluster matches git" : `${report.objects.length} object(s) differ from git`;
  const current = (await project.statuses(sha)).find((status) => status.name === name);
  if (current?.status === state && current.description === description) return "unchanged";
  await project.postStatus(sha, {
    state,
    name,
    description,
    ...targetUrl ? { target_url: targetUrl } : {}
  });
  return "posted";
}
async function postGitLabApplyStatus(project, cluster, sha, succeeded, description, targetUrl, check = "apply") {
  await project.postStatus(sha, {
    state: succeeded ? "success" : "failed",
    name: statusContexts(cluster)[check],
    description: shortenAtWord(redactSecrets(description), 255),
    ...targetUrl && targetUrl.length <= 255 ? { target_url: targetUrl } : {}
  });
}

export {
  syncDriftIssue,
  syncDriftStatus,
  postApplyStatus,
  postClusterStatus,
  syncGitLabDriftIssue,
  syncGitLabDriftStatus,
  postGitLabApplyStatus
};
//# sourceMappingURL=chunk-52NAHF3W.js.map
