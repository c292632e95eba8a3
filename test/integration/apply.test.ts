import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects, type ApplyOptions } from '../../src/commands/cluster/apply/apply.js';
import { ApplyFailure, type ApplyReport } from '../../src/core/apply-report.js';
import { ConfigError } from '../../src/core/errors.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { deployment } from '../helpers/workloads.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

function configMap(name: string, data: Record<string, string>, namespace?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    data,
  };
}

/** Writes (create, patch, update, delete) an apply made, from its request counts. */
function writesOf(report: ApplyReport): number {
  return ['create', 'patch', 'update', 'delete'].reduce(
    (sum, verb) => sum + (report.requests?.[verb] ?? 0),
    0,
  );
}

async function live(
  kind: string,
  name: string,
  namespace: string,
): Promise<Record<string, any> | undefined> {
  const result = await kubectl([
    '-n',
    namespace,
    'get',
    kind,
    name,
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  return result.stdout.trim() ? (JSON.parse(result.stdout) as Record<string, any>) : undefined;
}

describe('ferry apply on the real control plane', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let client: KubeClient;
  const run = (
    objects: KubeObject[],
    options: Partial<ApplyOptions> = {},
  ): Promise<ApplyReport> => {
    const fresh = KubeClient.connect({ kubeconfig: testKubeconfig() });
    return applyObjects(
      fresh,
      objects,
      { dir: '', inventory: 'test', namespace: ns.name, ...options },
      quiet,
    ).finally(() => fresh.close());
  };
  const failureOf = async (promise: Promise<unknown>): Promise<ApplyFailure> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApplyFailure, `expected an ApplyFailure, got ${String(error)}`);
    return error;
  };

  before(async () => {
    ns = await testNamespace('apply');
    client = KubeClient.connect({ kubeconfig: testKubeconfig() });
  });
  after(async () => {
    client.close();
    await ns.remove();
  });

  it('applies the rendered example; a second apply makes no writes and one LIST per kind', async () => {
    const rendered = await runFerry([
      'render',
      '-c',
      'examples/guestbook/ferry.yaml',
      '-e',
      'production',
      '-t',
      '1.4.2',
    ]);
    const objects = (yaml.loadAll(rendered.stdout) as KubeObject[]).map((o) => ({
      ...o,
      metadata: { ...o.metadata, namespace: ns.name },
    }));
    const first = await run(objects, { inventory: 'guestbook', wait: true, timeoutMs: 60_000 });
    assert.equal(first.counts.created, objects.length);
    assert.equal(first.counts.failed, 0);
    const second = await run(objects, { inventory: 'guestbook', wait: true });
    assert.equal(second.counts.unchanged, objects.length);
    assert.equal(writesOf(second), 0, `writes: ${JSON.stringify(second.requests)}`);
    const kinds = new Set(objects.map((o) => o.kind)).size;
    assert.equal(second.requests!.list, kinds);
    const deploymentLive = await live('deployment', 'guestbook', ns.name);
    assert.equal(
      deploymentLive?.metadata.labels['applyset.kubernetes.io/part-of'],
      first.inventory.id,
    );
    assert.equal(
      deploymentLive?.metadata.annotations['ferry.dev/image'],
      'registry.example.com/acme/guestbook:1.4.2',
    );
  });

  it('rolls out a changed image and waits until the Deployment is Available', async () => {
    await run([deployment('roll', 'web:1')], { inventory: 'roll', wait: true, timeoutMs: 60_000 });
    const report = await run([deployment('roll', 'web:2')], {
      inventory: 'roll',
      wait: true,
      timeoutMs: 60_000,
    });
    assert.equal(report.counts.configured, 1);
    const current = await live('deployment', 'roll', ns.name);
    assert.equal(current?.spec.template.spec.containers[0].image, 'web:2');
    assert.equal(current?.status.updatedReplicas, 1);
    assert.equal(current?.status.availableReplicas, 1);
  });

  it('never takes spec.replicas over from an autoscaler when the manifest does not set it', async () => {
    await run([deployment('scaled', 'web:1')], { inventory: 'scaled' });
    assert.equal(
      (await kubectl(['-n', ns.name, 'scale', 'deployment/scaled', '--replicas=3'])).code,
      0,
    );
    const report = await run([deployment('scaled', 'web:1')], { inventory: 'scaled' });
    assert.equal(report.counts.unchanged, 1);
    assert.equal((await live('deployment', 'scaled', ns.name))?.spec.replicas, 3);
  });

  it('fails fast on ImagePullBackOff, naming the pod and the reason', async () => {
    // kwok plays the kubelet only for its own node; on this unmanaged node the test reports what a
    // kubelet would for an image that cannot be pulled.
    const node = `unmanaged-${ns.name}`;
    const nodeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: node, labels: { 'ferry.dev/test-node': node } },
      status: {
        allocatable: { cpu: '8', memory: '8Gi', pods: '10' },
        capacity: { cpu: '8', memory: '8Gi', pods: '10' },
      },
    };
    assert.equal((await kubectl(['apply', '-f', '-'], JSON.stringify(nodeObject))).code, 0);
    try {
      const broken = deployment('broken', 'registry.invalid/nope:1', {
        nodeSelector: { 'ferry.dev/test-node': node },
        tolerations: [{ operator: 'Exists' }],
      });
      const started = Date.now();
      // Handled from the start: the apply may fail while the test is still patching.
      const applying = failureOf(
        run([broken], { inventory: 'broken', wait: true, timeoutMs: 90_000 }),
      );
      let pod = '';
      for (let i = 0; i < 100 && !pod; i++) {
        await new Promise((done) => setTimeout(done, 200));
        pod = (
          await kubectl([
            '-n',
            ns.name,
            'get',
            'pods',
            '-l',
            'app=broken',
            '-o',
            'jsonpath={.items[0].metadata.name}',
          ])
        ).stdout.trim();
      }
      assert.ok(pod, 'the Deployment created a Pod');
      const status = {
        status: {
          phase: 'Pending',
          containerStatuses: [
            {
              name: 'app',
              image: 'registry.invalid/nope:1',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: {
                waiting: {
                  reason: 'ImagePullBackOff',
                  message: 'Back-off pulling image "registry.invalid/nope:1"',
                },
              },
            },
          ],
        },
      };
      const patched = await kubectl([
        '-n',
        ns.name,
        'patch',
        'pod',
        pod,
        '--subresource=status',
        '--type=merge',
        '-p',
        JSON.stringify(status),
      ]);
      assert.equal(patched.code, 0, patched.stderr);
      const failure = await applying;
      assert.match(failure.message, new RegExp(`pod ${pod}: container app: ImagePullBackOff`));
      assert.ok(Date.now() - started < 60_000, 'failed fast, well before the timeout');
      assert.equal(failure.report.notReady.length, 1);
    } finally {
      await kubectl(['delete', 'node', node, '--wait=false']);
    }
  });

  it('reports a field-manager conflict with field and manager, and takes over only with force', async () => {
    await run([configMap('contested', { key: 'ours' })], { inventory: 'contest' });
    const theirs = JSON.stringify(configMap('contested', { key: 'theirs' }, ns.name));
    assert.equal(
      (
        await kubectl(
          ['apply', '--server-side', '--field-manager', 'intruder', '--force-conflicts', '-f', '-'],
          theirs,
        )
      ).code,
      0,
    );
    const failure = await failureOf(
      run([configMap('contested', { key: 'ours' })], { inventory: 'contest' }),
    );
    assert.match(
      failure.message,
      /ConfigMap .*\/contested: \.data\.key is managed by "intruder" \(to take it over: --git-wins-over intruder, or --force-conflicts/,
    );
    assert.equal((await live('configmap', 'contested', ns.name))?.data.key, 'theirs');
    const forced = await run([configMap('contested', { key: 'ours' })], {
      inventory: 'contest',
      forceConflicts: true,
    });
    assert.equal(forced.counts.configured, 1);
    assert.equal((await live('configmap', 'contested', ns.name))?.data.key, 'ours');
  });

  it('validates the whole set first: one invalid object means nothing is changed', async () => {
    const invalid = {
      ...deployment('invalid', 'web:1'),
      spec: { template: { spec: { containers: [] } } },
    };
    const failure = await failureOf(
      run([configMap('innocent', { a: '1' }), invalid], { inventory: 'invalid' }),
    );
    assert.match(failure.message, /Deployment .*\/invalid: .*(selector|containers)/);
    assert.equal(await live('configmap', 'innocent', ns.name), undefined);
    assert.equal(
      await live('configmap', 'invalid', ns.name),
      undefined,
      'no inventory was written',
    );
  });

  it('fails on an unknown kind before applying anything', async () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    const error = await run([configMap('early', { a: '1' }), widget], {
      inventory: 'unknown',
    }).catch((e: unknown) => e);
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /unknown kind: Widget w \(example\.com\/v1\)/);
    assert.equal(await live('configmap', 'early', ns.name), undefined);
  });

  it('prunes a removed member and never touches a same-kind object outside the set', async () => {
    await run([configMap('keep', { a: '1' }), configMap('drop', { a: '1' })], {
      inventory: 'prune',
    });
    assert.equal(
      (await kubectl(['-n', ns.name, 'create', 'configmap', 'outsider', '--from-literal=a=1']))
        .code,
      0,
    );
    const report = await run([configMap('keep', { a: '1' })], { inventory: 'prune', prune: true });
    assert.deepEqual(
      report.objects.filter((o) => o.action === 'pruned').map((o) => o.object),
      [`ConfigMap ${ns.name}/drop`],
    );
    assert.equal(await live('configmap', 'drop', ns.name), undefined);
    assert.ok(await live('configmap', 'keep', ns.name));
    assert.ok(await live('configmap', 'outsider', ns.name));
  });

  it('a rerun after a failed rollout waits for it again, fails again and prunes nothing', async () => {
    await run([configMap('left-over', { a: '1' })], { inventory: 'stuck' });
    const stuck = deployment('stuck', 'web:1', { nodeSelector: { 'ferry.dev/no-such-node': 'x' } });
    const options = { inventory: 'stuck', wait: true, prune: true, timeoutMs: 2_000 };
    const first = await failureOf(run([stuck], options));
    assert.match(first.message, /did not become ready \(prune skipped\): Deployment .*\/stuck/);
    const second = await failureOf(run([stuck], options));
    assert.equal(second.report.counts.unchanged, 1, 'nothing to write the second time');
    assert.match(
      second.message,
      /1 object\(s\) did not become ready \(prune skipped\): Deployment .*\/stuck: timed out after 2s: .*not current since an earlier one/,
    );
    assert.equal(second.report.counts.pruned, 0);
    assert.ok(await live('configmap', 'left-over', ns.name), 'prune waited for the rollout');
    // A set whose workloads are all current waits for nothing it did not write.
    await run([deployment('fine', 'web:1')], { inventory: 'fine', wait: true, timeoutMs: 60_000 });
    const again = await run([deployment('fine', 'web:1')], { inventory: 'fine', wait: true });
    assert.equal(again.requests?.watch ?? 0, 0, `requests: ${JSON.stringify(again.requests)}`);
  });

  it('aborts prune before deleting more than --max-deletions objects', async () => {
    const three = ['m1', 'm2', 'm3'].map((n) => configMap(n, { a: '1' }));
    await run(three, { inventory: 'maxdel' });
    const failure = await failureOf(
      run([configMap('m0', { a: '1' })], { inventory: 'maxdel', prune: true, maxDeletions: 2 }),
    );
    assert.match(
      failure.message,
      /prune would delete 3 objects, more than --max-deletions 2; nothing was deleted/,
    );
    for (const n of ['m1', 'm2', 'm3'])
      assert.ok(await live('configmap', n, ns.name), `${n} survives`);
  });

  it('names the first 20 objects a refused prune would delete, and counts the rest', async () => {
    const many = Array.from({ length: 25 }, (_, i) => configMap(`many-${i}`, { a: '1' }));
    await run(many, { inventory: 'many' });
    const failure = await failureOf(
      run([configMap('many-kept', { a: '1' })], {
        inventory: 'many',
        prune: true,
        maxDeletions: 1,
      }),
    );
    assert.match(failure.message, /^prune would delete 25 objects, more than --max-deletions 1/);
    assert.equal(failure.message.match(/ConfigMap /g)?.length, 20);
    assert.match(failure.message, /ConfigMap \S+\/many-\d+ and 5 more\)$/);
  });

  it('refuses to adopt an object of another ApplySet unless told to', async () => {
    await run([configMap('shared', { a: '1' })], { inventory: 'first' });
    const failure = await failureOf(
      run([configMap('shared', { a: '1' })], { inventory: 'second' }),
    );
    assert.match(failure.message, /owned by another ApplySet/);
    const adopted = await run([configMap('shared', { a: '1' })], {
      inventory: 'second',
      adopt: true,
    });
    assert.equal(adopted.counts.configured, 1);
  });

  it('applies a CRD and its custom resource in one set', async () => {
    const group = `${ns.name}.ferry.dev`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `gadgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
              },
            },
          },
        ],
      },
    };
    const gadget = {
      apiVersion: `${group}/v1`,
      kind: 'Gadget',
      metadata: { name: 'g1' },
      spec: { size: 2 },
    };
    try {
      const report = await run([gadget, crd], { inventory: 'crd' });
      assert.equal(report.counts.created, 2, JSON.stringify(report.objects));
      assert.equal((await live(`gadgets.${group}`, 'g1', ns.name))?.spec.size, 2);
      const again = await run([gadget, crd], { inventory: 'crd' });
      assert.equal(writesOf(again), 0);
    } finally {
      await kubectl(['delete', 'crd', `gadgets.${group}`, '--wait=false']);
    }
  });

  it('changes nothing in --dry-run, and says what it would do', async () => {
    const report = await run([configMap('dry', { a: '1' })], {
      inventory: 'dry-set',
      dryRun: true,
    });
    assert.equal(report.dryRun, true);
    assert.equal(report.counts.created, 1);
    assert.equal(writesOf(report), 1, 'only the dry-run PATCH for validation');
    assert.equal(await live('configmap', 'dry', ns.name), undefined, 'the object was not created');
  });

  it('records a kubectl ApplySet that kubectl recognises as ferry’s', async () => {
    const report = await run([configMap('member', { a: '1' })], { inventory: 'visible' });
    const parent = await live('configmap', 'visible', ns.name);
    assert.equal(parent?.metadata.labels['applyset.kubernetes.io/id'], report.inventory.id);
    assert.equal(parent?.metadata.annotations['applyset.kubernetes.io/tooling'], 'ferry/v0.1.0');
    // kubectl computes the same id from the parent and refuses to manage a set another tool owns.
    // The variable goes to kubectl's environment only: nothing of this test outlives it.
    const attempt = await kubectl(
      [
        '-n',
        ns.name,
        'apply',
        '--prune',
        '--applyset=configmaps/visible',
        '--server-side',
        '-f',
        '-',
      ],
      JSON.stringify(configMap('visible-2', { a: '1' }, ns.name)),
      { KUBECTL_APPLYSET: 'true' },
    );
    assert.notEqual(attempt.code, 0);
    assert.match(attempt.stderr, /managed by tooling "ferry"/);
  });
});
