import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  nameProblem,
  namespaceProblem
} from "./chunk-I5IJWC2A.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/kube-yaml.ts
var OCTAL = /^[-+]?0[0-7]+$/;
var builtIn = yaml.types;
var coreInt = builtIn.int;
var kubeInt = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data) => data !== null && OCTAL.test(data) || coreInt.resolve(data),
  construct: (data) => {
    if (!OCTAL.test(data)) return coreInt.construct(data);
    const sign = data.startsWith("-") ? -1 : 1;
    return sign * parseInt(data.replace(/^[-+]/, ""), 8);
  },
  predicate: coreInt.predicate ?? void 0,
  represent: coreInt.represent ?? void 0,
  defaultStyle: coreInt.defaultStyle ?? void 0
});
var KUBE_READ_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtIn.null, builtIn.bool, kubeInt, builtIn.float]
});
var YAML11_NOT_STRING = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7]+|[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?)$/;
var yaml11Ambiguous = new yaml.Type("tag:ferry.dev,2026:yaml11-ambiguous", {
  kind: "scalar",
  resolve: (data) => data !== null && YAML11_NOT_STRING.test(data),
  construct: (data) => data
});
var KUBE_WRITE_SCHEMA = KUBE_READ_SCHEMA.extend({ implicit: [yaml11Ambiguous] });
var MAX_EXPANDED_VALUES = 1e6;
function expandedSize(document, sizes = /* @__PURE__ */ new Map()) {
  if (document === null || typeof document !== "object") return 1;
  const known = sizes.get(document);
  if (known !== void 0) return known;
  sizes.set(document, MAX_EXPANDED_VALUES + 1);
  let size = 1;
  for (const child of Object.values(document)) {
    size += expandedSize(child, sizes);
    if (size > MAX_EXPANDED_VALUES) break;
  }
  sizes.set(document, size);
  return size;
}

// src/core/manifest.ts
var ANNOTATION_PREFIX = "ferry.dev/";
function identityOf(object) {
  return `${groupOf(object.apiVersion)}/${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}
function groupOf(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
function describeObject(object) {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ""}${object.metadata.name}`;
}
var NOT_YAML_TEXT = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffc\u{10000}-\u{10ffff}]/u;
function parseDocuments(text, source, rendered = false) {
  try {
    const documents = yaml.loadAll(text, void 0, {
      filename: source,
      schema: KUBE_READ_SCHEMA,
      json: false
    });
    for (const document of documents)
      if (expandedSize(document) > MAX_EXPANDED_VALUES)
        throw new ConfigError(
          `${source}: YAML aliases expand to more than ${MAX_EXPANDED_VALUES} values (an alias bomb?); refused`
        );
    return documents;
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = (error.mark?.line ?? 0) + 1;
      const content = NOT_YAML_TEXT.test(text) ? "" : text.split("\n")[line - 1]?.trim() ?? "";
      throw new ConfigError(
        `${source}:${line}: invalid YAML${rendered ? " after rendering" : ""}: ${error.reason}${content ? ` (at ${JSON.stringify(content.slice(0, 60))})` : ""}`
      );
    }
    throw error;
  }
}
function asKubeObject(document, source, index, item) {
  const where = `${source}: document ${index + 1}${item === void 0 ? "" : `, item ${item + 1}`}`;
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new ConfigError(`${where}: expected a mapping (a Kubernetes object)`);
  }
  const object = document;
  for (const field of ["apiVersion", "kind"]) {
    if (typeof object[field] !== "string" || object[field] === "") {
      throw new ConfigError(`${where}: ${field} is required and must be a string`);
    }
  }
  const metadata = object.metadata;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
    throw new ConfigError(`${where} (${String(object.kind)}): metadata is required`);
  }
  const { name, namespace, annotations } = metadata;
  if (typeof name !== "string" || name === "") {
    throw new ConfigError(
      `${where} (${String(object.kind)}): metadata.name is required and must be a string`
    );
  }
  if (namespace !== void 0 && typeof namespace !== "string") {
    throw new ConfigError(
      `${where} (${String(object.kind)} ${name}): metadata.namespace must be a string`
    );
  }
  const kind = object.kind;
  if (typeof object.sops === "object" && object.sops !== null) return object;
  const nameRule = nameProblem(groupOf(object.apiVersion), kind, name);
  if (nameRule)
    throw new ConfigError(
      `${where} (${kind}): metadata.name ${quoteForMessage(name)} is not a valid ${kind} name (${nameRule})`
    );
  const namespaceRule = namespace ? namespaceProblem(namespace) : void 0;
  if (namespaceRule)
    throw new ConfigError(
      `${where} (${kind} ${name}): metadata.namespace ${quoteForMessage(namespace)} is not a valid namespace (${namespaceRule})`
    );
  if (annotations !== void 0 && annotations !== null) {
    const bad = Object.entries(annotations).find(([, v]) => typeof v !== "string");
    if (typeof annotations !== "object" || bad) {
      throw new ConfigError(
        `${where} (${String(object.kind)} ${name}): metadata.annotations${bad ? `.${bad[0]}` : ""} must be a string (quote it)`
      );
    }
  }
  return object;
}
function documentObjects(document, source, index) {
  const list = document;
  if (typeof list === "object" && list !== null && typeof list.kind === "string" && list.kind.endsWith("List") && Array.isArray(list.items))
    return list.items.map((item, i) => asKubeObject(item, source, index, i));
  return [asKubeObject(document, source, index)];
}
function checkUniqueIdentities(manifests, defaults) {
  const seen = /* @__PURE__ */ new Map();
  for (const { object, source } of manifests) {
    const resolved = defaults ? withDefaultNamespace(object, defaults) : object;
    const id = identityOf(resolved);
    const defaulted = resolved.metadata.namespace !== object.metadata.namespace;
    const first = seen.get(id);
    if (first !== void 0) {
      const how = first.defaulted || defaulted ? ", once its namespace is defaulted" : "";
      throw new ConfigError(
        `${source}: ${describeObject(resolved)} is already defined in ${first.source} (duplicate object identity${how})`
      );
    }
    seen.set(id, { source, defaulted });
  }
}
function withDefaultNamespace(object, defaults) {
  const namespaced = defaults.namespaced(object);
  if (namespaced === void 0) return object;
  const metadata = { ...object.metadata };
  if (!namespaced) delete metadata.namespace;
  else if (metadata.namespace === void 0 && defaults.namespace !== void 0)
    metadata.namespace = defaults.namespace;
  return { ...object, metadata };
}
function withAnnotations(object, annotations) {
  const added = Object.fromEntries(
    Object.entries(annotations).filter(([, value]) => value !== "").map(([key, value]) => [`${ANNOTATION_PREFIX}${key}`, value])
  );
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...object.metadata.annotations ?? {}, ...added }
    }
  };
}
function toYamlDocument(object) {
  return yaml.dump(object, {
    noRefs: true,
    lineWidth: -1,
    quotingType: '"',
    schema: KUBE_WRITE_SCHEMA
  });
}

export {
  KUBE_READ_SCHEMA,
  ANNOTATION_PREFIX,
  identityOf,
  groupOf,
  describeObject,
  parseDocuments,
  asKubeObject,
  documentObjects,
  checkUniqueIdentities,
  withAnnotations,
  toYamlDocument
};
//# sourceMappingURL=chunk-XIPL23AO.js.map
