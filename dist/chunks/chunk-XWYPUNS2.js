import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  CONNECTION,
  cluster,
  defaulted,
  flag,
  output,
  reworded,
  root,
  valued
} from "./chunk-EYYM253O.js";
import {
  parseClusterName,
  parseList
} from "./chunk-I5IJWC2A.js";

// src/options/sets.ts
var SETS_OUTPUTS = ["text", "json", "github-matrix", "gitlab-pipeline"];
var SETS_OPTIONS = [
  reworded(root, "folder to look for sets under (folders holding a .ferry-set.yaml)"),
  defaulted(
    valued("cluster", "<names>", "clusters to list the sets of, comma-separated", {
      parse: (text, option) => parseList(text).map((name) => parseClusterName(name, option)),
      details: "a set that names no clusters in its descriptor is listed for each"
    }),
    ["default"],
    "default"
  ),
  flag("changed", "only the sets whose folder differs from what the cluster last applied", {
    details: "one cluster; reads its inventories (one request)"
  }),
  valued("changed-since", "<rev>", "only the sets whose folder differs from this revision", {
    details: "a pull request's base, or the commit before a push; a new set counts as changed"
  }),
  reworded(
    output(SETS_OUTPUTS),
    "list format",
    "`github-matrix`: the JSON `strategy.matrix` takes; `gitlab-pipeline`: a child pipeline (with --gitlab-template)"
  ),
  valued(
    "gitlab-template",
    "<file>",
    "with --output gitlab-pipeline: the body of the job that applies one set",
    {
      only: "cli",
      details: 'a YAML mapping (image, variables, script running `ferry apply --set "$FERRY_SET" --cluster "$FERRY_CLUSTER"`); each set becomes a job extending it, with `needs` for its dependencies'
    }
  ),
  ...CONNECTION
];
function listSetsOptions(values) {
  return {
    root: values.root,
    clusters: values.cluster,
    changed: values.changed,
    changedSince: values.changedSince,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout
  };
}
var STATUS_OPTIONS = [
  reworded(root, "folder to look for sets under (folders holding a .ferry-set.yaml)"),
  reworded(cluster, "the cluster the kubeconfig reaches, as the sets name it"),
  output(["text", "json"]),
  ...CONNECTION
];
function statusOptions(values) {
  return {
    root: values.root,
    cluster: values.cluster,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout
  };
}

export {
  SETS_OPTIONS,
  listSetsOptions,
  STATUS_OPTIONS,
  statusOptions
};
//# sourceMappingURL=chunk-XWYPUNS2.js.map
