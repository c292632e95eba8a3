import { Document, isScalar, visit } from 'yaml';
import {
  isUrlPermission,
  type Permission,
  type ResourcePermission,
  type UrlPermission,
} from './access.js';
import { ConfigError } from './errors.js';
import { quoteForMessage } from './image.js';

const RBAC_API = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Who the Roles are bound to. */
export type RbacSubject =
  | { kind: 'ServiceAccount'; namespace: string; name: string }
  | { kind: 'User' | 'Group'; name: string };

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `--subject`: `serviceaccount:NAMESPACE:NAME`, `user:NAME` or `group:NAME` (a user or group
 * name may itself hold colons, as OIDC subjects do).
 */
export function parseSubject(text: string, option: string): RbacSubject {
  const colon = text.indexOf(':');
  const type = colon < 0 ? '' : text.slice(0, colon).toLowerCase();
  const rest = text.slice(colon + 1);
  if (type === 'user' || type === 'group') {
    if (rest.trim() === '' || rest !== rest.trim() || /[\n\r]/.test(rest))
      throw new ConfigError(`${option}: ${quoteForMessage(text)} names no ${type}`);
    return { kind: type === 'user' ? 'User' : 'Group', name: rest };
  }
  if (type === 'serviceaccount') {
    const [namespace = '', name = '', ...extra] = rest.split(':');
    if (extra.length === 0 && DNS_LABEL.test(namespace) && DNS_SUBDOMAIN.test(name))
      return { kind: 'ServiceAccount', namespace, name };
  }
  throw new ConfigError(
    `${option}: ${quoteForMessage(text)} is not serviceaccount:NAMESPACE:NAME, user:NAME or group:NAME`,
  );
}

function subjectOf(subject: RbacSubject): Record<string, string> {
  return subject.kind === 'ServiceAccount'
    ? { kind: 'ServiceAccount', name: subject.name, namespace: subject.namespace }
    : { kind: subject.kind, apiGroup: RBAC_GROUP, name: subject.name };
}

export interface RbacManifestOptions {
  /** Name of every Role, ClusterRole and binding written. */
  name: string;
  subject: RbacSubject;
  permissions: Permission[];
  /** Namespaces the sets declare: written first, so the Roles in them can be applied. */
  declaredNamespaces: string[];
  /** The header's lines, saying what the file covers. */
  header: string[];
}

interface Rule {
  rule: Record<string, string[]>;
  comment: string;
}

/** Why each verb of a rule is there: `list (read, prune) · patch (apply)`. */
function purposesComment(permissions: Permission[]): string {
  const byVerb = new Map<string, Set<string>>();
  for (const p of permissions) {
    const set = byVerb.get(p.verb) ?? new Set<string>();
    for (const purpose of p.purposes) set.add(purpose);
    byVerb.set(p.verb, set);
  }
  return [...byVerb]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([verb, purposes]) => `${verb} (${[...purposes].join(', ')})`)
    .join(' · ');
}

const NOTES: Record<string, string> = {
  escalate:
    'escalate: the set holds these roles; creating or changing a role that grants rights this identity does not hold itself needs escalate on it',
  bind: "bind: the set's bindings refer to these roles; binding a role whose rights this identity does not hold itself needs bind on it",
  allNamespaces:
    'all namespaces: the set has this kind in more than three namespaces, which ferry reads with one LIST across all of them',
};

/** The rules for one (group, resource): verbs without names, then verbs by the names they may touch. */
function resourceRules(permissions: ResourcePermission[]): Rule[] {
  const { group, resource } = permissions[0]!;
  const unnamed = permissions.filter((p) => p.name === undefined);
  const free = new Set(unnamed.map((p) => p.verb));
  const named = new Map<string, ResourcePermission[]>();
  for (const p of permissions.filter((x) => x.name !== undefined && !free.has(x.verb))) {
    named.set(p.verb, [...(named.get(p.verb) ?? []), p]);
  }
  // Verbs limited to the same names share a rule.
  const byNames = new Map<string, { verbs: string[]; names: string[]; of: ResourcePermission[] }>();
  for (const [verb, list] of named) {
    const names = [...new Set(list.map((p) => p.name!))].sort();
    const key = names.join('\u0000');
    const entry = byNames.get(key) ?? { verbs: [], names, of: [] };
    entry.verbs.push(verb);
    entry.of.push(...list);
    byNames.set(key, entry);
  }
  const base = { apiGroups: [group], resources: [resource] };
  const note = (of: ResourcePermission[]): string => {
    const notes = [
      ...of.filter((p) => p.verb === 'escalate' || p.verb === 'bind').map((p) => p.verb),
      ...(of.some((p) => p.allNamespaces) ? ['allNamespaces'] : []),
    ];
    return [...new Set(notes)].map((n) => `\n ${NOTES[n]}`).join('');
  };
  const rules: Rule[] = [];
  if (unnamed.length > 0)
    rules.push({
      rule: { ...base, verbs: [...free].sort() },
      comment: ` ${purposesComment(unnamed)}${note(unnamed)}`,
    });
  for (const { verbs, names, of } of [...byNames.values()].sort((a, b) =>
    a.verbs.join().localeCompare(b.verbs.join()),
  ))
    rules.push({
      rule: { ...base, resourceNames: names, verbs: verbs.sort() },
      comment: ` ${purposesComment(of)}${note(of)}`,
    });
  return rules;
}

function rulesOf(permissions: Permission[]): Rule[] {
  const urls = permissions.filter(isUrlPermission);
  const byResource = new Map<string, ResourcePermission[]>();
  for (const p of permissions.filter((x): x is ResourcePermission => !isUrlPermission(x))) {
    const key = `${p.group}\u0000${p.resource}`;
    byResource.set(key, [...(byResource.get(key) ?? []), p]);
  }
  const rules = [...byResource.keys()].sort().flatMap((key) => resourceRules(byResource.get(key)!));
  if (urls.length > 0) rules.push(urlRule(urls));
  return rules;
}

function urlRule(urls: UrlPermission[]): Rule {
  return {
    rule: { nonResourceURLs: urls.map((u) => u.url).sort(), verbs: ['get'] },
    comment:
      ' discovery and OpenAPI: the default ClusterRole system:discovery grants these to every authenticated user; listed so this file stands alone',
  };
}

/** A document with its comments: the header on top, one comment above each rule. */
function yamlDocument(object: Record<string, unknown>, rules: Rule[], comment?: string): string {
  const doc = new Document(object, { aliasDuplicateObjects: false });
  if (comment) doc.commentBefore = comment;
  const seq = doc.get('rules', true) as { items: { commentBefore?: string }[] } | undefined;
  rules.forEach((r, i) => {
    const item = seq?.items[i];
    if (item) item.commentBefore = r.comment;
  });
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The Roles, ClusterRole and bindings that grant `permissions` to the subject, as one YAML stream
 * in a stable order: the namespaces the sets declare, the ClusterRole and its binding, then a
 * Role and RoleBinding per namespace (sorted).
 */
export function rbacManifests(options: RbacManifestOptions): string {
  const { name, subject } = options;
  const cluster = options.permissions.filter(
    (p) => isUrlPermission(p) || p.namespace === undefined,
  );
  const byNamespace = new Map<string, Permission[]>();
  for (const p of options.permissions)
    if (!isUrlPermission(p) && p.namespace !== undefined)
      byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
  const header = options.header.map((line) => (line ? ` ${line}` : '')).join('\n');
  const documents: string[] = [];
  const declared = options.declaredNamespaces.filter((ns) => byNamespace.has(ns)).sort();
  declared.forEach((ns, i) =>
    documents.push(
      yamlDocument(
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
        [],
        `${i === 0 ? `${header}\n\n` : ''} declared by the set: created here first, so its Role can be applied (ferry's apply takes it over)`,
      ),
    ),
  );
  const binding = (
    kind: string,
    roleKind: string,
    namespace?: string,
  ): Record<string, unknown> => ({
    apiVersion: RBAC_API,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name },
    subjects: [subjectOf(subject)],
  });
  const clusterRules = rulesOf(cluster);
  documents.push(
    yamlDocument(
      {
        apiVersion: RBAC_API,
        kind: 'ClusterRole',
        metadata: { name },
        rules: clusterRules.map((r) => r.rule),
      },
      clusterRules,
      declared.length === 0 ? header : undefined,
    ),
    yamlDocument(binding('ClusterRoleBinding', 'ClusterRole'), []),
  );
  for (const ns of [...byNamespace.keys()].sort()) {
    const rules = rulesOf(byNamespace.get(ns)!);
    documents.push(
      yamlDocument(
        {
          apiVersion: RBAC_API,
          kind: 'Role',
          metadata: { name, namespace: ns },
          rules: rules.map((r) => r.rule),
        },
        rules,
      ),
      yamlDocument(binding('RoleBinding', 'Role', ns), []),
    );
  }
  return documents.join('---\n');
}
