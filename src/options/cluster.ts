import type { ApplyOptions } from '../commands/cluster/apply/apply.js';
import type { DriftOptions } from '../commands/cluster/drift/drift.js';
import type { PlanOptions } from '../commands/cluster/plan/plan.js';
import { ConfigError } from '../core/errors.js';
import { quoteForMessage } from '../core/image.js';
import {
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  parseCount,
  parseDurationOption,
} from '../core/options.js';
import type { ApplyAllOptions } from '../commands/cluster/sets/apply-all.js';
import type { DriftAllOptions } from '../commands/cluster/sets/drift-all.js';
import type { PlanAllOptions } from '../commands/cluster/sets/plan-all.js';
import {
  CONNECTION,
  REPORTING,
  TARGET,
  allowPlaintextSecrets,
  cluster,
  commitStatus,
  dir,
  gitWinsOver,
  namespace,
  output,
  pruneAllow,
  targetOf,
  type Target,
} from './common.js';
import { defaulted, flag, reworded, valued, type Values } from './declare.js';
import { SET_SOURCE, setSettings, toolPaths } from './renderers.js';

/** Exit code for "the check ran and found drift" (with --fail-on-drift). */
export const DRIFT_EXIT_CODE = 3;
/** Exit code for "the plan has changes" (with --detailed-exitcode), as terraform plan uses it. */
export const PLAN_CHANGES_EXIT_CODE = 3;

const prune = flag(
  'prune',
  'delete objects of this inventory that are no longer in the manifests',
  {
    details:
      'only objects carrying its label, never anything else, and only after apply and rollout succeeded',
  },
);
const forceConflicts = flag(
  'force-conflicts',
  'take over fields that other field managers own (hand edits by kubectl are taken back without it)',
  {
    details:
      'not forced by default: a conflict with a controller is reported with its field and manager',
  },
);
/** apply's and plan's permission check before anything is read or written (issue 24). */
export const skipPreflight = flag(
  'skip-preflight',
  'skip checking, before anything is read or written, that this identity has every permission the run needs',
  {
    details:
      'the check lists every missing permission at once (exit 1, nothing written); see docs/credentials.md',
  },
);
const adopt = flag('adopt', 'take over objects owned by another ApplySet or tool', {
  details: 'another ApplySet, Helm, Flux or Argo CD',
});

/** Sets applied at once by `apply --all` (dependencies allowing). */
const DEFAULT_PARALLEL = 4;

/** How a set applied on its own (a matrix job) waits for dependencies other jobs apply. */
const DEFAULT_DEPENDENCY_TIMEOUT = '30m';

export const APPLY_OPTIONS = [
  ...TARGET,
  namespace,
  prune,
  flag(
    'prune-empty',
    'with --prune, accept a folder with no manifests: delete every member of the inventory',
    { details: 'without it such a run is refused, exit 2, before connecting' },
  ),
  pruneAllow,
  valued('max-deletions', '<n>', 'abort before pruning more than this many objects', {
    parse: parseCount,
    details: 'a whole number: `abc` or `4x` is refused, exit 2',
  }),
  flag(
    'wait',
    'wait until every workload of the set is current, prune only then (fails fast on ImagePullBackOff, CrashLoopBackOff, …)',
    {
      inputFallback: { value: true, shown: 'true' },
      details:
        "kubectl's rules, for the workloads this run wrote and any other of the set not current yet (a rerun after a failed rollout fails again); fails fast on ImagePullBackOff, ErrImagePull, CrashLoopBackOff, CreateContainerConfigError and ProgressDeadlineExceeded, with the pod and its last events; custom resources with a status (SealedSecret, ExternalSecret, …) until their controller reports them Ready (see docs/secrets.md)",
    },
  ),
  defaulted(
    valued('timeout', '<duration>', 'how long --wait waits for rollouts (e.g. 90s, 5m)', {
      parse: parseDurationOption,
    }),
    DEFAULT_TIMEOUT_MS,
    DEFAULT_TIMEOUT,
  ),
  flag('dry-run', 'validate everything on the server and report what would change; change nothing'),
  forceConflicts,
  gitWinsOver,
  adopt,
  defaulted(
    valued('parallel', '<n>', 'with --all: sets applied at once, dependencies allowing', {
      parse: parsePositive,
    }),
    DEFAULT_PARALLEL,
    String(DEFAULT_PARALLEL),
  ),
  flag('force-all', 'with --all or --set: apply every set, also those the cluster already runs', {
    details: 'without it, a set whose folder is what its inventory records as applied is skipped',
  }),
  flag('heal', 'with --all: also apply again the sets a drift check finds drifted', {
    details: 'scheduled self-healing, as Argo CD selfHeal',
  }),
  defaulted(
    valued(
      'dependency-timeout',
      '<duration>',
      'with --set: how long to wait for dependencies other jobs apply',
      { parse: parseDurationOption },
    ),
    parseDurationOption(DEFAULT_DEPENDENCY_TIMEOUT, 'default'),
    DEFAULT_DEPENDENCY_TIMEOUT,
  ),
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
  skipPreflight,
  output(['text', 'json']),
  reworded(cluster, 'cluster name for the commit status context ferry/apply (<cluster>)'),
  ...commitStatus(
    'post ferry/apply (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)',
    "success with the counts, or failure with the reason; promote's gates read it",
  ),
  ...REPORTING,
] as const;

export type ApplyValues = Values<typeof APPLY_OPTIONS>;

/** What apply's options give the command (one folder), the same from either surface. */
export function applyOptions(
  values: ApplyValues,
  target: Extract<Target, { kind: 'folder' }>,
): ApplyOptions {
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
    source: setSettings(values),
  };
}

/** What `apply --all` / `--set` take from apply's options. */
export function applyAllOptions(
  values: ApplyValues,
  target: Extract<Target, { kind: 'sets' }>,
): ApplyAllOptions {
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
    allowPlaintextSecrets: values.allowPlaintextSecrets,
  };
}

/** Whether namespace, prune and the other per-folder options were given with sets. */
export function refuseFolderOptionsWithSets(
  values: {
    namespace?: string;
    prune?: boolean;
    pruneAllow?: string[];
    maxDeletions?: number;
  } & Partial<Values<typeof SET_SOURCE>>,
  named: (option: string) => string = (option) => `--${option}`,
): void {
  const perFolder = {
    namespace: values.namespace,
    prune: values.prune,
    'prune-allow': values.pruneAllow,
    'max-deletions': values.maxDeletions,
    // How a chart or a kustomization is built (issue 22); kustomize and helm stay global.
    values: values.values,
    'release-name': values.releaseName,
    'kube-version': values.kubeVersion,
    'allow-remote': values.allowRemote,
    hooks: values.hooks,
  };
  const given = Object.entries(perFolder)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name]) => name);
  if (given.length > 0)
    throw new ConfigError(
      `${given.map(named).join(', ')}: each set's .ferry-set.yaml says this for its folder; not with ${named('all')} or ${named('set')}`,
    );
}

export { targetOf };

export const PLAN_OPTIONS = [
  reworded(dir, 'folder of manifests, as apply would apply them'),
  ...TARGET.filter((spec) => spec !== dir),
  namespace,
  reworded(prune, 'plan as apply --prune: members no longer in git would be deleted'),
  reworded(pruneAllow, 'protected kinds apply --prune-allow lets prune delete'),
  reworded(forceConflicts, 'validate as apply --force-conflicts (take over fields)'),
  reworded(gitWinsOver, "plan as apply --git-wins-over: these managers' fields are taken back"),
  reworded(adopt, 'validate as apply --adopt (take over objects of another owner)'),
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
  skipPreflight,
  output(['text', 'json', 'markdown']),
  valued(
    'changed-since',
    '<rev>',
    'with --all: only the sets whose folder differs from this revision',
    {
      details: "a pull request's base (`origin/main`, a SHA); a new set counts as changed",
    },
  ),
  flag(
    'changed',
    'with --all: only the sets whose folder differs from what the cluster last applied',
  ),
  flag('detailed-exitcode', `exit with code ${PLAN_CHANGES_EXIT_CODE} when there are changes`, {
    only: 'cli',
  }),
  flag('comment', 'post the plan on the pull request (GitLab: merge request), edited in place', {
    details:
      'one comment per pull request, cluster and inventory, found again by a hidden marker and edited on every push',
  }),
  valued('pull-request', '<n>', 'pull request number (default: from the pull_request event)', {
    parse: parsePositive,
  }),
  valued('merge-request', '<iid>', 'merge request iid (default: $CI_MERGE_REQUEST_IID)', {
    parse: parsePositive,
    only: 'cli',
  }),
  reworded(cluster, 'cluster name for the report, comment and status ferry/plan (<cluster>)'),
  ...commitStatus(
    'post ferry/plan (<cluster>) on the pull request head (default: its head commit; GitLab: $CI_COMMIT_SHA)',
    'success with the counts, failure with the reason',
  ),
  ...REPORTING,
] as const;

export type PlanValues = Values<typeof PLAN_OPTIONS>;

/** What plan's options give the command (one folder), the same from either surface. */
export function planOptions(
  values: PlanValues,
  target: Extract<Target, { kind: 'folder' }>,
): PlanOptions {
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
    source: setSettings(values),
  };
}

/** What `plan --all` / `--set` take from plan's options. */
export function planAllOptions(
  values: PlanValues,
  target: Extract<Target, { kind: 'sets' }>,
): PlanAllOptions {
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
    allowPlaintextSecrets: values.allowPlaintextSecrets,
  };
}

export const DRIFT_OPTIONS = [
  reworded(dir, 'folder of manifests, as applied'),
  ...TARGET.filter((spec) => spec !== dir),
  namespace,
  allowPlaintextSecrets,
  ...CONNECTION,
  ...SET_SOURCE,
  output(['text', 'json', 'markdown']),
  flag('fail-on-drift', `exit with code ${DRIFT_EXIT_CODE} when drift is found`, {
    inputHelp: 'fail the step when drift is found',
  }),
  valued(
    'ignore',
    '<file>',
    'ignore rules: JSON-pointer paths with target selectors (Flux driftDetection.ignore shape)',
  ),
  flag('confirm', 'confirm flagged objects with a server-side dry-run apply'),
  flag('alert-issue', 'open, update and close one issue for this cluster and inventory', {
    details: 'opened on drift, rewritten while it changes, closed when the cluster matches git',
  }),
  valued('webhook-env', '<name>', 'environment variable holding a Slack-compatible webhook URL', {
    only: 'cli',
    details: 'sent a message when the drift state changes',
  }),
  valued(
    'webhook-url',
    '<url>',
    'Slack-compatible incoming webhook URL, sent a message when the drift state changes. Pass it from a secret; it is masked.',
    { only: 'action', secret: true },
  ),
  reworded(cluster, 'cluster name for alerts (status context, issue title)'),
  ...commitStatus(
    'post ferry/drift (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)',
    'on a change of drift state; promote\'s "drift clean" gate reads it',
  ),
  ...REPORTING,
] as const;

export type DriftValues = Values<typeof DRIFT_OPTIONS>;

/** What drift's options give the command (alerts are the surface's: tokens come differently). */
export function driftOptions(
  values: DriftValues,
  target: Extract<Target, { kind: 'folder' }>,
): Omit<DriftOptions, 'alerts'> {
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
    source: setSettings(values),
  };
}

/** What `drift --all` / `--set` take from drift's options (alerts are the surface's). */
export function driftAllOptions(
  values: DriftValues,
  target: Extract<Target, { kind: 'sets' }>,
): Omit<DriftAllOptions, 'alerts'> {
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
    allowPlaintextSecrets: values.allowPlaintextSecrets,
  };
}

/** A pull or merge request number: 1 or more, decimal digits only. */
function parsePositive(text: string, option: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(text.trim()))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a positive whole number`);
  return Number(text.trim());
}
