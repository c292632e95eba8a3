import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DriftReport } from '../../src/core/drift.js';
import { formatDriftText } from '../../src/core/drift-report.js';

// `ferry drift`'s terminal report: a multi-line string (a ConfigMap holding a whole YAML
// document) is shown as an indented line diff, so it cannot break the report's layout.

const STORAGE_CLASS = [
  'apiVersion: storage.k8s.io/v1',
  'kind: StorageClass',
  'metadata:',
  '  name: fast',
  'provisioner: ebs.csi.aws.com',
  'reclaimPolicy: Delete',
  'volumeBindingMode: WaitForFirstConsumer',
  '',
].join('\n');

function report(git: unknown, live: unknown): DriftReport {
  return {
    inventory: { name: 'storage', namespace: 'ops', id: 'applyset-x-v1' },
    clean: false,
    objects: [
      {
        object: 'ConfigMap ops/classes',
        kind: 'drifted',
        fields: [{ path: '/data/fast.yaml', segments: [], git, live, manager: 'kubectl-edit' }],
      },
    ],
    counts: { checked: 1, drifted: 1, missing: 0, extra: 0, ignored: 0 },
    fingerprint: 'f',
    requests: {},
  };
}

describe('drift text output', () => {
  it('shows a multi-line string as an indented line diff, git against live', () => {
    const live = STORAGE_CLASS.replace('reclaimPolicy: Delete', 'reclaimPolicy: Retain');
    assert.equal(
      formatDriftText(report(STORAGE_CLASS, live), false),
      [
        'ConfigMap ops/classes: differs from git',
        '  /data/fast.yaml  (changed by kubectl-edit)',
        '    --- git',
        '    +++ live',
        '    @@ -3,5 +3,5 @@',
        '     metadata:',
        '       name: fast',
        '     provisioner: ebs.csi.aws.com',
        '    -reclaimPolicy: Delete',
        '    +reclaimPolicy: Retain',
        '     volumeBindingMode: WaitForFirstConsumer',
        'drift: 1 drifted of 1 objects',
        '',
      ].join('\n'),
    );
  });

  it('keeps every line of the report indented under its field, and escapes control characters', () => {
    const text = formatDriftText(report('a\nb\n', 'a\n\x1b[2Jb\n'), false);
    const lines = text.split('\n').slice(2, -2);
    assert.ok(
      lines.every((line) => line.startsWith('    ')),
      text,
    );
    assert.ok(text.includes('+\\u001b[2Jb'), text);
    assert.ok(!text.includes('\x1b'), 'no raw escape sequence reaches the terminal');
  });

  it('keeps one-line values as git and live lines', () => {
    assert.equal(
      formatDriftText(report('2', '5'), false).split('\n').slice(2, 4).join('\n'),
      '    git:  2\n    live: 5',
    );
  });
});
