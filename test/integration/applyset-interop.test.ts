// ferry's inventory and kubectl's ApplySets (KEP-3659) on the real control plane, as
// docs/concepts.md tells users: kubectl can list ferry's set by its part-of label but refuses to
// apply to it, ferry refuses kubectl's set, and a kubectl ApplySet moves to ferry with --adopt and
// --force-conflicts, after which drift is clean.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

/** kubectl's ApplySet support is still behind this switch (kubectl 1.34). */
const APPLYSET_ON = { KUBECTL_APPLYSET: 'true' };

describe('ferry inventories beside kubectl ApplySets', needsCluster, () => {
  let dir: string;
  let ns: { name: string; remove: () => Promise<void> };
  /** ferry on the folder of manifests `folder`. */
  const ferry = (folder: string, command: string, inventory: string, ...flags: string[]) =>
    runFerry([
      command,
      '--dir',
      join(dir, folder),
      '--inventory',
      inventory,
      '--namespace',
      ns.name,
      '--kubeconfig',
      testKubeconfig()!,
      ...flags,
    ]);
  /** kubectl's ApplySet apply of the folder `folder`. */
  const kubectlApply = (folder: string, applyset: string, ...flags: string[]) =>
    kubectl(
      [
        'apply',
        '--server-side',
        `--applyset=${applyset}`,
        '--prune',
        '-n',
        ns.name,
        '-f',
        join(dir, folder),
        ...flags,
      ],
      undefined,
      APPLYSET_ON,
    );

  before(async () => {
    ns = await testNamespace('ferry-applyset');
    dir = await mkdtemp(join(tmpdir(), 'ferry-applyset-'));
    // One ConfigMap per folder, so each case starts from objects no set owns yet.
    for (const name of ['settings', 'other']) {
      await mkdir(join(dir, name));
      await writeFile(
        join(dir, name, 'configmap.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: ${ns.name} }\ndata: { a: "1" }\n`,
      );
    }
  });
  after(async () => {
    await ns?.remove();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('moves a kubectl ApplySet to ferry; then kubectl may read the set but not apply to it', async () => {
    const created = await kubectlApply('settings', 'legacy');
    assert.equal(created.code, 0, created.stderr);

    const refused = await ferry('settings', 'apply', 'legacy');
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /owned by another ApplySet \(applyset-\S+-v1\); refusing to adopt it \(use --adopt\)/,
    );

    const adopted = await ferry(
      'settings',
      'apply',
      'legacy-ferry',
      '--adopt',
      '--force-conflicts',
    );
    assert.equal(adopted.code, 0, adopted.stderr);

    const parent = await kubectl(['-n', ns.name, 'get', 'configmap', 'legacy-ferry', '-o', 'json']);
    const id = (JSON.parse(parent.stdout) as { metadata: { labels: Record<string, string> } })
      .metadata.labels['applyset.kubernetes.io/id']!;
    const members = await kubectl([
      'get',
      'configmaps',
      '--all-namespaces',
      '-l',
      `applyset.kubernetes.io/part-of=${id}`,
      '-o',
      'name',
    ]);
    assert.equal(members.stdout.trim(), 'configmap/settings');

    const kubectlRefused = await kubectlApply(
      'settings',
      'configmaps/legacy-ferry',
      '--dry-run=server',
    );
    assert.notEqual(kubectlRefused.code, 0);
    assert.match(kubectlRefused.stderr, /managed by tooling "ferry" instead of "kubectl"/);

    const removed = await kubectl(['-n', ns.name, 'delete', 'secret', 'legacy']);
    assert.equal(removed.code, 0, removed.stderr);
    const drift = await ferry('settings', 'drift', 'legacy-ferry', '--fail-on-drift');
    assert.equal(drift.code, 0, drift.stdout + drift.stderr);
    assert.match(drift.stdout, /no drift: 1 objects match git/);
  });

  it("refuses an inventory whose parent is kubectl's", async () => {
    const created = await kubectlApply('other', 'configmaps/kubectl-owned');
    assert.equal(created.code, 0, created.stderr);
    const refused = await ferry('other', 'apply', 'kubectl-owned');
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /ConfigMap \S+\/kubectl-owned exists and is not an inventory record of ferry's \(it belongs to kubectl\/v\S+, not ferry\); choose another --inventory/,
    );
  });
});
