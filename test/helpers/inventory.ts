import {
  applySetParent,
  groupKind,
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
} from '../../src/core/applyset.js';
import { kubectl } from './kube.js';

interface Listed {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
}

/**
 * Objects carrying the inventory's part-of label (of the given resources, in any namespace) that
 * its parent does not record: their group-kind or namespace is missing, so prune and drift would
 * never see them. Empty when the inventory is consistent.
 */
export async function unrecordedMembers(
  namespace: string,
  inventory: string,
  resources = 'configmaps,secrets,serviceaccounts',
): Promise<string[]> {
  const parent = applySetParent(inventory, namespace);
  const got = await kubectl([
    '-n',
    namespace,
    'get',
    'configmap',
    inventory,
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  const annotations = got.stdout.trim()
    ? ((JSON.parse(got.stdout) as Listed).metadata.annotations ?? {})
    : {};
  const kinds = new Set((annotations[APPLYSET_GROUP_KINDS] ?? '').split(',').filter(Boolean));
  const namespaces = new Set([namespace, ...(annotations[APPLYSET_NAMESPACES] ?? '').split(',')]);
  const members = await kubectl([
    'get',
    resources,
    '-A',
    '-l',
    `applyset.kubernetes.io/part-of=${parent.id}`,
    '-o',
    'json',
  ]);
  if (members.code !== 0) throw new Error(`kubectl get: ${members.stderr}`);
  const items = (JSON.parse(members.stdout) as { items: Listed[] }).items;
  return items
    .filter(
      (o) =>
        !kinds.has(groupKind(o)) || (o.metadata.namespace && !namespaces.has(o.metadata.namespace)),
    )
    .map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
}
