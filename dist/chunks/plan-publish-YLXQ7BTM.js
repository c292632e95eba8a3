import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  WRITE_CONCURRENCY,
  checkKindsKnown,
  isHandEdit,
  validateWrite
} from "./chunk-MHMYUL66.js";
import {
  postClusterStatus,
  postGitLabApplyStatus
} from "./chunk-XZVG5AY6.js";
import {
  mapLimit,
  readLiveState,
  refuseForeignTooling,
  refuseParentClash
} from "./chunk-3RLU3DTX.js";
import {
  KubeClient,
  PRUNE_PROTECTED_KINDS,
  discover,
  driftOf,
  isJob
} from "./chunk-3HVYEVBG.js";
import "./chunk-WEZ4UF55.js";
import {
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  formatPlanMarkdown
} from "./chunk-FIJIN5I5.js";
import {
  countPlan,
  planSummary
} from "./chunk-2ABTEVHJ.js";
import "./chunk-IBUBWRKG.js";
import "./chunk-PVPH2W2K.js";
import {
  forgeError
} from "./chunk-ZM4E25VW.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-M53YTO2T.js";
import {
  gitlabError
} from "./chunk-IHZBOTKP.js";
import "./chunk-HRWRN4I5.js";
import {
  readManifestDir
} from "./chunk-QCKBONQO.js";
import {
  FIELD_MANAGER,
  applySetParent,
  describeObject
} from "./chunk-2MBPYCZ5.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-PI2UHALL.js";
import "./chunk-J6T2JOXM.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import "./chunk-57EZ2WE2.js";

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
  const manifests = await readManifestDir(options.dir);
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    return await planObjects(
      client,
      manifests.map((m) => m.object),
      options,
      log
    );
  } finally {
    client.close();
  }
}
async function planObjects(client, objects, options, log) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  checkKindsKnown(objects, resources);
  const awaitingCrd = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  refuseParentClash(objects, parent);
  const { desired, inventory, schemas } = await readLiveState(client, resources, parent, objects);
  refuseForeignTooling(inventory);
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
    limit: (target.forge === "gitlab" ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT) - marker.length - 1,
    moreUrl: options.runUrl
  });
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
  const succeeded = !error;
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
  planAndPublish,
  planMarker,
  postPlanComment,
  reportPlanStatus
};
//# sourceMappingURL=plan-publish-YLXQ7BTM.js.map
