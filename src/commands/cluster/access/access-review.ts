import { statusMessage, type KubeClient } from '../../../adapters/kube/client.js';
import { isUrlPermission, type Permission } from '../../../core/access.js';
import { rulesAllow, type SubjectRules } from '../../../core/access-rules.js';
import { mapLimit } from '../../../core/concurrency.js';
import { OperationError } from '../../../core/errors.js';

/** Reviews in flight at once: each is a small POST the API server answers from memory. */
const REVIEW_CONCURRENCY = 16;

const AUTHORIZATION = '/apis/authorization.k8s.io/v1';

/**
 * A namespace nothing can be in (not a DNS label). SelfSubjectRulesReview needs a namespace, and
 * for this one returns the rules of the caller's ClusterRoleBindings alone (no RoleBinding can
 * exist in it): the rules that grant cluster-scoped access.
 */
const CLUSTER_SCOPE = 'ferry:cluster-scope';

/** The namespace whose rules decide a permission: its own, or the cluster's. */
const scopeOf = (p: Permission): string =>
  !isUrlPermission(p) && p.namespace !== undefined ? p.namespace : CLUSTER_SCOPE;

/**
 * Asks the API server what this identity may not do, cheaply: in one round, whether it may do
 * everything (one SelfSubjectAccessReview of `*` on `*`: cluster admins, `system:masters`) and
 * the RBAC rules that apply in each namespace concerned (one SelfSubjectRulesReview each); then
 * one SelfSubjectAccessReview for each permission neither shows (in parallel, bounded). Only a
 * SelfSubjectAccessReview says "no": it is authoritative under every authorizer (webhooks such
 * as GKE's IAM, Node), where the rules are incomplete. Answers are kept for the next question.
 */
export class AccessReviewer {
  private everything: Promise<boolean | undefined> | undefined;
  private readonly rules = new Map<string, Promise<SubjectRules | undefined>>();
  private readonly answers = new Map<string, Promise<boolean | undefined>>();
  /** Set when the server refused a review itself (HTTP 403/404): nothing can be checked. */
  unavailable: string | undefined;

  constructor(private readonly client: KubeClient) {}

  /** The permissions not allowed; undefined when the server answers no access reviews. */
  async missing(permissions: Permission[]): Promise<Permission[] | undefined> {
    const scopes = [...new Set(permissions.map(scopeOf))];
    this.everything ??= this.allowed({ verb: '*', group: '*', resource: '*', purposes: [] });
    const [everything] = await Promise.all([
      this.everything,
      mapLimit(scopes, REVIEW_CONCURRENCY, async (scope) => void (await this.rulesIn(scope))),
    ]);
    const unsure: Permission[] = [];
    for (const p of permissions) {
      if (everything === true && !isUrlPermission(p)) continue;
      const rules = await this.rulesIn(scopeOf(p));
      if (!rules || !rulesAllow(rules, p)) unsure.push(p);
    }
    const denied = new Set<Permission>();
    await mapLimit(unsure, REVIEW_CONCURRENCY, async (p) => {
      if ((await this.allowed(p)) === false) denied.add(p);
    });
    if (this.unavailable !== undefined) return undefined;
    return permissions.filter((p) => denied.has(p));
  }

  private rulesIn(namespace: string): Promise<SubjectRules | undefined> {
    let rules = this.rules.get(namespace);
    if (!rules) {
      rules = this.review<{ status?: SubjectRules }>(
        'selfsubjectrulesreviews',
        'SelfSubjectRulesReview',
        {
          namespace,
        },
      ).then((body) => body?.status);
      this.rules.set(namespace, rules);
    }
    return rules;
  }

  private allowed(p: Permission): Promise<boolean | undefined> {
    const key = JSON.stringify({ ...p, purposes: undefined });
    let answer = this.answers.get(key);
    if (!answer) {
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
      answer = this.review<{ status?: { allowed?: boolean } }>(
        'selfsubjectaccessreviews',
        'SelfSubjectAccessReview',
        spec,
      ).then((body) => (body ? body.status?.allowed === true : undefined));
      this.answers.set(key, answer);
    }
    return answer;
  }

  /**
   * One review; undefined when the server answers none. Rules are a shortcut only: when they
   * cannot be had, access reviews decide alone; when those cannot be had, `unavailable` says why.
   */
  private async review<T>(resource: string, kind: string, spec: object): Promise<T | undefined> {
    if (this.unavailable !== undefined) return undefined;
    const shortcut = kind === 'SelfSubjectRulesReview';
    const response = await this.client.request<T>({
      verb: 'review',
      method: 'POST',
      path: `${AUTHORIZATION}/${resource}`,
      body: { apiVersion: 'authorization.k8s.io/v1', kind, spec },
    });
    if (response.status === 201 || response.status === 200) return response.body;
    if (shortcut) return undefined;
    if (response.status === 403 || response.status === 404) {
      this.unavailable = `${kind}: HTTP ${response.status}: ${statusMessage(response)}`;
      return undefined;
    }
    throw new OperationError(
      `checking permissions (${kind}) failed: HTTP ${response.status}: ${statusMessage(response)}`,
    );
  }
}
