import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { runFerry } from '../helpers/cli.js';
import { writeApp } from '../helpers/render.js';
import { fixture, openSet, TEST_KEY_FILE } from '../helpers/sops.js';

const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "{{image.ref}}"}]}\n';

async function render(templates: Record<string, string>, ...extra: string[]) {
  const config = await writeApp(templates);
  const result = await runFerry(['render', '-c', config, '-e', 'dev', '-t', '1.0.0', ...extra]);
  return { ...result, dir: dirname(config) };
}

describe('render passes SOPS-encrypted manifests through verbatim', () => {
  it('writes the encrypted file byte for byte (never templated, no annotation added), and apply can still open it', async (t) => {
    const encrypted = await fixture('secret.sops.yaml');
    const { code, stderr, stdout, dir } = await render({
      'web.yaml': deployment,
      'secret.sops.yaml': encrypted,
    });
    t.after(() => rm(dir, { recursive: true, force: true }));
    assert.equal(code, 0, stderr);
    assert.ok(stdout.includes(encrypted), 'the stream holds the file as it is');
    const out = join(dir, 'out');
    const written = await runFerry([
      'render',
      '-c',
      join(dir, 'ferry.yaml'),
      '-e',
      'dev',
      '-t',
      '1.0.0',
      '--out',
      out,
    ]);
    assert.equal(written.code, 0, written.stderr);
    assert.deepEqual((await readdir(out)).sort(), ['deployment-web.yaml', 'secret-db.yaml']);
    assert.equal(await readFile(join(out, 'secret-db.yaml'), 'utf8'), encrypted);
    // The web Deployment still gets ferry's annotations: only the encrypted file is left alone.
    assert.match(await readFile(join(out, 'deployment-web.yaml'), 'utf8'), /ferry\.dev\/image:/);
    // Its MAC still holds: apply opens what render wrote.
    const opened = await openSet(out, {
      SOPS_AGE_KEY_FILE: TEST_KEY_FILE,
      XDG_CONFIG_HOME: '/nonexistent',
    });
    const secret = opened.find((m) => m.object.kind === 'Secret')!;
    assert.equal(
      (secret.object.stringData as Record<string, string>).password,
      'correct-horse-battery-staple',
    );
  });

  const refusals: [string, () => Promise<Record<string, string>>, RegExp][] = [
    [
      'a value left in plaintext in an encrypted file',
      async () => ({
        's.yaml': (await fixture('secret.sops.yaml')).replace(
          /username: ENC\[[^\]]+\]/,
          'username: admin',
        ),
      }),
      /^error: deploy\/s\.yaml: holds plaintext data in stringData\.username; encrypt the file's data and stringData, and only those/,
    ],
    [
      'an encrypted name (ferry could not name or place the object)',
      async () => ({ 's.yaml': (await fixture('all-types.sops.yaml')).split(/^---$/m)[0]! }),
      /^error: deploy\/s\.yaml: apiVersion is encrypted; encrypt the file's data and stringData, and only those/,
    ],
    [
      'several documents in one encrypted file',
      async () => ({ 's.yaml': await fixture('all-types.sops.yaml') }),
      /^error: deploy\/s\.yaml: holds 2 documents, some SOPS-encrypted; keep one encrypted object per file/,
    ],
    [
      'incomplete sops metadata',
      async () => ({ 's.yaml': (await fixture('secret.sops.yaml')).replace(/^ {4}mac: .*$/m, '') }),
      /^error: deploy\/s\.yaml: sops metadata has no mac; the file is not complete/,
    ],
    [
      'an encrypted file that is also a template',
      async () => ({
        's.yaml': `{{#if true}}\n${await fixture('secret.sops.yaml')}{{/if}}\n`,
      }),
      /^error: deploy\/s\.yaml: a SOPS-encrypted file must be plain YAML, not a template/,
    ],
  ];
  for (const [name, templates, error] of refusals)
    it(`refuses ${name}: one line, exit 2`, async (t) => {
      const { code, stderr, stdout, dir } = await render(await templates());
      t.after(() => rm(dir, { recursive: true, force: true }));
      assert.equal(code, 2, stderr);
      assert.match(stderr, error);
      assert.equal(stderr.split('\n').length, 2);
      assert.equal(stdout, '');
    });

  it("renders an environment's secrets folder for that environment only, verbatim", async (t) => {
    const encrypted = await fixture('secret.sops.yaml');
    const config = await writeApp(
      { 'web.yaml': deployment },
      `app: demo
image: registry.example.com/acme/demo
templates: deploy
environments:
  dev:
    repo: ../env
    path: apps/demo/dev
  prod:
    repo: ../env
    path: apps/demo/prod
    secrets: secrets/prod/
`,
    );
    const dir = dirname(config);
    t.after(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'secrets', 'prod'), { recursive: true });
    await writeFile(join(dir, 'secrets', 'prod', 'db.yaml'), encrypted);
    const prod = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'prod',
      '-t',
      '1',
      '--out',
      join(dir, 'prod'),
    ]);
    assert.equal(prod.code, 0, prod.stderr);
    assert.equal(await readFile(join(dir, 'prod', 'secret-db.yaml'), 'utf8'), encrypted);
    const dev = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'dev',
      '-t',
      '1',
      '--out',
      join(dir, 'dev'),
    ]);
    assert.equal(dev.code, 0, dev.stderr);
    assert.deepEqual(await readdir(join(dir, 'dev')), ['deployment-web.yaml']);
    // Only encrypted manifests belong there.
    await writeFile(
      join(dir, 'secrets', 'prod', 'plain.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    );
    const refused = await runFerry(['render', '-c', config, '-e', 'prod', '-t', '1']);
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      'error: secrets/prod/plain.yaml: is not SOPS-encrypted; the secrets folder of prod holds encrypted manifests only\n',
    );
  });
});
