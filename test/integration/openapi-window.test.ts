import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { loadSchemas } from '../../src/adapters/kube/openapi.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster } from '../helpers/kube.js';

// For 0.1–0.7 s after a CRD of an existing group is Established, `GET /openapi/v3` still names
// the group's old `?hash=`, and that URL answers 301 to the new one (issue 19 item 16). The
// window is replayed exactly: the proxy answers the index once as the server did before the
// second CRD, and the real server answers the old hash.

/** A namespaced CRD `<Kind>` in `group`, v1, with one list-map field to tell its schema by. */
function crd(group: string, kind: string): string {
  const plural = `${kind.toLowerCase()}s`;
  return JSON.stringify({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    ports: {
                      type: 'array',
                      'x-kubernetes-list-type': 'map',
                      'x-kubernetes-list-map-keys': ['port'],
                      items: {
                        type: 'object',
                        required: ['port'],
                        properties: { port: { type: 'integer' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  });
}

interface OpenApiIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

async function index(client: KubeClient): Promise<OpenApiIndex> {
  const response = await client.request<OpenApiIndex>({ method: 'GET', path: '/openapi/v3' });
  assert.equal(response.status, 200);
  return response.body;
}

async function established(name: string): Promise<void> {
  const waited = await kubectl(['wait', '--for=condition=Established', `crd/${name}`]);
  assert.equal(waited.code, 0, waited.stderr);
}

describe('OpenAPI right after a CRD joins an existing group', needsCluster, () => {
  it('follows the 301 from the old hash to the new document', async (t) => {
    const group = `w${randomBytes(3).toString('hex')}.ferry.test`;
    const names = [`firsts.${group}`, `seconds.${group}`];
    t.after(() => kubectl(['delete', 'crd', ...names, '--ignore-not-found', '--wait=false']));
    const proxy = await startFaultProxy(t);
    const client = KubeClient.connect({ kubeconfig: proxy.kubeconfig });
    t.after(() => client.close());
    const cache = await mkdtemp(join(tmpdir(), 'ferry-openapi-'));
    t.after(() => rm(cache, { recursive: true, force: true }));

    assert.equal((await kubectl(['apply', '-f', '-'], crd(group, 'First'))).code, 0);
    await established(names[0]!);
    let before: OpenApiIndex | undefined;
    for (let i = 0; i < 50 && !before?.paths[`apis/${group}/v1`]; i++) {
      if (i > 0) await new Promise((done) => setTimeout(done, 200));
      before = await index(client);
    }
    const oldUrl = before?.paths[`apis/${group}/v1`]?.serverRelativeURL;
    assert.ok(oldUrl, 'the index lists the group');

    assert.equal((await kubectl(['apply', '-f', '-'], crd(group, 'Second'))).code, 0);
    await established(names[1]!);
    let now: string | undefined = oldUrl;
    for (let i = 0; i < 50 && now === oldUrl; i++) {
      await new Promise((done) => setTimeout(done, 200));
      now = (await index(client)).paths[`apis/${group}/v1`]?.serverRelativeURL;
    }
    assert.notEqual(now, oldUrl, 'the group document has a new hash');

    proxy.inject({
      path: /^\/openapi\/v3(\?|$)/,
      fault: { kind: 'status', status: 200, body: before },
    });
    const schemas = await loadSchemas(
      client,
      [{ apiVersion: `${group}/v1`, kind: 'Second' }],
      [],
      cache,
    );
    const redirected = proxy.requests.filter((r) => r.path === oldUrl);
    assert.equal(redirected.length, 1, 'the old hash was asked for, and answered 301');
    assert.ok(
      proxy.requests.some((r) => r.path === now),
      'the new hash was read',
    );
    const schema = schemas.forKind(`${group}/v1`, 'Second');
    const ports = schema.resolve(schema.field(schema.field(schema.root, 'spec'), 'ports'));
    assert.deepEqual(ports, {
      t: 'list',
      list: 'map',
      keys: ['port'],
      items: ports.t === 'list' ? ports.items : undefined,
    });
  });
});
