// The npm package the GitLab components can install (`ferry-package`) and CLI users run with npx:
// packed from this checkout by scripts/pack.mjs, installed without a registry, and run.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
// This Node first on PATH: the package's bin runs with `#!/usr/bin/env node`.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };

describe('the npm package', () => {
  let work: string;
  let tarball: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'ferry-package-'));
    const { stdout } = await exec(process.execPath, ['scripts/pack.mjs', '--out', work], {
      cwd: repoRoot,
      env,
    });
    tarball = stdout.trim().split('\n').pop()!;
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('holds the CLI bundle, its schema, README and LICENSE, and declares no dependencies', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    for (const file of [
      'dist/cli.js',
      'schema/ferry.schema.json',
      'schema/ferry-set.schema.json',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(`package/${file}`), `${file} is packed`);
    }
    const stray = files.filter(
      (file) =>
        !/^package\/(dist\/(cli\.js|chunks\/[\w-]+\.js)|schema\/[\w.-]+|README\.md|LICENSE|package\.json)$/.test(
          file,
        ),
    );
    assert.deepEqual(stray, [], 'nothing else: no sources, tests, maps or action entry points');

    const { stdout: text } = await exec('tar', ['-xzOf', tarball, 'package/package.json']);
    const manifest = JSON.parse(text);
    const ours = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(manifest.name, '@ferry-gitops/ferry');
    assert.equal(manifest.version, ours.version);
    assert.deepEqual(manifest.bin, { ferry: 'dist/cli.js' });
    assert.equal(manifest.dependencies, undefined, 'dist/ bundles every dependency');
    assert.equal(manifest.scripts, undefined, 'installing runs nothing');
  });

  it('installs without a registry and runs: --version, then a render of the example', async () => {
    const project = join(work, 'project');
    await mkdir(project);
    await exec('npm', ['init', '--yes'], { cwd: project, env });
    await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: project,
      env,
    });
    const installed = (await readdir(join(project, 'node_modules'))).filter(
      (name) => !name.startsWith('.'),
    );
    assert.deepEqual(installed, ['@ferry-gitops'], 'one package, no dependencies');
    const ferry = join(project, 'node_modules/.bin/ferry');
    const version = await exec(ferry, ['--version'], { env });
    assert.equal(
      version.stdout.trim(),
      JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).version,
    );
    const rendered = await exec(
      ferry,
      [
        'render',
        '-c',
        join(repoRoot, 'examples/guestbook/ferry.yaml'),
        '-e',
        'staging',
        '-t',
        '1.4.2',
      ],
      { env },
    );
    assert.equal(rendered.stdout.match(/^kind: /gm)?.length, 5);
    assert.match(rendered.stdout, /image: registry\.example\.com\/acme\/guestbook:1\.4\.2$/m);
  });

  it('runs through npx the way the GitLab components call it', async () => {
    const { stdout } = await exec(
      'npx',
      ['--yes', `--package=${tarball}`, '--', 'ferry', 'render', '--help'],
      { cwd: work, env },
    );
    assert.match(stdout, /Usage: ferry render/);
  });
});
