import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  AUTO_MERGE_METHODS,
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  parseBoolean,
  parseChoice,
  parseClusterName,
  parseCount,
  parseDurationOption,
  parseInventoryName,
  parseList
} from "./chunk-2MBPYCZ5.js";
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/options/declare.ts
function flag(name, help, more = {}) {
  return { name, help, parse: parseBoolean, fallback: { value: false, shown: "false" }, ...more };
}
function valued(name, placeholder, help, more = {}) {
  const { choices } = more;
  const {
    parse = (text, option) => choices ? parseChoice(text, choices, option) : text,
    ...rest
  } = more;
  return { name, placeholder, help, parse, ...rest };
}
function defaulted(spec, value, shown) {
  return { ...spec, fallback: { value, shown } };
}
function required(spec) {
  return { ...spec, required: true };
}
function reworded(spec, help, details) {
  return { ...spec, help, details };
}
function camel(name) {
  return name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());
}
function onSurface(specs, surface) {
  return specs.filter((spec) => spec.only === void 0 || spec.only === surface);
}
function inputName(spec) {
  return spec.input ?? spec.name;
}

// src/options/common.ts
var DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
var dir = required(
  valued("dir", "<dir>", "folder of manifests (YAML/JSON, recursively)", { short: "d" })
);
var inventory = required(
  valued("inventory", "<name>", "inventory (ApplySet) name, e.g. guestbook-production", {
    short: "i",
    parse: parseInventoryName,
    details: "ferry records it as a kubectl ApplySet: a ConfigMap of that name plus an `applyset.kubernetes.io/part-of` label on every object"
  })
);
var namespace = valued(
  "namespace",
  "<ns>",
  "namespace for objects that name none, and for the inventory (default: the context's)",
  { short: "n" }
);
var kubeconfig = valued(
  "kubeconfig",
  "<path>",
  "kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)",
  {
    inputHelp: "Kubeconfig content (e.g. a secret) or path. Default: $KUBECONFIG or ~/.kube/config. Every credential in it is masked."
  }
);
var context = valued("context", "<name>", "kubeconfig context");
var requestTimeout = valued(
  "request-timeout",
  "<duration>",
  `how long one request to the API server may take (e.g. 30s, 2m; 0: no limit) (default: ${DEFAULT_REQUEST_TIMEOUT_SECONDS}s)`,
  {
    parse: parseDurationOption,
    details: "kubectl's flag and grammar; a stalled watch is reopened within it; reads, dry-runs and server-side applies are retried on dropped connections, 429 and 5xx"
  }
);
var CONNECTION = [kubeconfig, context, requestTimeout];
var cluster = defaulted(
  valued("cluster", "<name>", "cluster name for the commit status context", {
    parse: parseClusterName,
    details: "so the statuses, comments and issues of several clusters never overwrite each other"
  }),
  "default",
  "default"
);
function commitStatus(help, details) {
  return [
    valued("commit-status", "[sha]", help, {
      only: "cli",
      details
    }),
    flag("commit-status", help.replace(/ \(default: .*\)$/, ""), { only: "action", details })
  ];
}
var repo = valued(
  "repo",
  "<owner/name>",
  "repository (GitLab: project path) for the reports (default: $GITHUB_REPOSITORY; GitLab: $CI_PROJECT_PATH)",
  { only: "cli" }
);
var forge = defaulted(
  valued("forge", "<forge>", "where the reports go", {
    only: "cli",
    choices: ["github", "gitlab"]
  }),
  "github",
  "github"
);
var reportTokenEnv = valued(
  "token-env",
  "<name>",
  "environment variable holding the token (default: GITHUB_TOKEN; GitLab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)",
  { only: "cli" }
);
var apiUrl = valued(
  "api-url",
  "<url>",
  "API URL (default: $GITHUB_API_URL or api.github.com; GitLab: $CI_API_V4_URL or gitlab.com)",
  {
    inputHelp: "GitHub REST API URL, for GitHub Enterprise Server (https://HOST/api/v3). Default: $GITHUB_API_URL."
  }
);
var reportToken = valued(
  "token",
  "<token>",
  "token for commit statuses, plan comments and issues in this repository (default: the workflow token). Masked.",
  { only: "action", secret: true }
);
var REPORTING = [repo, forge, reportTokenEnv, apiUrl, reportToken];
var pruneAllow = valued(
  "prune-allow",
  "<kinds>",
  "also prune these protected kinds (Namespace,CustomResourceDefinition,PersistentVolume,PersistentVolumeClaim)",
  {
    parse: (text) => parseList(text),
    details: "Namespaces, CRDs, PersistentVolumes and PersistentVolumeClaims are kept unless listed here"
  }
);
var gitWinsOver = valued(
  "git-wins-over",
  "<managers>",
  "field managers, besides kubectl's, whose changes apply takes back (comma-separated)",
  {
    parse: (text) => parseList(text),
    details: "like hand edits; see the drift and conflict rules in docs/concepts.md"
  }
);
function output(choices) {
  return defaulted(
    valued("output", "<format>", "report format", {
      short: "o",
      only: "cli",
      choices,
      details: `coloured text in a terminal${choices.includes("markdown") ? ", markdown for a job summary" : ""}, JSON for tools`
    }),
    "text",
    "text"
  );
}

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
    details: "all or nothing; the folder must be new, empty or hold only what ferry rendered; without it, one YAML stream on stdout",
    inputHelp: "Folder for the rendered manifests, one file per object (replaced wholesale). Default: $RUNNER_TEMP/ferry/rendered."
  }),
  sourceCommit,
  runUrl
];
function renderOptions(values) {
  return {
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    out: values.out,
    source: { commit: values.sourceCommit, runUrl: values.runUrl }
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
    "Token for the environment repository (a GitHub App installation token or a PAT with contents and pull-requests write). The workflow GITHUB_TOKEN cannot write to another repository, and pull requests it opens trigger no workflows. Default: FERRY_GITHUB_TOKEN, then GITHUB_TOKEN from the environment. Masked.",
    { only: "action", secret: true }
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
  runUrl
];
function proposeOptions(values) {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    env: values.env,
    imageTag: values.imageTag,
    imageDigest: values.imageDigest,
    source: { commit: values.sourceCommit, runUrl: values.runUrl },
    allowFork: values.allowFork
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
  ...PULL_REQUEST
];
function promoteOptions(values) {
  return {
    ...pullRequestOptions(values),
    config: values.config,
    from: values.from,
    to: values.to,
    force: values.force,
    minSoak: values.minSoak,
    cluster: values.cluster
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
  valued("reason", "<text>", "why, recorded in the pin (default: the image rolled back from)"),
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

// src/options/cluster.ts
var DRIFT_EXIT_CODE = 3;
var PLAN_CHANGES_EXIT_CODE = 3;
var prune = flag(
  "prune",
  "delete objects of this inventory that are no longer in the manifests",
  {
    details: "only objects carrying its label, never anything else, and only after apply and rollout succeeded"
  }
);
var forceConflicts = flag(
  "force-conflicts",
  "take over fields that other field managers own (hand edits by kubectl are taken back without it)",
  {
    details: "not forced by default: a conflict with a controller is reported with its field and manager"
  }
);
var adopt = flag("adopt", "take over objects owned by another ApplySet or tool", {
  details: "another ApplySet, Helm, Flux or Argo CD"
});
var APPLY_OPTIONS = [
  dir,
  inventory,
  namespace,
  prune,
  flag(
    "prune-empty",
    "with --prune, accept a folder with no manifests: delete every member of the inventory",
    { details: "without it such a run is refused, exit 2, before connecting" }
  ),
  pruneAllow,
  valued("max-deletions", "<n>", "abort before pruning more than this many objects", {
    parse: parseCount,
    details: "a whole number: `abc` or `4x` is refused, exit 2"
  }),
  flag(
    "wait",
    "wait for rollouts to complete (fails fast on ImagePullBackOff, CrashLoopBackOff, \u2026)",
    {
      inputFallback: { value: true, shown: "true" },
      details: "kubectl's rules; fails fast on ImagePullBackOff, ErrImagePull, CrashLoopBackOff, CreateContainerConfigError and ProgressDeadlineExceeded, with the pod and its last events"
    }
  ),
  defaulted(
    valued("timeout", "<duration>", "how long --wait waits for rollouts (e.g. 90s, 5m)", {
      parse: parseDurationOption
    }),
    DEFAULT_TIMEOUT_MS,
    DEFAULT_TIMEOUT
  ),
  flag("dry-run", "validate everything on the server and report what would change; change nothing"),
  forceConflicts,
  gitWinsOver,
  adopt,
  ...CONNECTION,
  output(["text", "json"]),
  reworded(cluster, "cluster name for the commit status context ferry/apply (<cluster>)"),
  ...commitStatus(
    "post ferry/apply (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)",
    "success with the counts, or failure with the reason; promote's gates read it"
  ),
  ...REPORTING
];
function applyOptions(values) {
  return {
    dir: values.dir,
    inventory: values.inventory,
    namespace: values.namespace,
    prune: values.prune,
    pruneEmpty: values.pruneEmpty,
    pruneAllow: values.pruneAllow,
    maxDeletions: values.maxDeletions,
    wait: values.wait,
    timeoutMs: values.timeout,
    dryRun: values.dryRun,
    forceConflicts: values.forceConflicts,
    gitWinsOver: values.gitWinsOver,
    adopt: values.adopt,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout
  };
}
var PLAN_OPTIONS = [
  reworded(dir, "folder of manifests, as apply would apply them"),
  inventory,
  namespace,
  reworded(prune, "plan as apply --prune: members no longer in git would be deleted"),
  reworded(pruneAllow, "protected kinds apply --prune-allow lets prune delete"),
  reworded(forceConflicts, "validate as apply --force-conflicts (take over fields)"),
  reworded(gitWinsOver, "plan as apply --git-wins-over: these managers' fields are taken back"),
  reworded(adopt, "validate as apply --adopt (take over objects of another owner)"),
  ...CONNECTION,
  output(["text", "json", "markdown"]),
  flag("detailed-exitcode", `exit with code ${PLAN_CHANGES_EXIT_CODE} when there are changes`, {
    only: "cli"
  }),
  flag("comment", "post the plan on the pull request (GitLab: merge request), edited in place", {
    details: "one comment per pull request, cluster and inventory, found again by a hidden marker and edited on every push"
  }),
  valued("pull-request", "<n>", "pull request number (default: from the pull_request event)", {
    parse: parsePositive
  }),
  valued("merge-request", "<iid>", "merge request iid (default: $CI_MERGE_REQUEST_IID)", {
    parse: parsePositive,
    only: "cli"
  }),
  reworded(cluster, "cluster name for the report, comment and status ferry/plan (<cluster>)"),
  ...commitStatus(
    "post ferry/plan (<cluster>) on the pull request head (default: its head commit; GitLab: $CI_COMMIT_SHA)",
    "success with the counts, failure with the reason"
  ),
  ...REPORTING
];
function planOptions(values) {
  return {
    dir: values.dir,
    inventory: values.inventory,
    namespace: values.namespace,
    prune: values.prune,
    pruneAllow: values.pruneAllow,
    forceConflicts: values.forceConflicts,
    gitWinsOver: values.gitWinsOver,
    adopt: values.adopt,
    cluster: values.cluster,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout
  };
}
var DRIFT_OPTIONS = [
  reworded(dir, "folder of manifests, as applied"),
  inventory,
  namespace,
  ...CONNECTION,
  output(["text", "json", "markdown"]),
  flag("fail-on-drift", `exit with code ${DRIFT_EXIT_CODE} when drift is found`, {
    inputHelp: "fail the step when drift is found"
  }),
  valued(
    "ignore",
    "<file>",
    "ignore rules: JSON-pointer paths with target selectors (Flux driftDetection.ignore shape)"
  ),
  flag("confirm", "confirm flagged objects with a server-side dry-run apply"),
  flag("alert-issue", "open, update and close one issue for this cluster and inventory", {
    details: "opened on drift, rewritten while it changes, closed when the cluster matches git"
  }),
  valued("webhook-env", "<name>", "environment variable holding a Slack-compatible webhook URL", {
    only: "cli",
    details: "sent a message when the drift state changes"
  }),
  valued(
    "webhook-url",
    "<url>",
    "Slack-compatible incoming webhook URL, sent a message when the drift state changes. Pass it from a secret; it is masked.",
    { only: "action", secret: true }
  ),
  reworded(cluster, "cluster name for alerts (status context, issue title)"),
  ...commitStatus(
    "post ferry/drift (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)",
    `on a change of drift state; promote's "drift clean" gate reads it`
  ),
  ...REPORTING
];
function driftOptions(values) {
  return {
    dir: values.dir,
    inventory: values.inventory,
    namespace: values.namespace,
    ignore: values.ignore,
    confirm: values.confirm,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout
  };
}
function parsePositive(text, option) {
  if (!/^[1-9][0-9]{0,9}$/.test(text.trim()))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a positive whole number`);
  return Number(text.trim());
}

// src/adapters/ci-pull-request.ts
import { readFile } from "node:fs/promises";
async function ciPullRequest(env2) {
  if (env2.CI_MERGE_REQUEST_IID) {
    const number2 = Number(env2.CI_MERGE_REQUEST_IID);
    const project = env2.CI_MERGE_REQUEST_PROJECT_URL ?? env2.CI_PROJECT_URL;
    return {
      ...Number.isSafeInteger(number2) ? { number: number2 } : {},
      ...env2.CI_COMMIT_SHA ? { headSha: env2.CI_COMMIT_SHA } : {},
      ...project ? { url: `${project}/-/merge_requests/${number2}` } : {}
    };
  }
  if (!env2.GITHUB_EVENT_PATH) return {};
  let event;
  try {
    event = JSON.parse(await readFile(env2.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return {};
  }
  const number = event.pull_request?.number;
  const sha = event.pull_request?.head?.sha;
  return {
    ...typeof number === "number" ? { number } : {},
    ...typeof sha === "string" ? { headSha: sha } : {}
  };
}

export {
  camel,
  onSurface,
  inputName,
  RENDER_OPTIONS,
  renderOptions,
  PROPOSE_OPTIONS,
  proposeOptions,
  PROMOTE_OPTIONS,
  promoteOptions,
  ROLLBACK_OPTIONS,
  rollbackOptions,
  DRIFT_EXIT_CODE,
  PLAN_CHANGES_EXIT_CODE,
  APPLY_OPTIONS,
  applyOptions,
  PLAN_OPTIONS,
  planOptions,
  DRIFT_OPTIONS,
  driftOptions,
  ciPullRequest
};
//# sourceMappingURL=chunk-LPCI4DOM.js.map
