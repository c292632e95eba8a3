import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { readTemplates } from '../../src/adapters/files.js';
import { parseConfig, type EnvironmentConfig } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { imageReference } from '../../src/core/image.js';
import { renderManifests, type SourceInfo } from '../../src/core/render.js';

/**
 * Feeds hostile values through every example template and proves that rendering can never
 * change the shape of the output: the parsed objects gain or lose no key, and every hostile
 * string arrives intact as the value it was given as.
 */

const FRAGMENTS = [
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\t',
  ': ',
  ':',
  '#',
  ' #',
  '{',
  '}',
  '[',
  ']',
  '{{',
  '}}',
  "'",
  '"',
  '\\',
  '\\n',
  '---',
  '...',
  '- ',
  '? ',
  '&anchor',
  '*anchor',
  '!!int ',
  '!x',
  '|',
  '>',
  '%YAML',
  '@',
  '`',
  ',',
  '=',
  '&',
  '<',
  '>',
  'privileged: true',
  '\n  privileged: true',
  '\nsecurityContext:\n  privileged: true',
  'true',
  'null',
  '~',
  'yes',
  'no',
  '0x1F',
  '1e3',
  '.inf',
  'FERRY',
  'FERRY0N0E',
  '$(id)',
  '; rm -rf /',
  'ä',
  '😀',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
];

/** Small deterministic PRNG (mulberry32) so a failure can be reproduced from its index. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileValues(count: number): string[] {
  const next = random(20261122);
  const values = [...FRAGMENTS, 'x'.repeat(100_000), `${'a: b\n'.repeat(2000)}`];
  while (values.length < count) {
    let value = '';
    const parts = 1 + Math.floor(next() * 6);
    for (let i = 0; i < parts; i++) value += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
    values.push(value);
  }
  return values;
}

/** Every key path of an object tree, e.g. `spec.template.spec.containers[].image`. */
function keyPaths(node: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => keyPaths(item, `${prefix}[]`, into));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      into.add(`${prefix}.${key}`);
      keyPaths(value, `${prefix}.${key}`, into);
    }
  }
  return into;
}

/** Replaces every string leaf of the values with `value`, keeping numbers, keys and structure. */
function poison(values: unknown, value: string): unknown {
  if (typeof values === 'string') return value;
  if (Array.isArray(values)) return values.map((v) => poison(v, value));
  if (values !== null && typeof values === 'object') {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, poison(v, value)]));
  }
  return values;
}

function collectStrings(node: unknown, into: string[] = []): string[] {
  if (typeof node === 'string') into.push(node);
  else if (node !== null && typeof node === 'object')
    for (const v of Object.values(node)) collectStrings(v, into);
  return into;
}

describe('rendering is injection-proof', async () => {
  const config = parseConfig(readFileSync('examples/guestbook/ferry.yaml', 'utf8'), 'ferry.yaml');
  const templates = await readTemplates(
    'examples/guestbook/deploy',
    'examples/guestbook',
    'deploy',
  );
  const image = imageReference(config.image, '1.4.2');
  const values = hostileValues(1200);

  for (const environment of Object.values(config.environments)) {
    it(`${values.length} hostile values through every template of ${environment.name}`, () => {
      const benign: SourceInfo = {
        repo: 'acme/guestbook',
        commit: 'c0ffee',
        ref: 'refs/heads/main',
        runUrl: 'https://ci/run/1',
      };
      const baseline = renderManifests({ config, environment, image, source: benign, templates });
      const baselineShape = baseline.map(({ object }) => [...keyPaths(object)].sort());
      let checked = 0;
      values.forEach((value, index) => {
        const hostileEnv: EnvironmentConfig = {
          ...environment,
          values: poison(environment.values, value) as Record<string, unknown>,
        };
        const source: SourceInfo = { repo: value, commit: value, ref: value, runUrl: value };
        let rendered;
        try {
          rendered = renderManifests({ config, environment: hostileEnv, image, source, templates });
        } catch (error) {
          // A value may be refused (never silently reshaped), and only with a clear ConfigError.
          assert.ok(error instanceof ConfigError, `value #${index}: ${String(error)}`);
          return;
        }
        assert.equal(rendered.length, baseline.length, `value #${index} changed the object count`);
        rendered.forEach(({ object }, i) => {
          assert.deepEqual(
            [...keyPaths(object)].sort(),
            baselineShape[i],
            `value #${index} changed the keys of ${object.kind}`,
          );
          // The hostile string arrives whole: as the source annotation (on the objects that use
          // the image), and as every string value.
          if (object.metadata.annotations?.['ferry.dev/image'] !== undefined)
            assert.equal(object.metadata.annotations['ferry.dev/source-commit'], value);
          // Serializing and parsing back gives the same object: output YAML is as safe as the data.
          assert.deepEqual(yaml.load(yaml.dump(object)), object);
        });
        const strings = collectStrings(rendered.map((m) => m.object));
        assert.ok(strings.includes(value), `value #${index} did not arrive intact`);
        checked++;
      });
      assert.ok(checked >= 1000, `only ${checked} values rendered`);
    });
  }

  it('refuses every hostile value as an image tag unless it is a valid OCI tag', () => {
    for (const value of values) {
      const valid = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(value);
      if (valid) assert.equal(imageReference(config.image, value).tag, value);
      else assert.throws(() => imageReference(config.image, value), ConfigError);
    }
  });
});
