import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkSchema,
  compileSchema,
  locate,
  parseYamlSource
} from "./chunk-BJ67KAAS.js";
import {
  parseDuration
} from "./chunk-I5IJWC2A.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// schema/ferry-set.schema.json
var ferry_set_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/ferry-gitops/ferry/schema/ferry-set.schema.json",
  title: ".ferry-set.yaml",
  description: "Describes one set of the environment repository: the folder holding this file is applied as one inventory (a kubectl ApplySet). ferry propose, promote and rollback write it for an app's folder; folders written by hand (CRDs, operators) get one by hand.",
  type: "object",
  additionalProperties: false,
  required: ["inventory"],
  properties: {
    $schema: {
      type: "string"
    },
    inventory: {
      type: "string",
      maxLength: 253,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
      "x-error": "expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)",
      description: "Inventory (ApplySet) name: the ConfigMap that records the set, and the name other sets use in dependsOn. Unique among the sets of a cluster."
    },
    namespace: {
      type: "string",
      pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
      "x-error": "expected a DNS-1123 label",
      description: "Namespace for objects that name none, and for the inventory record. Default: the kubeconfig context's."
    },
    clusters: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: {
        type: "string",
        minLength: 1,
        maxLength: 100,
        pattern: "^[^\\u0000-\\u001f\\u007f]+$",
        "x-error": "expected a cluster name (1 to 100 characters, no control characters)"
      },
      description: "Clusters this set is applied to, as ferry's --cluster names them. Default: every cluster."
    },
    dependsOn: {
      type: "array",
      uniqueItems: true,
      items: {
        type: "string",
        maxLength: 253,
        pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
        "x-error": "expected an inventory name"
      },
      default: [],
      description: "Inventories of the same cluster that are applied, and ready, before this one (CRDs before the operator, the operator before its custom resources)."
    },
    prune: {
      type: "boolean",
      default: false,
      description: "Delete what was removed from the folder (after the apply and rollout succeeded)."
    },
    pruneAllow: {
      type: "array",
      uniqueItems: true,
      items: {
        enum: [
          "Namespace",
          "CustomResourceDefinition",
          "PersistentVolume",
          "PersistentVolumeClaim"
        ]
      },
      default: [],
      description: "Protected kinds prune may delete."
    },
    maxDeletions: {
      type: "integer",
      minimum: 0,
      description: "Abort before pruning more than this many objects."
    },
    wait: {
      type: "boolean",
      default: false,
      description: "Wait for rollouts to complete before the set counts as applied (and before its dependents start)."
    },
    timeout: {
      type: "string",
      minLength: 1,
      description: "How long wait waits (e.g. 90s, 5m, 1h). Default: 5m."
    },
    helm: {
      type: "object",
      additionalProperties: false,
      description: "For a folder holding a Helm chart (Chart.yaml): how it is templated. Its values.yaml is always read first.",
      properties: {
        valuesFiles: {
          $ref: "ferry.schema.json#/definitions/environment/properties/valuesFiles"
        },
        releaseName: {
          $ref: "ferry.schema.json#/definitions/helm/properties/releaseName"
        },
        kubeVersion: {
          $ref: "ferry.schema.json#/definitions/environment/properties/kubeVersion"
        },
        apiVersions: {
          $ref: "ferry.schema.json#/definitions/environment/properties/apiVersions"
        }
      }
    },
    allowRemote: {
      $ref: "ferry.schema.json#/properties/allowRemote"
    },
    hooks: {
      $ref: "ferry.schema.json#/properties/hooks"
    },
    volatile: {
      $ref: "ferry.schema.json#/properties/volatile"
    }
  }
};

// schema/ferry.schema.json
var ferry_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/ferry-gitops/ferry/schema/ferry.schema.json",
  title: "ferry.yaml",
  description: "Describes one application for ferry: its image, how its manifests are made (Handlebars templates, a Kustomize overlay or a Helm chart) and the environments it deploys to.",
  type: "object",
  additionalProperties: false,
  required: ["app", "image", "environments"],
  properties: {
    $schema: {
      type: "string"
    },
    app: {
      type: "string",
      description: "Application name: lowercase letters, digits and '-' (a DNS-1123 label).",
      pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
      "x-error": "expected a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)"
    },
    image: {
      type: "string",
      description: "Image repository without tag or digest, e.g. registry.example.com/acme/guestbook.",
      minLength: 1
    },
    templates: {
      type: "string",
      description: "Folder of Handlebars YAML templates, relative to this file. Give exactly one of templates, kustomize and helm.",
      minLength: 1
    },
    kustomize: {
      type: "string",
      minLength: 1,
      description: "Folder of the Kustomize overlay to build, relative to this file; `{env}` is replaced by the environment's name (e.g. overlays/{env}). ferry sets the image as `kustomize edit set image` does, in a scratch copy."
    },
    helm: {
      $ref: "#/definitions/helm"
    },
    allowRemote: {
      type: "boolean",
      default: false,
      description: "Let kustomize fetch remote resources (URLs, git) and helm use remote charts or dependencies not vendored in the chart's charts/ folder. Off by default: builds are offline and reproducible."
    },
    hooks: {
      enum: ["refuse", "skip"],
      default: "refuse",
      description: "Objects annotated helm.sh/hook: refused (default), or skipped (left out of the output). ferry applies plain objects and cannot run hooks in their phase."
    },
    volatile: {
      type: "array",
      description: "Fields allowed to differ between the two renders ferry compares (JSON pointers, optionally for selected objects): the first render's value is used.",
      items: {
        $ref: "#/definitions/volatileRule"
      }
    },
    environments: {
      type: "object",
      description: "Environments by name.",
      minProperties: 1,
      propertyNames: {
        pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
      },
      additionalProperties: {
        $ref: "#/definitions/environment"
      }
    }
  },
  definitions: {
    environment: {
      type: "object",
      additionalProperties: false,
      required: ["repo", "path"],
      properties: {
        repo: {
          type: "string",
          minLength: 1,
          description: "Environment repository: GitHub owner/name, GitLab group/project, a git URL, or a local path."
        },
        forge: {
          enum: ["github", "gitlab", "git"],
          description: "How changes are proposed: github or gitlab pull/merge requests, or plain git push. Inferred when omitted."
        },
        branch: {
          type: "string",
          minLength: 1,
          default: "main",
          description: "Branch of the environment repository that the cluster follows."
        },
        path: {
          type: "string",
          minLength: 1,
          description: "Folder in the environment repository that ferry owns for this app and environment, replaced wholesale by every proposal: relative, inside the repository, and in no dot-folder (.git, .github, .gitlab, .ferry)."
        },
        secrets: {
          type: "string",
          minLength: 1,
          pattern: "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$",
          "x-error": "expected a relative path inside the repository (no leading '/', no '.' or '..' parts)",
          description: "Folder, relative to ferry.yaml, of SOPS-encrypted manifests for this environment only: rendered through verbatim, never templated or decrypted."
        },
        namespace: {
          type: "string",
          pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
          "x-error": "expected a DNS-1123 label",
          description: "Kubernetes namespace; templates see it as `namespace`."
        },
        inventory: {
          type: "string",
          maxLength: 253,
          pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
          "x-error": "expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)",
          description: "Inventory (ApplySet) name of this environment's set, written to the .ferry-set.yaml ferry proposes beside the rendered files; other sets name it in dependsOn. Default: <app>-<environment>."
        },
        clusters: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: {
            type: "string",
            minLength: 1,
            maxLength: 100,
            pattern: "^[^\\u0000-\\u001f\\u007f]+$",
            "x-error": "expected a cluster name (1 to 100 characters, no control characters)"
          },
          description: "Clusters this environment's set is applied to by ferry apply --all, as --cluster names them. Default: every cluster."
        },
        dependsOn: {
          type: "array",
          uniqueItems: true,
          items: {
            type: "string",
            maxLength: 253,
            pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            "x-error": "expected an inventory name"
          },
          default: [],
          description: "Inventories (sets of the environment repository) that ferry apply --all applies, and waits for, before this environment's set: CRDs and operators the app needs."
        },
        promoteFrom: {
          type: "string",
          description: "Environment this one is promoted from."
        },
        values: {
          type: "object",
          description: "Values the templates see as `values`; for a Helm chart, values given to helm (after valuesFiles).",
          default: {}
        },
        valuesFiles: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          },
          description: "Helm values files, relative to this file, in order (after the chart's values.yaml, before values)."
        },
        kubeVersion: {
          type: "string",
          pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$",
          "x-error": "expected a Kubernetes version such as 1.34 or v1.34.2",
          description: "Kubernetes version of the environment's cluster, for Helm's .Capabilities (helm --kube-version)."
        },
        apiVersions: {
          type: "array",
          items: {
            type: "string",
            minLength: 1
          },
          description: "API versions the cluster serves, for Helm's .Capabilities.APIVersions (helm --api-versions), e.g. monitoring.coreos.com/v1."
        }
      }
    },
    helm: {
      type: "object",
      additionalProperties: false,
      required: ["chart", "imageValue"],
      properties: {
        chart: {
          type: "string",
          minLength: 1,
          description: "The chart: a folder relative to this file (its dependencies vendored in charts/), or with allowRemote an oci:// or repository reference."
        },
        version: {
          type: "string",
          minLength: 1,
          description: "Chart version, for a remote chart (helm's --version)."
        },
        imageValue: {
          type: "string",
          pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$",
          "x-error": "expected a dotted values path such as image.tag",
          description: "Values path that receives the image tag (with a digest: tag@digest), e.g. image.tag."
        },
        imageRepositoryValue: {
          type: "string",
          pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$",
          "x-error": "expected a dotted values path such as image.repository",
          description: "Values path that receives the image repository (`image:`), e.g. image.repository."
        },
        releaseName: {
          type: "string",
          pattern: "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$",
          "x-error": "expected a Helm release name (lowercase letters, digits and '-', at most 53 characters)",
          description: "Release name helm templates see (default: the app)."
        }
      }
    },
    volatileRule: {
      type: "object",
      additionalProperties: false,
      required: ["paths"],
      properties: {
        paths: {
          type: "array",
          minItems: 1,
          items: {
            type: "string",
            pattern: "^/",
            "x-error": "expected a JSON pointer starting with /"
          }
        },
        target: {
          type: "object",
          additionalProperties: false,
          properties: {
            group: {
              type: "string"
            },
            version: {
              type: "string"
            },
            kind: {
              type: "string"
            },
            name: {
              type: "string"
            },
            namespace: {
              type: "string"
            },
            labelSelector: {
              type: "string"
            },
            annotationSelector: {
              type: "string"
            }
          }
        }
      }
    }
  }
};

// src/core/set-descriptor.ts
var SET_DESCRIPTOR = ".ferry-set.yaml";
var compiled;
function validator() {
  compiled ??= compileSchema(ferry_set_schema_default, { useDefaults: true, refs: [ferry_schema_default] });
  return compiled;
}
function parseSetDescriptor(text, file) {
  const { data, doc, lines } = parseYamlSource(text, file);
  checkSchema(validator(), data, { doc, lines }, file);
  const lineOf = (path) => locate(doc, lines, path);
  if (data === null || typeof data !== "object")
    throw new ConfigError(`${file}:1: expected a mapping with at least inventory`);
  const raw = data;
  let timeoutMs;
  if (raw.timeout !== void 0) {
    const at = `${file}:${lineOf(["timeout"])}: timeout`;
    timeoutMs = parseDuration(raw.timeout, at);
  }
  return {
    descriptor: {
      inventory: raw.inventory,
      namespace: raw.namespace,
      clusters: raw.clusters,
      dependsOn: raw.dependsOn,
      prune: raw.prune,
      pruneAllow: raw.pruneAllow,
      maxDeletions: raw.maxDeletions,
      wait: raw.wait,
      timeoutMs,
      build: {
        ...raw.helm,
        ...raw.allowRemote !== void 0 ? { allowRemote: raw.allowRemote } : {},
        ...raw.hooks !== void 0 ? { hooks: raw.hooks } : {},
        ...raw.volatile !== void 0 ? { volatile: raw.volatile } : {}
      }
    },
    lineOf
  };
}
function proposedDescriptor(set) {
  const list = (names) => `[${names.map((name) => JSON.stringify(name)).join(", ")}]`;
  const lines = [
    "# Written by ferry from ferry.yaml: this folder is applied as one inventory.",
    "# https://github.com/ferry-gitops/ferry/blob/main/docs/environment-repo.md",
    `inventory: ${JSON.stringify(set.inventory)}`,
    ...set.namespace ? [`namespace: ${JSON.stringify(set.namespace)}`] : [],
    ...set.clusters ? [`clusters: ${list(set.clusters)}`] : [],
    ...set.dependsOn.length > 0 ? [`dependsOn: ${list(set.dependsOn)}`] : [],
    "prune: true",
    "wait: true"
  ];
  return `${lines.join("\n")}
`;
}
function isSkippedFolder(name) {
  return name.startsWith(".") || name === "node_modules";
}
function folderHolds(outer, inner) {
  return outer === "." || inner === outer || inner.startsWith(`${outer}/`);
}

// src/core/set-order.ts
function isForCluster(set, cluster) {
  return set.descriptor.clusters === void 0 || set.descriptor.clusters.includes(cluster);
}
function clusterSets(all, cluster) {
  const sets = all.filter((set) => isForCluster(set, cluster));
  const byName = /* @__PURE__ */ new Map();
  for (const set of sets) {
    const other = byName.get(set.descriptor.inventory);
    if (other)
      throw new ConfigError(
        `${set.file}:${set.lineOf(["inventory"])}: inventory: "${set.descriptor.inventory}" is also the inventory of ${other.path} (inventory names are unique among the sets of cluster ${cluster})`
      );
    byName.set(set.descriptor.inventory, set);
  }
  const dependencies = /* @__PURE__ */ new Map();
  for (const set of sets) {
    dependencies.set(
      set.descriptor.inventory,
      set.descriptor.dependsOn.map((name, index) => {
        const dependency = byName.get(name);
        if (dependency) return dependency;
        const elsewhere = all.find((other) => other.descriptor.inventory === name);
        const why = elsewhere ? `the set ${name} (${elsewhere.path}) is not for cluster ${cluster}` : `no set has inventory "${name}"`;
        throw new ConfigError(
          `${set.file}:${set.lineOf(["dependsOn", String(index)])}: dependsOn: ${why}`
        );
      })
    );
  }
  return { cluster, ordered: topological(sets, dependencies), dependencies };
}
function topological(sets, dependencies) {
  const done = /* @__PURE__ */ new Set();
  const visiting = [];
  const ordered = [];
  const visit = (set) => {
    const name = set.descriptor.inventory;
    if (done.has(name)) return;
    const at = visiting.indexOf(set);
    if (at >= 0) {
      const cycle = [...visiting.slice(at), set];
      throw new ConfigError(
        `${set.file}:${set.lineOf(["dependsOn"])}: dependsOn: a cycle: ${cycle.map((s) => s.descriptor.inventory).join(" \u2192 ")} (${cycle.slice(0, -1).map((s) => s.path).join(", ")}); nothing was applied`
      );
    }
    visiting.push(set);
    for (const dependency of dependencies.get(name) ?? []) visit(dependency);
    visiting.pop();
    done.add(name);
    ordered.push(set);
  };
  for (const set of sets) visit(set);
  return ordered;
}
function ancestorsOf(name, dependencies) {
  const seen = /* @__PURE__ */ new Set();
  const ordered = [];
  const visit = (current) => {
    for (const dependency of dependencies.get(current) ?? []) {
      const next = dependency.descriptor.inventory;
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
      ordered.push(dependency);
    }
  };
  visit(name);
  return ordered;
}

export {
  SET_DESCRIPTOR,
  parseSetDescriptor,
  proposedDescriptor,
  isSkippedFolder,
  folderHolds,
  clusterSets,
  ancestorsOf
};
//# sourceMappingURL=chunk-K2652U6O.js.map
