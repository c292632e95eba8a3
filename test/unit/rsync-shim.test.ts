// The rsync stand-in the GitLab end-to-end tests put on PATH (test/tools/rsync-shim.mjs) copies
// what rsync would for each command line gitlab-ci-local 4.x runs, and refuses any other.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/gitlab-ci-local.js';

const exec = promisify(execFile);
const rsync = join(repoRoot, 'test/tools/rsync-bin/rsync');

async function files(root: string, paths: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(paths)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

describe('the rsync stand-in for gitlab-ci-local', () => {
  let dir: string;
  const run = (...args: string[]) =>
    exec(rsync, args, {
      cwd: dir,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
    });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-rsync-'));
    await files(dir, {
      'app/ferry.yaml': 'app: web\n',
      'out/rendered.yaml': 'kind: List\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/lfs/big': 'x',
      '.gitlab-ci-local/state': 'state',
      'untracked.txt': 'u',
    });
    await symlink('app/ferry.yaml', join(dir, 'link'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('mirrors the project into a job folder, less excluded files, deleting what is gone', async () => {
    const excludes = join(dir, '.gitlab-ci-local', 'rsync-exclude-job');
    await writeFile(excludes, '/untracked.txt\n/out/');
    const target = '.gitlab-ci-local/builds/job/';
    await files(join(dir, target), { 'stale.txt': 'old', 'untracked.txt': 'old' });
    const args = ['-a', '--delete-excluded', '--delete', `--exclude-from=${excludes}`];
    await run(...args, '--exclude', '.git/lfs', '--exclude', '.gitlab-ci-local/', './', target);
    const job = join(dir, target);
    assert.equal(await readFile(join(job, 'app/ferry.yaml'), 'utf8'), 'app: web\n');
    assert.equal(await readFile(join(job, '.git/HEAD'), 'utf8'), 'ref: refs/heads/main\n');
    assert.equal(await readlink(join(job, 'link')), 'app/ferry.yaml');
    for (const gone of ['stale.txt', 'untracked.txt', 'out', '.git/lfs', '.gitlab-ci-local'])
      assert.equal(await exists(join(job, gone)), false, gone);
  });

  it('copies artifacts listed in a file with their paths, less excluded ones', async () => {
    const list = join(dir, 'list');
    await writeFile(list, './out\n./app/ferry.yaml\n./.gitlab-ci-local/state\n');
    const target = join(dir, 'artifacts/job');
    await run(
      '--exclude',
      '.gitlab-ci-local/**',
      '-rRa',
      `--files-from=${list}`,
      '.',
      `${target}/.`,
    );
    assert.equal(await readFile(join(target, 'out/rendered.yaml'), 'utf8'), 'kind: List\n');
    assert.equal(await readFile(join(target, 'app/ferry.yaml'), 'utf8'), 'app: web\n');
    assert.equal(await exists(join(target, '.gitlab-ci-local/state')), false);
  });

  it('copies named paths relative to the source (cache and dotenv reports)', async () => {
    const target = join(dir, 'cache/key');
    await run('-Ra', './app/ferry.yaml', './out', `${target}/.`);
    assert.equal(await readFile(join(target, 'app/ferry.yaml'), 'utf8'), 'app: web\n');
    assert.equal(await readFile(join(target, 'out/rendered.yaml'), 'utf8'), 'kind: List\n');
  });

  it('refuses an option gitlab-ci-local does not use, naming it', async () => {
    await assert.rejects(run('-az', './', 'x/'), /unsupported option -az/);
  });
});
