import { isUrlPermission, type Permission } from './access.js';

/**
 * What a SelfSubjectRulesReview returns: the RBAC rules that apply to the caller in one namespace
 * (those of its ClusterRoleBindings plus those of its RoleBindings there).
 * https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access
 */
export interface SubjectRules {
  resourceRules?: {
    verbs: string[];
    apiGroups?: string[];
    resources?: string[];
    resourceNames?: string[];
  }[];
  nonResourceRules?: { verbs: string[]; nonResourceURLs?: string[] }[];
}

const has = (list: string[] | undefined, value: string): boolean =>
  (list ?? []).some((item) => item === '*' || item === value);

/** RBAC's match of a non-resource URL: exact, `*`, or a prefix ending in `*`. */
function urlMatches(pattern: string, url: string): boolean {
  if (pattern === '*' || pattern === url) return true;
  return pattern.endsWith('*') && url.startsWith(pattern.slice(0, -1));
}

/**
 * Whether `rules` grant `permission`, matched as the RBAC authorizer matches (verbs, API groups
 * and resources with `*`; `resourceNames` only for a request that names its object). A URL is
 * matched against non-resource rules, which only ClusterRoles hold.
 */
export function rulesAllow(rules: SubjectRules, permission: Permission): boolean {
  if (isUrlPermission(permission))
    return (rules.nonResourceRules ?? []).some(
      (r) =>
        has(r.verbs, permission.verb) &&
        (r.nonResourceURLs ?? []).some((p) => urlMatches(p, permission.url)),
    );
  return (rules.resourceRules ?? []).some(
    (r) =>
      has(r.verbs, permission.verb) &&
      has(r.apiGroups, permission.group) &&
      has(r.resources, permission.resource) &&
      (!r.resourceNames?.length ||
        (permission.name !== undefined && r.resourceNames.includes(permission.name))),
  );
}
