import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import { decodeUtf8 } from '../../src/core/utf8.js';
import { runFerry } from '../helpers/cli.js';
import { countingServer, ferryOnSet, manifests, scratch } from '../helpers/counting-server.js';
import { writeApp } from '../helpers/render.js';

// Bytes that are not UTF-8 are refused, naming the file and the byte offset, never quoting the
// bytes around it; before, they became U+FFFD and were applied as if written.

/** A ConfigMap whose value holds a Latin-1 "é" (0xE9) and then a secret-looking word. */
const LATIN1 = Buffer.concat([
  Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: latin}\ndata: {a: "caf'),
  Buffer.from([0xe9]),
  Buffer.from(' token-abc123"}\n'),
]);
const OFFSET = LATIN1.indexOf(0xe9);

describe('input that is not UTF-8', () => {
  it('decodes valid UTF-8 exactly, a BOM and a written U+FFFD included', () => {
    const text = '\uFEFFname: caf\u00e9 \uFFFD 😀\n';
    assert.equal(decodeUtf8(Buffer.from(text), 'f'), text);
  });

  it('names the byte offset of the first invalid sequence', () => {
    const cases: [number[], number][] = [
      [[0x61, 0xff], 1],
      [[0xef, 0xbf, 0xbd, 0xc3, 0xa9, 0xc3], 5], // U+FFFD, é, then a cut sequence
      [[0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0x61], 4],
      [[0x61, 0xed, 0xa0, 0x80], 1], // an encoded surrogate
      [[0xc0, 0xaf], 0], // an overlong "/"
    ];
    for (const [bytes, offset] of cases)
      assert.throws(
        () => decodeUtf8(Uint8Array.from(bytes), 'f.yaml: manifest'),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message ===
            `f.yaml: manifest: not valid UTF-8 (at byte ${offset}); save it as UTF-8`,
        bytes.join(','),
      );
  });

  for (const command of ['apply', 'plan', 'drift']) {
    it(`ferry ${command}: a manifest is refused before any request, its content not quoted`, async (t) => {
      const { kubeconfig, requests } = await countingServer(t);
      const dir = await manifests(t, { 'latin.yaml': LATIN1 });
      const run = await ferryOnSet(command, dir, kubeconfig);
      assert.equal(
        run.stderr,
        `error: ${join(dir, 'latin.yaml')}: manifest: not valid UTF-8 (at byte ${OFFSET}); save it as UTF-8\n`,
      );
      assert.equal(run.code, 2);
      assert.deepEqual(requests, []);
    });
  }

  it('ferry render: a template and ferry.yaml', async () => {
    const template = await writeApp({ 'cm.yaml': '' });
    await writeFile(join(dirname(template), 'deploy', 'cm.yaml'), LATIN1);
    const out = join(dirname(template), 'out');
    const run = await runFerry([
      'render',
      '-c',
      template,
      '-e',
      'dev',
      '--image-tag',
      '1',
      '--out',
      out,
    ]);
    assert.match(
      run.stderr,
      /^error: .*cm\.yaml: template: not valid UTF-8 \(at byte \d+\); save it as UTF-8\n$/,
    );
    assert.doesNotMatch(run.stderr, /token-abc123|caf/);
    assert.equal(run.code, 2);

    const config = await writeApp({ 'cm.yaml': 'apiVersion: v1\n' });
    await writeFile(config, Buffer.concat([Buffer.from('app: d\xe9mo\n', 'latin1')]));
    const bad = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'dev',
      '--image-tag',
      '1',
      '--out',
      out,
    ]);
    assert.equal(
      bad.stderr,
      `error: ${config}: config file: not valid UTF-8 (at byte 6); save it as UTF-8\n`,
    );
    assert.equal(bad.code, 2);
  });

  it('ferry drift --ignore and a kubeconfig', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const dir = await manifests(t);
    const ignore = join(await scratch(t), 'ignore.yaml');
    await writeFile(ignore, Buffer.from('- paths: ["/data/caf\xe9"]\n', 'latin1'));
    const drift = await ferryOnSet('drift', dir, kubeconfig, '--ignore', ignore);
    assert.equal(
      drift.stderr,
      `error: ${ignore}: ignore file: not valid UTF-8 (at byte 20); save it as UTF-8\n`,
    );
    assert.equal(drift.code, 2);
    const config = join(dir, 'kubeconfig');
    await writeFile(config, Buffer.from('apiVersion: v1\nkind: Config\n# \xff\n', 'latin1'));
    const apply = await ferryOnSet('apply', dir, config);
    assert.equal(
      apply.stderr,
      `error: kubeconfig: ${config}: not valid UTF-8 (at byte 30); save it as UTF-8\n`,
    );
    assert.equal(apply.code, 2);
    assert.deepEqual(requests, []);
  });
});
