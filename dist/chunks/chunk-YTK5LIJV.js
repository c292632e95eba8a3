import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  isUrlPermission
} from "./chunk-MSUMI4LC.js";
import {
  require_dist
} from "./chunk-7YCPZVIH.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import {
  __toESM
} from "./chunk-JQ6NJE4M.js";

// src/core/rbac-manifests.ts
var import_yaml = __toESM(require_dist(), 1);
var RBAC_API = "rbac.authorization.k8s.io/v1";
var RBAC_GROUP = "rbac.authorization.k8s.io";
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function parseSubject(text, option) {
  const colon = text.indexOf(":");
  const type = colon < 0 ? "" : text.slice(0, colon).toLowerCase();
  const rest = text.slice(colon + 1);
  if (type === "user" || type === "group") {
    if (rest.trim() === "" || rest !== rest.trim() || /[\n\r]/.test(rest))
      throw new ConfigError(`${option}: ${quoteForMessage(text)} names no ${type}`);
    return { kind: type === "user" ? "User" : "Group", name: rest };
  }
  if (type === "serviceaccount") {
    const [namespace = "", name = "", ...extra] = rest.split(":");
    if (extra.length === 0 && DNS_LABEL.test(namespace) && DNS_SUBDOMAIN.test(name))
      return { kind: "ServiceAccount", namespace, name };
  }
  throw new ConfigError(
    `${option}: ${quoteForMessage(text)} is not serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME`
  );
}
function subjectOf(subject) {
  return subject.kind === "ServiceAccount" ? { kind: "ServiceAccount", name: subject.name, namespace: subject.namespace } : { kind: subject.kind, apiGroup: RBAC_GROUP, name: subject.name };
}
function purposesComment(permissions) {
  const byVerb = /* @__PURE__ */ new Map();
  for (const p of permissions) {
    const set = byVerb.get(p.verb) ?? /* @__PURE__ */ new Set();
    for (const purpose of p.purposes) set.add(purpose);
    byVerb.set(p.verb, set);
  }
  return [...byVerb].sort(([a], [b]) => a.localeCompare(b)).map(([verb, purposes]) => `${verb} (${[...purposes].join(", ")})`).join(" \xB7 ");
}
var NOTES = {
  escalate: "escalate: the set holds these roles; creating or changing a role that grants rights this identity does not hold itself needs escalate on it",
  bind: "bind: the set's bindings refer to these roles; binding a role whose rights this identity does not hold itself needs bind on it",
  allNamespaces: "all namespaces: the set has this kind in more than three namespaces, which ferry reads with one LIST across all of them"
};
function resourceRules(permissions) {
  const { group, resource } = permissions[0];
  const unnamed = permissions.filter((p) => p.name === void 0);
  const free = new Set(unnamed.map((p) => p.verb));
  const named = /* @__PURE__ */ new Map();
  for (const p of permissions.filter((x) => x.name !== void 0 && !free.has(x.verb))) {
    named.set(p.verb, [...named.get(p.verb) ?? [], p]);
  }
  const byNames = /* @__PURE__ */ new Map();
  for (const [verb, list] of named) {
    const names = [...new Set(list.map((p) => p.name))].sort();
    const key = names.join("\0");
    const entry = byNames.get(key) ?? { verbs: [], names, of: [] };
    entry.verbs.push(verb);
    entry.of.push(...list);
    byNames.set(key, entry);
  }
  const base = { apiGroups: [group], resources: [resource] };
  const note = (of) => {
    const notes = [
      ...of.filter((p) => p.verb === "escalate" || p.verb === "bind").map((p) => p.verb),
      ...of.some((p) => p.allNamespaces) ? ["allNamespaces"] : []
    ];
    return [...new Set(notes)].map((n) => `
 ${NOTES[n]}`).join("");
  };
  const rules = [];
  if (unnamed.length > 0)
    rules.push({
      rule: { ...base, verbs: [...free].sort() },
      comment: ` ${purposesComment(unnamed)}${note(unnamed)}`
    });
  for (const { verbs, names, of } of [...byNames.values()].sort(
    (a, b) => a.verbs.join().localeCompare(b.verbs.join())
  ))
    rules.push({
      rule: { ...base, resourceNames: names, verbs: verbs.sort() },
      comment: ` ${purposesComment(of)}${note(of)}`
    });
  return rules;
}
function rulesOf(permissions) {
  const urls = permissions.filter(isUrlPermission);
  const byResource = /* @__PURE__ */ new Map();
  for (const p of permissions.filter((x) => !isUrlPermission(x))) {
    const key = `${p.group}\0${p.resource}`;
    byResource.set(key, [...byResource.get(key) ?? [], p]);
  }
  const rules = [...byResource.keys()].sort().flatMap((key) => resourceRules(byResource.get(key)));
  if (urls.length > 0) rules.push(urlRule(urls));
  return rules;
}
function urlRule(urls) {
  return {
    rule: { nonResourceURLs: urls.map((u) => u.url).sort(), verbs: ["get"] },
    comment: " discovery and OpenAPI: the default ClusterRole system:discovery grants these to every authenticated user; listed so this file stands alone"
  };
}
function yamlDocument(object, rules, comment) {
  const doc = new import_yaml.Document(object, { aliasDuplicateObjects: false });
  if (comment) doc.commentBefore = comment;
  const seq = doc.get("rules", true);
  rules.forEach((r, i) => {
    const item = seq?.items[i];
    if (item) item.commentBefore = r.comment;
  });
  (0, import_yaml.visit)(doc, {
    Seq(_, node) {
      if (node.items.every((item) => (0, import_yaml.isScalar)(item))) node.flow = true;
    }
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
function rbacManifests(options) {
  const { name, subject } = options;
  const cluster = options.permissions.filter(
    (p) => isUrlPermission(p) || p.namespace === void 0
  );
  const byNamespace = /* @__PURE__ */ new Map();
  for (const p of options.permissions)
    if (!isUrlPermission(p) && p.namespace !== void 0)
      byNamespace.set(p.namespace, [...byNamespace.get(p.namespace) ?? [], p]);
  const header = options.header.map((line) => line ? ` ${line}` : "").join("\n");
  const documents = [];
  const declared = options.declaredNamespaces.filter((ns) => byNamespace.has(ns)).sort();
  declared.forEach(
    (ns, i) => documents.push(
      yamlDocument(
        { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } },
        [],
        `${i === 0 ? `${header}

` : ""} declared by the set: created here first, so its Role can be applied (ferry's apply takes it over)`
      )
    )
  );
  const binding = (kind, roleKind, namespace) => ({
    apiVersion: RBAC_API,
    kind,
    metadata: { name, ...namespace ? { namespace } : {} },
    roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name },
    subjects: [subjectOf(subject)]
  });
  const clusterRules = rulesOf(cluster);
  documents.push(
    yamlDocument(
      {
        apiVersion: RBAC_API,
        kind: "ClusterRole",
        metadata: { name },
        rules: clusterRules.map((r) => r.rule)
      },
      clusterRules,
      declared.length === 0 ? header : void 0
    ),
    yamlDocument(binding("ClusterRoleBinding", "ClusterRole"), [])
  );
  for (const ns of [...byNamespace.keys()].sort()) {
    const rules = rulesOf(byNamespace.get(ns));
    documents.push(
      yamlDocument(
        {
          apiVersion: RBAC_API,
          kind: "Role",
          metadata: { name, namespace: ns },
          rules: rules.map((r) => r.rule)
        },
        rules
      ),
      yamlDocument(binding("RoleBinding", "Role", ns), [])
    );
  }
  return documents.join("---\n");
}

export {
  parseSubject,
  rbacManifests
};
//# sourceMappingURL=chunk-YTK5LIJV.js.map
