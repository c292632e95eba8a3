import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { APPLYSET_PART_OF, applySetParent } from '../../src/core/applyset.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { unrecordedMembers } from '../helpers/inventory.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

const ROUNDS = 20;

function object(kind: 'ConfigMap' | 'Secret' | 'ServiceAccount', name: string): KubeObject {
  const data =
    kind === 'ServiceAccount'
      ? {}
      : { [kind === 'Secret' ? 'stringData' : 'data']: { round: 'x' } };
  return { apiVersion: 'v1', kind, metadata: { name }, ...data };
}

describe('concurrent applies to one inventory', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  before(async () => {
    ns = await testNamespace('ferry-race');
  });
  after(async () => {
    await ns.remove();
  });

  const applyIn = async (
    namespace: string,
    inventory: string,
    objects: KubeObject[],
  ): Promise<void> => {
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    try {
      await applyObjects(client, objects, { dir: '', inventory, namespace }, quiet);
    } finally {
      client.close();
    }
  };
  const applyAs = (inventory: string, objects: KubeObject[]): Promise<void> =>
    applyIn(ns.name, inventory, objects);

  it(`records every labelled object's kind: two sets of different kinds at once, ${ROUNDS} rounds`, async () => {
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const inventory = `race-${round}`;
      // Odd rounds race on an existing parent (update), even rounds on creating it.
      if (round % 2 === 1) await applyAs(inventory, [object('ServiceAccount', `seed-${round}`)]);
      await Promise.all([
        applyAs(inventory, [object('ConfigMap', `a-${round}`)]),
        applyAs(inventory, [object('Secret', `b-${round}`)]),
      ]);
      const unrecorded = await unrecordedMembers(ns.name, inventory);
      if (unrecorded.length > 0) problems.push(`round ${round}: ${unrecorded.join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });

  it('a prune that drops a kind records it again when another run labelled one meanwhile', async (t) => {
    await applyAs('shrink', [object('ConfigMap', 'c1'), object('Secret', 's1')]);
    // Another run, which found Secret recorded, labels s2 while this one prunes s1: after this
    // run's read, before its record drops the kind.
    const proxy = await startFaultProxy(t);
    const id = applySetParent('shrink', ns.name).id;
    const other = {
      ...object('Secret', 's2'),
      metadata: { name: 's2', namespace: ns.name, labels: { [APPLYSET_PART_OF]: id } },
    };
    proxy.inject({
      method: 'DELETE',
      path: /\/secrets\/s1/,
      fault: {
        kind: 'before',
        action: async () => void (await kubectl(['apply', '-f', '-'], JSON.stringify(other))),
      },
    });
    const client = KubeClient.connect({ kubeconfig: proxy.kubeconfig });
    try {
      const report = await applyObjects(
        client,
        [object('ConfigMap', 'c1')],
        { dir: '', inventory: 'shrink', namespace: ns.name, prune: true },
        quiet,
      );
      assert.equal(report.counts.pruned, 1);
    } finally {
      client.close();
    }
    assert.ok(
      proxy.requests.some((r) => r.fault === 'before'),
      'the interleaving happened',
    );
    assert.deepEqual(await unrecordedMembers(ns.name, 'shrink'), []);
  });

  it('creates the inventory in a namespace the set itself creates, recording it first', async () => {
    const home = `${ns.name}-home`;
    try {
      await applyIn(home, 'home', [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: home } },
        object('ConfigMap', 'inside'),
      ]);
      assert.deepEqual(await unrecordedMembers(home, 'home', 'namespaces,configmaps'), []);
      const labelled = await kubectl([
        'get',
        'namespace',
        home,
        '-o',
        'jsonpath={.metadata.labels}',
      ]);
      assert.match(labelled.stdout, /applyset\.kubernetes\.io\/part-of/);
    } finally {
      await kubectl(['delete', 'namespace', home, '--wait=false']);
    }
  });
});
