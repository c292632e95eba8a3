import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDesired } from '../../src/core/compare.js';
import { formatPath } from '../../src/core/field-path.js';
import { quantityValue } from '../../src/core/quantity.js';
import { convertCrd, convertDocument, SchemaSet, UNTYPED } from '../../src/core/schema.js';

// A small OpenAPI v3 document shaped as the API server serves one (components referenced with
// allOf, list and map types as extensions, a declared default on a key field); the same
// extensions as Kubernetes 1.34 puts on these fields.
const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });
const document = {
  components: {
    schemas: {
      Quantity: {},
      'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
      LabelSelector: {
        type: 'object',
        properties: {
          matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
          matchExpressions: {
            type: 'array',
            items: { type: 'object' },
            'x-kubernetes-list-type': 'atomic',
          },
        },
        'x-kubernetes-map-type': 'atomic',
      },
      ContainerPort: {
        type: 'object',
        properties: {
          containerPort: { type: 'integer' },
          hostPort: { type: 'integer' },
          protocol: { type: 'string', default: 'TCP' },
        },
      },
      VolumeMount: {
        type: 'object',
        properties: {
          mountPath: { type: 'string' },
          name: { type: 'string' },
          readOnly: { type: 'boolean' },
        },
      },
      Container: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          image: { type: 'string' },
          args: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic' },
          ports: {
            type: 'array',
            items: ref('ContainerPort'),
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
          },
          volumeMounts: {
            type: 'array',
            items: ref('VolumeMount'),
            'x-kubernetes-patch-strategy': 'merge',
            'x-kubernetes-patch-merge-key': 'mountPath',
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['mountPath'],
          },
          resources: {
            type: 'object',
            properties: {
              requests: {
                type: 'object',
                additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'),
              },
            },
          },
        },
      },
      Deployment: {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
        properties: {
          metadata: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              labels: { type: 'object', additionalProperties: { type: 'string' } },
              finalizers: {
                type: 'array',
                items: { type: 'string' },
                'x-kubernetes-list-type': 'set',
                'x-kubernetes-patch-strategy': 'merge',
              },
            },
          },
          spec: {
            type: 'object',
            properties: {
              replicas: { type: 'integer' },
              selector: ref('LabelSelector'),
              template: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: {
                      containers: {
                        type: 'array',
                        items: ref('Container'),
                        'x-kubernetes-list-type': 'map',
                        'x-kubernetes-list-map-keys': ['name'],
                      },
                      // Built-in lists older than list types: a merge strategy with a key.
                      hostAliases: {
                        type: 'array',
                        items: { type: 'object', properties: { ip: { type: 'string' } } },
                        'x-kubernetes-patch-strategy': 'merge',
                        'x-kubernetes-patch-merge-key': 'ip',
                      },
                      // No list type, no strategy: atomic.
                      tolerations: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const schema = new SchemaSet(new Map([['apps/v1', convertDocument(document)]])).forKind(
  'apps/v1',
  'Deployment',
);

function deployment(container: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return {
    metadata: { name: 'web' },
    spec: { ...spec, template: { spec: { containers: [{ name: 'web', ...container }] } } },
  };
}

const paths = (desired: unknown, live: unknown, applied?: Record<string, unknown>) =>
  compareDesired(desired, live, schema, applied).map((d) => formatPath(d.path));

/** ferry's FieldsV1 entry owning the container's fields named. */
const owning = (container: Record<string, unknown>) => ({
  'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': container } } } },
});

describe('compareDesired, by the schema the API server publishes', () => {
  it('ignores server defaults, status and items other managers added (a sidecar)', () => {
    const desired = deployment({ image: 'web:1', resources: { requests: { cpu: '0.5' } } });
    const live = {
      metadata: { name: 'web', uid: 'x', labels: { extra: 'x' } },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [
              { name: 'istio-proxy', image: 'proxy' },
              {
                name: 'web',
                image: 'web:1',
                imagePullPolicy: 'IfNotPresent',
                resources: { requests: { cpu: '500m' } },
              },
            ],
          },
        },
      },
      status: { replicas: 3 },
    };
    assert.deepEqual(paths(desired, live), []);
  });

  it('keys a map-list by all its keys, a missing key field taking its declared default', () => {
    const desired = (udpHostPort: number) =>
      deployment({
        ports: [
          { containerPort: 53, protocol: 'UDP', hostPort: udpHostPort },
          { containerPort: 53, hostPort: 53 },
        ],
      });
    const live = deployment({
      ports: [
        { containerPort: 53, protocol: 'TCP', hostPort: 53 },
        { containerPort: 53, protocol: 'UDP', hostPort: 53 },
      ],
    });
    assert.deepEqual(paths(desired(53), live), []);
    assert.deepEqual(paths(desired(5353), live), [
      '/spec/template/spec/containers[name=web]/ports[containerPort=53,protocol=UDP]/hostPort',
    ]);
  });

  it('takes an explicit zero value in a map-list item ferry owns as the omitted field', () => {
    const desired = deployment({
      volumeMounts: [{ name: 'run', mountPath: '/var/run', readOnly: false }],
      ports: [{ containerPort: 80, hostPort: 0 }],
    });
    const live = deployment({
      volumeMounts: [{ name: 'run', mountPath: '/var/run' }],
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
    const applied = owning({
      'f:volumeMounts': { 'k:{"mountPath":"/var/run"}': { '.': {}, 'f:readOnly': {} } },
      'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:hostPort': {} } },
    });
    assert.deepEqual(paths(desired, live, applied), []);
    // Without ferry's ownership, the missing field may have been removed: it differs.
    assert.deepEqual(paths(desired, live), [
      '/spec/template/spec/containers[name=web]/volumeMounts[mountPath=/var/run]/readOnly',
      '/spec/template/spec/containers[name=web]/ports[containerPort=80,protocol=TCP]/hostPort',
    ]);
  });

  it('keys an older built-in list by its patch merge key', () => {
    const desired = deployment({}, {});
    const spec = (ips: string[]) => ({
      metadata: { name: 'web' },
      spec: { template: { spec: { hostAliases: ips.map((ip) => ({ ip })) } } },
    });
    assert.deepEqual(paths(spec(['10.0.0.1']), spec(['10.0.0.2', '10.0.0.1'])), []);
    assert.deepEqual(paths(spec(['10.0.0.1']), spec(['10.0.0.2'])), [
      '/spec/template/spec/hostAliases[ip=10.0.0.1]',
    ]);
    assert.deepEqual(paths(desired, desired), []);
  });

  it('compares a set by value: another manager’s entries are not drift, a missing one is', () => {
    const meta = (finalizers: string[]) => ({ metadata: { name: 'web', finalizers } });
    assert.deepEqual(paths(meta(['a/b']), meta(['x/y', 'a/b'])), []);
    assert.deepEqual(paths(meta(['a/b']), meta(['x/y'])), ['/metadata/finalizers[=a/b]']);
  });

  it('compares an atomic list whole: an entry appended by hand differs', () => {
    const desired = deployment({ args: ['--a'] });
    assert.deepEqual(paths(desired, deployment({ args: ['--a'] })), []);
    assert.deepEqual(paths(desired, deployment({ args: ['--a', '--b'] })), [
      '/spec/template/spec/containers[name=web]/args',
    ]);
    assert.deepEqual(paths(desired, deployment({ args: ['--b'] })), [
      '/spec/template/spec/containers[name=web]/args',
    ]);
  });

  it('compares an atomic list of structs whole, with server defaults inside only when ferry owns it', () => {
    const tolerations = (items: unknown[]) => ({
      metadata: { name: 'web' },
      spec: { template: { spec: { tolerations: items } } },
    });
    const desired = tolerations([{ key: 'k', operator: 'Exists' }]);
    const defaulted = tolerations([{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }]);
    const ferryOwns = { 'f:spec': { 'f:template': { 'f:spec': { 'f:tolerations': {} } } } };
    assert.deepEqual(paths(desired, defaulted, ferryOwns), []);
    // Someone else owns it now: the added field is a change.
    assert.deepEqual(paths(desired, defaulted), ['/spec/template/spec/tolerations']);
    // An extra item is a change even while ferry still shares ownership.
    const appended = tolerations([
      { key: 'k', operator: 'Exists' },
      { key: 'x', operator: 'Exists' },
    ]);
    assert.deepEqual(paths(desired, appended, ferryOwns), ['/spec/template/spec/tolerations']);
  });

  it('compares an atomic struct whole (a label selector)', () => {
    const selector = (matchLabels: Record<string, string>) => ({
      metadata: { name: 'web' },
      spec: { selector: { matchLabels } },
    });
    assert.deepEqual(paths(selector({ app: 'web' }), selector({ app: 'web' })), []);
    assert.deepEqual(paths(selector({ app: 'web' }), selector({ app: 'web', tier: 'x' })), [
      '/spec/selector',
    ]);
  });

  it('compares quantities by value only where the schema says Quantity', () => {
    assert.equal(quantityValue('500m'), 0.5);
    assert.equal(quantityValue('1Gi'), 2 ** 30);
    const requests = (cpu: unknown) => deployment({ resources: { requests: { cpu } } });
    assert.deepEqual(paths(requests(0.5), requests('500m')), []);
    assert.deepEqual(paths(requests('1'), requests('1000m')), []);
    const labels = (v: string) => ({ metadata: { name: 'web', labels: { v } } });
    assert.deepEqual(paths(labels('1.10'), labels('1.1')), ['/metadata/labels/v']);
  });

  it('counts a null in the manifest as setting nothing', () => {
    const live = { metadata: { name: 'web', creationTimestamp: '2026-11-22T08:00:00Z' } };
    assert.deepEqual(paths({ metadata: { name: 'web', creationTimestamp: null } }, live), []);
  });

  it('reports a missing map-list item at its key, a key value with "/" kept whole', () => {
    const desired = deployment({ volumeMounts: [{ name: 'run', mountPath: '/var/run' }] });
    const differences = compareDesired(desired, deployment({ volumeMounts: [] }), schema);
    assert.deepEqual(differences[0]?.path.at(-1), { key: { mountPath: '/var/run' } });
  });
});

describe('compareDesired for custom resources', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    spec: {
      group: 'example.com',
      names: { kind: 'Alerting' },
      versions: [
        {
          name: 'v1',
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    // A CRD list without a list type is atomic.
                    receivers: {
                      type: 'array',
                      items: { type: 'object', properties: { url: { type: 'string' } } },
                    },
                    routes: {
                      type: 'array',
                      'x-kubernetes-list-type': 'map',
                      'x-kubernetes-list-map-keys': ['name'],
                      items: {
                        type: 'object',
                        properties: { name: { type: 'string' }, to: { type: 'string' } },
                      },
                    },
                    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
  const custom = new SchemaSet(new Map([['example.com/v1', convertCrd(crd)]])).forKind(
    'example.com/v1',
    'Alerting',
  );
  const resource = (spec: Record<string, unknown>) => ({ spec });
  const cr = (desired: unknown, live: unknown) =>
    compareDesired(desired, live, custom).map((d) => formatPath(d.path));

  it('reports an entry appended to a list without a list type', () => {
    const desired = resource({ receivers: [{ url: 'https://a' }] });
    assert.deepEqual(cr(desired, resource({ receivers: [{ url: 'https://a' }] })), []);
    assert.deepEqual(
      cr(desired, resource({ receivers: [{ url: 'https://a' }, { url: 'https://evil' }] })),
      ['/spec/receivers'],
    );
  });

  it('matches a map-list by its keys', () => {
    const desired = resource({ routes: [{ name: 'a', to: 'x' }] });
    assert.deepEqual(
      cr(
        desired,
        resource({
          routes: [
            { name: 'b', to: 'y' },
            { name: 'a', to: 'x' },
          ],
        }),
      ),
      [],
    );
    assert.deepEqual(cr(desired, resource({ routes: [{ name: 'a', to: 'z' }] })), [
      '/spec/routes[name=a]/to',
    ]);
  });

  it('compares preserved unknown fields as maps granular, lists atomic', () => {
    const desired = resource({ extra: { a: { b: 1 }, list: [1] } });
    assert.deepEqual(cr(desired, resource({ extra: { a: { b: 1, c: 2 }, list: [1] } })), []);
    assert.deepEqual(cr(desired, resource({ extra: { a: { b: 1 }, list: [1, 2] } })), [
      '/spec/extra/list',
    ]);
  });

  it('compares a kind no schema describes the same way', () => {
    const differences = compareDesired(
      { spec: { l: [1] } },
      { spec: { l: [1, 2], m: 1 } },
      UNTYPED,
    );
    assert.deepEqual(
      differences.map((d) => formatPath(d.path)),
      ['/spec/l'],
    );
  });
});
