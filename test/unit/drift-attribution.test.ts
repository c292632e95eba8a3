import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driftOf } from '../../src/core/drift.js';
import type { KubeObject } from '../../src/core/manifest.js';

const desired: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'n', annotations: { note: 'new' } },
  data: { a: '1', b: '2' },
};

function live(managedFields: unknown[], data: Record<string, string>, note = 'old'): KubeObject {
  return {
    ...desired,
    metadata: { ...desired.metadata, annotations: { note }, managedFields },
    data,
  };
}

describe('who changed a drifted field', () => {
  it('names no one when only ferry owns the field (git changed since the last apply)', () => {
    const managed = [
      {
        manager: 'ferry',
        operation: 'Apply',
        fieldsV1: {
          'f:metadata': { 'f:annotations': { 'f:note': {} } },
          'f:data': { 'f:a': {}, 'f:b': {} },
        },
      },
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        subresource: 'status',
        time: '2026-11-22T03:00:00Z',
        fieldsV1: {},
      },
    ];
    const result = driftOf(desired, live(managed, { a: '1', b: '2' }), [], 'ferry');
    assert.deepEqual(result.drift?.fields, [
      { path: '/metadata/annotations/note', git: 'new', live: 'old' },
    ]);
  });

  it('names the owner of a field another manager changed', () => {
    const managed = [
      { manager: 'ferry', operation: 'Apply', fieldsV1: { 'f:data': { 'f:b': {} } } },
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        time: '2026-11-22T03:00:00Z',
        fieldsV1: { 'f:data': { 'f:a': {} } },
      },
    ];
    const result = driftOf(
      { ...desired, metadata: { name: 'c', namespace: 'n' } },
      live(managed, { a: '9', b: '2' }),
      [],
      'ferry',
    );
    assert.deepEqual(result.drift?.fields, [
      { path: '/data/a', git: '1', live: '9', manager: 'kubectl-edit' },
    ]);
  });

  it('for a removed field, names the last writer that is not a status writer', () => {
    const managed = [
      { manager: 'ferry', operation: 'Apply', fieldsV1: { 'f:data': { 'f:b': {} } } },
      {
        manager: 'kubectl-patch',
        operation: 'Update',
        time: '2026-11-22T02:00:00Z',
        fieldsV1: { 'f:data': {} },
      },
      {
        manager: 'some-controller',
        operation: 'Update',
        subresource: 'status',
        time: '2026-11-22T03:00:00Z',
        fieldsV1: {},
      },
    ];
    const result = driftOf(
      { ...desired, metadata: { name: 'c', namespace: 'n' } },
      live(managed, { b: '2' }),
      [],
      'ferry',
    );
    assert.deepEqual(result.drift?.fields, [
      { path: '/data/a', git: '1', live: undefined, manager: 'kubectl-patch' },
    ]);
  });
});
