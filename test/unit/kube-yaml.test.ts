import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocuments, toYamlDocument } from '../../src/core/manifest.js';

// Manifests mean to ferry what they mean to kubectl, Flux and Argo CD (sigs.k8s.io/yaml reads
// YAML 1.1), both ways.
describe('YAML as Kubernetes reads it', () => {
  it('reads a leading-zero integer as octal, like every defaultMode: 0644', () => {
    const [volume] = parseDocuments(
      'defaultMode: 0644\nmode: 0o600\nreplicas: 10\nzero: 0\nnegative: -010\nquoted: "0644"\neight: 08\n',
      'cm.yaml',
    );
    assert.deepEqual(volume, {
      defaultMode: 420,
      mode: 384,
      replicas: 10,
      zero: 0,
      negative: -8,
      quoted: '0644',
      eight: 8,
    });
  });

  it('quotes strings YAML 1.1 would read as booleans or numbers, and only those', () => {
    const values = {
      flags: ['yes', 'no', 'on', 'off', 'y', 'N', 'true'],
      mode: '0644',
      count: '1_000',
      plain: 'hello',
      version: '1.10',
      number: 420,
      enabled: true,
    };
    const text = toYamlDocument(values);
    assert.equal(
      text,
      [
        'flags:',
        '  - "yes"',
        '  - "no"',
        '  - "on"',
        '  - "off"',
        '  - "y"',
        '  - "N"',
        '  - "true"',
        'mode: "0644"',
        'count: "1_000"',
        'plain: hello',
        'version: "1.10"',
        'number: 420',
        'enabled: true',
        '',
      ].join('\n'),
    );
    // And ferry reads its own output back unchanged.
    assert.deepEqual(parseDocuments(text, 'out.yaml')[0], values);
  });
});
