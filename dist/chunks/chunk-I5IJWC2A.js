import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/duration.ts
var MAX_DURATION = "576h";
var MAX_DURATION_MS = 576 * 36e5;
function parseDuration(text, option) {
  const trimmed = text.trim();
  const parts = /^\d+$/.test(trimmed) ? [[trimmed, trimmed, "s"]] : [...trimmed.matchAll(/(\d+)(h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) {
    throw new ConfigError(`${option}: "${text}" is not a duration (e.g. 90s, 5m, 1h)`);
  }
  const unit = { h: 36e5, m: 6e4, s: 1e3 };
  const ms = parts.reduce((total, [, n, u]) => total + Number(n) * unit[u], 0);
  if (ms > MAX_DURATION_MS)
    throw new ConfigError(
      `${option}: "${text}" is longer than the longest duration ferry takes, ${MAX_DURATION} (24 days)`
    );
  return ms;
}

// src/core/ordering.ts
var PHASES = {
  Namespace: 0,
  CustomResourceDefinition: 0,
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  PriorityClass: 1,
  StorageClass: 1,
  PersistentVolume: 1,
  IngressClass: 1,
  RuntimeClass: 1,
  ServiceAccount: 2,
  Role: 2,
  RoleBinding: 2,
  ConfigMap: 2,
  Secret: 2,
  SealedSecret: 2,
  ExternalSecret: 2,
  ResourceQuota: 2,
  LimitRange: 2,
  PersistentVolumeClaim: 2,
  NetworkPolicy: 2,
  Service: 3,
  Deployment: 4,
  StatefulSet: 4,
  DaemonSet: 4,
  ReplicaSet: 4,
  Job: 4,
  CronJob: 4,
  Pod: 4,
  HorizontalPodAutoscaler: 4,
  PodDisruptionBudget: 4,
  MutatingWebhookConfiguration: 6,
  ValidatingWebhookConfiguration: 6,
  ValidatingAdmissionPolicy: 6,
  ValidatingAdmissionPolicyBinding: 6
};
function phaseOf(object, namespaced) {
  return PHASES[object.kind] ?? (namespaced ? 5 : 1);
}
var PRUNE_PROTECTED_KINDS = [
  "Namespace",
  "CustomResourceDefinition",
  "PersistentVolume",
  "PersistentVolumeClaim"
];

// src/core/object-names.ts
var LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
var DNS_LABEL = new RegExp(`^${LABEL}$`);
var DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
var SPECIAL_RULES = {
  "/Namespace": { rule: "dns-label" },
  "apps/StatefulSet": { rule: "dns-label" },
  "/Service": { rule: "dns-1035-label" },
  // CronJob names leave room for the 11 characters its Jobs' names add.
  "batch/CronJob": { rule: "dns-subdomain", max: 52 },
  "/Event": { rule: "path-segment" },
  "policy/PodDisruptionBudget": { rule: "path-segment" },
  "certificates.k8s.io/CertificateSigningRequest": { rule: "path-segment" },
  "rbac.authorization.k8s.io/Role": { rule: "path-segment" },
  "rbac.authorization.k8s.io/ClusterRole": { rule: "path-segment" },
  "rbac.authorization.k8s.io/RoleBinding": { rule: "path-segment" },
  "rbac.authorization.k8s.io/ClusterRoleBinding": { rule: "path-segment" },
  // `<version>.<group>` and IP addresses: the server checks the rest.
  "apiregistration.k8s.io/APIService": { rule: "path-segment" },
  "networking.k8s.io/IPAddress": { rule: "path-segment" }
};
var SUBDOMAIN_GROUPS = /* @__PURE__ */ new Set([
  "",
  "apps",
  "batch",
  "autoscaling",
  "events.k8s.io",
  "networking.k8s.io",
  "storage.k8s.io",
  "admissionregistration.k8s.io",
  "apiextensions.k8s.io",
  "scheduling.k8s.io",
  "coordination.k8s.io",
  "node.k8s.io",
  "discovery.k8s.io",
  "resource.k8s.io",
  "flowcontrol.apiserver.k8s.io"
]);
function nameRuleOf(group, kind) {
  return SPECIAL_RULES[`${group}/${kind}`] ?? (SUBDOMAIN_GROUPS.has(group) ? { rule: "dns-subdomain" } : { rule: "path-segment" });
}
var RULE_TEXT = {
  "dns-label": (max) => `a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${max} characters`,
  "dns-1035-label": (max) => `a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most ${max} characters`,
  "dns-subdomain": (max) => `a DNS subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most ${max} characters`,
  "path-segment": () => `not empty, "." or "..", and without '/' or '%'`
};
var DEFAULT_MAX = {
  "dns-label": 63,
  "dns-1035-label": 63,
  "dns-subdomain": 253,
  "path-segment": Infinity
};
function ruleProblem(name, rule, max = DEFAULT_MAX[rule]) {
  const ok = name.length <= max && {
    "dns-label": DNS_LABEL,
    "dns-1035-label": DNS_1035_LABEL,
    "dns-subdomain": DNS_SUBDOMAIN,
    "path-segment": /^(?!\.\.?$)[^/%]+$/
  }[rule].test(name);
  return ok ? void 0 : RULE_TEXT[rule](max);
}
function nameProblem(group, kind, name) {
  const { rule, max } = nameRuleOf(group, kind);
  return ruleProblem(name, rule, max);
}
function namespaceProblem(namespace) {
  return ruleProblem(namespace, "dns-label");
}

// src/core/options.ts
var DEFAULT_TIMEOUT = "5m";
var DEFAULT_TIMEOUT_MS = parseDuration(DEFAULT_TIMEOUT, "default timeout");
var AUTO_MERGE_METHODS = ["merge", "squash", "rebase"];
function parseCount(text, option) {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a whole number (0 or more)`);
  return Number(trimmed);
}
function parseDurationOption(text, option) {
  return parseDuration(text, option);
}
function parseBoolean(text, option) {
  const trimmed = text.trim();
  if (["true", "True", "TRUE"].includes(trimmed)) return true;
  if (["false", "False", "FALSE"].includes(trimmed)) return false;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not true or false`);
}
function parseList(text) {
  return (text ?? "").split(",").map((item) => item.trim()).filter(Boolean);
}
function parseChoice(text, choices, option) {
  if (choices.includes(text)) return text;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not one of ${choices.join(", ")}`);
}
function parseInventoryName(text, option) {
  if (nameProblem("", "ConfigMap", text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`
    );
  return text;
}
function parseNamespace(text, option) {
  const problem = namespaceProblem(text);
  if (problem)
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid namespace (${problem})`
    );
  return text;
}
function parseClusterName(text, option) {
  if (text === "" || text.length > 100 || /[\x00-\x1f\x7f]/.test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid cluster name (1 to 100 characters, no control characters)`
    );
  return text;
}
function parsePruneAllow(text, option) {
  const kinds = parseList(text);
  const unknown = kinds.find((kind) => !PRUNE_PROTECTED_KINDS.includes(kind));
  if (unknown !== void 0)
    throw new ConfigError(
      `${option}: ${quoteForMessage(unknown)} is not a protected kind (one of ${PRUNE_PROTECTED_KINDS.join(", ")})`
    );
  return kinds;
}
function parseKubeVersion(text, option) {
  if (!/^v?\d+\.\d+(\.\d+)?$/.test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a Kubernetes version (such as 1.34 or v1.34.2)`
    );
  return text;
}

export {
  nameProblem,
  namespaceProblem,
  parseDuration,
  phaseOf,
  PRUNE_PROTECTED_KINDS,
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  AUTO_MERGE_METHODS,
  parseCount,
  parseDurationOption,
  parseBoolean,
  parseList,
  parseChoice,
  parseInventoryName,
  parseNamespace,
  parseClusterName,
  parsePruneAllow,
  parseKubeVersion
};
//# sourceMappingURL=chunk-I5IJWC2A.js.map
