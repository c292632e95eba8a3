// A set applied on its own (one matrix job per set, `apply --set`) waits for what it stands on,
// also through a set nobody applies in this run: the fan-out lists only the changed sets, so an
// unchanged set in between must not let its dependent run ahead of a changed set below it.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Logger } from '../../src/adapters/logger.js';
import { applyAll } from '../../src/commands/cluster/sets/apply-all.js';
import { kubectl, needsCluster, testKubeconfig } from '../helpers/kube.js';
import { commitFiles, setsRepoForTest } from '../helpers/sets-repo.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

describe('a set applied on its own', needsCluster, () => {
  it('waits for a changed set it reaches through an unchanged one', async (t) => {
    const { appNs, root } = await setsRepoForTest(t, 'fanwait');
    const options = { root, cluster: 'prod-eu', kubeconfig: testKubeconfig()! };
    const first = await applyAll(options, quiet);
    assert.deepEqual(
      first.sets.map((s) => s.result),
      ['applied', 'applied', 'applied', 'applied'],
    );

    // namespace ← config (unchanged) ← web: namespace and web change, config does not.
    const edit = async (path: string, from: string, to: string) => {
      const file = join(root, path);
      await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
    };
    await edit('platform/namespace/namespace.yaml', "test: 'true'", "test: 'true'\n    tier: app");
    await edit('apps/web/web.yaml', "'2'", "'3'");
    await commitFiles(root, {});

    // Only web is this job's; namespace is another job's, which has not applied it yet.
    const report = await applyAll({ ...options, sets: ['web'], dependencyTimeoutMs: 1_000 }, quiet);
    assert.equal(report.sets.length, 1);
    assert.equal(report.sets[0]!.result, 'skipped');
    assert.match(report.sets[0]!.detail ?? '', /timed out waiting for namespace\b/);
    const live = await kubectl([
      '-n',
      appNs,
      'get',
      'configmap',
      'web-page',
      '-o',
      'jsonpath={.data.replicas}',
    ]);
    assert.equal(live.stdout, '2', 'web was not applied ahead of namespace');
  });
});
