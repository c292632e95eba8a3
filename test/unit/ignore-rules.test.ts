import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import { ignoredBy, parseIgnoreRules } from '../../src/core/ignore.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { countingServer, ferryOnSet, manifests, scratch } from '../helpers/counting-server.js';

// Ignore rules never widen quietly: an unknown key or a selector Kubernetes would not parse is an
// error naming file and line, and selectors mean what they mean to `kubectl get -l`.

const deployment = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'web', labels },
  spec: { replicas: 3 },
});
const REPLICAS = [{ field: 'spec' }, { field: 'replicas' }];

const refused = (text: string, message: string): void =>
  assert.throws(
    () => parseIgnoreRules(text, 'ignore.yaml'),
    (error: unknown) => error instanceof ConfigError && error.message === message,
    text,
  );

const TARGET_KEYS =
  'expected one of group, version, kind, name, namespace, labelSelector, annotationSelector';

describe('ignore rules', () => {
  it('refuse a misspelt target key instead of ignoring replicas on every Deployment', () => {
    refused(
      '- paths: [/spec/replicas]\n  target:\n    kind: Deployment\n    nmae: worker\n',
      `ignore.yaml:4: [0].target.nmae: unknown key (${TARGET_KEYS})`,
    );
    refused(
      'mode: enabled\nignore:\n- paths: [/spec/replicas]\n  target: {kind: Deployment, nmae: worker}\n',
      `ignore.yaml:4: ignore[0].target.nmae: unknown key (${TARGET_KEYS})`,
    );
    refused(
      '- path: [/spec/replicas]\n',
      'ignore.yaml:1: [0].path: unknown key (expected one of paths, target)',
    );
    refused(
      'ignroe:\n- paths: [/a]\n',
      'ignore.yaml:1: ignroe: unknown key (expected one of mode, ignore)',
    );
    refused(
      '- paths: [spec/replicas]\n',
      'ignore.yaml:1: [0].paths[0]: expected a JSON pointer starting with "/"',
    );
    refused('- target: {kind: Deployment}\n', 'ignore.yaml:1: [0].paths: is required');
  });

  it('refuse selectors Kubernetes would not parse, naming file and line', () => {
    const cases: [string, string][] = [
      ['!!!bad', "found '!', expected: identifier"],
      ['a b', "found 'b', expected: in, notin, =, ==, !=, >, <"],
      ['tier in (web', "found 'end of string', expected: ',' or ')'"],
      ['app=two words', "found 'words', expected: ',' or end of string"],
      ['app,', "found 'end of string', expected: identifier after ','"],
      ['x>one', `for '>' the value must be an integer, not "one"`],
      ['Bad Key!/x=1', "found 'Key', expected: in, notin, =, ==, !=, >, <"],
      [
        'app=-x-',
        `value "-x-": at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      ],
    ];
    for (const [selector, why] of cases) {
      refused(
        `- paths: [/spec/replicas]\n  target:\n    kind: Deployment\n    labelSelector: ${JSON.stringify(selector)}\n`,
        `ignore.yaml:4: [0].target.labelSelector: ${JSON.stringify(selector)} is not a valid selector: ${why}`,
      );
    }
    refused(
      '- paths: [/a]\n  target: {annotationSelector: "!!!bad"}\n',
      `ignore.yaml:2: [0].target.annotationSelector: "!!!bad" is not a valid selector: found '!', expected: identifier`,
    );
  });

  it('match what kubectl -l matches', () => {
    const rules = parseIgnoreRules(
      '- paths: [/spec/replicas]\n  target: {kind: Deployment, labelSelector: "tier in (web, api), !canary, track!=beta"}\n',
      'ignore.yaml',
    );
    const cases: [Record<string, string>, boolean][] = [
      [{ tier: 'web' }, true],
      [{ tier: 'api', track: 'stable' }, true],
      [{ tier: 'db' }, false],
      [{ tier: 'web', canary: '' }, false],
      [{ tier: 'web', track: 'beta' }, false],
      [{}, false],
    ];
    for (const [labels, ignored] of cases)
      assert.equal(
        ignoredBy(rules, deployment('x', labels), REPLICAS),
        ignored,
        JSON.stringify(labels),
      );
    // `x!=` is valid in Kubernetes' grammar: "x is not the empty string" (kubectl get -l 'x!=').
    const empty = parseIgnoreRules(
      '- paths: [/spec/replicas]\n  target: {labelSelector: "x!="}\n',
      'f',
    );
    assert.equal(ignoredBy(empty, deployment('a'), REPLICAS), true);
    assert.equal(ignoredBy(empty, deployment('b', { x: '' }), REPLICAS), false);
    assert.equal(ignoredBy(empty, deployment('c', { x: 'y' }), REPLICAS), true);
    const numbers = parseIgnoreRules('- paths: [/spec]\n  target: {labelSelector: "gen>2"}\n', 'f');
    assert.equal(ignoredBy(numbers, deployment('a', { gen: '10' }), REPLICAS), true);
    assert.equal(ignoredBy(numbers, deployment('a', { gen: '2' }), REPLICAS), false);
  });

  it('ferry drift --ignore: exit 2 before any request', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const dir = await manifests(t);
    const ignore = join(await scratch(t), 'ignore.yaml');
    await writeFile(
      ignore,
      '- paths: [/spec/replicas]\n  target: {kind: Deployment, nmae: worker}\n',
    );
    const run = await ferryOnSet('drift', dir, kubeconfig, '--ignore', ignore);
    assert.equal(run.stderr, `error: ${ignore}:2: [0].target.nmae: unknown key (${TARGET_KEYS})\n`);
    assert.equal(run.code, 2);
    assert.deepEqual(requests, []);
  });
});
