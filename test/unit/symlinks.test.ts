import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { readManifestDir } from '../../src/adapters/files.js';
import { githubCommitStatuses } from '../../src/adapters/forge/commit-statuses.js';
import { githubClient } from '../../src/adapters/forge/octokit.js';
import { rememberSecret } from '../../src/adapters/secrets.js';
import { shortenAtWord } from '../../src/core/redact.js';
import { startForgeHarness } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import { writeApp } from '../helpers/render.js';

// A link in a folder ferry reads must not bring in a file from elsewhere, a file that is not
// YAML text is never quoted, and what a forge shows is redacted, then cut between words
// (issue 19 item 8).

const CANARY = 'ghp_CANARYcanary0123456789';
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: outside}\n';

async function scratch(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-links-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A file shaped like /proc/self/environ (NUL-separated), holding the canary. */
async function environLike(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `PATH=/usr/bin\0GITHUB_TOKEN=${CANARY}\0HOME=/root\0`);
}

describe('symbolic links in a manifests folder', () => {
  it('refuses a manifest linking to /proc/self/environ, before connecting, quoting nothing', async (t) => {
    const set = join(await scratch(t), 'set');
    await mkdir(set);
    await symlink('/proc/self/environ', join(set, 'e.yaml'));
    const run = await runFerry(['apply', '-d', set, '-i', 'web', '--kubeconfig', '/nonexistent']);
    assert.equal(run.code, 2, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(
      lines[0]!,
      /e\.yaml: manifest is a symbolic link to \/proc\/\S+\/environ, outside the manifests folder .*; refused/,
    );
    assert.ok(!run.stderr.includes(process.env.PATH!), 'nothing of the environment');
  });

  it('refuses a linked file or folder outside the set, and follows links that stay inside', async (t) => {
    const root = await scratch(t);
    await environLike(join(root, 'outside', 'secrets.yaml'));
    await writeFile(join(root, 'outside', 'cm.yaml'), CM);
    const set = join(root, 'set');
    await mkdir(join(set, '.real'), { recursive: true });
    await writeFile(join(set, '.real', 'cm.yaml'), CM.replace('outside', 'inside'));
    await symlink(join(set, '.real', 'cm.yaml'), join(set, 'inside.yaml'));
    assert.deepEqual(
      (await readManifestDir(set)).map((m) => m.object.metadata.name),
      ['inside'],
      'a link inside the folder is read',
    );

    await symlink(join(root, 'outside'), join(set, 'linked'));
    await assert.rejects(readManifestDir(set), (error: Error) => {
      assert.match(error.message, /linked\/cm\.yaml: manifest is a symbolic link to .*outside/);
      assert.doesNotMatch(error.message, /CANARY/);
      return true;
    });
  });

  it('never quotes a file that is not YAML text', async (t) => {
    const set = join(await scratch(t), 'set');
    await environLike(join(set, 'e.yaml'));
    await assert.rejects(readManifestDir(set), (error: Error) => {
      assert.match(error.message, /e\.yaml:1: invalid YAML: /);
      assert.doesNotMatch(error.message, /CANARY|PATH=|\(at /);
      return true;
    });
  });
});

describe('symbolic links in an app repository', () => {
  const render = (config: string) => runFerry(['render', '-c', config, '-e', 'dev', '-t', '1.0.0']);

  it('refuses a template or a ferry.yaml that links outside the repository', async (t) => {
    const outside = join(await scratch(t), 'outside.yaml');
    await environLike(outside);
    const config = await writeApp({ 'cm.yaml': CM });
    t.after(() => rm(dirname(config), { recursive: true, force: true }));
    await symlink(outside, join(dirname(config), 'deploy', 'e.yaml'));
    const template = await render(config);
    assert.equal(template.code, 2, template.stderr);
    assert.match(
      template.stderr,
      /^error: deploy\/e\.yaml: template is a symbolic link to .*outside\.yaml, outside the repository/,
    );
    assert.doesNotMatch(template.stderr, /CANARY/);

    const linkedConfig = join(dirname(config), 'linked.yaml');
    await symlink(outside, linkedConfig);
    const configRun = await render(linkedConfig);
    assert.equal(configRun.code, 2, configRun.stderr);
    assert.match(configRun.stderr, /linked\.yaml: config file is a symbolic link to .*outside/);
    assert.doesNotMatch(configRun.stderr, /CANARY/);
  });

  it('reads templates elsewhere in the same work tree', async (t) => {
    const repo = await scratch(t);
    await mkdir(join(repo, '.git'));
    await mkdir(join(repo, 'shared'));
    await writeFile(join(repo, 'shared', 'cm.yaml'), CM);
    const app = join(repo, 'apps', 'demo');
    await mkdir(app, { recursive: true });
    await symlink(join(repo, 'shared'), join(app, 'deploy'));
    const config = join(app, 'ferry.yaml');
    await writeFile(
      config,
      'app: demo\nimage: registry.example.com/acme/demo\ntemplates: deploy\n' +
        'environments:\n  dev:\n    repo: ../env\n    path: apps/demo/dev\n',
    );
    const run = await render(config);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /name: outside/);
  });
});

describe('a commit status description', () => {
  it('is cut between words, never inside one', () => {
    const text = `failed: ${'word '.repeat(25)}${CANARY}xyz and more`;
    const short = shortenAtWord(text, 140);
    assert.ok(short.length <= 140);
    assert.ok(short.endsWith('word…'), short);
    assert.equal(shortenAtWord('a\0b\nc', 140), 'a b c');
    assert.equal(shortenAtWord(`x${'y'.repeat(200)}`, 140), '…');
  });

  it('is redacted before it is shortened, as GitHub receives it', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'README.md': 'envs\n' } });
    const branch = await h.octokit.rest.repos.getBranch({
      owner: 'acme',
      repo: 'envs',
      branch: 'main',
    });
    const sha = branch.data.commit.sha;
    const known = rememberSecret('glpat-KNOWNsecret0123456789');
    const client = githubClient({ token: h.server.token, apiUrl: h.server.apiUrl });
    const message = `failed: ${'word '.repeat(20)}${known} ${'more '.repeat(3)}${CANARY}${'x'.repeat(40)}`;
    const statuses = githubCommitStatuses(client, 'acme', 'envs');
    await statuses.post(sha, {
      context: 'ferry/apply (eu)',
      succeeded: false,
      description: message,
    });
    const { data } = await h.octokit.rest.repos.getCombinedStatusForRef({
      owner: 'acme',
      repo: 'envs',
      ref: sha,
    });
    const description = data.statuses[0]?.description ?? '';
    assert.match(description, /word \*\*\* more more more…$/);
    assert.doesNotMatch(description, /glpat|KNOWN|ghp_|CANARY/);
    assert.deepEqual(h.server.violations, []);
  });
});
