// Issue 23, item 5: Sealed Secrets and External Secrets are custom resources whose controller
// reports a Ready condition; `apply --wait` waits for it. A custom resource stands in for them,
// and a loop in the test plays its controller, writing `/status` as a controller does.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject } from '../../src/core/manifest.js';
import { runFerry } from '../helpers/cli.js';
import { manifestsDir } from '../helpers/ferry-json.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

describe('apply --wait and custom resources with a Ready condition', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const group = `wait-${randomBytes(3).toString('hex')}.ferry.dev`;
  const crd: KubeObject = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
  const widget = (name: string): KubeObject => ({
    apiVersion: `${group}/v1`,
    kind: 'Widget',
    metadata: { name },
    spec: { size: 1 },
  });

  async function apply(objects: KubeObject[], inventory: string, timeout: string) {
    const dir = await manifestsDir(objects);
    const started = Date.now();
    const result = await runFerry([
      'apply',
      '--dir',
      dir,
      '--inventory',
      inventory,
      '--namespace',
      ns.name,
      '--kubeconfig',
      testKubeconfig()!,
      '--wait',
      '--timeout',
      timeout,
    ]);
    return { ...result, ended: Date.now(), seconds: (Date.now() - started) / 1000 };
  }

  /**
   * A controller for one Widget: once it exists, after `delayMs`, it writes these conditions to
   * its status (with the generation it saw). Resolves with when it began writing them; gives up
   * (resolving 0) after a minute without the Widget.
   */
  async function controller(name: string, delayMs: number, conditions: object[]): Promise<number> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const got = await kubectl(['-n', ns.name, 'get', `widgets.${group}`, name, '-o', 'json']);
      if (got.code === 0) {
        const generation = (JSON.parse(got.stdout) as { metadata: { generation: number } }).metadata
          .generation;
        await sleep(delayMs);
        const sent = Date.now();
        const status = { observedGeneration: generation, conditions };
        const patched = await kubectl([
          '-n',
          ns.name,
          'patch',
          `widgets.${group}`,
          name,
          '--subresource=status',
          '--type=merge',
          '-p',
          JSON.stringify({ status }),
        ]);
        assert.equal(patched.code, 0, patched.stderr);
        return sent;
      }
      await sleep(200);
    }
    return 0;
  }

  before(async () => {
    ns = await testNamespace('crwait');
  });
  // The first test applies the CRD with its first resource (one set: the CRD is Established,
  // then its kind is served); the others apply resources alone, in sets of their own.
  after(async () => {
    await ns.remove();
    await kubectl(['delete', 'crd', `widgets.${group}`, '--ignore-not-found']);
  });

  it('waits until the controller reports Ready=True (CRD and resource in one set)', async () => {
    const ready = controller('first', 2_000, [
      { type: 'Ready', status: 'True', reason: 'Synced', message: 'secret written' },
    ]);
    const result = await apply([crd, widget('first')], 'widgets', '60s');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /waiting for 1 rollout\(s\)/);
    assert.match(result.stderr, /Widget \S+\/first: Ready/);
    const sent = await ready;
    assert.ok(sent > 0 && result.ended >= sent, 'apply ended before the controller reported');
  });

  it('fails at the timeout when no controller ever reports, naming what it waited for', async () => {
    const result = await apply([widget('orphan')], 'orphans', '4s');
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout + result.stderr,
      /did not become ready \(prune skipped\): Widget \S+\/orphan: timed out after 4s: waiting for its controller to report status/,
    );
  });

  it('fails at once when the controller reports Stalled=True', async () => {
    void controller('stuck', 500, [
      { type: 'Stalled', status: 'True', reason: 'InvalidKey', message: 'cannot decrypt' },
      { type: 'Ready', status: 'False', reason: 'InvalidKey' },
    ]);
    const result = await apply([widget('stuck')], 'stuck', '60s');
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout + result.stderr,
      /Widget \S+\/stuck: Stalled=True \(InvalidKey\): cannot decrypt/,
    );
    assert.ok(result.seconds < 30, `took ${result.seconds}s`);
  });
});
