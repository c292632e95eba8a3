import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  detectSource
} from "./chunk-WGHDBBKB.js";
import {
  repoPathProblem
} from "./chunk-X4656V3V.js";
import {
  applyHookPolicy,
  findTool,
  helmTemplate,
  isRemoteChartReference,
  kustomizeBuild
} from "./chunk-4NID7SJK.js";
import {
  linkGuard,
  pathRelation,
  readTemplates,
  readTextFile,
  replaceDirectory,
  repositoryRoot
} from "./chunk-FLLOJKTZ.js";
import {
  checkSchema,
  locate,
  parseYamlSource,
  require_ucs2length
} from "./chunk-A4S5FLSL.js";
import {
  finishManifests,
  renderedBy
} from "./chunk-BUYXP5QT.js";
import {
  SOURCE_KEYS
} from "./chunk-WH76CAUT.js";
import {
  usesImage
} from "./chunk-QYBJ5BVV.js";
import {
  describeObject,
  groupOf,
  identityOf,
  toYamlDocument
} from "./chunk-XIPL23AO.js";
import {
  imageReference
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import {
  __toESM
} from "./chunk-JQ6NJE4M.js";

// src/commands/env-repo/render.ts
import { dirname, join as join2, resolve as resolve2 } from "node:path";

// src/core/ferry-schema-validate.mjs
var import_ucs2length = __toESM(require_ucs2length(), 1);
var ferry_schema_validate_default = validate0;
var schema0 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/ferry-gitops/ferry/schema/ferry.schema.json", "title": "ferry.yaml", "description": "Describes one application for ferry: its image, how its manifests are made (Handlebars templates, a Kustomize overlay or a Helm chart) and the environments it deploys to.", "type": "object", "additionalProperties": false, "required": ["app", "image", "environments"], "properties": { "$schema": { "type": "string" }, "app": { "type": "string", "description": "Application name: lowercase letters, digits and '-' (a DNS-1123 label).", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "x-error": "expected a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)" }, "image": { "type": "string", "description": "Image repository without tag or digest, e.g. registry.example.com/acme/guestbook.", "minLength": 1 }, "templates": { "type": "string", "description": "Folder of Handlebars YAML templates, relative to this file. Give exactly one of templates, kustomize and helm.", "minLength": 1 }, "kustomize": { "type": "string", "minLength": 1, "description": "Folder of the Kustomize overlay to build, relative to this file; `{env}` is replaced by the environment's name (e.g. overlays/{env}). ferry sets the image as `kustomize edit set image` does, in a scratch copy." }, "helm": { "$ref": "#/definitions/helm" }, "allowRemote": { "type": "boolean", "default": false, "description": "Let kustomize fetch remote resources (URLs, git) and helm use remote charts or dependencies not vendored in the chart's charts/ folder. Off by default: builds are offline and reproducible." }, "hooks": { "enum": ["refuse", "skip"], "default": "refuse", "description": "Objects annotated helm.sh/hook: refused (default), or skipped (left out of the output). ferry applies plain objects and cannot run hooks in their phase." }, "volatile": { "type": "array", "description": "Fields allowed to differ between the two renders ferry compares (JSON pointers, optionally for selected objects): the first render's value is used.", "items": { "$ref": "#/definitions/volatileRule" } }, "environments": { "type": "object", "description": "Environments by name.", "minProperties": 1, "propertyNames": { "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" }, "additionalProperties": { "$ref": "#/definitions/environment" } } }, "definitions": { "environment": { "type": "object", "additionalProperties": false, "required": ["repo", "path"], "properties": { "repo": { "type": "string", "minLength": 1, "description": "Environment repository: GitHub owner/name, GitLab group/project, a git URL, or a local path." }, "forge": { "enum": ["github", "gitlab", "git"], "description": "How changes are proposed: github or gitlab pull/merge requests, or plain git push. Inferred when omitted." }, "branch": { "type": "string", "minLength": 1, "default": "main", "description": "Branch of the environment repository that the cluster follows." }, "path": { "type": "string", "minLength": 1, "description": "Folder in the environment repository that ferry owns for this app and environment, replaced wholesale by every proposal: relative, inside the repository, and in no dot-folder (.git, .github, .gitlab, .ferry)." }, "secrets": { "type": "string", "minLength": 1, "pattern": "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", "x-error": "expected a relative path inside the repository (no leading '/', no '.' or '..' parts)", "description": "Folder, relative to ferry.yaml, of SOPS-encrypted manifests for this environment only: rendered through verbatim, never templated or decrypted." }, "namespace": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "x-error": "expected a DNS-1123 label", "description": "Kubernetes namespace; templates see it as `namespace`." }, "inventory": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)", "description": "Inventory (ApplySet) name of this environment's set, written to the .ferry-set.yaml ferry proposes beside the rendered files; other sets name it in dependsOn. Default: <app>-<environment>." }, "clusters": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\u0000-\\u001f\\u007f]+$", "x-error": "expected a cluster name (1 to 100 characters, no control characters)" }, "description": "Clusters this environment's set is applied to by ferry apply --all, as --cluster names them. Default: every cluster." }, "dependsOn": { "type": "array", "uniqueItems": true, "items": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name" }, "default": [], "description": "Inventories (sets of the environment repository) that ferry apply --all applies, and waits for, before this environment's set: CRDs and operators the app needs." }, "promoteFrom": { "type": "string", "description": "Environment this one is promoted from." }, "values": { "type": "object", "description": "Values the templates see as `values`; for a Helm chart, values given to helm (after valuesFiles).", "default": {} }, "valuesFiles": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Helm values files, relative to this file, in order (after the chart's values.yaml, before values)." }, "kubeVersion": { "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "x-error": "expected a Kubernetes version such as 1.34 or v1.34.2", "description": "Kubernetes version of the environment's cluster, for Helm's .Capabilities (helm --kube-version)." }, "apiVersions": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "API versions the cluster serves, for Helm's .Capabilities.APIVersions (helm --api-versions), e.g. monitoring.coreos.com/v1." } } }, "helm": { "type": "object", "additionalProperties": false, "required": ["chart", "imageValue"], "properties": { "chart": { "type": "string", "minLength": 1, "description": "The chart: a folder relative to this file (its dependencies vendored in charts/), or with allowRemote an oci:// or repository reference." }, "version": { "type": "string", "minLength": 1, "description": "Chart version, for a remote chart (helm's --version)." }, "imageValue": { "type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "x-error": "expected a dotted values path such as image.tag", "description": "Values path that receives the image tag (with a digest: tag@digest), e.g. image.tag." }, "imageRepositoryValue": { "type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "x-error": "expected a dotted values path such as image.repository", "description": "Values path that receives the image repository (`image:`), e.g. image.repository." }, "releaseName": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", "x-error": "expected a Helm release name (lowercase letters, digits and '-', at most 53 characters)", "description": "Release name helm templates see (default: the app)." } } }, "volatileRule": { "type": "object", "additionalProperties": false, "required": ["paths"], "properties": { "paths": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^/", "x-error": "expected a JSON pointer starting with /" } }, "target": { "type": "object", "additionalProperties": false, "properties": { "group": { "type": "string" }, "version": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "namespace": { "type": "string" }, "labelSelector": { "type": "string" }, "annotationSelector": { "type": "string" } } } } } } };
var schema1 = { "type": "object", "additionalProperties": false, "required": ["chart", "imageValue"], "properties": { "chart": { "type": "string", "minLength": 1, "description": "The chart: a folder relative to this file (its dependencies vendored in charts/), or with allowRemote an oci:// or repository reference." }, "version": { "type": "string", "minLength": 1, "description": "Chart version, for a remote chart (helm's --version)." }, "imageValue": { "type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "x-error": "expected a dotted values path such as image.tag", "description": "Values path that receives the image tag (with a digest: tag@digest), e.g. image.tag." }, "imageRepositoryValue": { "type": "string", "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "x-error": "expected a dotted values path such as image.repository", "description": "Values path that receives the image repository (`image:`), e.g. image.repository." }, "releaseName": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", "x-error": "expected a Helm release name (lowercase letters, digits and '-', at most 53 characters)", "description": "Release name helm templates see (default: the app)." } } };
var schema2 = { "type": "object", "additionalProperties": false, "required": ["paths"], "properties": { "paths": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^/", "x-error": "expected a JSON pointer starting with /" } }, "target": { "type": "object", "additionalProperties": false, "properties": { "group": { "type": "string" }, "version": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "namespace": { "type": "string" }, "labelSelector": { "type": "string" }, "annotationSelector": { "type": "string" } } } } };
var schema3 = { "type": "object", "additionalProperties": false, "required": ["repo", "path"], "properties": { "repo": { "type": "string", "minLength": 1, "description": "Environment repository: GitHub owner/name, GitLab group/project, a git URL, or a local path." }, "forge": { "enum": ["github", "gitlab", "git"], "description": "How changes are proposed: github or gitlab pull/merge requests, or plain git push. Inferred when omitted." }, "branch": { "type": "string", "minLength": 1, "default": "main", "description": "Branch of the environment repository that the cluster follows." }, "path": { "type": "string", "minLength": 1, "description": "Folder in the environment repository that ferry owns for this app and environment, replaced wholesale by every proposal: relative, inside the repository, and in no dot-folder (.git, .github, .gitlab, .ferry)." }, "secrets": { "type": "string", "minLength": 1, "pattern": "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", "x-error": "expected a relative path inside the repository (no leading '/', no '.' or '..' parts)", "description": "Folder, relative to ferry.yaml, of SOPS-encrypted manifests for this environment only: rendered through verbatim, never templated or decrypted." }, "namespace": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "x-error": "expected a DNS-1123 label", "description": "Kubernetes namespace; templates see it as `namespace`." }, "inventory": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)", "description": "Inventory (ApplySet) name of this environment's set, written to the .ferry-set.yaml ferry proposes beside the rendered files; other sets name it in dependsOn. Default: <app>-<environment>." }, "clusters": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\u0000-\\u001f\\u007f]+$", "x-error": "expected a cluster name (1 to 100 characters, no control characters)" }, "description": "Clusters this environment's set is applied to by ferry apply --all, as --cluster names them. Default: every cluster." }, "dependsOn": { "type": "array", "uniqueItems": true, "items": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name" }, "default": [], "description": "Inventories (sets of the environment repository) that ferry apply --all applies, and waits for, before this environment's set: CRDs and operators the app needs." }, "promoteFrom": { "type": "string", "description": "Environment this one is promoted from." }, "values": { "type": "object", "description": "Values the templates see as `values`; for a Helm chart, values given to helm (after valuesFiles).", "default": {} }, "valuesFiles": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Helm values files, relative to this file, in order (after the chart's values.yaml, before values)." }, "kubeVersion": { "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "x-error": "expected a Kubernetes version such as 1.34 or v1.34.2", "description": "Kubernetes version of the environment's cluster, for Helm's .Capabilities (helm --kube-version)." }, "apiVersions": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "API versions the cluster serves, for Helm's .Capabilities.APIVersions (helm --api-versions), e.g. monitoring.coreos.com/v1." } } };
var func0 = Object.prototype.hasOwnProperty;
var func1 = import_ucs2length.default.default;
var pattern0 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
var pattern1 = new RegExp("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", "u");
var pattern3 = new RegExp("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", "u");
var pattern4 = new RegExp("^/", "u");
var pattern6 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", "u");
var pattern8 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "u");
var pattern9 = new RegExp("^[^\\u0000-\\u001f\\u007f]+$", "u");
var pattern11 = new RegExp("^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
function validate0(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.allowRemote === void 0) {
        data.allowRemote = false;
      }
      if (data.hooks === void 0) {
        data.hooks = "refuse";
      }
      let missing0;
      if (data.app === void 0 && (missing0 = "app") || data.image === void 0 && (missing0 = "image") || data.environments === void 0 && (missing0 = "environments")) {
        validate0.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'", schema: schema0.required, parentSchema: schema0, data }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func0.call(schema0.properties, key0)) {
            validate0.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema0, data }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.$schema !== void 0) {
            let data0 = data.$schema;
            const _errs2 = errors;
            if (typeof data0 !== "string") {
              validate0.errors = [{ instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.$schema.type, parentSchema: schema0.properties.$schema, data: data0 }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.app !== void 0) {
              let data1 = data.app;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern0.test(data1)) {
                    validate0.errors = [{ instancePath: instancePath + "/app", schemaPath: "#/properties/app/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"', schema: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", parentSchema: schema0.properties.app, data: data1 }];
                    return false;
                  }
                } else {
                  validate0.errors = [{ instancePath: instancePath + "/app", schemaPath: "#/properties/app/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.app.type, parentSchema: schema0.properties.app, data: data1 }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.image !== void 0) {
                let data2 = data.image;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (func1(data2) < 1) {
                      validate0.errors = [{ instancePath: instancePath + "/image", schemaPath: "#/properties/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.image, data: data2 }];
                      return false;
                    }
                  } else {
                    validate0.errors = [{ instancePath: instancePath + "/image", schemaPath: "#/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.image.type, parentSchema: schema0.properties.image, data: data2 }];
                    return false;
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.templates !== void 0) {
                  let data3 = data.templates;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func1(data3) < 1) {
                        validate0.errors = [{ instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.templates, data: data3 }];
                        return false;
                      }
                    } else {
                      validate0.errors = [{ instancePath: instancePath + "/templates", schemaPath: "#/properties/templates/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.templates.type, parentSchema: schema0.properties.templates, data: data3 }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.kustomize !== void 0) {
                    let data4 = data.kustomize;
                    const _errs11 = errors;
                    if (errors === _errs11) {
                      if (typeof data4 === "string") {
                        if (func1(data4) < 1) {
                          validate0.errors = [{ instancePath: instancePath + "/kustomize", schemaPath: "#/properties/kustomize/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.kustomize, data: data4 }];
                          return false;
                        }
                      } else {
                        validate0.errors = [{ instancePath: instancePath + "/kustomize", schemaPath: "#/properties/kustomize/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.kustomize.type, parentSchema: schema0.properties.kustomize, data: data4 }];
                        return false;
                      }
                    }
                    var valid0 = _errs11 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.helm !== void 0) {
                      let data5 = data.helm;
                      const _errs13 = errors;
                      const _errs14 = errors;
                      if (errors === _errs14) {
                        if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
                          let missing1;
                          if (data5.chart === void 0 && (missing1 = "chart") || data5.imageValue === void 0 && (missing1 = "imageValue")) {
                            validate0.errors = [{ instancePath: instancePath + "/helm", schemaPath: "#/definitions/helm/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'", schema: schema1.required, parentSchema: schema1, data: data5 }];
                            return false;
                          } else {
                            const _errs16 = errors;
                            for (const key1 in data5) {
                              if (!(key1 === "chart" || key1 === "version" || key1 === "imageValue" || key1 === "imageRepositoryValue" || key1 === "releaseName")) {
                                validate0.errors = [{ instancePath: instancePath + "/helm", schemaPath: "#/definitions/helm/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema1, data: data5 }];
                                return false;
                                break;
                              }
                            }
                            if (_errs16 === errors) {
                              if (data5.chart !== void 0) {
                                let data6 = data5.chart;
                                const _errs17 = errors;
                                if (errors === _errs17) {
                                  if (typeof data6 === "string") {
                                    if (func1(data6) < 1) {
                                      validate0.errors = [{ instancePath: instancePath + "/helm/chart", schemaPath: "#/definitions/helm/properties/chart/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema1.properties.chart, data: data6 }];
                                      return false;
                                    }
                                  } else {
                                    validate0.errors = [{ instancePath: instancePath + "/helm/chart", schemaPath: "#/definitions/helm/properties/chart/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.chart.type, parentSchema: schema1.properties.chart, data: data6 }];
                                    return false;
                                  }
                                }
                                var valid2 = _errs17 === errors;
                              } else {
                                var valid2 = true;
                              }
                              if (valid2) {
                                if (data5.version !== void 0) {
                                  let data7 = data5.version;
                                  const _errs19 = errors;
                                  if (errors === _errs19) {
                                    if (typeof data7 === "string") {
                                      if (func1(data7) < 1) {
                                        validate0.errors = [{ instancePath: instancePath + "/helm/version", schemaPath: "#/definitions/helm/properties/version/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema1.properties.version, data: data7 }];
                                        return false;
                                      }
                                    } else {
                                      validate0.errors = [{ instancePath: instancePath + "/helm/version", schemaPath: "#/definitions/helm/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.version.type, parentSchema: schema1.properties.version, data: data7 }];
                                      return false;
                                    }
                                  }
                                  var valid2 = _errs19 === errors;
                                } else {
                                  var valid2 = true;
                                }
                                if (valid2) {
                                  if (data5.imageValue !== void 0) {
                                    let data8 = data5.imageValue;
                                    const _errs21 = errors;
                                    if (errors === _errs21) {
                                      if (typeof data8 === "string") {
                                        if (!pattern1.test(data8)) {
                                          validate0.errors = [{ instancePath: instancePath + "/helm/imageValue", schemaPath: "#/definitions/helm/properties/imageValue/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"', schema: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", parentSchema: schema1.properties.imageValue, data: data8 }];
                                          return false;
                                        }
                                      } else {
                                        validate0.errors = [{ instancePath: instancePath + "/helm/imageValue", schemaPath: "#/definitions/helm/properties/imageValue/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.imageValue.type, parentSchema: schema1.properties.imageValue, data: data8 }];
                                        return false;
                                      }
                                    }
                                    var valid2 = _errs21 === errors;
                                  } else {
                                    var valid2 = true;
                                  }
                                  if (valid2) {
                                    if (data5.imageRepositoryValue !== void 0) {
                                      let data9 = data5.imageRepositoryValue;
                                      const _errs24 = errors;
                                      if (errors === _errs24) {
                                        if (typeof data9 === "string") {
                                          if (!pattern1.test(data9)) {
                                            validate0.errors = [{ instancePath: instancePath + "/helm/imageRepositoryValue", schemaPath: "#/definitions/helm/properties/imageRepositoryValue/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$" }, message: 'must match pattern "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"', schema: "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", parentSchema: schema1.properties.imageRepositoryValue, data: data9 }];
                                            return false;
                                          }
                                        } else {
                                          validate0.errors = [{ instancePath: instancePath + "/helm/imageRepositoryValue", schemaPath: "#/definitions/helm/properties/imageRepositoryValue/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.imageRepositoryValue.type, parentSchema: schema1.properties.imageRepositoryValue, data: data9 }];
                                          return false;
                                        }
                                      }
                                      var valid2 = _errs24 === errors;
                                    } else {
                                      var valid2 = true;
                                    }
                                    if (valid2) {
                                      if (data5.releaseName !== void 0) {
                                        let data10 = data5.releaseName;
                                        const _errs27 = errors;
                                        if (errors === _errs27) {
                                          if (typeof data10 === "string") {
                                            if (!pattern3.test(data10)) {
                                              validate0.errors = [{ instancePath: instancePath + "/helm/releaseName", schemaPath: "#/definitions/helm/properties/releaseName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", parentSchema: schema1.properties.releaseName, data: data10 }];
                                              return false;
                                            }
                                          } else {
                                            validate0.errors = [{ instancePath: instancePath + "/helm/releaseName", schemaPath: "#/definitions/helm/properties/releaseName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema1.properties.releaseName.type, parentSchema: schema1.properties.releaseName, data: data10 }];
                                            return false;
                                          }
                                        }
                                        var valid2 = _errs27 === errors;
                                      } else {
                                        var valid2 = true;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        } else {
                          validate0.errors = [{ instancePath: instancePath + "/helm", schemaPath: "#/definitions/helm/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema1.type, parentSchema: schema1, data: data5 }];
                          return false;
                        }
                      }
                      var valid0 = _errs13 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      let data11 = data.allowRemote;
                      const _errs30 = errors;
                      if (typeof data11 !== "boolean") {
                        validate0.errors = [{ instancePath: instancePath + "/allowRemote", schemaPath: "#/properties/allowRemote/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema0.properties.allowRemote.type, parentSchema: schema0.properties.allowRemote, data: data11 }];
                        return false;
                      }
                      var valid0 = _errs30 === errors;
                      if (valid0) {
                        let data12 = data.hooks;
                        const _errs32 = errors;
                        if (!(data12 === "refuse" || data12 === "skip")) {
                          validate0.errors = [{ instancePath: instancePath + "/hooks", schemaPath: "#/properties/hooks/enum", keyword: "enum", params: { allowedValues: schema0.properties.hooks.enum }, message: "must be equal to one of the allowed values", schema: schema0.properties.hooks.enum, parentSchema: schema0.properties.hooks, data: data12 }];
                          return false;
                        }
                        var valid0 = _errs32 === errors;
                        if (valid0) {
                          if (data.volatile !== void 0) {
                            let data13 = data.volatile;
                            const _errs33 = errors;
                            if (errors === _errs33) {
                              if (Array.isArray(data13)) {
                                var valid3 = true;
                                const len0 = data13.length;
                                for (let i0 = 0; i0 < len0; i0++) {
                                  let data14 = data13[i0];
                                  const _errs35 = errors;
                                  const _errs36 = errors;
                                  if (errors === _errs36) {
                                    if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                                      let missing2;
                                      if (data14.paths === void 0 && (missing2 = "paths")) {
                                        validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0, schemaPath: "#/definitions/volatileRule/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'", schema: schema2.required, parentSchema: schema2, data: data14 }];
                                        return false;
                                      } else {
                                        const _errs38 = errors;
                                        for (const key2 in data14) {
                                          if (!(key2 === "paths" || key2 === "target")) {
                                            validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0, schemaPath: "#/definitions/volatileRule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema2, data: data14 }];
                                            return false;
                                            break;
                                          }
                                        }
                                        if (_errs38 === errors) {
                                          if (data14.paths !== void 0) {
                                            let data15 = data14.paths;
                                            const _errs39 = errors;
                                            if (errors === _errs39) {
                                              if (Array.isArray(data15)) {
                                                if (data15.length < 1) {
                                                  validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/paths", schemaPath: "#/definitions/volatileRule/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema2.properties.paths, data: data15 }];
                                                  return false;
                                                } else {
                                                  var valid6 = true;
                                                  const len1 = data15.length;
                                                  for (let i1 = 0; i1 < len1; i1++) {
                                                    let data16 = data15[i1];
                                                    const _errs41 = errors;
                                                    if (errors === _errs41) {
                                                      if (typeof data16 === "string") {
                                                        if (!pattern4.test(data16)) {
                                                          validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/paths/" + i1, schemaPath: "#/definitions/volatileRule/properties/paths/items/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"', schema: "^/", parentSchema: schema2.properties.paths.items, data: data16 }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/paths/" + i1, schemaPath: "#/definitions/volatileRule/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.paths.items.type, parentSchema: schema2.properties.paths.items, data: data16 }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid6 = _errs41 === errors;
                                                    if (!valid6) {
                                                      break;
                                                    }
                                                  }
                                                }
                                              } else {
                                                validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/paths", schemaPath: "#/definitions/volatileRule/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema2.properties.paths.type, parentSchema: schema2.properties.paths, data: data15 }];
                                                return false;
                                              }
                                            }
                                            var valid5 = _errs39 === errors;
                                          } else {
                                            var valid5 = true;
                                          }
                                          if (valid5) {
                                            if (data14.target !== void 0) {
                                              let data17 = data14.target;
                                              const _errs44 = errors;
                                              if (errors === _errs44) {
                                                if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                                                  const _errs46 = errors;
                                                  for (const key3 in data17) {
                                                    if (!(key3 === "group" || key3 === "version" || key3 === "kind" || key3 === "name" || key3 === "namespace" || key3 === "labelSelector" || key3 === "annotationSelector")) {
                                                      validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target", schemaPath: "#/definitions/volatileRule/properties/target/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema2.properties.target, data: data17 }];
                                                      return false;
                                                      break;
                                                    }
                                                  }
                                                  if (_errs46 === errors) {
                                                    if (data17.group !== void 0) {
                                                      let data18 = data17.group;
                                                      const _errs47 = errors;
                                                      if (typeof data18 !== "string") {
                                                        validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/group", schemaPath: "#/definitions/volatileRule/properties/target/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.group.type, parentSchema: schema2.properties.target.properties.group, data: data18 }];
                                                        return false;
                                                      }
                                                      var valid7 = _errs47 === errors;
                                                    } else {
                                                      var valid7 = true;
                                                    }
                                                    if (valid7) {
                                                      if (data17.version !== void 0) {
                                                        let data19 = data17.version;
                                                        const _errs49 = errors;
                                                        if (typeof data19 !== "string") {
                                                          validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/version", schemaPath: "#/definitions/volatileRule/properties/target/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.version.type, parentSchema: schema2.properties.target.properties.version, data: data19 }];
                                                          return false;
                                                        }
                                                        var valid7 = _errs49 === errors;
                                                      } else {
                                                        var valid7 = true;
                                                      }
                                                      if (valid7) {
                                                        if (data17.kind !== void 0) {
                                                          let data20 = data17.kind;
                                                          const _errs51 = errors;
                                                          if (typeof data20 !== "string") {
                                                            validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/kind", schemaPath: "#/definitions/volatileRule/properties/target/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.kind.type, parentSchema: schema2.properties.target.properties.kind, data: data20 }];
                                                            return false;
                                                          }
                                                          var valid7 = _errs51 === errors;
                                                        } else {
                                                          var valid7 = true;
                                                        }
                                                        if (valid7) {
                                                          if (data17.name !== void 0) {
                                                            let data21 = data17.name;
                                                            const _errs53 = errors;
                                                            if (typeof data21 !== "string") {
                                                              validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/name", schemaPath: "#/definitions/volatileRule/properties/target/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.name.type, parentSchema: schema2.properties.target.properties.name, data: data21 }];
                                                              return false;
                                                            }
                                                            var valid7 = _errs53 === errors;
                                                          } else {
                                                            var valid7 = true;
                                                          }
                                                          if (valid7) {
                                                            if (data17.namespace !== void 0) {
                                                              let data22 = data17.namespace;
                                                              const _errs55 = errors;
                                                              if (typeof data22 !== "string") {
                                                                validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/namespace", schemaPath: "#/definitions/volatileRule/properties/target/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.namespace.type, parentSchema: schema2.properties.target.properties.namespace, data: data22 }];
                                                                return false;
                                                              }
                                                              var valid7 = _errs55 === errors;
                                                            } else {
                                                              var valid7 = true;
                                                            }
                                                            if (valid7) {
                                                              if (data17.labelSelector !== void 0) {
                                                                let data23 = data17.labelSelector;
                                                                const _errs57 = errors;
                                                                if (typeof data23 !== "string") {
                                                                  validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/labelSelector", schemaPath: "#/definitions/volatileRule/properties/target/properties/labelSelector/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.labelSelector.type, parentSchema: schema2.properties.target.properties.labelSelector, data: data23 }];
                                                                  return false;
                                                                }
                                                                var valid7 = _errs57 === errors;
                                                              } else {
                                                                var valid7 = true;
                                                              }
                                                              if (valid7) {
                                                                if (data17.annotationSelector !== void 0) {
                                                                  let data24 = data17.annotationSelector;
                                                                  const _errs59 = errors;
                                                                  if (typeof data24 !== "string") {
                                                                    validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target/annotationSelector", schemaPath: "#/definitions/volatileRule/properties/target/properties/annotationSelector/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema2.properties.target.properties.annotationSelector.type, parentSchema: schema2.properties.target.properties.annotationSelector, data: data24 }];
                                                                    return false;
                                                                  }
                                                                  var valid7 = _errs59 === errors;
                                                                } else {
                                                                  var valid7 = true;
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                } else {
                                                  validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0 + "/target", schemaPath: "#/definitions/volatileRule/properties/target/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema2.properties.target.type, parentSchema: schema2.properties.target, data: data17 }];
                                                  return false;
                                                }
                                              }
                                              var valid5 = _errs44 === errors;
                                            } else {
                                              var valid5 = true;
                                            }
                                          }
                                        }
                                      }
                                    } else {
                                      validate0.errors = [{ instancePath: instancePath + "/volatile/" + i0, schemaPath: "#/definitions/volatileRule/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema2.type, parentSchema: schema2, data: data14 }];
                                      return false;
                                    }
                                  }
                                  var valid3 = _errs35 === errors;
                                  if (!valid3) {
                                    break;
                                  }
                                }
                              } else {
                                validate0.errors = [{ instancePath: instancePath + "/volatile", schemaPath: "#/properties/volatile/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.volatile.type, parentSchema: schema0.properties.volatile, data: data13 }];
                                return false;
                              }
                            }
                            var valid0 = _errs33 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.environments !== void 0) {
                              let data25 = data.environments;
                              const _errs61 = errors;
                              if (errors === _errs61) {
                                if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
                                  if (Object.keys(data25).length < 1) {
                                    validate0.errors = [{ instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema0.properties.environments, data: data25 }];
                                    return false;
                                  } else {
                                    for (const key4 in data25) {
                                      const _errs63 = errors;
                                      if (typeof key4 === "string") {
                                        if (!pattern0.test(key4)) {
                                          const err0 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"', schema: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", parentSchema: schema0.properties.environments.propertyNames, data: key4, propertyName: key4 };
                                          if (vErrors === null) {
                                            vErrors = [err0];
                                          } else {
                                            vErrors.push(err0);
                                          }
                                          errors++;
                                        }
                                      }
                                      var valid8 = _errs63 === errors;
                                      if (!valid8) {
                                        const err1 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key4 }, message: "property name must be valid", schema: schema0.properties.environments.propertyNames, parentSchema: schema0.properties.environments, data: data25 };
                                        if (vErrors === null) {
                                          vErrors = [err1];
                                        } else {
                                          vErrors.push(err1);
                                        }
                                        errors++;
                                        validate0.errors = vErrors;
                                        return false;
                                        break;
                                      }
                                    }
                                    if (valid8) {
                                      for (const key5 in data25) {
                                        let data26 = data25[key5];
                                        const _errs65 = errors;
                                        const _errs66 = errors;
                                        if (errors === _errs66) {
                                          if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                                            if (data26.branch === void 0) {
                                              data26.branch = "main";
                                            }
                                            if (data26.dependsOn === void 0) {
                                              data26.dependsOn = [];
                                            }
                                            if (data26.values === void 0) {
                                              data26.values = {};
                                            }
                                            let missing3;
                                            if (data26.repo === void 0 && (missing3 = "repo") || data26.path === void 0 && (missing3 = "path")) {
                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/environment/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'", schema: schema3.required, parentSchema: schema3, data: data26 }];
                                              return false;
                                            } else {
                                              const _errs68 = errors;
                                              for (const key6 in data26) {
                                                if (!func0.call(schema3.properties, key6)) {
                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/environment/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema3, data: data26 }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs68 === errors) {
                                                if (data26.repo !== void 0) {
                                                  let data27 = data26.repo;
                                                  const _errs69 = errors;
                                                  if (errors === _errs69) {
                                                    if (typeof data27 === "string") {
                                                      if (func1(data27) < 1) {
                                                        validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/repo", schemaPath: "#/definitions/environment/properties/repo/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.repo, data: data27 }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/repo", schemaPath: "#/definitions/environment/properties/repo/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.repo.type, parentSchema: schema3.properties.repo, data: data27 }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid11 = _errs69 === errors;
                                                } else {
                                                  var valid11 = true;
                                                }
                                                if (valid11) {
                                                  if (data26.forge !== void 0) {
                                                    let data28 = data26.forge;
                                                    const _errs71 = errors;
                                                    if (!(data28 === "github" || data28 === "gitlab" || data28 === "git")) {
                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/forge", schemaPath: "#/definitions/environment/properties/forge/enum", keyword: "enum", params: { allowedValues: schema3.properties.forge.enum }, message: "must be equal to one of the allowed values", schema: schema3.properties.forge.enum, parentSchema: schema3.properties.forge, data: data28 }];
                                                      return false;
                                                    }
                                                    var valid11 = _errs71 === errors;
                                                  } else {
                                                    var valid11 = true;
                                                  }
                                                  if (valid11) {
                                                    let data29 = data26.branch;
                                                    const _errs72 = errors;
                                                    if (errors === _errs72) {
                                                      if (typeof data29 === "string") {
                                                        if (func1(data29) < 1) {
                                                          validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/branch", schemaPath: "#/definitions/environment/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.branch, data: data29 }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/branch", schemaPath: "#/definitions/environment/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.branch.type, parentSchema: schema3.properties.branch, data: data29 }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid11 = _errs72 === errors;
                                                    if (valid11) {
                                                      if (data26.path !== void 0) {
                                                        let data30 = data26.path;
                                                        const _errs74 = errors;
                                                        if (errors === _errs74) {
                                                          if (typeof data30 === "string") {
                                                            if (func1(data30) < 1) {
                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/path", schemaPath: "#/definitions/environment/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.path, data: data30 }];
                                                              return false;
                                                            }
                                                          } else {
                                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/path", schemaPath: "#/definitions/environment/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.path.type, parentSchema: schema3.properties.path, data: data30 }];
                                                            return false;
                                                          }
                                                        }
                                                        var valid11 = _errs74 === errors;
                                                      } else {
                                                        var valid11 = true;
                                                      }
                                                      if (valid11) {
                                                        if (data26.secrets !== void 0) {
                                                          let data31 = data26.secrets;
                                                          const _errs76 = errors;
                                                          if (errors === _errs76) {
                                                            if (typeof data31 === "string") {
                                                              if (func1(data31) < 1) {
                                                                validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/secrets", schemaPath: "#/definitions/environment/properties/secrets/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.secrets, data: data31 }];
                                                                return false;
                                                              } else {
                                                                if (!pattern6.test(data31)) {
                                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/secrets", schemaPath: "#/definitions/environment/properties/secrets/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"', schema: "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", parentSchema: schema3.properties.secrets, data: data31 }];
                                                                  return false;
                                                                }
                                                              }
                                                            } else {
                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/secrets", schemaPath: "#/definitions/environment/properties/secrets/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.secrets.type, parentSchema: schema3.properties.secrets, data: data31 }];
                                                              return false;
                                                            }
                                                          }
                                                          var valid11 = _errs76 === errors;
                                                        } else {
                                                          var valid11 = true;
                                                        }
                                                        if (valid11) {
                                                          if (data26.namespace !== void 0) {
                                                            let data32 = data26.namespace;
                                                            const _errs79 = errors;
                                                            if (errors === _errs79) {
                                                              if (typeof data32 === "string") {
                                                                if (!pattern0.test(data32)) {
                                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/namespace", schemaPath: "#/definitions/environment/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"', schema: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", parentSchema: schema3.properties.namespace, data: data32 }];
                                                                  return false;
                                                                }
                                                              } else {
                                                                validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/namespace", schemaPath: "#/definitions/environment/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.namespace.type, parentSchema: schema3.properties.namespace, data: data32 }];
                                                                return false;
                                                              }
                                                            }
                                                            var valid11 = _errs79 === errors;
                                                          } else {
                                                            var valid11 = true;
                                                          }
                                                          if (valid11) {
                                                            if (data26.inventory !== void 0) {
                                                              let data33 = data26.inventory;
                                                              const _errs82 = errors;
                                                              if (errors === _errs82) {
                                                                if (typeof data33 === "string") {
                                                                  if (func1(data33) > 253) {
                                                                    validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/inventory", schemaPath: "#/definitions/environment/properties/inventory/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema3.properties.inventory, data: data33 }];
                                                                    return false;
                                                                  } else {
                                                                    if (!pattern8.test(data33)) {
                                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/inventory", schemaPath: "#/definitions/environment/properties/inventory/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema3.properties.inventory, data: data33 }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                } else {
                                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/inventory", schemaPath: "#/definitions/environment/properties/inventory/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.inventory.type, parentSchema: schema3.properties.inventory, data: data33 }];
                                                                  return false;
                                                                }
                                                              }
                                                              var valid11 = _errs82 === errors;
                                                            } else {
                                                              var valid11 = true;
                                                            }
                                                            if (valid11) {
                                                              if (data26.clusters !== void 0) {
                                                                let data34 = data26.clusters;
                                                                const _errs85 = errors;
                                                                if (errors === _errs85) {
                                                                  if (Array.isArray(data34)) {
                                                                    if (data34.length < 1) {
                                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters", schemaPath: "#/definitions/environment/properties/clusters/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema3.properties.clusters, data: data34 }];
                                                                      return false;
                                                                    } else {
                                                                      var valid12 = true;
                                                                      const len2 = data34.length;
                                                                      for (let i2 = 0; i2 < len2; i2++) {
                                                                        let data35 = data34[i2];
                                                                        const _errs87 = errors;
                                                                        if (errors === _errs87) {
                                                                          if (typeof data35 === "string") {
                                                                            if (func1(data35) > 100) {
                                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters/" + i2, schemaPath: "#/definitions/environment/properties/clusters/items/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema3.properties.clusters.items, data: data35 }];
                                                                              return false;
                                                                            } else {
                                                                              if (func1(data35) < 1) {
                                                                                validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters/" + i2, schemaPath: "#/definitions/environment/properties/clusters/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.clusters.items, data: data35 }];
                                                                                return false;
                                                                              } else {
                                                                                if (!pattern9.test(data35)) {
                                                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters/" + i2, schemaPath: "#/definitions/environment/properties/clusters/items/pattern", keyword: "pattern", params: { pattern: "^[^\\u0000-\\u001f\\u007f]+$" }, message: 'must match pattern "^[^\\u0000-\\u001f\\u007f]+$"', schema: "^[^\\u0000-\\u001f\\u007f]+$", parentSchema: schema3.properties.clusters.items, data: data35 }];
                                                                                  return false;
                                                                                }
                                                                              }
                                                                            }
                                                                          } else {
                                                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters/" + i2, schemaPath: "#/definitions/environment/properties/clusters/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.clusters.items.type, parentSchema: schema3.properties.clusters.items, data: data35 }];
                                                                            return false;
                                                                          }
                                                                        }
                                                                        var valid12 = _errs87 === errors;
                                                                        if (!valid12) {
                                                                          break;
                                                                        }
                                                                      }
                                                                      if (valid12) {
                                                                        let i3 = data34.length;
                                                                        let j0;
                                                                        if (i3 > 1) {
                                                                          const indices0 = {};
                                                                          for (; i3--; ) {
                                                                            let item0 = data34[i3];
                                                                            if (typeof item0 !== "string") {
                                                                              continue;
                                                                            }
                                                                            if (typeof indices0[item0] == "number") {
                                                                              j0 = indices0[item0];
                                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters", schemaPath: "#/definitions/environment/properties/clusters/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema3.properties.clusters, data: data34 }];
                                                                              return false;
                                                                              break;
                                                                            }
                                                                            indices0[item0] = i3;
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                  } else {
                                                                    validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/clusters", schemaPath: "#/definitions/environment/properties/clusters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema3.properties.clusters.type, parentSchema: schema3.properties.clusters, data: data34 }];
                                                                    return false;
                                                                  }
                                                                }
                                                                var valid11 = _errs85 === errors;
                                                              } else {
                                                                var valid11 = true;
                                                              }
                                                              if (valid11) {
                                                                let data36 = data26.dependsOn;
                                                                const _errs90 = errors;
                                                                if (errors === _errs90) {
                                                                  if (Array.isArray(data36)) {
                                                                    var valid14 = true;
                                                                    const len3 = data36.length;
                                                                    for (let i4 = 0; i4 < len3; i4++) {
                                                                      let data37 = data36[i4];
                                                                      const _errs92 = errors;
                                                                      if (errors === _errs92) {
                                                                        if (typeof data37 === "string") {
                                                                          if (func1(data37) > 253) {
                                                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/dependsOn/" + i4, schemaPath: "#/definitions/environment/properties/dependsOn/items/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema3.properties.dependsOn.items, data: data37 }];
                                                                            return false;
                                                                          } else {
                                                                            if (!pattern8.test(data37)) {
                                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/dependsOn/" + i4, schemaPath: "#/definitions/environment/properties/dependsOn/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema3.properties.dependsOn.items, data: data37 }];
                                                                              return false;
                                                                            }
                                                                          }
                                                                        } else {
                                                                          validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/dependsOn/" + i4, schemaPath: "#/definitions/environment/properties/dependsOn/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.dependsOn.items.type, parentSchema: schema3.properties.dependsOn.items, data: data37 }];
                                                                          return false;
                                                                        }
                                                                      }
                                                                      var valid14 = _errs92 === errors;
                                                                      if (!valid14) {
                                                                        break;
                                                                      }
                                                                    }
                                                                    if (valid14) {
                                                                      let i5 = data36.length;
                                                                      let j1;
                                                                      if (i5 > 1) {
                                                                        const indices1 = {};
                                                                        for (; i5--; ) {
                                                                          let item1 = data36[i5];
                                                                          if (typeof item1 !== "string") {
                                                                            continue;
                                                                          }
                                                                          if (typeof indices1[item1] == "number") {
                                                                            j1 = indices1[item1];
                                                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/dependsOn", schemaPath: "#/definitions/environment/properties/dependsOn/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i5 + " are identical)", schema: true, parentSchema: schema3.properties.dependsOn, data: data36 }];
                                                                            return false;
                                                                            break;
                                                                          }
                                                                          indices1[item1] = i5;
                                                                        }
                                                                      }
                                                                    }
                                                                  } else {
                                                                    validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/dependsOn", schemaPath: "#/definitions/environment/properties/dependsOn/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema3.properties.dependsOn.type, parentSchema: schema3.properties.dependsOn, data: data36 }];
                                                                    return false;
                                                                  }
                                                                }
                                                                var valid11 = _errs90 === errors;
                                                                if (valid11) {
                                                                  if (data26.promoteFrom !== void 0) {
                                                                    let data38 = data26.promoteFrom;
                                                                    const _errs95 = errors;
                                                                    if (typeof data38 !== "string") {
                                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/promoteFrom", schemaPath: "#/definitions/environment/properties/promoteFrom/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.promoteFrom.type, parentSchema: schema3.properties.promoteFrom, data: data38 }];
                                                                      return false;
                                                                    }
                                                                    var valid11 = _errs95 === errors;
                                                                  } else {
                                                                    var valid11 = true;
                                                                  }
                                                                  if (valid11) {
                                                                    let data39 = data26.values;
                                                                    const _errs97 = errors;
                                                                    if (!(data39 && typeof data39 == "object" && !Array.isArray(data39))) {
                                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/definitions/environment/properties/values/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema3.properties.values.type, parentSchema: schema3.properties.values, data: data39 }];
                                                                      return false;
                                                                    }
                                                                    var valid11 = _errs97 === errors;
                                                                    if (valid11) {
                                                                      if (data26.valuesFiles !== void 0) {
                                                                        let data40 = data26.valuesFiles;
                                                                        const _errs99 = errors;
                                                                        if (errors === _errs99) {
                                                                          if (Array.isArray(data40)) {
                                                                            var valid16 = true;
                                                                            const len4 = data40.length;
                                                                            for (let i6 = 0; i6 < len4; i6++) {
                                                                              let data41 = data40[i6];
                                                                              const _errs101 = errors;
                                                                              if (errors === _errs101) {
                                                                                if (typeof data41 === "string") {
                                                                                  if (func1(data41) < 1) {
                                                                                    validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/valuesFiles/" + i6, schemaPath: "#/definitions/environment/properties/valuesFiles/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.valuesFiles.items, data: data41 }];
                                                                                    return false;
                                                                                  }
                                                                                } else {
                                                                                  validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/valuesFiles/" + i6, schemaPath: "#/definitions/environment/properties/valuesFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.valuesFiles.items.type, parentSchema: schema3.properties.valuesFiles.items, data: data41 }];
                                                                                  return false;
                                                                                }
                                                                              }
                                                                              var valid16 = _errs101 === errors;
                                                                              if (!valid16) {
                                                                                break;
                                                                              }
                                                                            }
                                                                          } else {
                                                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/valuesFiles", schemaPath: "#/definitions/environment/properties/valuesFiles/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema3.properties.valuesFiles.type, parentSchema: schema3.properties.valuesFiles, data: data40 }];
                                                                            return false;
                                                                          }
                                                                        }
                                                                        var valid11 = _errs99 === errors;
                                                                      } else {
                                                                        var valid11 = true;
                                                                      }
                                                                      if (valid11) {
                                                                        if (data26.kubeVersion !== void 0) {
                                                                          let data42 = data26.kubeVersion;
                                                                          const _errs103 = errors;
                                                                          if (errors === _errs103) {
                                                                            if (typeof data42 === "string") {
                                                                              if (!pattern11.test(data42)) {
                                                                                validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/kubeVersion", schemaPath: "#/definitions/environment/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema3.properties.kubeVersion, data: data42 }];
                                                                                return false;
                                                                              }
                                                                            } else {
                                                                              validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/kubeVersion", schemaPath: "#/definitions/environment/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.kubeVersion.type, parentSchema: schema3.properties.kubeVersion, data: data42 }];
                                                                              return false;
                                                                            }
                                                                          }
                                                                          var valid11 = _errs103 === errors;
                                                                        } else {
                                                                          var valid11 = true;
                                                                        }
                                                                        if (valid11) {
                                                                          if (data26.apiVersions !== void 0) {
                                                                            let data43 = data26.apiVersions;
                                                                            const _errs106 = errors;
                                                                            if (errors === _errs106) {
                                                                              if (Array.isArray(data43)) {
                                                                                var valid17 = true;
                                                                                const len5 = data43.length;
                                                                                for (let i7 = 0; i7 < len5; i7++) {
                                                                                  let data44 = data43[i7];
                                                                                  const _errs108 = errors;
                                                                                  if (errors === _errs108) {
                                                                                    if (typeof data44 === "string") {
                                                                                      if (func1(data44) < 1) {
                                                                                        validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/apiVersions/" + i7, schemaPath: "#/definitions/environment/properties/apiVersions/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema3.properties.apiVersions.items, data: data44 }];
                                                                                        return false;
                                                                                      }
                                                                                    } else {
                                                                                      validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/apiVersions/" + i7, schemaPath: "#/definitions/environment/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.apiVersions.items.type, parentSchema: schema3.properties.apiVersions.items, data: data44 }];
                                                                                      return false;
                                                                                    }
                                                                                  }
                                                                                  var valid17 = _errs108 === errors;
                                                                                  if (!valid17) {
                                                                                    break;
                                                                                  }
                                                                                }
                                                                              } else {
                                                                                validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/apiVersions", schemaPath: "#/definitions/environment/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema3.properties.apiVersions.type, parentSchema: schema3.properties.apiVersions, data: data43 }];
                                                                                return false;
                                                                              }
                                                                            }
                                                                            var valid11 = _errs106 === errors;
                                                                          } else {
                                                                            var valid11 = true;
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate0.errors = [{ instancePath: instancePath + "/environments/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/environment/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema3.type, parentSchema: schema3, data: data26 }];
                                            return false;
                                          }
                                        }
                                        var valid9 = _errs65 === errors;
                                        if (!valid9) {
                                          break;
                                        }
                                      }
                                    }
                                  }
                                } else {
                                  validate0.errors = [{ instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.environments.type, parentSchema: schema0.properties.environments, data: data25 }];
                                  return false;
                                }
                              }
                              var valid0 = _errs61 === errors;
                            } else {
                              var valid0 = true;
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate0.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.type, parentSchema: schema0, data }];
      return false;
    }
  }
  validate0.errors = vErrors;
  return errors === 0;
}

// src/core/config.ts
function parseConfig(text, fileName) {
  const { data, doc, lines } = parseYamlSource(text, fileName);
  refuseSourceCount(data, doc, lines, fileName);
  checkSchema(ferry_schema_validate_default, data, { doc, lines }, fileName);
  const config = data;
  const environments = {};
  for (const [name, env] of Object.entries(config.environments)) {
    environments[name] = {
      name,
      repo: env.repo,
      forge: env.forge,
      branch: env.branch ?? "main",
      path: env.path.replace(/\/+$/, ""),
      namespace: env.namespace,
      inventory: env.inventory ?? `${config.app}-${name}`,
      clusters: env.clusters,
      dependsOn: env.dependsOn,
      secrets: env.secrets?.replace(/\/+$/, ""),
      promoteFrom: env.promoteFrom,
      values: env.values ?? {},
      valuesFiles: env.valuesFiles ?? [],
      kubeVersion: env.kubeVersion,
      apiVersions: env.apiVersions ?? []
    };
  }
  const lineOf = (path) => locate(doc, lines, path);
  for (const env of Object.values(environments)) {
    const own = env.dependsOn.indexOf(env.inventory);
    if (own >= 0) {
      const at = lineOf(["environments", env.name, "dependsOn", own]);
      throw new ConfigError(
        `${fileName}:${at}: environments.${env.name}.dependsOn[${own}]: "${env.inventory}" is this environment's own inventory`
      );
    }
    const pathProblem = repoPathProblem(env.path);
    if (pathProblem) {
      const at = lineOf(["environments", env.name, "path"]);
      throw new ConfigError(`${fileName}:${at}: environments.${env.name}.path: ${pathProblem}`);
    }
    if (env.promoteFrom !== void 0 && !(env.promoteFrom in environments)) {
      const at = lineOf(["environments", env.name, "promoteFrom"]);
      throw new ConfigError(
        `${fileName}:${at}: environments.${env.name}.promoteFrom: no environment named "${env.promoteFrom}"`
      );
    }
  }
  const source = sourceOf(config);
  if (source.kind !== "helm") refuseHelmOnlyKeys(config, doc, lines, fileName);
  const policy = {
    allowRemote: config.allowRemote ?? false,
    hooks: config.hooks ?? "refuse",
    volatile: config.volatile ?? []
  };
  const { app, image } = config;
  return { app, image, source, policy, environments, file: fileName, lineOf };
}
function sourceOf(config) {
  if (config.kustomize !== void 0) return { kind: "kustomize", folder: config.kustomize };
  if (config.helm !== void 0) {
    const { releaseName, ...helm } = config.helm;
    return { kind: "helm", ...helm, releaseName: releaseName ?? config.app };
  }
  return { kind: "templates", folder: config.templates };
}
function refuseSourceCount(data, doc, lines, fileName) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return;
  const given = SOURCE_KEYS.filter((key) => key in data);
  const keys = SOURCE_KEYS.join(", ");
  if (given.length === 0)
    throw new ConfigError(
      `${fileName}:${locate(doc, lines, [])}: (top level): give one of ${keys} (how the manifests are made)`
    );
  if (given.length > 1) {
    const at = locate(doc, lines, [given[1]]);
    throw new ConfigError(
      `${fileName}:${at}: ${given[1]}: give only one of ${keys} (${given[0]} is given too)`
    );
  }
}
function refuseHelmOnlyKeys(config, doc, lines, fileName) {
  for (const [name, env] of Object.entries(config.environments)) {
    const key = ["valuesFiles", "kubeVersion", "apiVersions"].find(
      (k) => env[k] !== void 0
    );
    if (key === void 0) continue;
    const at = locate(doc, lines, ["environments", name, key]);
    throw new ConfigError(
      `${fileName}:${at}: environments.${name}.${key}: only for a Helm chart (helm:)`
    );
  }
}
function inferForge(env) {
  if (env.forge) return env.forge;
  if (/^(https?:\/\/|git@)github\.com[/:]/.test(env.repo)) return "github";
  if (/gitlab/.test(env.repo)) return "gitlab";
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(env.repo) && !env.repo.startsWith(".")) {
    return "github";
  }
  return "git";
}

// src/core/file-names.ts
import { createHash } from "node:crypto";
function manifestFileNames(manifests) {
  const usual = manifests.map(
    ({ object }) => `${object.kind}-${object.metadata.name}`.toLowerCase()
  );
  const count = /* @__PURE__ */ new Map();
  for (const name of usual) count.set(name, (count.get(name) ?? 0) + 1);
  const names = manifests.map(({ object }, i) => {
    const plain = PLAIN.test(usual[i]) && count.get(usual[i]) === 1;
    const namespace = object.metadata.namespace ?? "";
    const group = groupOf(object.apiVersion);
    const name = plain ? usual[i] : `${encoded(object.kind.toLowerCase(), KIND_KEPT)}-${encoded(object.metadata.name)}_${encoded(namespace)}${group ? `_${encoded(group)}` : ""}`;
    return `${shortened(name, identityOf(object))}.yaml`;
  });
  const seen = /* @__PURE__ */ new Map();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== void 0) {
      const [a, b] = [manifests[first], manifests[i]];
      throw new ConfigError(
        `${b.source}: ${describeObject(b.object)} (${b.object.apiVersion}) and ${describeObject(a.object)} (${a.object.apiVersion}) in ${a.source} would both be written to ${name}; rename one`
      );
    }
    seen.set(name, i);
  });
  return names;
}
var PLAIN = /^[a-z0-9.-]+$/;
var KEPT = /[a-z0-9.-]/;
var KIND_KEPT = /[a-z0-9.]/;
var MAX_LENGTH = 200;
function encoded(part, kept = KEPT) {
  let out = "";
  for (const byte of Buffer.from(part, "utf8")) {
    const char = String.fromCharCode(byte);
    out += byte < 128 && kept.test(char) ? char : `%${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}
function shortened(name, identity) {
  if (name.length <= MAX_LENGTH) return name;
  const hash = createHash("sha256").update(identity).digest("hex").slice(0, 16);
  return `${name.slice(0, MAX_LENGTH - 17)}~${hash}`;
}

// src/commands/env-repo/app-source.ts
import { join, resolve } from "node:path";
function valuesAt(path, value) {
  return path.split(".").reverse().reduce((inner, key) => ({ [key]: inner }), value);
}
function imageValues(source, image) {
  if (!image.tag)
    throw new ConfigError(
      `helm.imageValue: a chart receives the image as a tag; give --image-tag (with --image-digest, ${source.imageValue} gets tag@digest)`
    );
  const tag = image.digest ? `${image.tag}@${image.digest}` : image.tag;
  const values = [valuesAt(source.imageValue, tag)];
  if (source.imageRepositoryValue)
    values.push(valuesAt(source.imageRepositoryValue, image.repository));
  return values;
}
async function runTool(render2, source) {
  const { config, environment, image, baseDir } = render2;
  if (source.kind === "kustomize") {
    const display = source.folder.replaceAll("{env}", environment.name);
    const tool2 = await findTool("kustomize", render2.tools);
    const dir = join(baseDir, display);
    const manifests2 = await kustomizeBuild({ dir, display, policy: config.policy, tool: tool2, image });
    return { manifests: manifests2, tool: tool2, display, how: "`kustomize edit set image`" };
  }
  const tool = await findTool("helm", render2.tools);
  const manifests = await helmTemplate({
    chart: isRemoteChartReference(source.chart) ? source.chart : join(baseDir, source.chart),
    display: source.chart,
    ...source.version ? { version: source.version } : {},
    releaseName: source.releaseName,
    namespace: environment.namespace ?? "default",
    valuesFiles: environment.valuesFiles.map((file) => ({
      path: join(baseDir, file),
      display: file
    })),
    values: [environment.values, ...imageValues(source, image)],
    ...environment.kubeVersion ? { kubeVersion: environment.kubeVersion } : {},
    apiVersions: environment.apiVersions,
    policy: config.policy,
    tool
  });
  return { manifests, tool, display: source.chart, how: `helm.${source.imageValue}` };
}
function sourceFolder(config, environment, baseDir) {
  const { source } = config;
  if (source.kind === "templates")
    return { path: resolve(baseDir, source.folder), what: "templates folder" };
  if (source.kind === "kustomize")
    return {
      path: resolve(baseDir, source.folder.replaceAll("{env}", environment.name)),
      what: "kustomize folder"
    };
  if (isRemoteChartReference(source.chart)) return void 0;
  return { path: resolve(baseDir, source.chart), what: "chart" };
}
async function readAppTemplates(render2, written) {
  const { baseDir, repository } = render2;
  const folder = resolve(baseDir, written);
  const outside = await pathRelation(folder, repository) === "apart";
  return readTemplates(folder, baseDir, written, outside ? folder : repository);
}
async function renderApp(render2) {
  const { config, environment, image, source, secrets } = render2;
  if (config.source.kind === "templates") {
    const { renderManifests } = await import("./render-4NOZLFLB.js");
    const templates = await readAppTemplates(render2, config.source.folder);
    return {
      manifests: renderManifests({ config, environment, image, source, templates, secrets })
    };
  }
  const built = await runTool(render2, config.source);
  const { manifests, skipped } = applyHookPolicy(built.manifests, config.policy.hooks);
  if (skipped.length > 0)
    render2.log?.info(`hooks: skip: left out ${skipped.length} Helm hook(s): ${skipped.join(", ")}`);
  if (!manifests.some((m) => usesImage(m.object, image)))
    throw new ConfigError(
      `${built.display}: no object uses ${image.ref} after ${built.how}; check that image: (${config.image}) is how the workloads name the image`
    );
  const renderer = await built.tool.label;
  return {
    manifests: finishManifests(manifests, {
      config,
      environment,
      image,
      source,
      secrets,
      renderer
    }),
    renderer
  };
}

// src/commands/env-repo/render.ts
async function loadConfig(configPath) {
  const baseDir = dirname(resolve2(configPath));
  const inside = await linkGuard(await repositoryRoot(baseDir), "the repository");
  await inside(configPath, "config file");
  const config = parseConfig(await readTextFile(configPath, "config file"), configPath);
  return { config, baseDir };
}
async function loadEnvironment(configPath, envName) {
  const { config, baseDir } = await loadConfig(configPath);
  const environment = Object.hasOwn(config.environments, envName) ? config.environments[envName] : void 0;
  if (!environment) {
    const known = Object.keys(config.environments).join(", ");
    throw new ConfigError(`${configPath}: no environment "${envName}" (environments: ${known})`);
  }
  return { config, environment, baseDir };
}
async function renderEnvironment(config, environment, image, source, baseDir, extra = {}) {
  const repository = await repositoryRoot(baseDir);
  const secrets = environment.secrets ? await readTemplates(
    join2(baseDir, environment.secrets),
    baseDir,
    environment.secrets,
    repository,
    "secrets folder"
  ) : [];
  const { manifests, renderer } = await renderApp({
    config,
    environment,
    image,
    source,
    baseDir,
    repository,
    secrets,
    ...extra
  });
  const names = manifestFileNames(manifests);
  const documents = new Map(
    names.map((name, i) => {
      const { object, verbatim } = manifests[i];
      return [name, verbatim ?? toYamlDocument(object)];
    })
  );
  return { manifests, documents, ...renderer ? { renderer } : {} };
}
async function refuseOutOverlap(out, configPath, sources) {
  const toSources = sources ? await pathRelation(out, sources.path) : "apart";
  const problem = await pathRelation(out, configPath) === "holds" ? `holds the config file ${configPath}` : toSources === "apart" ? void 0 : `${toSources === "same" ? "is" : toSources === "inside" ? "is inside" : "holds"} the ${sources.what} ${sources.path}`;
  if (problem)
    throw new ConfigError(
      `--out ${out}: ${problem}; choose a folder of its own for rendered files`
    );
}
async function render(options, log) {
  const { config, environment, baseDir } = await loadEnvironment(options.config, options.env);
  const image = imageReference(config.image, options.imageTag, options.imageDigest);
  const source = detectSource(process.env, options.source);
  const { manifests, documents, renderer } = await renderEnvironment(
    config,
    environment,
    image,
    source,
    baseDir,
    { tools: options.tools, log }
  );
  const names = [...documents.keys()];
  if (options.out) {
    await refuseOutOverlap(options.out, options.config, sourceFolder(config, environment, baseDir));
    await replaceDirectory(options.out, documents, (text, name) => !!renderedBy(text, name));
    log.info(
      `rendered ${manifests.length} objects for ${config.app}/${environment.name} into ${options.out}`
    );
  }
  return {
    image,
    environment,
    objects: manifests.map(({ object }) => describeObject(object)),
    yaml: [...documents.values()].map((text) => text.endsWith("\n") ? text : `${text}
`).join("---\n"),
    files: options.out ? names : [],
    documents,
    ...renderer ? { renderer } : {}
  };
}

export {
  inferForge,
  loadConfig,
  loadEnvironment,
  renderEnvironment,
  render
};
//# sourceMappingURL=chunk-3T5PNWXG.js.map
