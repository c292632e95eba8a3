import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  HOOK_POLICIES
} from "./chunk-WH76CAUT.js";
import {
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  parseBoolean,
  parseChoice,
  parseClusterName,
  parseCount,
  parseDurationOption,
  parseInventoryName,
  parseKubeVersion,
  parseList,
  parseNamespace,
  parsePruneAllow
} from "./chunk-I5IJWC2A.js";
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
var dir = valued(
  "dir",
  "<dir>",
  "folder of manifests (YAML/JSON, recursively), a kustomization or a Helm chart",
  {
    short: "d",
    details: "with --inventory; or use --all or --set"
  }
);
var inventory = valued(
  "inventory",
  "<name>",
  "inventory (ApplySet) name, e.g. guestbook-production",
  {
    short: "i",
    parse: parseInventoryName,
    details: "ferry records it as a kubectl ApplySet: a ConfigMap of that name plus an `applyset.kubernetes.io/part-of` label on every object"
  }
);
var all = flag("all", "every set under --root for --cluster, dependencies first", {
  details: "each folder holding a `.ferry-set.yaml` (see docs/environment-repo.md)"
});
var set = valued("set", "<names>", "only these sets (inventory names, comma-separated)", {
  parse: (text) => parseList(text).map((name) => parseInventoryName(name, "--set")),
  details: "as --all applies them, from their descriptors"
});
var root = defaulted(
  valued("root", "<dir>", "where --all and --set look for sets (folders with a .ferry-set.yaml)"),
  ".",
  "."
);
var TARGET = [dir, inventory, all, set, root];
function targetOf(values, named = (option) => `--${option}`) {
  const sets = values.all || values.set !== void 0;
  if (sets && (values.dir !== void 0 || values.inventory !== void 0))
    throw new ConfigError(
      `${named("dir")} and ${named("inventory")} name one folder, ${named("all")} and ${named("set")} the sets under ${named("root")}: give one or the other`
    );
  if (values.all && values.set !== void 0)
    throw new ConfigError(
      `${named("all")} and ${named("set")}: give one (${named("set")} names some of the sets ${named("all")} covers)`
    );
  if (sets) return { kind: "sets", root: values.root, sets: values.set };
  if (values.dir === void 0 || values.inventory === void 0)
    throw new ConfigError(
      `${named(values.dir === void 0 ? "dir" : "inventory")} is required (or ${named("all")} or ${named("set")}, for the sets of an environment repo)`
    );
  return { kind: "folder", dir: values.dir, inventory: values.inventory };
}
var namespace = valued(
  "namespace",
  "<ns>",
  "namespace for objects that name none, and for the inventory (default: the context's)",
  {
    short: "n",
    parse: parseNamespace,
    details: "a DNS label, as the API server requires: checked before any request"
  }
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
var allowPlaintextSecrets = flag(
  "allow-plaintext-secrets",
  "accept Secrets whose data is not SOPS-encrypted (refused by default, as render refuses them)",
  {
    details: "without it such a Secret is refused, exit 2, before connecting; SOPS-encrypted manifests are decrypted in memory with the age key in `SOPS_AGE_KEY` or `SOPS_AGE_KEY_FILE` (see docs/secrets.md)"
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
var WORKFLOW_TOKEN = { value: void 0, shown: "${{ github.token }}" };
var reportToken = valued(
  "token",
  "<token>",
  "token for commit statuses, plan comments and issues in this repository (the default, the workflow token, needs statuses, pull-requests or issues: write). Masked.",
  { only: "action", secret: true, inputFallback: WORKFLOW_TOKEN }
);
var REPORTING = [repo, forge, reportTokenEnv, apiUrl, reportToken];
var pruneAllow = valued(
  "prune-allow",
  "<kinds>",
  "also prune these protected kinds (Namespace,CustomResourceDefinition,PersistentVolume,PersistentVolumeClaim)",
  {
    parse: parsePruneAllow,
    details: "Namespaces, CRDs, PersistentVolumes and PersistentVolumeClaims are kept unless listed here; any other kind is refused, exit 2"
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

// src/options/renderers.ts
var TOOLS = [
  valued(
    "kustomize",
    "<path>",
    "kustomize to run (default: $FERRY_KUSTOMIZE, then kustomize or kubectl kustomize on PATH)",
    { details: "kustomize 5 or newer; its version is recorded on every object it built" }
  ),
  valued("helm", "<path>", "helm to run (default: $FERRY_HELM, then helm on PATH)", {
    details: "helm 3.14 or newer (or 4); its version is recorded on every object it rendered"
  })
];
var SET_SOURCE = [
  ...TOOLS,
  valued("values", "<files>", "a chart set's values files, relative to --dir, in order", {
    parse: (text) => parseList(text),
    only: "cli",
    details: "comma-separated; after the chart's values.yaml; with --all, each set's .ferry-set.yaml (helm.valuesFiles)"
  }),
  valued("release-name", "<name>", "a chart set's release name (default: the inventory)", {
    only: "cli"
  }),
  valued(
    "kube-version",
    "<version>",
    "the cluster's Kubernetes version, for a chart's .Capabilities",
    {
      parse: parseKubeVersion,
      only: "cli"
    }
  ),
  flag(
    "allow-remote",
    "let a kustomization fetch remote resources, and a chart its dependencies not vendored in charts/",
    { only: "cli", details: "off: a set builds offline, from what git holds" }
  ),
  valued(
    "hooks",
    "<policy>",
    "Helm hooks in a chart set: refuse, or skip (leave them out)",
    {
      choices: HOOK_POLICIES,
      only: "cli",
      details: "refused by default: a plain apply cannot run a hook in its phase"
    }
  )
];
function toolPaths(values) {
  return { kustomize: values.kustomize, helm: values.helm };
}
function setSettings(values) {
  return {
    tools: toolPaths(values),
    valuesFiles: values.values,
    releaseName: values.releaseName,
    kubeVersion: values.kubeVersion,
    policy: { allowRemote: values.allowRemote, hooks: values.hooks }
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
var skipPreflight = flag(
  "skip-preflight",
  "skip checking, before anything is read or written, that this identity has every permission the run needs",
  {
    details: "the check lists every missing permission at once (exit 1, nothing written); see docs/credentials.md"
  }
);
var adopt = flag("adopt", "take over objects owned by another ApplySet or tool", {
  details: "another ApplySet, Helm, Flux or Argo CD"
});
var DEFAULT_PARALLEL = 4;
var DEFAULT_DEPENDENCY_TIMEOUT = "30m";
var APPLY_OPTIONS = [
  ...TARGET,
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
    "wait until every workload of the set is current, prune only then (fails fast on ImagePullBackOff, CrashLoopBackOff, \u2026)",
    {
      inputFallback: { value: true, shown: "true" },
      details: "kubectl's rules, for the workloads this run wrote and any other of the set not current yet (a rerun after a failed rollout fails again); fails fast on ImagePullBackOff, ErrImagePull, CrashLoopBackOff, CreateContainerConfigError and ProgressDeadlineExceeded, with the pod and its last events; custom resources with a status (SealedSecret, ExternalSecret, \u2026) until their controller reports them Ready (see docs/secrets.md)"
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
  defaulted(
    valued("parallel", "<n>", "with --all: sets applied at once, dependencies allowing", {
      parse: parsePositive
    }),
    DEFAULT_PARALLEL,
    String(DEFAULT_PARALLEL)
  ),
  flag("force-all", "with --all or --set: apply every set, also those the cluster already runs", {
    details: "without it, a set whose folder is what its inventory records as applied is skipped"
  }),
  flag("heal", "with --all: also apply again the sets a drift check finds drifted", {
    details: "scheduled self-healing, as Argo CD selfHeal"
  }),
  defaulted(
    valued(
      "dependency-timeout",
      "<duration>",
      "with --set: how long to wait for dependencies other jobs apply",
      { parse: parseDurationOption }
    ),
    parseDurationOption(DEFAULT_DEPENDENCY_TIMEOUT, "default"),
    DEFAULT_DEPENDENCY_TIMEOUT
  ),
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
  skipPreflight,
  output(["text", "json"]),
  reworded(cluster, "cluster name for the commit status context ferry/apply (<cluster>)"),
  ...commitStatus(
    "post ferry/apply (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)",
    "success with the counts, or failure with the reason; promote's gates read it"
  ),
  ...REPORTING
];
function applyOptions(values, target) {
  return {
    dir: target.dir,
    inventory: target.inventory,
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
    requestTimeoutMs: values.requestTimeout,
    skipPreflight: values.skipPreflight,
    allowPlaintextSecrets: values.allowPlaintextSecrets,
    source: setSettings(values)
  };
}
function applyAllOptions(values, target) {
  return {
    root: target.root,
    tools: toolPaths(values),
    sets: target.sets,
    cluster: values.cluster,
    forceAll: values.forceAll,
    heal: values.heal,
    parallel: values.parallel,
    dependencyTimeoutMs: values.dependencyTimeout,
    timeoutMs: values.timeout,
    dryRun: values.dryRun,
    forceConflicts: values.forceConflicts,
    gitWinsOver: values.gitWinsOver,
    adopt: values.adopt,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    skipPreflight: values.skipPreflight,
    allowPlaintextSecrets: values.allowPlaintextSecrets
  };
}
function refuseFolderOptionsWithSets(values, named = (option) => `--${option}`) {
  const perFolder = {
    namespace: values.namespace,
    prune: values.prune,
    "prune-allow": values.pruneAllow,
    "max-deletions": values.maxDeletions,
    // How a chart or a kustomization is built (issue 22); kustomize and helm stay global.
    values: values.values,
    "release-name": values.releaseName,
    "kube-version": values.kubeVersion,
    "allow-remote": values.allowRemote,
    hooks: values.hooks
  };
  const given = Object.entries(perFolder).filter(([, value]) => value !== void 0 && value !== false).map(([name]) => name);
  if (given.length > 0)
    throw new ConfigError(
      `${given.map(named).join(", ")}: each set's .ferry-set.yaml says this for its folder; not with ${named("all")} or ${named("set")}`
    );
}
var PLAN_OPTIONS = [
  reworded(dir, "folder of manifests, as apply would apply them"),
  ...TARGET.filter((spec) => spec !== dir),
  namespace,
  reworded(prune, "plan as apply --prune: members no longer in git would be deleted"),
  reworded(pruneAllow, "protected kinds apply --prune-allow lets prune delete"),
  reworded(forceConflicts, "validate as apply --force-conflicts (take over fields)"),
  reworded(gitWinsOver, "plan as apply --git-wins-over: these managers' fields are taken back"),
  reworded(adopt, "validate as apply --adopt (take over objects of another owner)"),
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
  skipPreflight,
  output(["text", "json", "markdown"]),
  valued(
    "changed-since",
    "<rev>",
    "with --all: only the sets whose folder differs from this revision",
    {
      details: "a pull request's base (`origin/main`, a SHA); a new set counts as changed"
    }
  ),
  flag(
    "changed",
    "with --all: only the sets whose folder differs from what the cluster last applied"
  ),
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
function planOptions(values, target) {
  return {
    dir: target.dir,
    inventory: target.inventory,
    namespace: values.namespace,
    prune: values.prune,
    pruneAllow: values.pruneAllow,
    forceConflicts: values.forceConflicts,
    gitWinsOver: values.gitWinsOver,
    adopt: values.adopt,
    cluster: values.cluster,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    skipPreflight: values.skipPreflight,
    allowPlaintextSecrets: values.allowPlaintextSecrets,
    source: setSettings(values)
  };
}
function planAllOptions(values, target) {
  return {
    root: target.root,
    tools: toolPaths(values),
    sets: target.sets,
    cluster: values.cluster,
    changedSince: values.changedSince,
    changed: values.changed,
    forceConflicts: values.forceConflicts,
    gitWinsOver: values.gitWinsOver,
    adopt: values.adopt,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    skipPreflight: values.skipPreflight,
    allowPlaintextSecrets: values.allowPlaintextSecrets
  };
}
var DRIFT_OPTIONS = [
  reworded(dir, "folder of manifests, as applied"),
  ...TARGET.filter((spec) => spec !== dir),
  namespace,
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
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
function driftOptions(values, target) {
  return {
    dir: target.dir,
    inventory: target.inventory,
    namespace: values.namespace,
    ignore: values.ignore,
    confirm: values.confirm,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    allowPlaintextSecrets: values.allowPlaintextSecrets,
    source: setSettings(values)
  };
}
function driftAllOptions(values, target) {
  return {
    root: target.root,
    tools: toolPaths(values),
    sets: target.sets,
    cluster: values.cluster,
    ignore: values.ignore,
    confirm: values.confirm,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    allowPlaintextSecrets: values.allowPlaintextSecrets
  };
}
function parsePositive(text, option) {
  if (!/^[1-9][0-9]{0,9}$/.test(text.trim()))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a positive whole number`);
  return Number(text.trim());
}

export {
  flag,
  valued,
  defaulted,
  required,
  reworded,
  camel,
  onSurface,
  inputName,
  dir,
  inventory,
  root,
  targetOf,
  namespace,
  CONNECTION,
  cluster,
  apiUrl,
  WORKFLOW_TOKEN,
  pruneAllow,
  output,
  TOOLS,
  SET_SOURCE,
  toolPaths,
  setSettings,
  DRIFT_EXIT_CODE,
  PLAN_CHANGES_EXIT_CODE,
  APPLY_OPTIONS,
  applyOptions,
  applyAllOptions,
  refuseFolderOptionsWithSets,
  PLAN_OPTIONS,
  planOptions,
  planAllOptions,
  DRIFT_OPTIONS,
  driftOptions,
  driftAllOptions
};
//# sourceMappingURL=chunk-EYYM253O.js.map
