import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  describePermission,
  isUrlPermission,
  requiredAccess
} from "./chunk-YHGA4ZUM.js";
import {
  crdKinds,
  mapLimit
} from "./chunk-S7UZDVDB.js";
import {
  PARENT_INFO,
  objectPath,
  statusMessage
} from "./chunk-WWGWLC6B.js";
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  parseGroupKinds
} from "./chunk-M2WY2DRM.js";
import {
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/core/access-rules.ts
var has = (list, value) => (list ?? []).some((item) => item === "*" || item === value);
function urlMatches(pattern, url) {
  if (pattern === "*" || pattern === url) return true;
  return pattern.endsWith("*") && url.startsWith(pattern.slice(0, -1));
}
function rulesAllow(rules, permission) {
  if (isUrlPermission(permission))
    return (rules.nonResourceRules ?? []).some(
      (r) => has(r.verbs, permission.verb) && (r.nonResourceURLs ?? []).some((p) => urlMatches(p, permission.url))
    );
  return (rules.resourceRules ?? []).some(
    (r) => has(r.verbs, permission.verb) && has(r.apiGroups, permission.group) && has(r.resources, permission.resource) && (!r.resourceNames?.length || permission.name !== void 0 && r.resourceNames.includes(permission.name))
  );
}

// src/commands/cluster/access/access-review.ts
var REVIEW_CONCURRENCY = 16;
var AUTHORIZATION = "/apis/authorization.k8s.io/v1";
var CLUSTER_SCOPE = "ferry:cluster-scope";
var scopeOf = (p) => !isUrlPermission(p) && p.namespace !== void 0 ? p.namespace : CLUSTER_SCOPE;
var AccessReviewer = class {
  constructor(client) {
    this.client = client;
  }
  client;
  everything;
  rules = /* @__PURE__ */ new Map();
  answers = /* @__PURE__ */ new Map();
  /** Set when the server refused a review itself (HTTP 403/404): nothing can be checked. */
  unavailable;
  /** Whether the run was warned that nothing could be checked (once per run). */
  warned = false;
  /** The permissions not allowed; undefined when the server answers no access reviews. */
  async missing(permissions) {
    const scopes = [...new Set(permissions.map(scopeOf))];
    this.everything ??= this.allowed({ verb: "*", group: "*", resource: "*", purposes: [] });
    const [everything] = await Promise.all([
      this.everything,
      mapLimit(scopes, REVIEW_CONCURRENCY, async (scope) => void await this.rulesIn(scope))
    ]);
    const unsure = [];
    for (const p of permissions) {
      if (everything === true && !isUrlPermission(p)) continue;
      const rules = await this.rulesIn(scopeOf(p));
      if (!rules || !rulesAllow(rules, p)) unsure.push(p);
    }
    const denied = /* @__PURE__ */ new Set();
    await mapLimit(unsure, REVIEW_CONCURRENCY, async (p) => {
      if (await this.allowed(p) === false) denied.add(p);
    });
    if (this.unavailable !== void 0) return void 0;
    return permissions.filter((p) => denied.has(p));
  }
  rulesIn(namespace) {
    let rules = this.rules.get(namespace);
    if (!rules) {
      rules = this.review(
        "selfsubjectrulesreviews",
        "SelfSubjectRulesReview",
        {
          namespace
        }
      ).then((body) => body?.status);
      this.rules.set(namespace, rules);
    }
    return rules;
  }
  allowed(p) {
    const key = JSON.stringify({ ...p, purposes: void 0 });
    let answer = this.answers.get(key);
    if (!answer) {
      const spec = isUrlPermission(p) ? { nonResourceAttributes: { verb: p.verb, path: p.url } } : {
        resourceAttributes: {
          verb: p.verb,
          group: p.group,
          resource: p.resource,
          ...p.namespace !== void 0 ? { namespace: p.namespace } : {},
          ...p.name !== void 0 ? { name: p.name } : {}
        }
      };
      answer = this.review(
        "selfsubjectaccessreviews",
        "SelfSubjectAccessReview",
        spec
      ).then((body) => body ? body.status?.allowed === true : void 0);
      this.answers.set(key, answer);
    }
    return answer;
  }
  /**
   * One review; undefined when the server answers none. Rules are a shortcut only: when they
   * cannot be had, access reviews decide alone; when those cannot be had, `unavailable` says why.
   */
  async review(resource, kind, spec) {
    if (this.unavailable !== void 0) return void 0;
    const shortcut = kind === "SelfSubjectRulesReview";
    const response = await this.client.request({
      verb: "review",
      method: "POST",
      path: `${AUTHORIZATION}/${resource}`,
      body: { apiVersion: "authorization.k8s.io/v1", kind, spec }
    });
    if (response.status === 201 || response.status === 200) return response.body;
    if (shortcut) return void 0;
    if (response.status === 403 || response.status === 404) {
      this.unavailable = `${kind}: HTTP ${response.status}: ${statusMessage(response)}`;
      return void 0;
    }
    throw new OperationError(
      `checking permissions (${kind}) failed: HTTP ${response.status}: ${statusMessage(response)}`
    );
  }
};

// src/commands/cluster/access/scope.ts
function setObjects(objects, resources, parent, crds = objects) {
  const defined = crdKinds(crds);
  return objects.flatMap((object) => {
    const fromCrd = defined.find(
      (k) => k.apiVersion === object.apiVersion && k.kind === object.kind
    );
    const info = resources.find(object.apiVersion, object.kind) ?? (fromCrd?.resource ? { ...fromCrd, resource: fromCrd.resource } : void 0);
    if (!info) return [];
    const metadata = { ...object.metadata };
    if (info.namespaced) metadata.namespace ??= parent.namespace;
    else delete metadata.namespace;
    return [{ info, object: { ...object, metadata } }];
  });
}
async function readRecordEntries(client, parent) {
  const response = await client.request({
    method: "GET",
    path: objectPath(PARENT_INFO, parent.name, parent.namespace)
  });
  if (response.status !== 200) return void 0;
  const annotations = response.body.metadata?.annotations ?? {};
  return {
    kinds: parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]),
    namespaces: parseGroupKinds(annotations[APPLYSET_NAMESPACES])
  };
}
function accessSet(parent, objects, resources, record, inventory) {
  const kinds = inventory?.groupKinds ?? record?.kinds ?? [];
  return {
    parent,
    objects,
    // A recorded kind the cluster no longer serves (its CRD deleted) has nothing left to read.
    recordedKinds: kinds.flatMap((key) => resources.findGroupKind(key) ?? []),
    recordedNamespaces: inventory?.namespaces ?? record?.namespaces ?? [],
    members: (inventory?.members ?? []).map((m) => ({ info: m.info, object: m.object }))
  };
}

// src/commands/cluster/access/preflight.ts
async function whoAmI(client) {
  const response = await client.request({
    verb: "review",
    method: "POST",
    path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
    body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }
  }).catch(() => void 0);
  return response?.status === 201 ? response.body.status?.userInfo?.username : void 0;
}
function applyUses(options) {
  const dryRun = options.dryRun ?? false;
  return {
    validate: true,
    write: !dryRun,
    prune: options.prune ?? false,
    pruneAllow: options.pruneAllow ?? [],
    wait: (options.wait ?? false) && !dryRun,
    drift: false
  };
}
var PLAN_USES = {
  validate: true,
  write: false,
  prune: false,
  pruneAllow: [],
  wait: false,
  drift: false
};
var AccessPreflight = class {
  constructor(client, parent, objects, resources, uses, command, log, reviewer) {
    this.client = client;
    this.parent = parent;
    this.objects = objects;
    this.resources = resources;
    this.uses = uses;
    this.command = command;
    this.log = log;
    this.reviewer = reviewer ?? new AccessReviewer(client);
  }
  client;
  parent;
  objects;
  resources;
  uses;
  command;
  log;
  reviewer;
  record;
  /** Checks what the manifests and the parent's record need; call before reading the set. */
  async beforeReads() {
    const [record] = await Promise.all([
      readRecordEntries(this.client, this.parent),
      this.reviewer.missing(this.needs())
    ]);
    this.record = record;
    await this.check();
  }
  /** Checks what the members read add; call before the first write. */
  async beforeWrites(inventory) {
    await this.check(inventory);
  }
  /** What the run needs, from the manifests, the record (once read) and the members (once read). */
  needs(inventory) {
    const objects = setObjects(this.objects, this.resources, this.parent);
    const set = accessSet(this.parent, objects, this.resources, this.record, inventory);
    return requiredAccess([set], this.uses);
  }
  async check(inventory) {
    const missing = await this.reviewer.missing(this.needs(inventory));
    await refuseMissing(this.client, this.reviewer, missing, this.command, this.log);
  }
};
async function refuseMissing(client, reviewer, missing, command, log) {
  if (missing === void 0) {
    if (reviewer.warned) return;
    reviewer.warned = true;
    log.warning(
      `permissions not checked before writing: the API server answers no access reviews (${reviewer.unavailable})`
    );
    return;
  }
  if (missing.length > 0) throw await missingError(client, missing, command);
}
async function missingError(client, missing, command) {
  const who = await whoAmI(client);
  return new OperationError(
    [
      `${who ?? "this identity"} lacks ${missing.length} permission(s) ${command} needs; nothing was written:`,
      ...missing.map((p) => `  - ${describePermission(p)}`),
      "`ferry rbac` prints the Roles that grant them (docs/credentials.md); --skip-preflight (input skip-preflight: true) skips this check"
    ].join("\n")
  );
}

export {
  AccessReviewer,
  setObjects,
  readRecordEntries,
  accessSet,
  applyUses,
  PLAN_USES,
  AccessPreflight,
  refuseMissing,
  missingError
};
//# sourceMappingURL=chunk-CLP63NEL.js.map
