import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const script = resolve('scripts/action-docs.mjs');

describe("the action's tables in docs/github-action.md", () => {
  it('match action.yml', async () => {
    await exec(process.execPath, [script, '--check']);
  });

  it('are reported stale when action.yml gains an input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-docs-'));
    await mkdir(join(dir, 'docs'));
    await copyFile('docs/github-action.md', join(dir, 'docs/github-action.md'));
    const action = await readFile('action.yml', 'utf8');
    await writeFile(
      join(dir, 'action.yml'),
      action.replace('inputs:\n', "inputs:\n  brand-new:\n    description: 'New.'\n"),
    );
    await assert.rejects(
      exec(process.execPath, [script, '--check'], {
        cwd: dir,
        env: { ...process.env, NODE_PATH: resolve('node_modules') },
      }),
      /out of date/,
    );
  });
});
