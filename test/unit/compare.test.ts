import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDesired, quantityValue } from '../../src/core/compare.js';

describe('compareDesired', () => {
  const desired = {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'web:1', resources: { requests: { cpu: '0.5', memory: '1Gi' } } },
          ],
        },
      },
    },
  };

  it('ignores server defaults, status and entries other managers added (sidecars)', () => {
    const live = {
      metadata: { name: 'web', uid: 'x', labels: { app: 'web', extra: 'x' } },
      spec: {
        replicas: 3,
        template: {
          spec: {
            dnsPolicy: 'ClusterFirst',
            containers: [
              { name: 'istio-proxy', image: 'proxy' },
              {
                name: 'web',
                image: 'web:1',
                imagePullPolicy: 'IfNotPresent',
                resources: { requests: { cpu: '500m', memory: '1Gi' } },
              },
            ],
          },
        },
      },
      status: { replicas: 3 },
    };
    assert.deepEqual(compareDesired(desired, live), []);
  });

  it('keys ports by number and protocol: 53/UDP and 53/TCP are two entries', () => {
    const ports = (udpHostPort: number) => ({
      containers: [
        {
          name: 'dns',
          ports: [
            { containerPort: 53, protocol: 'UDP', hostPort: udpHostPort },
            { containerPort: 53, hostPort: 53 },
          ],
        },
      ],
    });
    const live = {
      containers: [
        {
          name: 'dns',
          ports: [
            { containerPort: 53, protocol: 'UDP', hostPort: 53 },
            { containerPort: 53, protocol: 'TCP', hostPort: 53 },
          ],
        },
      ],
    };
    assert.deepEqual(compareDesired(ports(53), live), []);
    assert.deepEqual(compareDesired(ports(5353), live), [
      {
        path: '/containers[name=dns]/ports[containerPort=53,protocol=UDP]/hostPort',
        desired: 5353,
        live: 53,
      },
    ]);
  });

  it('compares a list whose shared key does not tell items apart by position (HPA metrics)', () => {
    const metric = (name: string, averageValue: unknown) => ({
      type: 'Resource',
      resource: { name, target: { type: 'AverageValue', averageValue } },
    });
    const live = { metrics: [metric('cpu', '500m'), metric('memory', '512Mi')] };
    assert.deepEqual(
      compareDesired({ metrics: [metric('cpu', 0.5), metric('memory', '0.5Gi')] }, live),
      [],
    );
    assert.equal(
      compareDesired({ metrics: [metric('cpu', 0.5), metric('memory', '1Gi')] }, live)[0]?.path,
      '/metrics',
    );
  });

  it('counts a null in the manifest as setting nothing', () => {
    const live = { metadata: { name: 'web', creationTimestamp: '2026-11-22T08:00:00Z' } };
    assert.deepEqual(
      compareDesired({ metadata: { name: 'web', creationTimestamp: null } }, live),
      [],
    );
  });

  it('reports a changed field with its merge-key path, and a missing list entry', () => {
    const live = {
      metadata: { name: 'web', labels: {} },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'web', image: 'web:2', resources: { requests: { cpu: '1', memory: '1Gi' } } },
            ],
          },
        },
      },
    };
    assert.deepEqual(compareDesired(desired, live), [
      { path: '/metadata/labels/app', desired: 'web', live: undefined },
      { path: '/spec/template/spec/containers[name=web]/image', desired: 'web:1', live: 'web:2' },
      {
        path: '/spec/template/spec/containers[name=web]/resources/requests/cpu',
        desired: '0.5',
        live: '1',
      },
    ]);
    const noContainer = { ...live, spec: { template: { spec: { containers: [] } } } };
    assert.equal(
      compareDesired(desired, noContainer).at(-1)?.path,
      '/spec/template/spec/containers[name=web]',
    );
  });

  it('compares lists without a merge key as whole values', () => {
    assert.deepEqual(compareDesired({ args: ['a', 'b'] }, { args: ['a', 'b'] }), []);
    assert.deepEqual(compareDesired({ args: ['a', 'b'] }, { args: ['b', 'a'] }), [
      { path: '/args', desired: ['a', 'b'], live: ['b', 'a'] },
    ]);
  });

  it('compares quantities by value only in quantity fields', () => {
    assert.equal(quantityValue('500m'), 0.5);
    assert.equal(quantityValue('1Gi'), 2 ** 30);
    assert.deepEqual(
      compareDesired(
        { metadata: { labels: { v: '1.10' } } },
        { metadata: { labels: { v: '1.1' } } },
      ).length,
      1,
    );
  });
});
