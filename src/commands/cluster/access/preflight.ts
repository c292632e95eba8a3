import type { Logger } from '../../../adapters/logger.js';
import type { KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import {
  describePermission,
  requiredAccess,
  type AccessUses,
  type Permission,
} from '../../../core/access.js';
import type { ApplySetParent } from '../../../core/applyset.js';
import { OperationError } from '../../../core/errors.js';
import type { KubeObject } from '../../../core/manifest.js';
import type { Inventory } from '../inventory/inventory.js';
import { AccessReviewer } from './access-review.js';
import { accessSet, readRecordEntries, setObjects, type InventoryRecordEntries } from './scope.js';

/** Who the API server says this identity is (SelfSubjectReview), for the message; best effort. */
async function whoAmI(client: KubeClient): Promise<string | undefined> {
  const response = await client
    .request<{ status?: { userInfo?: { username?: string } } }>({
      verb: 'review',
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    })
    .catch(() => undefined);
  return response?.status === 201 ? response.body.status?.userInfo?.username : undefined;
}

/** What an apply with these options does, as far as permissions go. */
export function applyUses(options: {
  dryRun?: boolean;
  prune?: boolean;
  pruneAllow?: string[];
  wait?: boolean;
}): AccessUses {
  const dryRun = options.dryRun ?? false;
  return {
    validate: true,
    write: !dryRun,
    prune: options.prune ?? false,
    pruneAllow: options.pruneAllow ?? [],
    wait: (options.wait ?? false) && !dryRun,
    drift: false,
  };
}

/** What a plan does: read, and dry-run each write (it never deletes, so prune needs nothing). */
export const PLAN_USES: AccessUses = {
  validate: true,
  write: false,
  prune: false,
  pruneAllow: [],
  wait: false,
  drift: false,
};

/**
 * The permission check of apply and plan, before anything is written: first what the manifests
 * and the inventory's record need (before the first LIST), then what the members read add (prune
 * deleting cluster-scoped members by name). Everything missing is reported at once, exit 1.
 */
export class AccessPreflight {
  private readonly reviewer: AccessReviewer;
  private record: InventoryRecordEntries | undefined;
  private warned = false;

  constructor(
    private readonly client: KubeClient,
    private readonly parent: ApplySetParent,
    private readonly objects: KubeObject[],
    private readonly resources: ResourceMap,
    private readonly uses: AccessUses,
    private readonly command: string,
    private readonly log: Logger,
  ) {
    this.reviewer = new AccessReviewer(client);
  }

  /** Checks what the manifests and the parent's record need; call before reading the set. */
  async beforeReads(): Promise<void> {
    // The reviews of what the manifests alone need go with the read of the record, in one round;
    // the check after it asks only about what the record adds.
    const [record] = await Promise.all([
      readRecordEntries(this.client, this.parent),
      this.reviewer.missing(this.needs()),
    ]);
    this.record = record;
    await this.check();
  }

  /** Checks what the members read add; call before the first write. */
  async beforeWrites(inventory: Inventory): Promise<void> {
    await this.check(inventory);
  }

  /** What the run needs, from the manifests, the record (once read) and the members (once read). */
  private needs(inventory?: Inventory): Permission[] {
    const objects = setObjects(this.objects, this.resources, this.parent);
    const set = accessSet(this.parent, objects, this.resources, this.record, inventory);
    return requiredAccess([set], this.uses);
  }

  private async check(inventory?: Inventory): Promise<void> {
    const missing = await this.reviewer.missing(this.needs(inventory));
    if (missing === undefined) {
      if (this.warned) return;
      this.warned = true;
      this.log.warning(
        `permissions not checked before writing: the API server answers no access reviews (${this.reviewer.unavailable})`,
      );
      return;
    }
    if (missing.length === 0) return;
    const who = await whoAmI(this.client);
    throw new OperationError(
      [
        `${who ?? 'this identity'} lacks ${missing.length} permission(s) ${this.command} needs; nothing was written:`,
        ...missing.map((p) => `  - ${describePermission(p)}`),
        '`ferry rbac` prints the Roles that grant them (docs/credentials.md); --skip-preflight (input skip-preflight: true) skips this check',
      ].join('\n'),
    );
  }
}
