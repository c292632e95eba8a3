import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import type { KubeObject, RenderedManifest } from '../../src/core/manifest.js';
import { manifestFileNames } from '../../src/core/file-names.js';
import { runFerry } from '../helpers/cli.js';
import { random } from '../helpers/random.js';
import { writeApp } from '../helpers/render.js';

// One file per rendered object: `render --out` and `propose` write what manifestFileNames
// names, so two objects with one file name means one object silently dropped (and pruned).

function manifest(kind: string, name: string, namespace?: string, apiVersion = 'v1') {
  const object: KubeObject = {
    apiVersion,
    kind,
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  };
  return { source: 't.yaml', object } satisfies RenderedManifest;
}

/** Fails unless the names are distinct, also to a case-insensitive file system. */
function assertInjective(manifests: RenderedManifest[], names: string[], context = ''): void {
  assert.equal(names.length, manifests.length);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    assert.match(name, /^[^/\\]+\.yaml$/, `${context}: ${name} is one file name`);
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      const describe = (m: RenderedManifest) =>
        `${m.object.apiVersion} ${m.object.kind} ${m.object.metadata.namespace ?? ''}/${m.object.metadata.name}`;
      assert.fail(
        `${context}: ${describe(manifests[first]!)} and ${describe(manifests[i]!)} both get ${name}`,
      );
    }
    seen.set(name.toLowerCase(), i);
  });
}

describe('file names of rendered objects', () => {
  it('keeps <kind>-<name>.yaml for objects whose kind and name are unique', () => {
    const manifests = [
      manifest('Deployment', 'web', 'prod', 'apps/v1'),
      manifest('Service', 'web', 'prod'),
      manifest('ConfigMap', 'web-config.v2'),
      manifest('ClusterRole', 'web-reader', undefined, 'rbac.authorization.k8s.io/v1'),
    ];
    assert.deepEqual(manifestFileNames(manifests), [
      'deployment-web.yaml',
      'service-web.yaml',
      'configmap-web-config.v2.yaml',
      'clusterrole-web-reader.yaml',
    ]);
  });

  it('gives ConfigMaps x/a-b, b/a and c/a three files', () => {
    const manifests = [
      manifest('ConfigMap', 'a-b', 'x'),
      manifest('ConfigMap', 'a', 'b'),
      manifest('ConfigMap', 'a', 'c'),
    ];
    assertInjective(manifests, manifestFileNames(manifests));
  });

  it('tells apart names that differ only in case or in characters a file name cannot hold', () => {
    const manifests = [
      manifest('Widget', 'a:b', 'n', 'example.com/v1'),
      manifest('Widget', 'a_b', 'n', 'example.com/v1'),
      manifest('Widget', 'A_b', 'n', 'example.com/v1'),
      manifest('Widget', 'a/b', 'n', 'example.com/v1'),
      manifest('Widget', 'a_b', 'n', 'other.example.com/v1'),
      manifest('Widget', 'a_b', undefined, 'other.example.com/v1'),
    ];
    assertInjective(manifests, manifestFileNames(manifests));
  });

  it('keeps long names under the file-name limit, still one file per object', () => {
    const long = 'a'.repeat(240);
    const manifests = [
      manifest('ConfigMap', `${long}-1`),
      manifest('ConfigMap', `${long}-2`),
      manifest('ConfigMap', `${long}-2`, 'x'),
    ];
    const names = manifestFileNames(manifests);
    assertInjective(manifests, names);
    for (const name of names) assert.ok(Buffer.byteLength(name) <= 255, name);
  });

  it('refuses, naming both, the one pair it cannot tell apart: kinds that differ only in case', () => {
    const manifests = [
      { ...manifest('Widget', 'w', 'n', 'example.com/v1'), source: 'a.yaml' },
      { ...manifest('WIDGET', 'w', 'n', 'example.com/v1'), source: 'b.yaml' },
    ];
    assert.throws(
      () => manifestFileNames(manifests),
      (error: Error) =>
        error instanceof ConfigError &&
        /^b\.yaml: WIDGET n\/w \(example\.com\/v1\) and Widget n\/w \(example\.com\/v1\) in a\.yaml would both be written to /.test(
          error.message,
        ),
    );
  });

  it('property: injective over random kinds, groups, namespaces and names with "-", "." and "_"', () => {
    const seed = Number(process.env.FERRY_PROPERTY_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    // Short words over a small alphabet, so names and namespaces often run into each other
    // (`a` in `b` against `a-b`, `a.b` against `a_b`).
    const word = () =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(['a', 'b', '-', '.', '_']))
        .join('')
        .replace(/^[-._]+/, 'a');
    const kinds = [
      ['ConfigMap', 'v1'],
      ['Secret', 'v1'],
      ['Deployment', 'apps/v1'],
      ['Widget', 'example.com/v1'],
      ['Widget', 'a.example.com/v1'],
    ] as const;
    for (let run = 0; run < 1000; run++) {
      const ids = new Map<string, RenderedManifest>();
      const size = 2 + Math.floor(next() * 10);
      while (ids.size < size) {
        const [kind, apiVersion] = pick(kinds);
        const namespace = next() < 0.2 ? undefined : word();
        const m = manifest(kind, word(), namespace, apiVersion);
        ids.set(JSON.stringify(m.object), m);
      }
      const manifests = [...ids.values()];
      assertInjective(manifests, manifestFileNames(manifests), `seed ${seed}, run ${run}`);
    }
  });

  it('render --out writes one file per object, for objects whose usual names would collide', async () => {
    const configMap = (ns: string, name: string) =>
      `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\n`;
    const config = await writeApp({
      'cms.yaml': configMap('x', 'a-b') + configMap('b', 'a') + configMap('c', 'a'),
    });
    const out = join(await mkdtemp(join(tmpdir(), 'ferry-names-')), 'out');
    const run = await runFerry(['render', '-c', config, '-e', 'dev', '-t', '1', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await readdir(out)).length, 3, (await readdir(out)).join(', '));
  });
});
