import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  CONNECTION,
  SET_SOURCE,
  TOOLS,
  WORKFLOW_TOKEN,
  apiUrl,
  defaulted,
  dir,
  flag,
  inventory,
  namespace,
  output,
  pruneAllow,
  required,
  reworded,
  setSettings,
  toolPaths,
  valued
} from "./chunk-EYYM253O.js";
import {
  parseSubject
} from "./chunk-YTK5LIJV.js";
import {
  AUTO_MERGE_METHODS,
  parseClusterName,
  parseDurationOption,
  parseList
} from "./chunk-I5IJWC2A.js";

// src/options/env-repo.ts
var config = defaulted(
  valued("config", "<file>", "path to the app's ferry.yaml", { short: "c" }),
  "ferry.yaml",
  "ferry.yaml"
);
var env = required(
  valued("env", "<name>", "environment, as named in ferry.yaml", {
    short: "e",
    input: "environment"
  })
);
var imageTag = valued("image-tag", "<tag>", "image tag to deploy (OCI tag grammar)", {
  short: "t",
  details: "give this, --image-digest, or both"
});
var imageDigest = valued("image-digest", "<digest>", "image digest to deploy (sha256:<64 hex>)", {
  details: "with a tag gives `repo:tag@digest`"
});
var sourceCommit = valued(
  "source-commit",
  "<sha>",
  "source commit (default: from CI variables)",
  {
    only: "cli"
  }
);
var runUrl = valued("run-url", "<url>", "CI run URL (default: from CI variables)", {
  only: "cli"
});
var RENDER_OPTIONS = [
  config,
  reworded(env, "environment to render, as named in ferry.yaml"),
  imageTag,
  imageDigest,
  valued("out", "<dir>", "write one file per object into this folder (replaced wholesale)", {
    short: "o",
    details: "all or nothing; the folder must be new, empty or hold only files ferry rendered (see [file names](#file-names)), and not be, hold or lie in the templates folder; without it, one YAML stream on stdout",
    inputHelp: "Folder for the rendered manifests, one file per object (replaces only a folder of files ferry rendered). Default: $RUNNER_TEMP/ferry/rendered (the system temp folder when RUNNER_TEMP is unset or empty)."
  }),
  sourceCommit,
  runUrl,
  ...TOOLS
];
function renderOptions(values) {
  return {
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    out: values.out,
    source: { commit: values.sourceCommit, runUrl: values.runUrl },
    tools: toolPaths(values)
  };
}
var PULL_REQUEST = [
  flag("dry-run", "print the pull request it would open; change nothing", {
    details: "reads the env repo and prints the title, body and diff"
  }),
  valued(
    "token-env",
    "<name>",
    "environment variable holding the token (default: FERRY_GITHUB_TOKEN, then GITHUB_TOKEN; forge: gitlab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)",
    { only: "cli" }
  ),
  valued(
    "token",
    "<token>",
    "Token for the environment repository. The default, this workflow's GITHUB_TOKEN, reaches only this repository, and pull requests it opens start no workflows: for an environment repository elsewhere pass a GitHub App installation token or a PAT with contents and pull-requests write. A FERRY_GITHUB_TOKEN variable in the step's env wins over this input. Masked.",
    { only: "action", secret: true, inputFallback: WORKFLOW_TOKEN }
  ),
  reworded(
    apiUrl,
    "REST API URL (default: $GITHUB_API_URL or api.github.com; forge: gitlab: $CI_API_V4_URL, else the repo URL's host, else gitlab.com)"
  ),
  valued("labels", "<a,b>", "labels for the pull request, comma-separated", {
    parse: (text) => parseList(text)
  }),
  valued("reviewers", "<u1,u2>", "reviewers to request, comma-separated logins", {
    parse: (text) => parseList(text)
  }),
  valued("assignees", "<u>", "assignees, comma-separated logins", {
    parse: (text) => parseList(text)
  }),
  flag("draft", "open the pull request as a draft"),
  valued(
    "auto-merge",
    "<method>",
    "enable auto-merge with this method",
    {
      choices: AUTO_MERGE_METHODS,
      details: "GitHub's enablePullRequestAutoMerge; GitLab's merge when the pipeline succeeds"
    }
  ),
  output(["text", "json"])
];
function pullRequestOptions(values) {
  return {
    dryRun: values.dryRun,
    tokenEnv: values.tokenEnv,
    apiUrl: values.apiUrl,
    labels: values.labels ?? [],
    reviewers: values.reviewers ?? [],
    assignees: values.assignees ?? [],
    draft: values.draft,
    autoMerge: values.autoMerge
  };
}
var PROPOSE_OPTIONS = [
  config,
  reworded(env, "environment to propose to, as named in ferry.yaml"),
  imageTag,
  imageDigest,
  ...PULL_REQUEST,
  flag("allow-fork", "run under pull_request_target for a pull request from a fork (unsafe)", {
    details: "the fork code would run with your token"
  }),
  sourceCommit,
  runUrl,
  ...TOOLS
];
function proposeOptions(values) {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    source: { commit: values.sourceCommit, runUrl: values.runUrl },
    allowFork: values.allowFork,
    tools: toolPaths(values)
  };
}
var PROMOTE_OPTIONS = [
  config,
  valued("from", "<env>", "source environment (default: the target's promoteFrom)"),
  valued("to", "<env>", "target environment (default: every environment promoted from --from)", {
    details: "one pull request each"
  }),
  flag("force", "promote even if gates fail (the pull request says so first)"),
  valued("min-soak", "<duration>", "gate: minimum time since the source was deployed (e.g. 1h)", {
    // Checked here, so a bad value fails before any request; promote parses it again.
    parse: (text, option) => (parseDurationOption(text, option), text),
    details: "since its latest successful ferry/apply status"
  }),
  defaulted(
    valued(
      "cluster",
      "<name>",
      "source cluster in the status contexts ferry/apply (<name>) and ferry/drift (<name>)",
      { parse: parseClusterName }
    ),
    "default",
    "default"
  ),
  ...PULL_REQUEST,
  ...TOOLS
];
function promoteOptions(values) {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    from: values.from,
    to: values.to,
    force: values.force,
    minSoak: values.minSoak,
    cluster: values.cluster,
    tools: toolPaths(values)
  };
}
var ROLLBACK_OPTIONS = [
  config,
  reworded(env, "environment to roll back, as named in ferry.yaml"),
  valued(
    "to",
    "<commit|tag>",
    "env-repo commit SHA, or image tag or digest, to restore (default: the revision before the last change)",
    { input: "rollback-to" }
  ),
  valued(
    "reason",
    "<text>",
    "why, recorded in the pin and shown in the pull request (default: the image rolled back from)"
  ),
  ...PULL_REQUEST
];
function rollbackOptions(values) {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    env: values.env,
    to: values.to,
    reason: values.reason
  };
}

// src/options/rbac.ts
var RBAC_OPTIONS = [
  required(reworded(dir, "folder of manifests, as apply applies them")),
  required(inventory),
  namespace,
  required(
    valued(
      "subject",
      "<who>",
      "who gets the rights: serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME",
      {
        parse: parseSubject,
        details: "the name the API server gives the CI identity (docs/credentials.md)"
      }
    )
  ),
  reworded(
    pruneAllow,
    "protected kinds apply --prune-allow lets prune delete: delete is granted on them too"
  ),
  valued(
    "name",
    "<name>",
    "name of the Roles and bindings (default: ferry:<namespace>:<inventory>)",
    {
      only: "cli"
    }
  ),
  ...CONNECTION,
  ...SET_SOURCE
];
function rbacOptions(values) {
  return {
    sets: [{ dir: values.dir, inventory: values.inventory, namespace: values.namespace }],
    subject: values.subject,
    pruneAllow: values.pruneAllow,
    name: values.name,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    source: setSettings(values)
  };
}

export {
  RENDER_OPTIONS,
  renderOptions,
  PROPOSE_OPTIONS,
  proposeOptions,
  PROMOTE_OPTIONS,
  promoteOptions,
  ROLLBACK_OPTIONS,
  rollbackOptions,
  RBAC_OPTIONS,
  rbacOptions
};
//# sourceMappingURL=chunk-T3I5SGI7.js.map
