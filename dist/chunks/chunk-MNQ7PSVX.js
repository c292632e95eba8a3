import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown
} from "./chunk-2KPSBTH6.js";
import {
  countPlan,
  planSummary
} from "./chunk-WXRR63Y3.js";
import {
  WRITE_CONCURRENCY,
  checkKindsKnown,
  isHandEdit,
  validateWrite
} from "./chunk-MIPCBENM.js";
import {
  postClusterStatus,
  postGitLabApplyStatus
} from "./chunk-52NAHF3W.js";
import {
  mapLimit,
  readLiveState,
  readSet,
  refuseDuplicates,
  refuseForeignParent,
  refuseParentClash
} from "./chunk-AK3Y44AA.js";
import {
  discover,
  isJob
} from "./chunk-BXTHLOC5.js";
import {
  KubeClient
} from "./chunk-RH3J56GQ.js";
import {
  driftOf
} from "./chunk-Q3DQFQCL.js";
import {
  forgeError
} from "./chunk-ZM4E25VW.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-CUU3J5WD.js";
import {
  gitlabError
} from "./chunk-V2ODYXZK.js";
import {
  FIELD_MANAGER,
  applySetParent
} from "./chunk-NVVDFPF4.js";
import {
  describeObject
} from "./chunk-IAUM7FMS.js";
import {
  PRUNE_PROTECTED_KINDS
} from "./chunk-AOJ2VT5A.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/adapters/forge/sticky-comment.ts
async function upsertPullRequestComment(client, target, marker, body) {
  const { owner, repo, number } = target;
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100
  });
  const existing = comments.find((c) => (c.body ?? "").includes(marker));
  if (!existing) {
    const created = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: number,
      body
    });
    return { outcome: "created", id: created.data.id, url: created.data.html_url };
  }
  if (existing.body === body)
    return { outcome: "unchanged", id: existing.id, url: existing.html_url };
  const updated = await client.rest.issues.updateComment({
    owner,
    repo,
    comment_id: existing.id,
    body
  });
  return { outcome: "updated", id: updated.data.id, url: updated.data.html_url };
}
async function upsertMergeRequestNote(project, iid, marker, body, mergeRequestUrl) {
  const notes = await project.mergeRequestNotes(iid);
  const existing = notes.find((n) => n.body.includes(marker));
  const url = (id) => mergeRequestUrl ? `${mergeRequestUrl}#note_${id}` : void 0;
  if (!existing) {
    const created = await project.createMergeRequestNote(iid, body);
    return { outcome: "created", id: created.id, url: url(created.id) };
  }
  if (existing.body === body)
    return { outcome: "unchanged", id: existing.id, url: url(existing.id) };
  await project.updateMergeRequestNote(iid, existing.id, body);
  return { outcome: "updated", id: existing.id, url: url(existing.id) };
}

// src/commands/cluster/plan/plan.ts
async function plan(options, log) {
  const set = await readSet(options.dir, options);
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    return await planObjects(client, set.objects, options, log, set.sources);
  } finally {
    client.close();
  }
}
async function planObjects(client, objects, options, log, sources = /* @__PURE__ */ new Map()) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  refuseDuplicates(objects, sources, parent, resources);
  const awaitingCrd = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  refuseParentClash(objects, parent);
  const { desired, inventory, schemas } = await readLiveState(client, resources, parent, objects);
  refuseForeignParent(inventory);
  if (!inventory.parentLive)
    log.info(
      `inventory ${parent.namespace}/${parent.name} does not exist yet: every object is new`
    );
  const planned = awaitingCrd.map((o) => ({
    entry: {
      object: describeObject(o),
      action: "create",
      fields: [],
      note: "not validated: its CRD is not installed yet"
    }
  }));
  let unchanged = 0;
  for (const d of desired) {
    const fields = plannedFields(inventory, schemas, d, options.gitWinsOver ?? []);
    if (!fields) {
      unchanged++;
      continue;
    }
    const action = inventory.liveOf(d.id) ? "change" : "create";
    planned.push({ desired: d, entry: { object: describeObject(d.object), action, fields } });
  }
  await validate(client, planned, inventory, options);
  const entries = [...planned.map((p) => p.entry), ...leftovers(inventory, desired, options)];
  entries.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
  return {
    cluster: options.cluster ?? "default",
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    prune: options.prune ?? false,
    objects: entries,
    counts: countPlan(entries, unchanged),
    requests: Object.fromEntries(client.counts)
  };
}
function plannedFields(inventory, schemas, d, gitWinsOver) {
  if (inventory.ranAndRemoved(d)) return void 0;
  if (!inventory.needsWrite(d, schemas)) return void 0;
  const live = inventory.liveOf(d.id);
  if (!live) return [];
  const schema = schemas.forKind(d.object.apiVersion, d.object.kind);
  const { drift } = driftOf(d.object, live, [], FIELD_MANAGER, schema);
  return (drift?.fields ?? []).map((f) => ({
    path: f.path,
    live: f.live,
    git: f.git,
    manager: f.manager,
    handEdit: isHandEdit(f.manager, gitWinsOver)
  }));
}
async function validate(client, planned, inventory, options) {
  const newNamespaces = new Set(
    planned.filter((p) => p.entry.action === "create" && p.desired?.object.kind === "Namespace").map((p) => p.desired.object.metadata.name)
  );
  const writeOptions = {
    adopt: options.adopt ?? false,
    forceConflicts: options.forceConflicts ?? false,
    gitWinsOver: options.gitWinsOver ?? []
  };
  await mapLimit(planned, WRITE_CONCURRENCY, async ({ desired, entry }) => {
    if (!desired) return;
    if (newNamespaces.has(desired.object.metadata.namespace ?? "")) {
      entry.note = "not validated: its namespace does not exist yet";
      return;
    }
    const replace = inventory.liveOf(desired.id) !== void 0 && isJob(desired.object);
    const check = await validateWrite(client, desired, replace, inventory, writeOptions);
    if (!check.ok) entry.rejected = check.message;
    else if (check.replaced) entry.note = "its template changed: apply deletes and creates it";
  });
}
function leftovers(inventory, desired, options) {
  const ids = new Set(desired.map((d) => d.id));
  const allowed = new Set(options.pruneAllow ?? []);
  return inventory.members.filter((m) => !ids.has(m.id)).map((m) => {
    const object = describeObject(m.object);
    if (!options.prune) return { object, action: "leave", fields: [], note: "no --prune" };
    if (PRUNE_PROTECTED_KINDS.includes(m.object.kind) && !allowed.has(m.object.kind))
      return {
        object,
        action: "leave",
        fields: [],
        note: `${m.object.kind} is only pruned with --prune-allow ${m.object.kind}`
      };
    return { object, action: "prune", fields: [] };
  });
}

// src/commands/publish/plan-publish.ts
function planMarker(report) {
  const where = `${report.cluster}:${report.inventory.namespace}/${report.inventory.name}`;
  return `<!-- ferry-plan:${where.replace(/--/g, "-\u200B-")} -->`;
}
function githubRepo(target) {
  const [owner, repo, extra] = target.repo.split("/");
  if (!owner || !repo || extra !== void 0)
    throw new ConfigError(`repository "${target.repo}" is not owner/name`);
  return { owner, repo };
}
async function postPlanComment(target, options, report, log) {
  const marker = planMarker(report);
  const markdown = formatPlanMarkdown(report, {
    title: `ferry plan for ${report.cluster}`,
    limit: commentLimit(target) - marker.length - 1,
    moreUrl: options.runUrl
  });
  return postStickyComment(target, options, marker, markdown, log);
}
function commentLimit(target) {
  return target.forge === "gitlab" ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT;
}
async function postStickyComment(target, options, marker, markdown, log) {
  const body = `${marker}
${markdown}`;
  let comment;
  if (target.forge === "gitlab") {
    const project = gitlabReportProject(target, "project", log);
    try {
      comment = await upsertMergeRequestNote(
        project,
        options.number,
        marker,
        body,
        options.mergeRequestUrl
      );
    } catch (error) {
      throw gitlabError(error, `posting the plan on merge request !${options.number}`);
    }
  } else {
    const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
    try {
      comment = await upsertPullRequestComment(
        client,
        { ...githubRepo(target), number: options.number },
        marker,
        body
      );
    } catch (error) {
      throw forgeError(error, `posting the plan on pull request #${options.number}`);
    }
  }
  log.info(`plan comment ${comment.outcome}${comment.url ? `: ${comment.url}` : ""}`);
  return comment;
}
async function reportPlanStatus(target, subject, report, error, log) {
  const description = error ? `failed: ${error.message.split("\n")[0]}` : report ? planSummary(report) : "no plan";
  await postPlanStatus(target, subject, !error, description, log);
}
async function postPlanStatus(target, subject, succeeded, description, log) {
  if (target.forge === "gitlab") {
    const project = gitlabReportProject(target, "status project", log);
    try {
      await postGitLabApplyStatus(
        project,
        subject.cluster,
        subject.sha,
        succeeded,
        description,
        subject.runUrl,
        "plan"
      );
    } catch (failure) {
      throw gitlabError(failure, `posting the plan status to ${target.project}`);
    }
  } else {
    const client = githubClient({ token: target.token, apiUrl: target.apiUrl, log });
    await postClusterStatus(
      client,
      { ...githubRepo(target), cluster: subject.cluster },
      subject.sha,
      "plan",
      succeeded,
      description,
      subject.runUrl
    );
  }
  log.info(
    `commit status ferry/plan (${subject.cluster}) on ${subject.sha.slice(0, 12)}: ${succeeded ? "success" : "failure"}`
  );
}
async function planAndPublish(options, publishing, log) {
  const { target, statusSha } = publishing;
  const subject = statusSha && {
    sha: statusSha,
    cluster: options.cluster ?? "default",
    runUrl: publishing.runUrl
  };
  let report;
  try {
    report = await plan(options, log);
  } catch (error) {
    if (target && subject) await reportPlanStatus(target, subject, void 0, error, log);
    throw error;
  }
  const comment = target && publishing.comment ? await postPlanComment(target, publishing.comment, report, log) : void 0;
  if (target && subject) {
    const rejected = report.counts.rejected;
    const error = rejected > 0 ? new Error(`the server rejects ${rejected} object(s)`) : void 0;
    await reportPlanStatus(target, subject, report, error, log);
  }
  return { report, ...comment ? { comment } : {} };
}

export {
  planObjects,
  planMarker,
  postPlanComment,
  commentLimit,
  postStickyComment,
  reportPlanStatus,
  postPlanStatus,
  planAndPublish
};
//# sourceMappingURL=chunk-MNQ7PSVX.js.map
