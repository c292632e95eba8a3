import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import type { KubeObject } from '../../src/core/manifest.js';
import { runFerry } from './cli.js';
import type { CorpusSet } from './corpus.js';
import type { Target } from './ferry-json.js';
import { kubectl, testKubeconfig } from './kube.js';

/** Helpers of test/integration/rbac.test.ts: ferry rbac's output, edited and applied. */

export interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
}
export type RbacDocument = KubeObject & { rules?: Rule[] };

/** The cluster-scoped kinds of the sets below, but Namespaces and CRDs (renamed otherwise). */
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'IngressClass']);

/**
 * Gives the set's cluster-scoped objects (but CRDs, whose names their group fixes) a per-run
 * suffix, and the bindings' references to them, so runs never share them with each other or
 * with the fidelity test applying the same project.
 */
export function suffixClusterScoped(set: CorpusSet, suffix: string): KubeObject[] {
  const renamed = new Set<string>();
  const objects = set.objects.map((o) => {
    if (!CLUSTER_SCOPED.has(o.kind)) return o;
    renamed.add(`${o.kind}/${o.metadata.name}`);
    return { ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-${suffix}` } };
  });
  for (const o of objects) {
    const ref = (o as { roleRef?: { kind: string; name: string } }).roleRef;
    if (ref && renamed.has(`${ref.kind}/${ref.name}`)) ref.name = `${ref.name}-${suffix}`;
  }
  return objects;
}

/** `ferry <command>` on a set as the given kubeconfig's identity. */
export function ferryAs(kubeconfig: string, command: string, target: Target, ...flags: string[]) {
  return runFerry([
    command,
    '--dir',
    target.dir,
    '--inventory',
    target.inventory,
    '--namespace',
    target.namespace,
    '--kubeconfig',
    kubeconfig,
    ...flags,
  ]);
}

/** The YAML `ferry rbac` prints for the set (run as the cluster's admin). */
export async function rbacFor(
  target: Target,
  subject: string,
  ...flags: string[]
): Promise<string> {
  const result = await ferryAs(testKubeconfig()!, 'rbac', target, '--subject', subject, ...flags);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

export async function kubectlApply(documents: string): Promise<void> {
  const applied = await kubectl(['apply', '-f', '-'], documents);
  assert.equal(applied.code, 0, applied.stderr);
}

/** The documents with `edit` applied to each rule; rules left without verbs are dropped. */
export function editRules(text: string, edit: (rule: Rule, doc: RbacDocument) => Rule): string {
  return (yaml.loadAll(text) as RbacDocument[])
    .map((doc) =>
      doc.rules
        ? { ...doc, rules: doc.rules.map((r) => edit(r, doc)).filter((r) => r.verbs.length > 0) }
        : doc,
    )
    .map((doc) => yaml.dump(doc))
    .join('---\n');
}

/** The `  - …` lines of the preflight's list. */
export const missingLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.startsWith('  - '));
