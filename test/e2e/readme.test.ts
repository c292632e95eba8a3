import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, copyFile, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = resolve('.');

/** The README's fenced `sh` blocks, in order. */
async function shellBlocks(): Promise<string[]> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A scratch copy of the project a user would have after `npm ci`: the README runs there. */
async function scratchProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-readme-'));
  await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
  await cp(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  await symlink(join(root, 'dist'), join(dir, 'dist'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function runVerbatim(block: string, cwd: string): Promise<string> {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Reader',
    GIT_AUTHOR_EMAIL: 'reader@ferry.invalid',
    GIT_COMMITTER_NAME: 'Reader',
    GIT_COMMITTER_EMAIL: 'reader@ferry.invalid',
  };
  // The README's own text, as a reader pastes it into a shell; it is the project's, not input.
  const { stdout } = await exec('bash', ['-euo', 'pipefail', '-c', block], {
    cwd,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe('the README quickstart, executed verbatim', () => {
  it('renders the example as the `ferry render` section shows', async () => {
    const block = (await shellBlocks()).find((b) => b.startsWith('npx ferry render'));
    assert.ok(block, 'the README has a `npx ferry render` block');
    const out = await runVerbatim(block, await scratchProject());
    assert.match(out, /kind: Deployment/);
    const files = await exec('ls', ['/tmp/rendered']);
    assert.match(files.stdout, /deployment-guestbook\.yaml/);
  });

  it('proposes to a local environment repository as the `ferry propose` section shows', async () => {
    const block = (await shellBlocks()).find((b) => b.startsWith('git init --quiet'));
    assert.ok(block, 'the README has the local propose block');
    const out = await runVerbatim(block, await scratchProject());
    assert.match(out, /apps\/guestbook\/staging\/deployment-guestbook\.yaml/);
  });
});
