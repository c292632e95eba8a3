import type { RbacOptions } from '../commands/cluster/access/rbac.js';
import { parseSubject } from '../core/rbac-manifests.js';
import {
  CONNECTION,
  all,
  cluster,
  dir,
  inventory,
  namespace,
  pruneAllow,
  root,
  set,
  targetOf,
  type Target,
} from './common.js';
import { refuseFolderOptionsWithSets } from './cluster.js';
import { required, reworded, valued, type Values } from './declare.js';
import { SET_SOURCE, setSettings, toolPaths } from './renderers.js';

/** `ferry rbac` (issue 24): the Roles an identity needs for one set, or a cluster's sets. */
export const RBAC_OPTIONS = [
  reworded(
    dir,
    'folder of manifests, as apply applies them',
    'with --inventory; or use --all or --set',
  ),
  inventory,
  reworded(
    all,
    'every set under --root for --cluster: what apply --all, plan --all, drift --all, status and sets --changed need',
    "each set as its .ferry-set.yaml says (prune, pruneAllow, wait), and the reads of the sets' records across namespaces (see docs/rbac.md)",
  ),
  set,
  root,
  reworded(cluster, 'with --all or --set: the cluster, as the sets name it'),
  namespace,
  required(
    valued(
      'subject',
      '<who>',
      'who gets the rights: serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME',
      {
        parse: parseSubject,
        details: 'the name the API server gives the CI identity (docs/credentials.md)',
      },
    ),
  ),
  reworded(
    pruneAllow,
    'protected kinds apply --prune-allow lets prune delete: delete is granted on them too',
    "one folder; a set's descriptor says it for its folder",
  ),
  valued(
    'name',
    '<name>',
    'name of the Roles and bindings (default: ferry:<namespace>:<inventory>; with --all: ferry:sets:<cluster>)',
    {
      only: 'cli',
    },
  ),
  ...CONNECTION,
  ...SET_SOURCE,
] as const;

export type RbacValues = Values<typeof RBAC_OPTIONS>;

/** What rbac's options give the command for one folder, the same from either surface. */
export function rbacOptions(
  values: RbacValues,
  target: Extract<Target, { kind: 'folder' }>,
): RbacOptions {
  return {
    ...connection(values),
    sets: [{ dir: target.dir, inventory: target.inventory, namespace: values.namespace }],
    pruneAllow: values.pruneAllow,
  };
}

/** What rbac's options give the command for the sets of `--all` / `--set`. */
export function rbacAllOptions(
  values: RbacValues,
  target: Extract<Target, { kind: 'sets' }>,
): RbacOptions {
  return {
    ...connection(values),
    environment: {
      root: target.root,
      cluster: values.cluster,
      sets: target.sets,
      tools: toolPaths(values),
    },
  };
}

/**
 * What the shells run: one folder, or the sets (where a folder's own options are refused, as
 * apply refuses them); `named` says an option as the surface spells it.
 */
export function rbacTarget(
  values: RbacValues,
  named: (option: string) => string = (option) => `--${option}`,
): RbacOptions {
  const target = targetOf(values, named);
  if (target.kind === 'folder') return rbacOptions(values, target);
  refuseFolderOptionsWithSets(values, named);
  return rbacAllOptions(values, target);
}

function connection(values: RbacValues) {
  return {
    subject: values.subject,
    name: values.name,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    source: setSettings(values),
  };
}
