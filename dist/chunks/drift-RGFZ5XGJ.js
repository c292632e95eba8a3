import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  syncDriftIssue,
  syncDriftStatus,
  syncGitLabDriftIssue,
  syncGitLabDriftStatus
} from "./chunk-JAFDGPBI.js";
import {
  driftSummary,
  formatDriftMarkdown
} from "./chunk-WI7CDD3B.js";
import "./chunk-YZ7SOTKQ.js";
import {
  githubClient,
  gitlabReportProject
} from "./chunk-VSXDL2I2.js";
import {
  gitlabError
} from "./chunk-FAYQYGGE.js";
import "./chunk-L67FNGXX.js";
import {
  FIELD_MANAGER,
  KubeClient,
  PARENT_INFO,
  comparable,
  compareDesired,
  desiredObject,
  discover,
  mapLimit,
  readInventory,
  serverSideApply
} from "./chunk-P6DSASTE.js";
import {
  APPLY_TRACE_KEYS,
  MANIFEST_HASH,
  applySetParent
} from "./chunk-RNM2QU4M.js";
import {
  ANNOTATION_PREFIX,
  describeObject,
  groupOf,
  readManifestDir,
  readTextFile,
  yaml
} from "./chunk-BIWETVOZ.js";
import {
  ConfigError,
  OperationError
} from "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";

// src/commands/drift.ts
import { createHash } from "node:crypto";

// src/core/managed-fields.ts
function pathSegments(path) {
  const segments = [];
  for (const part of path.split("/").slice(1)) {
    const match = /^(.*?)((?:\[[^=\]]+=[^\]]*\])*)$/.exec(part);
    const name = match[1].replace(/~1/g, "/").replace(/~0/g, "~");
    if (name !== "") segments.push(name);
    for (const [, key, value] of match[2].matchAll(/\[([^=\]]+)=([^\]]*)\]/g))
      segments.push({ key, value });
  }
  return segments;
}
function child(node, segment) {
  if (typeof segment === "string") {
    const next = node[`f:${segment}`];
    return typeof next === "object" && next !== null ? next : void 0;
  }
  for (const [name, next] of Object.entries(node)) {
    if (!name.startsWith("k:")) continue;
    try {
      const key = JSON.parse(name.slice(2));
      if (String(key[segment.key]) === segment.value) return next;
    } catch {
    }
  }
  return void 0;
}
function ownsPath(fields, path) {
  let node = fields;
  const segments = pathSegments(path);
  for (const segment of segments) {
    if (!node) return false;
    const next = child(node, segment);
    if (!next) return false;
    if (Object.keys(next).length === 0) return true;
    node = next;
  }
  return node !== void 0;
}
function ownersOf(managedFields, path) {
  return (managedFields ?? []).filter((entry) => entry.manager && ownsPath(entry.fieldsV1, path)).map((entry) => entry.manager);
}
function lastManager(managedFields, except) {
  const entries = (managedFields ?? []).filter(
    (e) => e.manager && e.manager !== except && e.time && !e.subresource
  );
  entries.sort((a, b) => a.time < b.time ? 1 : -1);
  return entries[0]?.manager;
}

// src/core/ignore.ts
function parseIgnoreRules(text, file) {
  let data;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const list = Array.isArray(data) ? data : data?.ignore;
  if (!Array.isArray(list))
    throw new ConfigError(`${file}: expected a list of rules or an "ignore:" list`);
  return list.map((rule, index) => {
    const r = rule;
    if (!r || !Array.isArray(r.paths) || r.paths.some((p) => typeof p !== "string" || !p.startsWith("/"))) {
      throw new ConfigError(
        `${file}: ignore[${index}].paths: expected a list of JSON pointers starting with "/"`
      );
    }
    return { paths: r.paths, ...r.target ? { target: r.target } : {} };
  });
}
function matchesSelector(selector, values) {
  if (!selector) return true;
  const map = values ?? {};
  return selector.split(",").map((s) => s.trim()).filter(Boolean).every((term) => {
    const notEqual = /^([^!=]+)!=(.*)$/.exec(term);
    if (notEqual) return map[notEqual[1].trim()] !== notEqual[2].trim();
    const equal = /^([^!=]+)==?(.*)$/.exec(term);
    if (equal) return map[equal[1].trim()] === equal[2].trim();
    if (term.startsWith("!")) return !(term.slice(1) in map);
    return term in map;
  });
}
function targets(rule, object) {
  const t = rule.target;
  if (!t) return true;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return (t.kind === void 0 || t.kind === object.kind) && (t.name === void 0 || t.name === object.metadata.name) && (t.namespace === void 0 || t.namespace === object.metadata.namespace) && (t.group === void 0 || t.group === (group ?? groupOf(object.apiVersion))) && (t.version === void 0 || t.version === version) && matchesSelector(t.labelSelector, object.metadata.labels) && matchesSelector(t.annotationSelector, object.metadata.annotations);
}
function indexedPointer(live, path) {
  let node = live;
  const parts = [];
  for (const segment of pathSegments(path)) {
    if (typeof segment === "string") {
      parts.push(segment.replace(/~/g, "~0").replace(/\//g, "~1"));
      node = node?.[segment];
    } else {
      const list = Array.isArray(node) ? node : [];
      const index = list.findIndex((item) => String(item?.[segment.key]) === segment.value);
      parts.push(index >= 0 ? String(index) : `[${segment.key}=${segment.value}]`);
      node = list[index];
    }
  }
  return `/${parts.join("/")}`;
}
function covers(rulePath, path) {
  const rule = rulePath.split("/");
  const actual = path.split("/");
  if (rule.length > actual.length) return false;
  return rule.every((part, i) => part === "*" || part === actual[i]);
}
function ignoredBy(rules, live, path) {
  const applicable = rules.filter((rule) => targets(rule, live));
  if (applicable.length === 0) return false;
  const pointer = indexedPointer(live, path);
  return applicable.some((rule) => rule.paths.some((p) => covers(p, path) || covers(p, pointer)));
}

// src/core/drift.ts
var DRIFT_FINGERPRINT = "ferry.dev/drift-fingerprint";
var HIDDEN = "(hidden)";
var HASH_PATH = `/metadata/annotations/${MANIFEST_HASH.replace("/", "~1")}`;
function mask(object, field) {
  if (object.kind !== "Secret" || !/^\/(data|stringData)(\/|$)/.test(field.path)) return field;
  return {
    ...field,
    git: field.git === void 0 ? void 0 : HIDDEN,
    live: field.live === void 0 ? void 0 : HIDDEN
  };
}
function driftOf(desired, live, rules, fieldManager) {
  const name = describeObject(desired);
  if (!live) return { drift: { object: name, kind: "missing", fields: [] }, ignored: 0 };
  const managed = live.metadata.managedFields;
  const expected = comparable(desired);
  const differences = compareDesired(expected, live);
  const ours = managed?.find(
    (entry) => entry.manager === fieldManager && entry.operation === "Apply"
  );
  if (ours?.fieldsV1) differences.push(...removedInGit(ours.fieldsV1, desired, live));
  const reported = differences.filter((d) => d.path !== HASH_PATH);
  let ignored = 0;
  const fields = [];
  for (const difference of reported) {
    if (ignoredBy(rules, live, difference.path)) {
      ignored++;
      continue;
    }
    const owners = ownersOf(managed, difference.path);
    const others = owners.filter((m) => m !== fieldManager);
    const manager = others[0] ?? (owners.length === 0 ? lastManager(managed, fieldManager) : void 0);
    fields.push(
      mask(desired, {
        path: difference.path,
        git: difference.desired,
        live: difference.live,
        ...manager ? { manager } : {}
      })
    );
  }
  return fields.length > 0 ? { drift: { object: name, kind: "drifted", fields }, ignored } : { ignored };
}
var VOLATILE = new Set(APPLY_TRACE_KEYS.map((key) => `f:${ANNOTATION_PREFIX}${key}`));
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function removedInGit(fields, git, live, path = "") {
  const out = [];
  for (const [key, child2] of Object.entries(fields)) {
    const sub = asRecord(child2) ?? {};
    if (key.startsWith("f:")) {
      if (path === "/metadata/annotations" && VOLATILE.has(key)) continue;
      const name = key.slice(2);
      const liveValue = asRecord(live)?.[name];
      const gitValue = asRecord(git)?.[name];
      const childPath = `${path}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (liveValue === void 0) continue;
      if (gitValue === void 0)
        out.push({ path: childPath, desired: void 0, live: liveValue });
      else if (Object.keys(sub).length > 0)
        out.push(...removedInGit(sub, gitValue, liveValue, childPath));
    } else if (key.startsWith("k:") && Array.isArray(live)) {
      let id;
      try {
        id = JSON.parse(key.slice(2));
      } catch {
        continue;
      }
      const matches = (item) => Object.entries(id).every(([k, v]) => asRecord(item)?.[k] === v);
      const matchesGit = (item) => Object.entries(id).every(
        ([k, v]) => asRecord(item)?.[k] === v || asRecord(item)?.[k] === void 0
      ) && Object.entries(id).some(([k, v]) => asRecord(item)?.[k] === v);
      const liveItem = live.find(matches);
      if (liveItem === void 0) continue;
      const gitItem = Array.isArray(git) ? git.find(matchesGit) : void 0;
      const label = "name" in id ? `name=${String(id.name)}` : Object.entries(id).map(([k, v]) => `${k}=${String(v)}`).join(",");
      const itemPath = `${path}[${label}]`;
      if (gitItem === void 0) out.push({ path: itemPath, desired: void 0, live: liveItem });
      else out.push(...removedInGit(sub, gitItem, liveItem, itemPath));
    }
  }
  return out;
}

// src/adapters/alerts/webhook.ts
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/\u2026`;
  } catch {
    return "(invalid URL)";
  }
}
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
    throw new OperationError(`drift webhook ${redactUrl(url)}: ${error.message}`);
  }
  if (!response.ok)
    throw new OperationError(`drift webhook ${redactUrl(url)}: HTTP ${response.status}`);
}

// src/commands/drift-alerts.ts
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

// src/commands/drift.ts
async function drift(options, log) {
  const manifests = await readManifestDir(options.dir);
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  const client = KubeClient.connect(options);
  try {
    const report = await driftCheck(
      client,
      manifests.map((m) => m.object),
      { ...options, rules },
      log
    );
    if (options.alerts) report.alerts = await sendDriftAlerts(report, options.alerts, client, log);
    return report;
  } finally {
    client.close();
  }
}
async function driftCheck(client, objects, options, log) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const desired = objects.filter((o) => !unknown.includes(o)).map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, desired);
  if (!inventory.parentLive)
    log.warning(
      `inventory ${parent.namespace}/${parent.name} does not exist: nothing was applied with it yet`
    );
  const drifted = unknown.map((o) => ({
    object: describeObject(o),
    kind: "missing",
    fields: []
  }));
  let ignored = 0;
  const flagged = [];
  for (const d of desired) {
    const result = driftOf(d.object, inventory.liveOf(d.id), options.rules ?? [], FIELD_MANAGER);
    ignored += result.ignored;
    if (result.drift) flagged.push({ desired: d, drift: result.drift });
  }
  if (options.confirm) {
    await mapLimit(
      flagged.filter((f) => f.drift.kind === "drifted"),
      8,
      async (f) => {
        f.drift.fields = await confirmFields(
          client,
          f.desired,
          inventory.liveOf(f.desired.id),
          f.drift
        );
      }
    );
  }
  drifted.push(
    ...flagged.filter((f) => f.drift.kind !== "drifted" || f.drift.fields.length > 0).map((f) => f.drift)
  );
  const desiredIds = new Set(desired.map((d) => d.id));
  for (const member of inventory.members.filter((m) => !desiredIds.has(m.id))) {
    drifted.push({ object: describeObject(member.object), kind: "extra", fields: [] });
  }
  drifted.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
  const count = (kind) => drifted.filter((d) => d.kind === kind).length;
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    clean: drifted.length === 0,
    objects: drifted,
    counts: {
      checked: objects.length,
      drifted: count("drifted"),
      missing: count("missing"),
      extra: count("extra"),
      ignored
    },
    fingerprint: fingerprintOf(drifted),
    previousFingerprint: inventory.parentLive?.metadata.annotations?.[DRIFT_FINGERPRINT],
    requests: Object.fromEntries(client.counts)
  };
}
async function confirmFields(client, desired, live, drift2) {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true
  });
  if (!outcome.ok)
    throw new ConfigError(`--confirm: dry-run of ${drift2.object} failed: ${outcome.message}`);
  const changes = new Set(compareDesired(outcome.object, live).map((d) => d.path));
  const wouldChange = (path) => [...changes].some(
    (c) => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`) || path.startsWith(`${c}[`)
  );
  return drift2.fields.filter((f) => wouldChange(f.path));
}
function fingerprintOf(objects) {
  if (objects.length === 0) return "clean";
  const shape = objects.map(
    (o) => `${o.kind} ${o.object} ${o.fields.map((f) => `${f.path}=${JSON.stringify(f.live)}`).join(",")}`
  );
  return createHash("sha256").update(shape.join("\n")).digest("hex").slice(0, 16);
}
export {
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=drift-RGFZ5XGJ.js.map
