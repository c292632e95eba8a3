import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driftOf } from '../../src/core/drift.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { UNTYPED } from '../../src/core/schema.js';

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
  it('names ferry when only ferry owns the field (git changed since the last apply)', () => {
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
    const result = driftOf(desired, live(managed, { a: '1', b: '2' }), [], 'ferry', UNTYPED);
    assert.deepEqual(result.drift?.fields, [
      {
        path: '/metadata/annotations/note',
        segments: [{ field: 'metadata' }, { field: 'annotations' }, { field: 'note' }],
        git: 'new',
        live: 'old',
        manager: 'ferry',
      },
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
      UNTYPED,
    );
    assert.deepEqual(result.drift?.fields, [
      {
        path: '/data/a',
        segments: [{ field: 'data' }, { field: 'a' }],
        git: '1',
        live: '9',
        manager: 'kubectl-edit',
      },
    ]);
  });

  it('for a removed field inside a value another manager owns whole, names that owner', () => {
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
      UNTYPED,
    );
    assert.deepEqual(result.drift?.fields, [
      {
        path: '/data/a',
        segments: [{ field: 'data' }, { field: 'a' }],
        git: '1',
        live: undefined,
        manager: 'kubectl-patch',
      },
    ]);
  });

  it('names no one for a removed field: the API server does not record who removed it', () => {
    // kubectl label cm c team- , then kubectl annotate cm c example.com/note=hi: the later,
    // unrelated annotate is the object's last writer, and must not be blamed for the label.
    const hash = { 'ferry.dev/manifest-hash': 'h1' };
    const git: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'n', labels: { team: 'a', keep: 'b' }, annotations: hash },
    };
    const managed = [
      {
        manager: 'ferry',
        operation: 'Apply',
        fieldsV1: {
          'f:metadata': {
            'f:labels': { 'f:keep': {} },
            'f:annotations': { 'f:ferry.dev/manifest-hash': {} },
          },
        },
      },
      {
        manager: 'kubectl-annotate',
        operation: 'Update',
        time: '2026-11-22T03:00:00Z',
        fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:example.com/note': {} } } },
      },
    ];
    const onCluster = (annotations: Record<string, string>): KubeObject => ({
      ...git,
      metadata: {
        ...git.metadata,
        labels: { keep: 'b' },
        annotations: { ...annotations, 'example.com/note': 'hi' },
        managedFields: managed,
      },
    });
    const same = driftOf(git, onCluster(hash), [], 'ferry', UNTYPED);
    assert.deepEqual(
      same.drift?.fields.map((f) => [f.path, f.manager, f.unattributed]),
      [['/metadata/labels/team', undefined, 'removed']],
    );
    // git changed since the last apply: the field may be new in git; still no one is blamed.
    const changed = driftOf(
      git,
      onCluster({ 'ferry.dev/manifest-hash': 'h0' }),
      [],
      'ferry',
      UNTYPED,
    );
    assert.deepEqual(
      changed.drift?.fields.map((f) => [f.path, f.manager, f.unattributed]),
      [['/metadata/labels/team', undefined, 'removed-or-new-in-git']],
    );
  });

  it('reports a field ferry applied that git dropped, unless another manager keeps it', () => {
    const applied = { 'f:data': { 'f:a': {}, 'f:b': {} } };
    const git = { ...desired, metadata: { name: 'c', namespace: 'n' }, data: { a: '1' } };
    const alone = [{ manager: 'ferry', operation: 'Apply', fieldsV1: applied }];
    const dropped = driftOf(git, live(alone, { a: '1', b: '2' }), [], 'ferry', UNTYPED);
    assert.deepEqual(
      dropped.drift?.fields.map((f) => [f.path, f.git, f.live]),
      [['/data/b', undefined, '2']],
    );
    const shared = [
      ...alone,
      { manager: 'other', operation: 'Apply', fieldsV1: { 'f:data': { 'f:b': {} } } },
    ];
    assert.equal(
      driftOf(git, live(shared, { a: '1', b: '2' }), [], 'ferry', UNTYPED).drift,
      undefined,
    );
  });
});
