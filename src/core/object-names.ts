/**
 * The API server's rules for object names and namespaces, so a name that would reach a URL path
 * (`--namespace t2/../kube-system`, `metadata.name: Bad_Name/../x`) is refused as bad input
 * before any request. https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 *
 * Most kinds take a DNS subdomain; a few differ. The table was read off the API server itself
 * (Kubernetes 1.34: a server-side dry-run create of every served kind with names that tell the
 * rules apart: `a.b`, `1a`, `a:b`, `A`, `a_b`, 64 characters). Kinds not in it (custom resources,
 * kinds of newer releases) get only the rule every name shares: it is one URL path segment.
 */

/** How the API server validates a name. */
export type NameRule = 'dns-label' | 'dns-1035-label' | 'dns-subdomain' | 'path-segment';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_LABEL = new RegExp(`^${LABEL}$`);
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** `group/Kind` (core group: `/Kind`) to rule, where it is not a plain DNS subdomain. */
const SPECIAL_RULES: Record<string, { rule: NameRule; max?: number }> = {
  '/Namespace': { rule: 'dns-label' },
  'apps/StatefulSet': { rule: 'dns-label' },
  '/Service': { rule: 'dns-1035-label' },
  // CronJob names leave room for the 11 characters its Jobs' names add.
  'batch/CronJob': { rule: 'dns-subdomain', max: 52 },
  '/Event': { rule: 'path-segment' },
  'policy/PodDisruptionBudget': { rule: 'path-segment' },
  'certificates.k8s.io/CertificateSigningRequest': { rule: 'path-segment' },
  'rbac.authorization.k8s.io/Role': { rule: 'path-segment' },
  'rbac.authorization.k8s.io/ClusterRole': { rule: 'path-segment' },
  'rbac.authorization.k8s.io/RoleBinding': { rule: 'path-segment' },
  'rbac.authorization.k8s.io/ClusterRoleBinding': { rule: 'path-segment' },
  // `<version>.<group>` and IP addresses: the server checks the rest.
  'apiregistration.k8s.io/APIService': { rule: 'path-segment' },
  'networking.k8s.io/IPAddress': { rule: 'path-segment' },
};

/** Built-in groups whose every other kind takes a DNS subdomain (read off the server, as above). */
const SUBDOMAIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'events.k8s.io',
  'networking.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'resource.k8s.io',
  'flowcontrol.apiserver.k8s.io',
]);

/** The rule for names of a kind (`group` '' for the core group). */
export function nameRuleOf(group: string, kind: string): { rule: NameRule; max?: number } {
  return (
    SPECIAL_RULES[`${group}/${kind}`] ??
    (SUBDOMAIN_GROUPS.has(group) ? { rule: 'dns-subdomain' } : { rule: 'path-segment' })
  );
}

const RULE_TEXT: Record<NameRule, (max: number) => string> = {
  'dns-label': (max) =>
    `a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${max} characters`,
  'dns-1035-label': (max) =>
    `a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most ${max} characters`,
  'dns-subdomain': (max) =>
    `a DNS subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most ${max} characters`,
  'path-segment': () => `not empty, "." or "..", and without '/' or '%'`,
};

const DEFAULT_MAX: Record<NameRule, number> = {
  'dns-label': 63,
  'dns-1035-label': 63,
  'dns-subdomain': 253,
  'path-segment': Infinity,
};

/** Whether `name` keeps `rule` (up to `max` characters); undefined when it does. */
export function ruleProblem(
  name: string,
  rule: NameRule,
  max = DEFAULT_MAX[rule],
): string | undefined {
  const ok =
    name.length <= max &&
    {
      'dns-label': DNS_LABEL,
      'dns-1035-label': DNS_1035_LABEL,
      'dns-subdomain': DNS_SUBDOMAIN,
      'path-segment': /^(?!\.\.?$)[^/%]+$/,
    }[rule].test(name);
  return ok ? undefined : RULE_TEXT[rule](max);
}

/** What is wrong with `name` as the name of an object of `group`/`kind`; undefined when valid. */
export function nameProblem(group: string, kind: string, name: string): string | undefined {
  const { rule, max } = nameRuleOf(group, kind);
  return ruleProblem(name, rule, max);
}

/** What is wrong with `namespace` as a namespace name (a DNS label); undefined when valid. */
export function namespaceProblem(namespace: string): string | undefined {
  return ruleProblem(namespace, 'dns-label');
}
