import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { kubeConfig, kubectl, needsCluster, testNamespace } from '../helpers/kube.js';

/**
 * Smoke tests of the control plane the other integration tests rely on: real server-side
 * apply, controllers, scheduling onto the kwok node, CRDs, conflicts and watches.
 */
describe('the test control plane', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  before(async () => {
    ns = await testNamespace('harness');
  });
  after(async () => {
    await ns.remove();
  });

  it('runs a Deployment applied with kubectl server-side apply until it is Available with Ready Pods', async () => {
    const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns.name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${ns.name}}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
    const applied = await kubectl(
      ['apply', '--server-side', '--field-manager', 'harness', '-f', '-'],
      manifests,
    );
    assert.equal(applied.code, 0, applied.stderr);
    const waited = await kubectl([
      '-n',
      ns.name,
      'wait',
      '--for=condition=Available',
      'deployment/web',
      '--timeout=60s',
    ]);
    assert.equal(waited.code, 0, waited.stderr);
    const pods = await kubeConfig()
      .makeApiClient(k8s.CoreV1Api)
      .listNamespacedPod({ namespace: ns.name });
    assert.equal(pods.items.length, 2);
    for (const pod of pods.items) {
      assert.equal(pod.status?.phase, 'Running');
      assert.equal(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
    }
    const service = await kubeConfig()
      .makeApiClient(k8s.CoreV1Api)
      .readNamespacedService({ name: 'web', namespace: ns.name });
    assert.match(
      service.spec?.clusterIP ?? '',
      /^10\.96\./,
      'the API server allocated a cluster IP',
    );
  });

  it('registers a CRD, reports it Established, and serves its custom resources', async () => {
    const group = `${ns.name}.ferry.dev`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
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
    const extensions = kubeConfig().makeApiClient(k8s.ApiextensionsV1Api);
    await extensions.createCustomResourceDefinition({ body: crd });
    try {
      const established = await kubectl([
        'wait',
        '--for=condition=Established',
        `crd/widgets.${group}`,
        '--timeout=30s',
      ]);
      assert.equal(established.code, 0, established.stderr);
      const custom = kubeConfig().makeApiClient(k8s.CustomObjectsApi);
      // Discovery of a new group can lag Established by a moment; the create itself is the proof.
      let created: unknown;
      for (let attempt = 0; attempt < 20 && !created; attempt++) {
        created = await custom
          .createNamespacedCustomObject({
            group,
            version: 'v1',
            namespace: ns.name,
            plural: 'widgets',
            body: {
              apiVersion: `${group}/v1`,
              kind: 'Widget',
              metadata: { name: 'w' },
              spec: { size: 3 },
            },
          })
          .catch(async () => new Promise((done) => setTimeout(() => done(undefined), 250)));
      }
      const read = (await custom.getNamespacedCustomObject({
        group,
        version: 'v1',
        namespace: ns.name,
        plural: 'widgets',
        name: 'w',
      })) as { spec: { size: number } };
      assert.equal(read.spec.size, 3);
    } finally {
      await extensions.deleteCustomResourceDefinition({ name: `widgets.${group}` });
    }
  });

  it('reports a field-manager conflict (409) unless forced', async () => {
    const cm = (value: string): string =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'shared', namespace: ns.name },
        data: { key: value },
      });
    assert.equal(
      (await kubectl(['apply', '--server-side', '--field-manager', 'team-a', '-f', '-'], cm('a')))
        .code,
      0,
    );
    const conflict = await kubectl(
      ['apply', '--server-side', '--field-manager', 'team-b', '-f', '-'],
      cm('b'),
    );
    assert.notEqual(conflict.code, 0);
    assert.match(conflict.stderr, /conflict/i);
    assert.match(conflict.stderr, /team-a/);
    const forced = await kubectl(
      ['apply', '--server-side', '--field-manager', 'team-b', '--force-conflicts', '-f', '-'],
      cm('b'),
    );
    assert.equal(forced.code, 0, forced.stderr);
    const live = await kubeConfig()
      .makeApiClient(k8s.CoreV1Api)
      .readNamespacedConfigMap({ name: 'shared', namespace: ns.name });
    assert.equal(live.data?.key, 'b');
    assert.deepEqual(live.metadata?.managedFields?.map((f) => f.manager).sort(), ['team-b']);
  });

  it('delivers watch events when an object changes', async () => {
    const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: { metadata: { name: 'watched' }, data: { v: '1' } },
    });
    const watch = new k8s.Watch(kubeConfig());
    const seen = new Promise<string>((resolve, reject) => {
      let request: { abort: () => void } | undefined;
      void watch
        .watch(
          `/api/v1/namespaces/${ns.name}/configmaps`,
          { fieldSelector: 'metadata.name=watched' },
          (phase, object: k8s.V1ConfigMap) => {
            if (phase === 'MODIFIED' && object.data?.v === '2') {
              request?.abort();
              resolve(phase);
            }
          },
          (error: unknown) => (error ? reject(error as Error) : undefined),
        )
        .then((r) => {
          request = r;
          return core.patchNamespacedConfigMap(
            { name: 'watched', namespace: ns.name, body: { data: { v: '2' } } },
            k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
          );
        }, reject);
    });
    assert.equal(await seen, 'MODIFIED');
  });
});
