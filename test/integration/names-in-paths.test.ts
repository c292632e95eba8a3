import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

// The name rules are the API server's, not stricter: names it takes that a DNS rule would not
// (RBAC's `system:…`, capitals and `_`) go through encoded path segments and apply, re-apply
// and drift like any other.
describe('names the API server takes, through encoded URL paths', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let dir: string;
  const clusterRole = (): string => `ferry-test:reader-${ns.name}`;
  before(async () => {
    ns = await testNamespace('ferry-names');
    dir = await mkdtemp(join(tmpdir(), 'ferry-names-'));
  });
  after(async () => {
    await kubectl(['delete', 'clusterrole', clusterRole(), '--ignore-not-found']);
    await ns.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies, re-applies without writes, and drifts clean', async () => {
    await writeFile(
      join(dir, 'rbac.yaml'),
      `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "${clusterRole()}"}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: Config_Readers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "${clusterRole()}"}
subjects: [{kind: ServiceAccount, name: default, namespace: ${ns.name}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app.config}
data: {a: "1"}
`,
    );
    const args = ['-d', dir, '-i', 'names', '-n', ns.name, '--kubeconfig', testKubeconfig()!];
    const first = await runFerry(['apply', ...args, '-o', 'json']);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(
      (JSON.parse(first.stdout) as { counts: Record<string, number> }).counts.created,
      3,
    );
    const again = await runFerry(['apply', ...args, '-o', 'json']);
    assert.equal(again.code, 0, again.stderr);
    const { requests } = JSON.parse(again.stdout) as { requests: Record<string, number> };
    assert.deepEqual(
      Object.keys(requests).filter((verb) => ['patch', 'create', 'delete'].includes(verb)),
      [],
      'no writes',
    );
    const drift = await runFerry(['drift', ...args, '--fail-on-drift']);
    assert.equal(drift.code, 0, drift.stdout + drift.stderr);
  });
});
