import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkSchema,
  locate,
  parseYamlSource,
  require_equal,
  require_ucs2length
} from "./chunk-A4S5FLSL.js";
import {
  parseDuration
} from "./chunk-I5IJWC2A.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import {
  __toESM
} from "./chunk-JQ6NJE4M.js";

// src/core/set-schema-validate.mjs
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_equal = __toESM(require_equal(), 1);
var set_schema_validate_default = validate0;
var schema0 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/ferry-gitops/ferry/schema/ferry-set.schema.json", "title": ".ferry-set.yaml", "description": "Describes one set of the environment repository: the folder holding this file is applied as one inventory (a kubectl ApplySet). ferry propose, promote and rollback write it for an app's folder; folders written by hand (CRDs, operators) get one by hand.", "type": "object", "additionalProperties": false, "required": ["inventory"], "properties": { "$schema": { "type": "string" }, "inventory": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)", "description": "Inventory (ApplySet) name: the ConfigMap that records the set, and the name other sets use in dependsOn. Unique among the sets of a cluster." }, "namespace": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "x-error": "expected a DNS-1123 label", "description": "Namespace for objects that name none, and for the inventory record. Default: the kubeconfig context's." }, "clusters": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\u0000-\\u001f\\u007f]+$", "x-error": "expected a cluster name (1 to 100 characters, no control characters)" }, "description": "Clusters this set is applied to, as ferry's --cluster names them. Default: every cluster." }, "dependsOn": { "type": "array", "uniqueItems": true, "items": { "type": "string", "maxLength": 253, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "x-error": "expected an inventory name" }, "default": [], "description": "Inventories of the same cluster that are applied, and ready, before this one (CRDs before the operator, the operator before its custom resources)." }, "prune": { "type": "boolean", "default": false, "description": "Delete what was removed from the folder (after the apply and rollout succeeded)." }, "pruneAllow": { "type": "array", "uniqueItems": true, "items": { "enum": ["Namespace", "CustomResourceDefinition", "PersistentVolume", "PersistentVolumeClaim"] }, "default": [], "description": "Protected kinds prune may delete." }, "maxDeletions": { "type": "integer", "minimum": 0, "description": "Abort before pruning more than this many objects." }, "wait": { "type": "boolean", "default": false, "description": "Wait for rollouts to complete before the set counts as applied (and before its dependents start)." }, "timeout": { "type": "string", "minLength": 1, "description": "How long wait waits (e.g. 90s, 5m, 1h). Default: 5m." }, "helm": { "type": "object", "additionalProperties": false, "description": "For a folder holding a Helm chart (Chart.yaml): how it is templated. Its values.yaml is always read first.", "properties": { "valuesFiles": { "$ref": "ferry.schema.json#/definitions/environment/properties/valuesFiles" }, "releaseName": { "$ref": "ferry.schema.json#/definitions/helm/properties/releaseName" }, "kubeVersion": { "$ref": "ferry.schema.json#/definitions/environment/properties/kubeVersion" }, "apiVersions": { "$ref": "ferry.schema.json#/definitions/environment/properties/apiVersions" } } }, "allowRemote": { "$ref": "ferry.schema.json#/properties/allowRemote" }, "hooks": { "$ref": "ferry.schema.json#/properties/hooks" }, "volatile": { "$ref": "ferry.schema.json#/properties/volatile" } } };
var schema5 = { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Helm values files, relative to this file, in order (after the chart's values.yaml, before values)." };
var schema6 = { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", "x-error": "expected a Helm release name (lowercase letters, digits and '-', at most 53 characters)", "description": "Release name helm templates see (default: the app)." };
var schema7 = { "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "x-error": "expected a Kubernetes version such as 1.34 or v1.34.2", "description": "Kubernetes version of the environment's cluster, for Helm's .Capabilities (helm --kube-version)." };
var schema8 = { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "API versions the cluster serves, for Helm's .Capabilities.APIVersions (helm --api-versions), e.g. monitoring.coreos.com/v1." };
var schema9 = { "type": "boolean", "default": false, "description": "Let kustomize fetch remote resources (URLs, git) and helm use remote charts or dependencies not vendored in the chart's charts/ folder. Off by default: builds are offline and reproducible." };
var schema10 = { "enum": ["refuse", "skip"], "default": "refuse", "description": "Objects annotated helm.sh/hook: refused (default), or skipped (left out of the output). ferry applies plain objects and cannot run hooks in their phase." };
var func0 = Object.prototype.hasOwnProperty;
var func1 = import_ucs2length.default.default;
var func5 = import_equal.default.default;
var pattern0 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "u");
var pattern1 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
var pattern2 = new RegExp("^[^\\u0000-\\u001f\\u007f]+$", "u");
var pattern7 = new RegExp("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", "u");
var pattern15 = new RegExp("^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
var schema11 = { "type": "array", "description": "Fields allowed to differ between the two renders ferry compares (JSON pointers, optionally for selected objects): the first render's value is used.", "items": { "$ref": "#/definitions/volatileRule" } };
var schema3 = { "type": "object", "additionalProperties": false, "required": ["paths"], "properties": { "paths": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^/", "x-error": "expected a JSON pointer starting with /" } }, "target": { "type": "object", "additionalProperties": false, "properties": { "group": { "type": "string" }, "version": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "namespace": { "type": "string" }, "labelSelector": { "type": "string" }, "annotationSelector": { "type": "string" } } } } };
var pattern8 = new RegExp("^/", "u");
function validate2(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (errors === _errs2) {
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            let missing0;
            if (data0.paths === void 0 && (missing0 = "paths")) {
              validate2.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/volatileRule/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'", schema: schema3.required, parentSchema: schema3, data: data0 }];
              return false;
            } else {
              const _errs4 = errors;
              for (const key0 in data0) {
                if (!(key0 === "paths" || key0 === "target")) {
                  validate2.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/volatileRule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema3, data: data0 }];
                  return false;
                  break;
                }
              }
              if (_errs4 === errors) {
                if (data0.paths !== void 0) {
                  let data1 = data0.paths;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (Array.isArray(data1)) {
                      if (data1.length < 1) {
                        validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/paths", schemaPath: "#/definitions/volatileRule/properties/paths/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema3.properties.paths, data: data1 }];
                        return false;
                      } else {
                        var valid3 = true;
                        const len1 = data1.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          let data2 = data1[i1];
                          const _errs7 = errors;
                          if (errors === _errs7) {
                            if (typeof data2 === "string") {
                              if (!pattern8.test(data2)) {
                                validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/paths/" + i1, schemaPath: "#/definitions/volatileRule/properties/paths/items/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"', schema: "^/", parentSchema: schema3.properties.paths.items, data: data2 }];
                                return false;
                              }
                            } else {
                              validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/paths/" + i1, schemaPath: "#/definitions/volatileRule/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.paths.items.type, parentSchema: schema3.properties.paths.items, data: data2 }];
                              return false;
                            }
                          }
                          var valid3 = _errs7 === errors;
                          if (!valid3) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/paths", schemaPath: "#/definitions/volatileRule/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema3.properties.paths.type, parentSchema: schema3.properties.paths, data: data1 }];
                      return false;
                    }
                  }
                  var valid2 = _errs5 === errors;
                } else {
                  var valid2 = true;
                }
                if (valid2) {
                  if (data0.target !== void 0) {
                    let data3 = data0.target;
                    const _errs10 = errors;
                    if (errors === _errs10) {
                      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                        const _errs12 = errors;
                        for (const key1 in data3) {
                          if (!(key1 === "group" || key1 === "version" || key1 === "kind" || key1 === "name" || key1 === "namespace" || key1 === "labelSelector" || key1 === "annotationSelector")) {
                            validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target", schemaPath: "#/definitions/volatileRule/properties/target/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema3.properties.target, data: data3 }];
                            return false;
                            break;
                          }
                        }
                        if (_errs12 === errors) {
                          if (data3.group !== void 0) {
                            let data4 = data3.group;
                            const _errs13 = errors;
                            if (typeof data4 !== "string") {
                              validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/group", schemaPath: "#/definitions/volatileRule/properties/target/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.group.type, parentSchema: schema3.properties.target.properties.group, data: data4 }];
                              return false;
                            }
                            var valid4 = _errs13 === errors;
                          } else {
                            var valid4 = true;
                          }
                          if (valid4) {
                            if (data3.version !== void 0) {
                              let data5 = data3.version;
                              const _errs15 = errors;
                              if (typeof data5 !== "string") {
                                validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/version", schemaPath: "#/definitions/volatileRule/properties/target/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.version.type, parentSchema: schema3.properties.target.properties.version, data: data5 }];
                                return false;
                              }
                              var valid4 = _errs15 === errors;
                            } else {
                              var valid4 = true;
                            }
                            if (valid4) {
                              if (data3.kind !== void 0) {
                                let data6 = data3.kind;
                                const _errs17 = errors;
                                if (typeof data6 !== "string") {
                                  validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/kind", schemaPath: "#/definitions/volatileRule/properties/target/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.kind.type, parentSchema: schema3.properties.target.properties.kind, data: data6 }];
                                  return false;
                                }
                                var valid4 = _errs17 === errors;
                              } else {
                                var valid4 = true;
                              }
                              if (valid4) {
                                if (data3.name !== void 0) {
                                  let data7 = data3.name;
                                  const _errs19 = errors;
                                  if (typeof data7 !== "string") {
                                    validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/name", schemaPath: "#/definitions/volatileRule/properties/target/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.name.type, parentSchema: schema3.properties.target.properties.name, data: data7 }];
                                    return false;
                                  }
                                  var valid4 = _errs19 === errors;
                                } else {
                                  var valid4 = true;
                                }
                                if (valid4) {
                                  if (data3.namespace !== void 0) {
                                    let data8 = data3.namespace;
                                    const _errs21 = errors;
                                    if (typeof data8 !== "string") {
                                      validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/namespace", schemaPath: "#/definitions/volatileRule/properties/target/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.namespace.type, parentSchema: schema3.properties.target.properties.namespace, data: data8 }];
                                      return false;
                                    }
                                    var valid4 = _errs21 === errors;
                                  } else {
                                    var valid4 = true;
                                  }
                                  if (valid4) {
                                    if (data3.labelSelector !== void 0) {
                                      let data9 = data3.labelSelector;
                                      const _errs23 = errors;
                                      if (typeof data9 !== "string") {
                                        validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/labelSelector", schemaPath: "#/definitions/volatileRule/properties/target/properties/labelSelector/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.labelSelector.type, parentSchema: schema3.properties.target.properties.labelSelector, data: data9 }];
                                        return false;
                                      }
                                      var valid4 = _errs23 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                    if (valid4) {
                                      if (data3.annotationSelector !== void 0) {
                                        let data10 = data3.annotationSelector;
                                        const _errs25 = errors;
                                        if (typeof data10 !== "string") {
                                          validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target/annotationSelector", schemaPath: "#/definitions/volatileRule/properties/target/properties/annotationSelector/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema3.properties.target.properties.annotationSelector.type, parentSchema: schema3.properties.target.properties.annotationSelector, data: data10 }];
                                          return false;
                                        }
                                        var valid4 = _errs25 === errors;
                                      } else {
                                        var valid4 = true;
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      } else {
                        validate2.errors = [{ instancePath: instancePath + "/" + i0 + "/target", schemaPath: "#/definitions/volatileRule/properties/target/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema3.properties.target.type, parentSchema: schema3.properties.target, data: data3 }];
                        return false;
                      }
                    }
                    var valid2 = _errs10 === errors;
                  } else {
                    var valid2 = true;
                  }
                }
              }
            }
          } else {
            validate2.errors = [{ instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/volatileRule/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema3.type, parentSchema: schema3, data: data0 }];
            return false;
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    } else {
      validate2.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.type, parentSchema: schema11, data }];
      return false;
    }
  }
  validate2.errors = vErrors;
  return errors === 0;
}
function validate0(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.dependsOn === void 0) {
        data.dependsOn = [];
      }
      if (data.prune === void 0) {
        data.prune = false;
      }
      if (data.pruneAllow === void 0) {
        data.pruneAllow = [];
      }
      if (data.wait === void 0) {
        data.wait = false;
      }
      let missing0;
      if (data.inventory === void 0 && (missing0 = "inventory")) {
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
            if (data.inventory !== void 0) {
              let data1 = data.inventory;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (func1(data1) > 253) {
                    validate0.errors = [{ instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema0.properties.inventory, data: data1 }];
                    return false;
                  } else {
                    if (!pattern0.test(data1)) {
                      validate0.errors = [{ instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema0.properties.inventory, data: data1 }];
                      return false;
                    }
                  }
                } else {
                  validate0.errors = [{ instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.inventory.type, parentSchema: schema0.properties.inventory, data: data1 }];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.namespace !== void 0) {
                let data2 = data.namespace;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (!pattern1.test(data2)) {
                      validate0.errors = [{ instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"', schema: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", parentSchema: schema0.properties.namespace, data: data2 }];
                      return false;
                    }
                  } else {
                    validate0.errors = [{ instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.namespace.type, parentSchema: schema0.properties.namespace, data: data2 }];
                    return false;
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.clusters !== void 0) {
                  let data3 = data.clusters;
                  const _errs10 = errors;
                  if (errors === _errs10) {
                    if (Array.isArray(data3)) {
                      if (data3.length < 1) {
                        validate0.errors = [{ instancePath: instancePath + "/clusters", schemaPath: "#/properties/clusters/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema0.properties.clusters, data: data3 }];
                        return false;
                      } else {
                        var valid1 = true;
                        const len0 = data3.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data4 = data3[i0];
                          const _errs12 = errors;
                          if (errors === _errs12) {
                            if (typeof data4 === "string") {
                              if (func1(data4) > 100) {
                                validate0.errors = [{ instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema0.properties.clusters.items, data: data4 }];
                                return false;
                              } else {
                                if (func1(data4) < 1) {
                                  validate0.errors = [{ instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.clusters.items, data: data4 }];
                                  return false;
                                } else {
                                  if (!pattern2.test(data4)) {
                                    validate0.errors = [{ instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/pattern", keyword: "pattern", params: { pattern: "^[^\\u0000-\\u001f\\u007f]+$" }, message: 'must match pattern "^[^\\u0000-\\u001f\\u007f]+$"', schema: "^[^\\u0000-\\u001f\\u007f]+$", parentSchema: schema0.properties.clusters.items, data: data4 }];
                                    return false;
                                  }
                                }
                              }
                            } else {
                              validate0.errors = [{ instancePath: instancePath + "/clusters/" + i0, schemaPath: "#/properties/clusters/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.clusters.items.type, parentSchema: schema0.properties.clusters.items, data: data4 }];
                              return false;
                            }
                          }
                          var valid1 = _errs12 === errors;
                          if (!valid1) {
                            break;
                          }
                        }
                        if (valid1) {
                          let i1 = data3.length;
                          let j0;
                          if (i1 > 1) {
                            const indices0 = {};
                            for (; i1--; ) {
                              let item0 = data3[i1];
                              if (typeof item0 !== "string") {
                                continue;
                              }
                              if (typeof indices0[item0] == "number") {
                                j0 = indices0[item0];
                                validate0.errors = [{ instancePath: instancePath + "/clusters", schemaPath: "#/properties/clusters/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema0.properties.clusters, data: data3 }];
                                return false;
                                break;
                              }
                              indices0[item0] = i1;
                            }
                          }
                        }
                      }
                    } else {
                      validate0.errors = [{ instancePath: instancePath + "/clusters", schemaPath: "#/properties/clusters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.clusters.type, parentSchema: schema0.properties.clusters, data: data3 }];
                      return false;
                    }
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  let data5 = data.dependsOn;
                  const _errs15 = errors;
                  if (errors === _errs15) {
                    if (Array.isArray(data5)) {
                      var valid3 = true;
                      const len1 = data5.length;
                      for (let i2 = 0; i2 < len1; i2++) {
                        let data6 = data5[i2];
                        const _errs17 = errors;
                        if (errors === _errs17) {
                          if (typeof data6 === "string") {
                            if (func1(data6) > 253) {
                              validate0.errors = [{ instancePath: instancePath + "/dependsOn/" + i2, schemaPath: "#/properties/dependsOn/items/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", schema: 253, parentSchema: schema0.properties.dependsOn.items, data: data6 }];
                              return false;
                            } else {
                              if (!pattern0.test(data6)) {
                                validate0.errors = [{ instancePath: instancePath + "/dependsOn/" + i2, schemaPath: "#/properties/dependsOn/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", parentSchema: schema0.properties.dependsOn.items, data: data6 }];
                                return false;
                              }
                            }
                          } else {
                            validate0.errors = [{ instancePath: instancePath + "/dependsOn/" + i2, schemaPath: "#/properties/dependsOn/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.dependsOn.items.type, parentSchema: schema0.properties.dependsOn.items, data: data6 }];
                            return false;
                          }
                        }
                        var valid3 = _errs17 === errors;
                        if (!valid3) {
                          break;
                        }
                      }
                      if (valid3) {
                        let i3 = data5.length;
                        let j1;
                        if (i3 > 1) {
                          const indices1 = {};
                          for (; i3--; ) {
                            let item1 = data5[i3];
                            if (typeof item1 !== "string") {
                              continue;
                            }
                            if (typeof indices1[item1] == "number") {
                              j1 = indices1[item1];
                              validate0.errors = [{ instancePath: instancePath + "/dependsOn", schemaPath: "#/properties/dependsOn/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)", schema: true, parentSchema: schema0.properties.dependsOn, data: data5 }];
                              return false;
                              break;
                            }
                            indices1[item1] = i3;
                          }
                        }
                      }
                    } else {
                      validate0.errors = [{ instancePath: instancePath + "/dependsOn", schemaPath: "#/properties/dependsOn/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.dependsOn.type, parentSchema: schema0.properties.dependsOn, data: data5 }];
                      return false;
                    }
                  }
                  var valid0 = _errs15 === errors;
                  if (valid0) {
                    let data7 = data.prune;
                    const _errs20 = errors;
                    if (typeof data7 !== "boolean") {
                      validate0.errors = [{ instancePath: instancePath + "/prune", schemaPath: "#/properties/prune/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema0.properties.prune.type, parentSchema: schema0.properties.prune, data: data7 }];
                      return false;
                    }
                    var valid0 = _errs20 === errors;
                    if (valid0) {
                      let data8 = data.pruneAllow;
                      const _errs22 = errors;
                      if (errors === _errs22) {
                        if (Array.isArray(data8)) {
                          var valid5 = true;
                          const len2 = data8.length;
                          for (let i4 = 0; i4 < len2; i4++) {
                            let data9 = data8[i4];
                            const _errs24 = errors;
                            if (!(data9 === "Namespace" || data9 === "CustomResourceDefinition" || data9 === "PersistentVolume" || data9 === "PersistentVolumeClaim")) {
                              validate0.errors = [{ instancePath: instancePath + "/pruneAllow/" + i4, schemaPath: "#/properties/pruneAllow/items/enum", keyword: "enum", params: { allowedValues: schema0.properties.pruneAllow.items.enum }, message: "must be equal to one of the allowed values", schema: schema0.properties.pruneAllow.items.enum, parentSchema: schema0.properties.pruneAllow.items, data: data9 }];
                              return false;
                            }
                            var valid5 = _errs24 === errors;
                            if (!valid5) {
                              break;
                            }
                          }
                          if (valid5) {
                            let i5 = data8.length;
                            let j2;
                            if (i5 > 1) {
                              outer0:
                                for (; i5--; ) {
                                  for (j2 = i5; j2--; ) {
                                    if (func5(data8[i5], data8[j2])) {
                                      validate0.errors = [{ instancePath: instancePath + "/pruneAllow", schemaPath: "#/properties/pruneAllow/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i5 + " are identical)", schema: true, parentSchema: schema0.properties.pruneAllow, data: data8 }];
                                      return false;
                                      break outer0;
                                    }
                                  }
                                }
                            }
                          }
                        } else {
                          validate0.errors = [{ instancePath: instancePath + "/pruneAllow", schemaPath: "#/properties/pruneAllow/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema0.properties.pruneAllow.type, parentSchema: schema0.properties.pruneAllow, data: data8 }];
                          return false;
                        }
                      }
                      var valid0 = _errs22 === errors;
                      if (valid0) {
                        if (data.maxDeletions !== void 0) {
                          let data10 = data.maxDeletions;
                          const _errs25 = errors;
                          if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
                            validate0.errors = [{ instancePath: instancePath + "/maxDeletions", schemaPath: "#/properties/maxDeletions/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema0.properties.maxDeletions.type, parentSchema: schema0.properties.maxDeletions, data: data10 }];
                            return false;
                          }
                          if (errors === _errs25) {
                            if (typeof data10 == "number" && isFinite(data10)) {
                              if (data10 < 0 || isNaN(data10)) {
                                validate0.errors = [{ instancePath: instancePath + "/maxDeletions", schemaPath: "#/properties/maxDeletions/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema0.properties.maxDeletions, data: data10 }];
                                return false;
                              }
                            }
                          }
                          var valid0 = _errs25 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          let data11 = data.wait;
                          const _errs27 = errors;
                          if (typeof data11 !== "boolean") {
                            validate0.errors = [{ instancePath: instancePath + "/wait", schemaPath: "#/properties/wait/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema0.properties.wait.type, parentSchema: schema0.properties.wait, data: data11 }];
                            return false;
                          }
                          var valid0 = _errs27 === errors;
                          if (valid0) {
                            if (data.timeout !== void 0) {
                              let data12 = data.timeout;
                              const _errs29 = errors;
                              if (errors === _errs29) {
                                if (typeof data12 === "string") {
                                  if (func1(data12) < 1) {
                                    validate0.errors = [{ instancePath: instancePath + "/timeout", schemaPath: "#/properties/timeout/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema0.properties.timeout, data: data12 }];
                                    return false;
                                  }
                                } else {
                                  validate0.errors = [{ instancePath: instancePath + "/timeout", schemaPath: "#/properties/timeout/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema0.properties.timeout.type, parentSchema: schema0.properties.timeout, data: data12 }];
                                  return false;
                                }
                              }
                              var valid0 = _errs29 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.helm !== void 0) {
                                let data13 = data.helm;
                                const _errs31 = errors;
                                if (errors === _errs31) {
                                  if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                                    const _errs33 = errors;
                                    for (const key1 in data13) {
                                      if (!(key1 === "valuesFiles" || key1 === "releaseName" || key1 === "kubeVersion" || key1 === "apiVersions")) {
                                        validate0.errors = [{ instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema0.properties.helm, data: data13 }];
                                        return false;
                                        break;
                                      }
                                    }
                                    if (_errs33 === errors) {
                                      if (data13.valuesFiles !== void 0) {
                                        let data14 = data13.valuesFiles;
                                        const _errs34 = errors;
                                        const _errs35 = errors;
                                        if (errors === _errs35) {
                                          if (Array.isArray(data14)) {
                                            var valid9 = true;
                                            const len3 = data14.length;
                                            for (let i6 = 0; i6 < len3; i6++) {
                                              let data15 = data14[i6];
                                              const _errs37 = errors;
                                              if (errors === _errs37) {
                                                if (typeof data15 === "string") {
                                                  if (func1(data15) < 1) {
                                                    validate0.errors = [{ instancePath: instancePath + "/helm/valuesFiles/" + i6, schemaPath: "ferry.schema.json#/definitions/environment/properties/valuesFiles/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema5.items, data: data15 }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate0.errors = [{ instancePath: instancePath + "/helm/valuesFiles/" + i6, schemaPath: "ferry.schema.json#/definitions/environment/properties/valuesFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema5.items.type, parentSchema: schema5.items, data: data15 }];
                                                  return false;
                                                }
                                              }
                                              var valid9 = _errs37 === errors;
                                              if (!valid9) {
                                                break;
                                              }
                                            }
                                          } else {
                                            validate0.errors = [{ instancePath: instancePath + "/helm/valuesFiles", schemaPath: "ferry.schema.json#/definitions/environment/properties/valuesFiles/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema5.type, parentSchema: schema5, data: data14 }];
                                            return false;
                                          }
                                        }
                                        var valid7 = _errs34 === errors;
                                      } else {
                                        var valid7 = true;
                                      }
                                      if (valid7) {
                                        if (data13.releaseName !== void 0) {
                                          let data16 = data13.releaseName;
                                          const _errs39 = errors;
                                          const _errs40 = errors;
                                          if (errors === _errs40) {
                                            if (typeof data16 === "string") {
                                              if (!pattern7.test(data16)) {
                                                validate0.errors = [{ instancePath: instancePath + "/helm/releaseName", schemaPath: "ferry.schema.json#/definitions/helm/properties/releaseName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", parentSchema: schema6, data: data16 }];
                                                return false;
                                              }
                                            } else {
                                              validate0.errors = [{ instancePath: instancePath + "/helm/releaseName", schemaPath: "ferry.schema.json#/definitions/helm/properties/releaseName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.type, parentSchema: schema6, data: data16 }];
                                              return false;
                                            }
                                          }
                                          var valid7 = _errs39 === errors;
                                        } else {
                                          var valid7 = true;
                                        }
                                        if (valid7) {
                                          if (data13.kubeVersion !== void 0) {
                                            let data17 = data13.kubeVersion;
                                            const _errs43 = errors;
                                            const _errs44 = errors;
                                            if (errors === _errs44) {
                                              if (typeof data17 === "string") {
                                                if (!pattern15.test(data17)) {
                                                  validate0.errors = [{ instancePath: instancePath + "/helm/kubeVersion", schemaPath: "ferry.schema.json#/definitions/environment/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema7, data: data17 }];
                                                  return false;
                                                }
                                              } else {
                                                validate0.errors = [{ instancePath: instancePath + "/helm/kubeVersion", schemaPath: "ferry.schema.json#/definitions/environment/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema7.type, parentSchema: schema7, data: data17 }];
                                                return false;
                                              }
                                            }
                                            var valid7 = _errs43 === errors;
                                          } else {
                                            var valid7 = true;
                                          }
                                          if (valid7) {
                                            if (data13.apiVersions !== void 0) {
                                              let data18 = data13.apiVersions;
                                              const _errs47 = errors;
                                              const _errs48 = errors;
                                              if (errors === _errs48) {
                                                if (Array.isArray(data18)) {
                                                  var valid13 = true;
                                                  const len4 = data18.length;
                                                  for (let i7 = 0; i7 < len4; i7++) {
                                                    let data19 = data18[i7];
                                                    const _errs50 = errors;
                                                    if (errors === _errs50) {
                                                      if (typeof data19 === "string") {
                                                        if (func1(data19) < 1) {
                                                          validate0.errors = [{ instancePath: instancePath + "/helm/apiVersions/" + i7, schemaPath: "ferry.schema.json#/definitions/environment/properties/apiVersions/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema8.items, data: data19 }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate0.errors = [{ instancePath: instancePath + "/helm/apiVersions/" + i7, schemaPath: "ferry.schema.json#/definitions/environment/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema8.items.type, parentSchema: schema8.items, data: data19 }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid13 = _errs50 === errors;
                                                    if (!valid13) {
                                                      break;
                                                    }
                                                  }
                                                } else {
                                                  validate0.errors = [{ instancePath: instancePath + "/helm/apiVersions", schemaPath: "ferry.schema.json#/definitions/environment/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema8.type, parentSchema: schema8, data: data18 }];
                                                  return false;
                                                }
                                              }
                                              var valid7 = _errs47 === errors;
                                            } else {
                                              var valid7 = true;
                                            }
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    validate0.errors = [{ instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema0.properties.helm.type, parentSchema: schema0.properties.helm, data: data13 }];
                                    return false;
                                  }
                                }
                                var valid0 = _errs31 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.allowRemote !== void 0) {
                                  let data20 = data.allowRemote;
                                  const _errs52 = errors;
                                  if (typeof data20 !== "boolean") {
                                    validate0.errors = [{ instancePath: instancePath + "/allowRemote", schemaPath: "ferry.schema.json#/properties/allowRemote/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema9.type, parentSchema: schema9, data: data20 }];
                                    return false;
                                  }
                                  var valid0 = _errs52 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.hooks !== void 0) {
                                    let data21 = data.hooks;
                                    const _errs55 = errors;
                                    if (!(data21 === "refuse" || data21 === "skip")) {
                                      validate0.errors = [{ instancePath: instancePath + "/hooks", schemaPath: "ferry.schema.json#/properties/hooks/enum", keyword: "enum", params: { allowedValues: schema10.enum }, message: "must be equal to one of the allowed values", schema: schema10.enum, parentSchema: schema10, data: data21 }];
                                      return false;
                                    }
                                    var valid0 = _errs55 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.volatile !== void 0) {
                                      const _errs57 = errors;
                                      if (!validate2(data.volatile, { instancePath: instancePath + "/volatile", parentData: data, parentDataProperty: "volatile", rootData })) {
                                        vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid0 = _errs57 === errors;
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

// src/core/set-descriptor.ts
var SET_DESCRIPTOR = ".ferry-set.yaml";
function parseSetDescriptor(text, file) {
  const { data, doc, lines } = parseYamlSource(text, file);
  checkSchema(set_schema_validate_default, data, { doc, lines }, file);
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
//# sourceMappingURL=chunk-CCTWZ5ZG.js.map
