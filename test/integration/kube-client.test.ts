import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

describe('the Kubernetes client on a kept-alive connection', needsCluster, () => {
  it('frames every body, so a DELETE with DeleteOptions never corrupts the next request', async (t) => {
    const ns = await testNamespace('client');
    t.after(() => ns.remove());
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    t.after(() => client.close());
    const path = `/api/v1/namespaces/${ns.name}/configmaps`;
    for (let i = 0; i < 10; i++) {
      const created = await client.request({
        method: 'POST',
        path,
        body: { metadata: { name: `c${i}` }, data: { i: String(i) } },
      });
      assert.equal(created.status, 201);
      const deleted = await client.request({
        method: 'DELETE',
        path: `${path}/c${i}`,
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
      });
      assert.equal(deleted.status, 200);
      const listed = await client.request({ verb: 'list', method: 'GET', path });
      assert.equal(
        listed.status,
        200,
        `request after a DELETE: ${JSON.stringify(listed.body).slice(0, 200)}`,
      );
    }
  });
});
