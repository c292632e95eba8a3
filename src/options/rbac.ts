import type { RbacOptions } from '../commands/cluster/access/rbac.js';
import { parseSubject } from '../core/rbac-manifests.js';
import { CONNECTION, dir, inventory, namespace, pruneAllow } from './common.js';
import { required, reworded, valued, type Values } from './declare.js';
import { SET_SOURCE, setSettings } from './renderers.js';

/** `ferry rbac` (issue 24): the Roles an identity needs for one set. */
export const RBAC_OPTIONS = [
  required(reworded(dir, 'folder of manifests, as apply applies them')),
  required(inventory),
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
  ),
  valued(
    'name',
    '<name>',
    'name of the Roles and bindings (default: ferry:<namespace>:<inventory>)',
    {
      only: 'cli',
    },
  ),
  ...CONNECTION,
  ...SET_SOURCE,
] as const;

export type RbacValues = Values<typeof RBAC_OPTIONS>;

/** What rbac's options give the command, the same from either surface (one set for now). */
export function rbacOptions(values: RbacValues): RbacOptions {
  return {
    sets: [{ dir: values.dir, inventory: values.inventory, namespace: values.namespace }],
    subject: values.subject,
    pruneAllow: values.pruneAllow,
    name: values.name,
    kubeconfig: values.kubeconfig,
    context: values.context,
    requestTimeoutMs: values.requestTimeout,
    source: setSettings(values),
  };
}
