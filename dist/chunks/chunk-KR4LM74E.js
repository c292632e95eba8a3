import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  failedDescription,
  openReportForge,
  publishClusterStatus
} from "./chunk-WNH2HWPH.js";
import {
  formatPlanMarkdown
} from "./chunk-W2D3BDND.js";
import {
  countPlan,
  planSummary
} from "./chunk-ODSRZT6V.js";
import {
  NOT_VALIDATED,
  WRITE_CONCURRENCY,
  checkKindsKnown,
  inNamespaceToCreate,
  isHandEdit,
  namespacesToCreate,
  validateWrite
} from "./chunk-NXCK2OS6.js";
import {
  AccessPreflight,
  PLAN_USES
} from "./chunk-CLP63NEL.js";
import {
  readLiveState,
  readSet,
  refuseDuplicates,
  refuseForeignParent,
  refuseParentClash
} from "./chunk-U2UB3TUE.js";
import {
  mapLimit
} from "./chunk-S7UZDVDB.js";
import {
  KubeClient,
  discover,
  isJob
} from "./chunk-WWGWLC6B.js";
import {
  driftOf
} from "./chunk-WUSKFTN5.js";
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT
} from "./chunk-4IAPO6EM.js";
import {
  FIELD_MANAGER,
  applySetParent
} from "./chunk-M2WY2DRM.js";
import {
  describeObject
} from "./chunk-XIPL23AO.js";
import {
  PRUNE_PROTECTED_KINDS
} from "./chunk-I5IJWC2A.js";
import {
  hiddenMarker,
  link
} from "./chunk-JFNBL6FX.js";

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
  const set = await readSet(options.dir, { ...options, log });
  return KubeClient.using(
    { ...options, log: (line) => log.info(line) },
    (client) => planObjects(client, set.objects, options, log, set.sources)
  );
}
async function planObjects(client, objects, options, log, sources = /* @__PURE__ */ new Map()) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  refuseDuplicates(objects, sources, parent, resources);
  const awaitingCrd = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  refuseParentClash(objects, parent);
  const preflight = options.skipPreflight ? void 0 : new AccessPreflight(
    client,
    parent,
    objects,
    resources,
    PLAN_USES,
    "plan",
    log,
    options.accessReviewer
  );
  await preflight?.beforeReads();
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
      note: NOT_VALIDATED.crd
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
    ...f.manager !== void 0 ? { manager: f.manager } : { unattributed: f.unattributed },
    handEdit: isHandEdit(f.manager, gitWinsOver)
  }));
}
async function validate(client, planned, inventory, options) {
  const desired = planned.flatMap((p) => p.desired ? [p.desired] : []);
  const newNamespaces = namespacesToCreate(desired, inventory);
  const writeOptions = {
    adopt: options.adopt ?? false,
    forceConflicts: options.forceConflicts ?? false,
    gitWinsOver: options.gitWinsOver ?? []
  };
  await mapLimit(planned, WRITE_CONCURRENCY, async ({ desired: desired2, entry }) => {
    if (!desired2) return;
    if (inNamespaceToCreate(desired2.object, newNamespaces)) {
      entry.note = NOT_VALIDATED.namespace;
      return;
    }
    const replace = inventory.liveOf(desired2.id) !== void 0 && isJob(desired2.object);
    const check = await validateWrite(client, desired2, replace, inventory, writeOptions);
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
  return hiddenMarker(
    "plan",
    `${report.cluster}:${report.inventory.namespace}/${report.inventory.name}`
  );
}
function commentRest(runUrl) {
  return runUrl ? `the ${link("run", runUrl)} has the rest (its job summary, and its \`report\` output for everything)` : "the job summary has the rest";
}
async function postPlanComment(target, options, report, log) {
  const marker = planMarker(report);
  const markdown = formatPlanMarkdown(report, {
    named: true,
    limit: commentLimit(target) - marker.length - 1,
    whole: commentRest(options.runUrl)
  });
  return postStickyComment(target, options, marker, markdown, log);
}
function commentLimit(target) {
  return target.forge === "gitlab" ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT;
}
async function postStickyComment(target, options, marker, markdown, log) {
  const body = `${marker}
${markdown}`;
  const forge = openReportForge(target, "comment", log);
  let comment;
  try {
    comment = forge.forge === "gitlab" ? await upsertMergeRequestNote(
      forge.project,
      options.number,
      marker,
      body,
      options.mergeRequestUrl
    ) : await upsertPullRequestComment(
      forge.client,
      { owner: forge.owner, repo: forge.repo, number: options.number },
      marker,
      body
    );
  } catch (error) {
    const where = forge.forge === "gitlab" ? "merge request !" : "pull request #";
    throw forge.failure(error, `posting the plan on ${where}${options.number}`);
  }
  log.info(`plan comment ${comment.outcome}${comment.url ? `: ${comment.url}` : ""}`);
  return comment;
}
async function reportPlanStatus(target, subject, report, error, log) {
  const description = error ? failedDescription(error) : report ? planSummary(report) : "no plan";
  await postPlanStatus(target, subject, !error, description, log);
}
async function postPlanStatus(target, subject, succeeded, description, log) {
  const { sha, cluster, runUrl } = subject;
  await publishClusterStatus(
    target,
    { check: "plan", cluster, sha, succeeded, description, ...runUrl ? { runUrl } : {} },
    log
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
  commentRest,
  postPlanComment,
  commentLimit,
  postStickyComment,
  reportPlanStatus,
  postPlanStatus,
  planAndPublish
};
//# sourceMappingURL=chunk-KR4LM74E.js.map
