import type { ListSetsOptions } from '../commands/cluster/sets/list.js';
import type { StatusOptions } from '../commands/cluster/sets/status.js';
import { parseClusterName, parseList } from '../core/options.js';
import { CONNECTION, cluster, output, root } from './common.js';
import { defaulted, flag, reworded, valued, type Values } from './declare.js';

/** The options of `ferry sets` and `ferry status`, which read the environment repo's sets. */

export const SETS_OUTPUTS = ['text', 'json', 'github-matrix', 'gitlab-pipeline'] as const;

export const SETS_OPTIONS = [
  reworded(root, 'folder to look for sets under (folders holding a .ferry-set.yaml)'),
  defaulted(
    valued('cluster', '<names>', 'clusters to list the sets of, comma-separated', {
      parse: (text, option) => parseList(text).map((name) => parseClusterName(name, option)),
      details: 'a set that names no clusters in its descriptor is listed for each',
    }),
    ['default'],
    'default',
  ),
  flag('changed', 'only the sets whose folder differs from what the cluster last applied', {
    details: 'one cluster; reads its inventories (one request)',
  }),
  valued('changed-since', '<rev>', 'only the sets whose folder differs from this revision', {
    details: "a pull request's base, or the commit before a push; a new set counts as changed",
  }),
  reworded(
    output(SETS_OUTPUTS),
    'list format',
    '`github-matrix`: the JSON `strategy.matrix` takes; `gitlab-pipeline`: a child pipeline (with --gitlab-template)',
  ),
  valued(
    'gitlab-template',
    '<file>',
    'with --output gitlab-pipeline: the body of the job that applies one set',
    {
      only: 'cli',
      details:
        'a YAML mapping (image, variables, script running `ferry apply --set "$FERRY_SET" --cluster "$FERRY_CLUSTER"`); each set becomes a job extending it, with `needs` for its dependencies',
    },
  ),
  ...CONNECTION,
] as const;

export type SetsValues = Values<typeof SETS_OPTIONS>;

/** What `ferry sets` takes from its options. */
export function listSetsOptions(values: SetsValues): ListSetsOptions {
  return {
    root: values.root,
    clusters: values.cluster,
    changed: values.changed,
    changedSince: values.changedSince,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
  };
}

export const STATUS_OPTIONS = [
  reworded(root, 'folder to look for sets under (folders holding a .ferry-set.yaml)'),
  reworded(cluster, 'the cluster the kubeconfig reaches, as the sets name it'),
  output(['text', 'json']),
  ...CONNECTION,
] as const;

export type StatusValues = Values<typeof STATUS_OPTIONS>;

/** What `ferry status` takes from its options. */
export function statusOptions(values: StatusValues): StatusOptions {
  return {
    root: values.root,
    cluster: values.cluster,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
  };
}
