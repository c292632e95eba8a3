import {
  statusMessage,
  type KubeClient,
  type KubeResponse,
  type KubeStatus,
} from '../../../adapters/kube/client.js';
import {
  collectionPath,
  objectPath,
  type ResourceInfo,
  type ResourceMap,
} from '../../../adapters/kube/discovery.js';
import { FIELD_MANAGER, listObjects, serverSideApply } from '../../../adapters/kube/objects.js';
import {
  APPLYSET_GROUP_KINDS,
  APPLYSET_NAMESPACES,
  APPLYSET_PART_OF,
  groupKind,
  parentObject,
  parseGroupKinds,
  parentProblem,
} from '../../../core/applyset.js';
import type { KubeObject } from '../../../core/manifest.js';
import { ApplyFailure, type ApplyReport } from '../../../core/apply-report.js';
import { PARENT_INFO, type Inventory } from './inventory.js';
import { foreignParentMessage } from './live-state.js';

/** Compare-and-swap rounds before giving up on an inventory other runs keep changing. */
const MAX_ROUNDS = 10;

const NAMESPACE_INFO: ResourceInfo = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  resource: 'namespaces',
  namespaced: false,
  statusSubresource: true,
};

/** What an ApplySet parent records: group-kinds and namespaces (the parent's own included). */
interface RecordEntries {
  kinds: Set<string>;
  namespaces: Set<string>;
}

/**
 * The inventory's record (the ApplySet parent's group-kinds and namespaces), written by
 * compare-and-swap so no concurrent run's entries are lost: every write carries the
 * resourceVersion it was computed from (server-side apply honours it; creating uses POST, which
 * fails if another run created the parent first), and a 409 means re-read and merge again.
 * KEP-3659's order: objects are labelled only after `add` recorded their kind and namespace;
 * `confirm` after the writes and the re-check after `shrink` heal what a concurrent pruning run
 * removed in between. https://github.com/kubernetes/enhancements/tree/master/keps/sig-cli/3659-kubectl-apply-prune
 */
export class InventoryRecord {
  /** The parent as last read or written; undefined before the first read when not known. */
  private live: KubeObject | undefined;
  private known: boolean;
  /** The parent's own namespace, when this run created it (bare) to hold the record. */
  createdNamespace: string | undefined;
  private readonly start: RecordEntries;

  constructor(
    private readonly client: KubeClient,
    private readonly inventory: Inventory,
    private readonly report: ApplyReport,
  ) {
    this.live = inventory.parentLive;
    this.known = true;
    this.start = entriesOf(
      inventory.members.map((m) => m.object),
      this.parentNamespace,
    );
    for (const kind of inventory.groupKinds) this.start.kinds.add(kind);
    for (const ns of inventory.namespaces) this.start.namespaces.add(ns);
  }

  private get parentNamespace(): string {
    return this.inventory.parent.namespace;
  }

  /**
   * Records the kinds and namespaces of `objects` and of the members read (never removes any):
   * call it before labelling `objects`.
   */
  async add(objects: KubeObject[]): Promise<void> {
    const members = this.inventory.members.map((m) => m.object);
    const wanted = entriesOf([...members, ...objects], this.parentNamespace);
    // The parent's own namespace may be one the set creates: then it is created first, bare
    // (unlabelled, so nothing unrecorded carries the label); its write later completes it.
    const ownNamespace = objects.some(
      (o) =>
        o.kind === 'Namespace' && o.apiVersion === 'v1' && o.metadata.name === this.parentNamespace,
    );
    await this.swap((current) => union(current, wanted), ownNamespace);
  }

  /** Reads the record again and adds back what a concurrent pruning run removed. */
  async confirm(objects: KubeObject[]): Promise<void> {
    this.known = false;
    await this.add(objects);
  }

  /**
   * After a prune: drops the kinds and namespaces this run found recorded and no longer needs
   * (`kept` are the objects that stay), leaving any that others added meanwhile; then lists the
   * dropped ones for members labelled in between (a concurrent run's) and records them again.
   */
  async shrink(kept: KubeObject[], resources: ResourceMap): Promise<void> {
    const keep = entriesOf(kept, this.parentNamespace);
    const dropKinds = [...this.start.kinds].filter((k) => !keep.kinds.has(k));
    const dropNamespaces = [...this.start.namespaces].filter((ns) => !keep.namespaces.has(ns));
    if (dropKinds.length === 0 && dropNamespaces.length === 0) return;
    await this.swap((current) => ({
      kinds: new Set([...current.kinds].filter((k) => !dropKinds.includes(k))),
      namespaces: new Set([...current.namespaces].filter((ns) => !dropNamespaces.includes(ns))),
    }));
    const strays = await this.labelledIn(resources, dropKinds, keep, dropNamespaces);
    if (strays.length > 0) await this.add(strays);
  }

  /** Members of the set (by label) of the dropped kinds, or in the dropped namespaces. */
  private async labelledIn(
    resources: ResourceMap,
    dropKinds: string[],
    keep: RecordEntries,
    dropNamespaces: string[],
  ): Promise<KubeObject[]> {
    const selector = `${APPLYSET_PART_OF}=${this.inventory.parent.id}`;
    const lists: Promise<KubeObject[]>[] = [];
    const everywhere = [...this.start.namespaces];
    for (const kind of new Set([...dropKinds, ...(dropNamespaces.length ? keep.kinds : [])])) {
      const info = resources.findGroupKind(kind);
      if (!info) continue; // the kind is gone from the cluster: nothing can carry the label
      const namespaces = dropKinds.includes(kind) ? everywhere : dropNamespaces;
      if (!info.namespaced) lists.push(listObjects(this.client, info, selector));
      else for (const ns of namespaces) lists.push(listObjects(this.client, info, selector, ns));
    }
    return (await Promise.all(lists)).flat();
  }

  /** Writes `next(current record)` until no other writer came in between. */
  private async swap(
    next: (current: RecordEntries) => RecordEntries,
    mayCreateNamespace = false,
  ): Promise<void> {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      if (!this.known) await this.read();
      const current = entriesOf([], this.parentNamespace, this.live);
      const wanted = next(current);
      if (this.live && sameEntries(current, wanted)) return;
      const body = parentObject(this.inventory.parent, [...wanted.kinds], [...wanted.namespaces]);
      const response = this.live
        ? await this.update(body, this.live)
        : await this.client.request<KubeObject | KubeStatus>({
            method: 'POST',
            path: collectionPath(PARENT_INFO, this.parentNamespace),
            query: { fieldManager: FIELD_MANAGER },
            body,
          });
      if (response.status === 200 || response.status === 201) {
        this.live = response.body as KubeObject;
        return;
      }
      if (response.status === 404 && !this.live) {
        if (!mayCreateNamespace) this.fail(`namespace ${this.parentNamespace} does not exist`);
        await this.createNamespace();
        mayCreateNamespace = false;
        continue;
      }
      // 409: another writer changed (or created) the parent first; 404: it deleted it.
      if (response.status !== 409 && response.status !== 404) this.fail(statusMessage(response));
      this.known = false;
    }
    this.fail(`changed by other runs ${MAX_ROUNDS} times in a row; try again`);
  }

  private async createNamespace(): Promise<void> {
    const outcome = await serverSideApply(
      this.client,
      NAMESPACE_INFO,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.parentNamespace } },
      { dryRun: false, force: false },
    );
    if (!outcome.ok) this.fail(`cannot create its namespace: ${outcome.message}`);
    if (outcome.created) this.createdNamespace = this.parentNamespace;
  }

  /** Server-side apply with the resourceVersion read: a precondition, 409 if it moved. */
  private async update(
    body: KubeObject,
    live: KubeObject,
  ): Promise<KubeResponse<KubeObject | KubeStatus>> {
    const resourceVersion = (live.metadata as { resourceVersion?: string }).resourceVersion;
    const outcome = await serverSideApply(
      this.client,
      PARENT_INFO,
      { ...body, metadata: { ...body.metadata, resourceVersion } },
      { dryRun: false, force: true },
    );
    return outcome.ok
      ? { status: 200, body: outcome.object }
      : { status: outcome.status, body: { message: outcome.message } };
  }

  private async read(): Promise<void> {
    const { name } = this.inventory.parent;
    const response = await this.client.request<KubeObject>({
      method: 'GET',
      path: objectPath(PARENT_INFO, name, this.parentNamespace),
    });
    if (response.status !== 200 && response.status !== 404)
      this.fail(`cannot read it: HTTP ${response.status}`);
    this.live = response.status === 200 ? response.body : undefined;
    // Created by someone else since the inventory was read: never taken over.
    const problem = this.live && parentProblem(this.live, this.inventory.parent);
    if (problem) this.fail(foreignParentMessage(this.inventory.parent, problem), false);
    this.known = true;
  }

  private fail(message: string, prefixed = true): never {
    const { namespace, name } = this.inventory.parent;
    const line = prefixed ? `inventory ${namespace}/${name}: ${message}` : message;
    throw new ApplyFailure(line, this.report);
  }
}

/** The kinds and namespaces of `objects`, plus what `parent` records. */
function entriesOf(
  objects: KubeObject[],
  parentNamespace: string,
  parent?: KubeObject,
): RecordEntries {
  const annotations = parent?.metadata.annotations ?? {};
  const kinds = new Set([
    ...parseGroupKinds(annotations[APPLYSET_GROUP_KINDS]),
    ...objects.map(groupKind),
  ]);
  const namespaces = new Set([
    parentNamespace,
    ...parseGroupKinds(annotations[APPLYSET_NAMESPACES]),
    ...objects.map((o) => o.metadata.namespace ?? '').filter(Boolean),
  ]);
  return { kinds, namespaces };
}

function union(a: RecordEntries, b: RecordEntries): RecordEntries {
  return {
    kinds: new Set([...a.kinds, ...b.kinds]),
    namespaces: new Set([...a.namespaces, ...b.namespaces]),
  };
}

function sameEntries(a: RecordEntries, b: RecordEntries): boolean {
  const same = (x: Set<string>, y: Set<string>): boolean =>
    x.size === y.size && [...x].every((v) => y.has(v));
  return same(a.kinds, b.kinds) && same(a.namespaces, b.namespaces);
}
