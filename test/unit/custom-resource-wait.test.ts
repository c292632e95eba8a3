import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResourceState, waitsForRollout } from '../../src/core/rollout.js';

const cr = (status?: object, generation = 2): object => ({
  kind: 'ExternalSecret',
  metadata: { generation },
  ...(status ? { status } : {}),
});
const ready = (status: string, extra: object = {}): object => ({
  conditions: [{ type: 'Ready', status, reason: 'SecretSynced', ...extra }],
});

describe('--wait and custom resources', () => {
  it('waits for custom resources with a status subresource, and for workloads; not for other kinds', () => {
    const info = (group: string, statusSubresource: boolean) => ({ group, statusSubresource });
    assert.ok(waitsForRollout({ kind: 'ExternalSecret' }, info('external-secrets.io', true)));
    assert.ok(waitsForRollout({ kind: 'SealedSecret' }, info('bitnami.com', true)));
    assert.ok(waitsForRollout({ kind: 'Cluster' }, info('cluster.x-k8s.io', true)));
    assert.ok(waitsForRollout({ kind: 'Deployment' }, info('apps', true)));
    // Built-in kinds with a status that nobody has to report (a CronJob that never ran).
    assert.ok(!waitsForRollout({ kind: 'CronJob' }, info('batch', true)));
    assert.ok(!waitsForRollout({ kind: 'Service' }, info('', true)));
    assert.ok(!waitsForRollout({ kind: 'Gateway' }, info('gateway.networking.k8s.io', true)));
    // A custom kind without a status subresource has nothing to report.
    assert.ok(!waitsForRollout({ kind: 'Config' }, info('example.com', false)));
  });

  const cases: [string, object, boolean, RegExp, boolean?][] = [
    [
      'no status yet (the controller has not acted)',
      cr(),
      false,
      /waiting for its controller to report status/,
    ],
    ['Ready=True', cr(ready('True')), true, /^Ready$/],
    [
      'Ready=False, with the reason',
      cr(ready('False', { message: 'store unreachable' })),
      false,
      /^Ready=False \(SecretSynced\): store unreachable$/,
    ],
    [
      'Ready=True for an older generation',
      cr(ready('True', { observedGeneration: 1 })),
      false,
      /Ready=True/,
    ],
    [
      'observedGeneration behind',
      cr({ observedGeneration: 1, ...ready('True') }),
      false,
      /observe the new generation/,
    ],
    [
      'Synced=True (Sealed Secrets)',
      cr({ conditions: [{ type: 'Synced', status: 'True' }] }),
      true,
      /^Synced$/,
    ],
    [
      'Stalled=True fails at once',
      cr({ conditions: [{ type: 'Stalled', status: 'True', reason: 'Bad' }] }),
      false,
      /^Stalled=True \(Bad\)$/,
      true,
    ],
    [
      'Reconciling=True',
      cr({ conditions: [{ type: 'Reconciling', status: 'True' }] }),
      false,
      /Reconciling=True/,
    ],
    [
      'a status without conditions (kstatus: current)',
      cr({ phase: 'Active' }),
      true,
      /status reported/,
    ],
  ];
  for (const [name, object, done, message, failed] of cases)
    it(`a custom resource with ${name}`, () => {
      const state = customResourceState(object);
      assert.equal(state.done, done);
      assert.match(state.message, message);
      assert.equal(state.failed ?? false, failed ?? false);
    });
});
