import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/adapters/alerts/github.ts
var LABEL = "ferry-drift";
function marker(target, report) {
  return `<!-- ferry-drift:${target.cluster}/${report.inventory.namespace}/${report.inventory.name} -->`;
}
function fingerprintMarker(fingerprint) {
  return `<!-- ferry-drift-fingerprint:${fingerprint} -->`;
}
async function syncDriftIssue(client, target, report, markdown) {
  const key = marker(target, report);
  const open = await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: "open",
    labels: LABEL,
    per_page: 100
  });
  const existing = open.find((issue) => !issue.pull_request && (issue.body ?? "").includes(key));
  const body = `${markdown}
${key}
${fingerprintMarker(report.fingerprint)}
`;
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
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha,
    state: succeeded ? "success" : "failure",
    context: `ferry/apply (${target.cluster})`,
    description: description.slice(0, 140),
    ...targetUrl ? { target_url: targetUrl } : {}
  });
}

export {
  syncDriftIssue,
  syncDriftStatus,
  postApplyStatus
};
//# sourceMappingURL=chunk-VSFBBJU2.js.map
