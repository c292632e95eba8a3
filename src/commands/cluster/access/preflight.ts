import type { Logger } from '../../../adapters/logger.js';
import { statusMessage, type KubeClient } from '../../../adapters/kube/client.js';
import type { ResourceMap } from '../../../adapters/kube/discovery.js';
import {
  describePermission,
  isUrlPermission,
  requiredAccess,
  type AccessUses,
  type Permission,
} from '../../../core/access.js';
import type { ApplySetParent } from '../../../core/applyset.js';
import { mapLimit } from '../../../core/concurrency.js';
import { OperationError } from '../../../core/errors.js';
import type { KubeObject } from '../../../core/manifest.js';
import type { Inventory } from '../inventory/inventory.js';
import { accessSet, readRecordEntries, setObjects, type InventoryRecordEntries } from './scope.js';

/** Access reviews in flight at once: each is a small POST the API server answers from memory. */
const REVIEW_CONCURRENCY = 16;

const REVIEWS = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

interface ReviewStatus {
  status?: { allowed?: boolean };
}

/**
 * Asks the API server, with one SelfSubjectAccessReview per permission (in parallel, bounded),
 * what this identity may not do. Answers are kept, so asking again costs nothing. A review is
 * authoritative under every authorizer (RBAC, webhooks such as GKE's IAM, Node), unlike
 * SelfSubjectRulesReview, which is incomplete under webhooks.
 */
export class AccessReviewer {
  private readonly answers = new Map<string, Promise<boolean | undefined>>();
  /** Set when the server refused a review itself (HTTP 403/404): nothing can be checked. */
  unavailable: string | undefined;

  constructor(private readonly client: KubeClient) {}

  /** The permissions not allowed; undefined when the server answers no reviews. */
  async missing(permissions: Permission[]): Promise<Permission[] | undefined> {
    const denied: Permission[] = [];
    await mapLimit(permissions, REVIEW_CONCURRENCY, async (p) => {
      if ((await this.allowed(p)) === false) denied.push(p);
    });
    if (this.unavailable !== undefined) return undefined;
    return permissions.filter((p) => denied.includes(p));
  }

  private allowed(p: Permission): Promise<boolean | undefined> {
    const key = JSON.stringify({ ...p, purposes: undefined });
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.review(p);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async review(p: Permission): Promise<boolean | undefined> {
    if (this.unavailable !== undefined) return undefined;
    const spec = isUrlPermission(p)
      ? { nonResourceAttributes: { verb: p.verb, path: p.url } }
      : {
          resourceAttributes: {
            verb: p.verb,
            group: p.group,
            resource: p.resource,
            ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
            ...(p.name !== undefined ? { name: p.name } : {}),
          },
        };
    const response = await this.client.request<ReviewStatus>({
      verb: 'review',
      method: 'POST',
      path: REVIEWS,
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec },
    });
    if (response.status === 201 || response.status === 200)
      return response.body?.status?.allowed === true;
    if (response.status === 403 || response.status === 404) {
      this.unavailable = `SelfSubjectAccessReview: HTTP ${response.status}: ${statusMessage(response)}`;
      return undefined;
    }
    throw new OperationError(
      `checking permissions (SelfSubjectAccessReview) failed: HTTP ${response.status}: ${statusMessage(response)}`,
    );
  }
}

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
    this.record = await readRecordEntries(this.client, this.parent);
    await this.check();
  }

  /** Checks what the members read add; call before the first write. */
  async beforeWrites(inventory: Inventory): Promise<void> {
    await this.check(inventory);
  }

  private async check(inventory?: Inventory): Promise<void> {
    const objects = setObjects(this.objects, this.resources, this.parent);
    const set = accessSet(this.parent, objects, this.resources, this.record, inventory);
    const missing = await this.reviewer.missing(requiredAccess([set], this.uses));
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
        '`ferry rbac` prints the Roles that grant them (docs/credentials.md); --no-preflight (input preflight: false) skips this check',
      ].join('\n'),
    );
  }
}
