import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import { planObjects } from '../../src/commands/cluster/plan/plan.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

// A dry run creates nothing, so what lives in a Namespace the manifests create cannot be
// checked by the server yet: apply --dry-run and plan skip those objects, and say so in the
// same words (one rule, not two).

describe('objects in a namespace the manifests create', needsCluster, () => {
  it('are not validated by apply --dry-run or plan, which say why in the same words', async (t) => {
    const home = await testNamespace('not-validated');
    t.after(() => home.remove());
    const created = `ferry-new-${randomBytes(4).toString('hex')}`;
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: created } },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: created },
        data: { mode: 'safe' },
      },
    ];
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    t.after(() => client.close());
    const options = { inventory: 'fresh', namespace: home.name };
    const applied = await applyObjects(
      client,
      objects,
      { ...options, dir: '', dryRun: true },
      quiet,
    );
    const planned = await planObjects(client, objects, options, quiet);

    const object = `ConfigMap ${created}/settings`;
    const applyNote = applied.objects.find((o) => o.object === object);
    const planNote = planned.objects.find((o) => o.object === object);
    assert.equal(applyNote?.action, 'created');
    assert.equal(planNote?.action, 'create');
    assert.equal(planNote?.note, 'not validated: its namespace does not exist yet');
    assert.equal(applyNote?.message, planNote?.note, 'apply --dry-run and plan say the same');
    assert.equal(planNote?.rejected, undefined, 'not a rejection: the server was not asked');
    const gone = await kubectl(['get', 'namespace', created, '--ignore-not-found', '-o', 'name']);
    assert.equal(gone.stdout, '', 'the dry run created nothing');
  });
});
