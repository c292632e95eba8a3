import type { Logger } from '../../../adapters/logger.js';
import { KubeClient } from '../../../adapters/kube/client.js';
import { discover, type ResourceMap } from '../../../adapters/kube/discovery.js';
import { ALL_USES, requiredAccess, type AccessSet, type Permission } from '../../../core/access.js';
import { applySetParent } from '../../../core/applyset.js';
import { ConfigError } from '../../../core/errors.js';
import { PRUNE_PROTECTED_KINDS } from '../../../core/ordering.js';
import { rbacManifests, type RbacSubject } from '../../../core/rbac-manifests.js';
import { checkKindsKnown } from '../apply/apply.js';
import { desiredObject, readInventory } from '../inventory/inventory.js';
import { refuseParentClash } from '../inventory/live-state.js';
import { readSet, type SetSettings } from '../set-source.js';
import { accessSet, setObjects } from './scope.js';

/** One set: a folder of manifests applied as one inventory. */
export interface RbacSetOptions {
  dir: string;
  inventory: string;
  /** The inventory's namespace, and of objects that name none (default: the context's). */
  namespace?: string;
}

export interface RbacOptions {
  /** The sets the identity deploys (one today; every set of a cluster once environment repos list them). */
  sets: RbacSetOptions[];
  subject: RbacSubject;
  /** Protected kinds prune may delete, as apply's `--prune-allow`. */
  pruneAllow?: string[];
  /** Name of the Roles and bindings (default for one set: `ferry:<namespace>:<inventory>`). */
  name?: string;
  kubeconfig?: string;
  context?: string;
  requestTimeoutMs?: number;
  /** How a set that is a kustomization or a chart is built, as apply builds it (issue 22). */
  source?: SetSettings;
}

export interface RbacResult {
  /** The Roles, ClusterRole and bindings, as YAML an admin applies once. */
  yaml: string;
  permissions: Permission[];
}

/** A set read for its permissions: the manifests resolved, the inventory's record and members. */
async function readAccessSet(
  client: KubeClient,
  resources: ResourceMap,
  options: RbacSetOptions,
  source: SetSettings | undefined,
  log: Logger,
): Promise<{ set: AccessSet; summary: string }> {
  const namespace = options.namespace ?? client.contextNamespace;
  // As apply reads it (SOPS files decrypted: their names may be encrypted too; a chart
  // templated with the inventory as its release, so the names granted are the names applied);
  // whether a Secret is plaintext is apply's question, not this one's.
  const manifests = (
    await readSet(options.dir, {
      allowPlaintextSecrets: true,
      inventory: options.inventory,
      namespace,
      ...(source ? { source } : {}),
      log,
    })
  ).objects;
  const parent = applySetParent(options.inventory, namespace);
  checkKindsKnown(manifests, resources);
  refuseParentClash(manifests, parent);
  const objects = setObjects(manifests, resources, parent);
  const served = manifests
    .filter((o) => resources.find(o.apiVersion, o.kind))
    .map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, served);
  const kinds = new Set(manifests.map((o) => `${o.apiVersion}/${o.kind}`)).size;
  const summary = `inventory ${parent.namespace}/${parent.name}: ${manifests.length} object(s) of ${kinds} kind(s) from ${options.dir}, ${inventory.members.length} live member(s)`;
  return { set: accessSet(parent, objects, resources, undefined, inventory), summary };
}

function describeSubject(subject: RbacSubject): string {
  return subject.kind === 'ServiceAccount'
    ? `ServiceAccount ${subject.namespace}/${subject.name}`
    : `${subject.kind} ${subject.name}`;
}

/**
 * `ferry rbac`: the Roles, ClusterRole and bindings an identity needs to plan, apply (with prune
 * and wait) and check drift of exactly these sets, derived from their manifests through the
 * cluster's discovery (a kind's resource and scope), the inventory's record and its members.
 * Reads only.
 */
export async function rbac(options: RbacOptions, log: Logger): Promise<RbacResult> {
  const [only] = options.sets;
  if (options.name === undefined && (options.sets.length !== 1 || !only))
    throw new ConfigError('a name for the Roles is needed when they cover several sets');
  const client = KubeClient.connect({ ...options, log: (line) => log.info(line) });
  try {
    const resources = await discover(client);
    const read = [];
    for (const set of options.sets)
      read.push(await readAccessSet(client, resources, set, options.source, log));
    const pruneAllow = options.pruneAllow ?? [];
    const permissions = requiredAccess(
      read.map((r) => r.set),
      { ...ALL_USES, pruneAllow },
    );
    const first = read[0]!.set.parent;
    const name = options.name ?? `ferry:${first.namespace}:${first.name}`;
    const declaredNamespaces = read.flatMap((r) =>
      r.set.objects
        .filter((o) => o.object.kind === 'Namespace' && o.object.apiVersion === 'v1')
        .map((o) => o.object.metadata.name),
    );
    const kept = PRUNE_PROTECTED_KINDS.filter((k) => !pruneAllow.includes(k));
    const header = [
      `RBAC for ferry: what ${describeSubject(options.subject)} needs to plan, apply (with --prune and --wait) and check drift (with --confirm and alerts) of:`,
      ...read.map((r) => `  ${r.summary}`),
      "Generated by `ferry rbac` from the manifests, the cluster's discovery and the inventory. Review it, then apply it once",
      'as an admin (kubectl apply -f FILE). Regenerate it when the manifests gain a kind, a namespace or a cluster-scoped object:',
      "apply's and plan's preflight lists anything missing before they write.",
      'ferry never updates (PUT): patch is server-side apply; create is a new object, the inventory record, or the dry-run of',
      'a replaced Job; delete is prune, or a replaced Job. Namespaced kinds are granted per namespace; cluster-scoped objects by',
      'name, except list: ferry lists a whole kind, and RBAC limits list and watch to names only for a metadata.name field selector.',
      ...(kept.length > 0
        ? [`Prune does not delete ${kept.join(', ')} (apply --prune-allow; here too).`]
        : []),
    ];
    const yaml = rbacManifests({
      name,
      subject: options.subject,
      permissions,
      declaredNamespaces,
      header,
    });
    return { yaml, permissions };
  } finally {
    client.close();
  }
}
