import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  groupOf
} from "./chunk-XIPL23AO.js";
import {
  nameProblem,
  namespaceProblem,
  parseList
} from "./chunk-I5IJWC2A.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/sops/origin.ts
var ORIGIN = /* @__PURE__ */ Symbol("ferry.sops-origin");
function markDecrypted(object, encrypted, secretPaths) {
  return Object.assign(object, { [ORIGIN]: { encrypted, secretPaths } });
}
function hashSource(object) {
  const origin = object[ORIGIN];
  if (!origin) return object;
  const metadata = object.metadata;
  return { encrypted: origin.encrypted, namespace: metadata?.namespace ?? "" };
}
function fieldsOf(path) {
  return path.flatMap((element) => "field" in element ? [element.field] : []);
}
var startsWith = (long, short) => short.every((key, i) => long[i] === key);
function isSecretField(object, path) {
  const origin = object[ORIGIN];
  if (!origin) return false;
  const fields = fieldsOf(path);
  return origin.secretPaths.some(
    (secret) => startsWith(secret, fields) || startsWith(fields, secret)
  );
}
function withoutValues(path) {
  return path.map(
    (element) => "value" in element ? { value: "(hidden)" } : "key" in element ? { key: Object.fromEntries(Object.keys(element.key).map((k) => [k, "(hidden)"])) } : element
  );
}

// src/core/applyset.ts
import { createHash } from "node:crypto";
var FIELD_MANAGER = "ferry";
var APPLYSET_ID = "applyset.kubernetes.io/id";
var APPLYSET_PART_OF = "applyset.kubernetes.io/part-of";
var APPLYSET_TOOLING = "applyset.kubernetes.io/tooling";
var APPLYSET_GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";
var APPLYSET_NAMESPACES = "applyset.kubernetes.io/additional-namespaces";
var MANIFEST_HASH = "ferry.dev/manifest-hash";
var FERRY_VERSION = "0.1.0";
var TOOLING = `ferry/v${FERRY_VERSION}`;
function applyTraceAnnotations(source) {
  return { [APPLY_TRACE_KEYS[0]]: source.commit, [APPLY_TRACE_KEYS[1]]: source.runUrl };
}
var APPLY_TRACE_KEYS = ["env-commit", "apply-run-url"];
function applySetParent(name, namespace) {
  const nameRule = nameProblem("", "ConfigMap", name);
  if (nameRule)
    throw new ConfigError(`inventory ${quoteForMessage(name)} is not a valid name (${nameRule})`);
  const namespaceRule = namespaceProblem(namespace);
  if (namespaceRule)
    throw new ConfigError(
      `inventory namespace ${quoteForMessage(namespace)} is not a valid namespace (${namespaceRule})`
    );
  const digest = createHash("sha256").update(`${name}.${namespace}.ConfigMap.`).digest("base64url");
  return { name, namespace, id: `applyset-${digest}-v1` };
}
function groupKind(object) {
  const group = groupOf(object.apiVersion);
  return group ? `${object.kind}.${group}` : object.kind;
}
function parseGroupKinds(annotation) {
  return parseList(annotation);
}
function parentObject(parent, groupKinds, namespaces) {
  const others = [...new Set(namespaces)].filter((ns) => ns !== parent.namespace).sort();
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: parent.name,
      namespace: parent.namespace,
      labels: { [APPLYSET_ID]: parent.id },
      annotations: {
        [APPLYSET_TOOLING]: TOOLING,
        [APPLYSET_GROUP_KINDS]: [...new Set(groupKinds)].sort().join(","),
        ...others.length > 0 ? { [APPLYSET_NAMESPACES]: others.join(",") } : {}
      }
    }
  };
}
function manifestHash(object) {
  const canonical = (value) => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value).sort().map((key) => [key, canonical(value[key])])
      );
    }
    return value;
  };
  return createHash("sha256").update(JSON.stringify(canonical(hashSource(object)))).digest("hex").slice(0, 32);
}
function parentProblem(live, parent) {
  const id = live.metadata.labels?.[APPLYSET_ID];
  const tooling = live.metadata.annotations?.[APPLYSET_TOOLING];
  if (id === void 0) return `it has no ${APPLYSET_ID} label`;
  if (id !== parent.id) return `its ${APPLYSET_ID} label is another set's`;
  if (tooling === void 0) return `it has no ${APPLYSET_TOOLING} annotation`;
  if (!tooling.startsWith("ferry/"))
    return `it belongs to ${/^[\w./-]{1,80}$/.test(tooling) ? tooling : JSON.stringify(tooling.slice(0, 80))}, not ferry`;
  return void 0;
}
function asMember(object, parent) {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: {
        ...object.metadata.labels ?? {},
        [APPLYSET_PART_OF]: parent.id
      },
      annotations: {
        ...object.metadata.annotations ?? {},
        [MANIFEST_HASH]: manifestHash(object)
      }
    }
  };
}
function foreignOwner(live, parent, inventoryOf = () => void 0) {
  const labels = live.metadata.labels ?? {};
  const annotations = live.metadata.annotations ?? {};
  const partOf = labels[APPLYSET_PART_OF];
  if (partOf && partOf !== parent.id) {
    const inventory = inventoryOf(partOf);
    return `another ApplySet (${inventory ? `inventory ${inventory}` : partOf})`;
  }
  if (annotations["meta.helm.sh/release-name"])
    return `Helm release ${annotations["meta.helm.sh/release-name"]}`;
  if (labels["kustomize.toolkit.fluxcd.io/name"])
    return `Flux Kustomization ${labels["kustomize.toolkit.fluxcd.io/name"]}`;
  if (labels["helm.toolkit.fluxcd.io/name"])
    return `Flux HelmRelease ${labels["helm.toolkit.fluxcd.io/name"]}`;
  if (annotations["argocd.argoproj.io/tracking-id"] || labels["argocd.argoproj.io/instance"])
    return "Argo CD";
  const managedBy = labels["app.kubernetes.io/managed-by"];
  if (managedBy && !/^ferry$/i.test(managedBy) && !partOf)
    return `${managedBy} (app.kubernetes.io/managed-by)`;
  return void 0;
}

export {
  markDecrypted,
  isSecretField,
  withoutValues,
  FIELD_MANAGER,
  APPLYSET_ID,
  APPLYSET_PART_OF,
  APPLYSET_TOOLING,
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  MANIFEST_HASH,
  FERRY_VERSION,
  applyTraceAnnotations,
  APPLY_TRACE_KEYS,
  applySetParent,
  groupKind,
  parseGroupKinds,
  parentObject,
  manifestHash,
  parentProblem,
  asMember,
  foreignOwner
};
//# sourceMappingURL=chunk-M2WY2DRM.js.map
