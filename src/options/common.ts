import { ConfigError } from '../core/errors.js';
import {
  parseClusterName,
  parseDurationOption,
  parseInventoryName,
  parseList,
  parseNamespace,
  parsePruneAllow,
} from '../core/options.js';
import { defaulted, flag, valued } from './declare.js';

/**
 * Options several commands share, declared once. A command that understands one differently
 * (plan's `--prune` plans a prune) rewords it with `reworded` and keeps the grammar.
 */

/** The API server's default limit for one request (`--request-timeout`), in seconds. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

/** One folder as one set: `--dir` and `--inventory` (or the sets of `--all`, `--set`). */
export const dir = valued(
  'dir',
  '<dir>',
  'folder of manifests (YAML/JSON, recursively), a kustomization or a Helm chart',
  {
    short: 'd',
    details: 'with --inventory; or use --all or --set',
  },
);

export const inventory = valued(
  'inventory',
  '<name>',
  'inventory (ApplySet) name, e.g. guestbook-production',
  {
    short: 'i',
    parse: parseInventoryName,
    details:
      'ferry records it as a kubectl ApplySet: a ConfigMap of that name plus an `applyset.kubernetes.io/part-of` label on every object',
  },
);

/** `--all`: every set of the environment repo for `--cluster` (each folder with a .ferry-set.yaml). */
export const all = flag('all', 'every set under --root for --cluster, dependencies first', {
  details: 'each folder holding a `.ferry-set.yaml` (see docs/environment-repo.md)',
});

export const set = valued('set', '<names>', 'only these sets (inventory names, comma-separated)', {
  parse: (text) => parseList(text).map((name) => parseInventoryName(name, '--set')),
  details: 'as --all applies them, from their descriptors',
});

export const root = defaulted(
  valued('root', '<dir>', 'where --all and --set look for sets (folders with a .ferry-set.yaml)'),
  '.',
  '.',
);

/** The options that choose what is applied, planned or checked: one folder, or sets. */
export const TARGET = [dir, inventory, all, set, root] as const;

/** Which sets a run covers: one folder (`--dir`, `--inventory`), or sets (`--all`, `--set`). */
export type Target =
  | { kind: 'folder'; dir: string; inventory: string }
  | { kind: 'sets'; root: string; sets: string[] | undefined };

/**
 * Checks that exactly one way of naming what to work on was used; `named` says an option as
 * the surface spells it (`--dir` on the command line, `input dir` in the action).
 */
export function targetOf(
  values: {
    dir: string | undefined;
    inventory: string | undefined;
    all: boolean;
    set: string[] | undefined;
    root: string;
  },
  named: (option: string) => string = (option) => `--${option}`,
): Target {
  const sets = values.all || values.set !== undefined;
  if (sets && (values.dir !== undefined || values.inventory !== undefined))
    throw new ConfigError(
      `${named('dir')} and ${named('inventory')} name one folder, ${named('all')} and ${named('set')} the sets under ${named('root')}: give one or the other`,
    );
  if (values.all && values.set !== undefined)
    throw new ConfigError(
      `${named('all')} and ${named('set')}: give one (${named('set')} names some of the sets ${named('all')} covers)`,
    );
  if (sets) return { kind: 'sets', root: values.root, sets: values.set };
  if (values.dir === undefined || values.inventory === undefined)
    throw new ConfigError(
      `${named(values.dir === undefined ? 'dir' : 'inventory')} is required (or ${named('all')} or ${named('set')}, for the sets of an environment repo)`,
    );
  return { kind: 'folder', dir: values.dir, inventory: values.inventory };
}

export const namespace = valued(
  'namespace',
  '<ns>',
  "namespace for objects that name none, and for the inventory (default: the context's)",
  {
    short: 'n',
    parse: parseNamespace,
    details: 'a DNS label, as the API server requires: checked before any request',
  },
);

export const kubeconfig = valued(
  'kubeconfig',
  '<path>',
  'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)',
  {
    inputHelp:
      'Kubeconfig content (e.g. a secret) or path. Default: $KUBECONFIG or ~/.kube/config. Every credential in it is masked.',
  },
);

export const context = valued('context', '<name>', 'kubeconfig context');

export const requestTimeout = valued(
  'request-timeout',
  '<duration>',
  `how long one request to the API server may take (e.g. 30s, 2m; 0: no limit) (default: ${DEFAULT_REQUEST_TIMEOUT_SECONDS}s)`,
  {
    parse: parseDurationOption,
    details:
      "kubectl's flag and grammar; a stalled watch is reopened within it; reads, dry-runs and server-side applies are retried on dropped connections, 429 and 5xx",
  },
);

/** Every command that reads a set (apply, plan, drift) checks its Secrets the way render does. */
export const allowPlaintextSecrets = flag(
  'allow-plaintext-secrets',
  'accept Secrets whose data is not SOPS-encrypted (refused by default, as render refuses them)',
  {
    details:
      'without it such a Secret is refused, exit 2, before connecting; SOPS-encrypted manifests are decrypted in memory with the age key in `SOPS_AGE_KEY` or `SOPS_AGE_KEY_FILE` (see docs/secrets.md)',
  },
);

/** How ferry reaches a cluster: every command that talks to the API server takes these. */
export const CONNECTION = [kubeconfig, context, requestTimeout] as const;

export const cluster = defaulted(
  valued('cluster', '<name>', 'cluster name for the commit status context', {
    parse: parseClusterName,
    details: 'so the statuses, comments and issues of several clusters never overwrite each other',
  }),
  'default',
  'default',
);

/** `--commit-status [sha]` on the command line; an on/off input in the action (its commit is GITHUB_SHA). */
export function commitStatus(help: string, details: string) {
  return [
    valued<'commit-status', string | true>('commit-status', '[sha]', help, {
      only: 'cli',
      details,
    }),
    flag('commit-status', help.replace(/ \(default: .*\)$/, ''), { only: 'action', details }),
  ] as const;
}

export const repo = valued(
  'repo',
  '<owner/name>',
  'repository (GitLab: project path) for the reports (default: $GITHUB_REPOSITORY; GitLab: $CI_PROJECT_PATH)',
  { only: 'cli' },
);

export const forge = defaulted(
  valued<'forge', 'github' | 'gitlab'>('forge', '<forge>', 'where the reports go', {
    only: 'cli',
    choices: ['github', 'gitlab'],
  }),
  'github',
  'github',
);

export const reportTokenEnv = valued(
  'token-env',
  '<name>',
  'environment variable holding the token (default: GITHUB_TOKEN; GitLab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)',
  { only: 'cli' },
);

export const apiUrl = valued(
  'api-url',
  '<url>',
  'API URL (default: $GITHUB_API_URL or api.github.com; GitLab: $CI_API_V4_URL or gitlab.com)',
  {
    inputHelp:
      'GitHub REST API URL, for GitHub Enterprise Server (https://HOST/api/v3). Default: $GITHUB_API_URL.',
  },
);

/**
 * The `token` input's default, as actions/checkout has it: hosted runners do not export
 * GITHUB_TOKEN to an action's process, so the workflow token comes in as the input itself.
 * No value stands for it here: the runner fills the input, and an input left empty on purpose
 * means no token.
 */
export const WORKFLOW_TOKEN = { value: undefined, shown: '${{ github.token }}' };

/**
 * The action's token: for reports, the workflow's own token by default. Secrets never come in
 * as CLI flags (flags end up in logs and process lists): the CLI names a variable instead.
 */
export const reportToken = valued(
  'token',
  '<token>',
  'token for commit statuses, plan comments and issues in this repository (the default, the workflow token, needs statuses, pull-requests or issues: write). Masked.',
  { only: 'action', secret: true, inputFallback: WORKFLOW_TOKEN },
);

/** Where apply, plan and drift report (after their own `cluster` and `commit-status`). */
export const REPORTING = [repo, forge, reportTokenEnv, apiUrl, reportToken] as const;

export const pruneAllow = valued(
  'prune-allow',
  '<kinds>',
  'also prune these protected kinds (Namespace,CustomResourceDefinition,PersistentVolume,PersistentVolumeClaim)',
  {
    parse: parsePruneAllow,
    details:
      'Namespaces, CRDs, PersistentVolumes and PersistentVolumeClaims are kept unless listed here; any other kind is refused, exit 2',
  },
);

export const gitWinsOver = valued(
  'git-wins-over',
  '<managers>',
  "field managers, besides kubectl's, whose changes apply takes back (comma-separated)",
  {
    parse: (text) => parseList(text),
    details: 'like hand edits; see the drift and conflict rules in docs/concepts.md',
  },
);

/** `-o, --output`: the CLI's report format (the action's are its outputs and job summary). */
export function output<const C extends readonly string[]>(choices: C) {
  return defaulted(
    valued<'output', C[number]>('output', '<format>', 'report format', {
      short: 'o',
      only: 'cli',
      choices,
      details: `coloured text in a terminal${choices.includes('markdown') ? ', markdown for a job summary' : ''}, JSON for tools`,
    }),
    'text',
    'text',
  );
}
