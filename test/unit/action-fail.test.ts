import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fail } from '../../src/action/main.js';
import { maskSecret } from '../../src/action/mask.js';
import { ConfigError } from '../../src/core/errors.js';

/** The workflow commands `work` prints (what the runner reads), and the exit code it set. */
function commands(t: TestContext, work: () => void): { lines: string[]; exitCode: unknown } {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const exitCode = process.exitCode;
  process.stdout.write = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  try {
    work();
  } finally {
    process.stdout.write = write;
  }
  const set = process.exitCode;
  process.exitCode = exitCode;
  t.diagnostic(lines.join('\n'));
  return { lines, exitCode: set };
}

describe("the action's failure path", () => {
  it('gives a file:line error exactly one annotation, on that line', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-fail-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'ferry.yaml'), 'app: x\n');
    const { lines, exitCode } = commands(t, () =>
      fail(new ConfigError('ferry.yaml:3: environments: expected a mapping'), dir),
    );
    const errors = lines.filter((line) => line.startsWith('::error'));
    assert.equal(errors.length, 1, lines.join('\n'));
    assert.equal(
      errors[0],
      `::error file=${join(dir, 'ferry.yaml')},line=3::ferry.yaml:3: environments: expected a mapping`,
    );
    assert.equal(exitCode, 1);
  });

  it('gives any other error one plain annotation', (t) => {
    const { lines, exitCode } = commands(t, () =>
      fail(new ConfigError('input prune: "x" is not true or false')),
    );
    assert.deepEqual(
      lines.filter((line) => line.startsWith('::error')),
      ['::error::input prune: "x" is not true or false'],
    );
    assert.equal(exitCode, 1);
  });

  it('handles throws that are not Errors', (t) => {
    const cases: [unknown, string][] = [
      ['a plain string', 'a plain string'],
      [42, '42'],
      [undefined, 'undefined'],
      [{ reason: 'object' }, '{"reason":"object"}'],
    ];
    for (const [thrown, shown] of cases) {
      const { lines, exitCode } = commands(t, () => fail(thrown));
      const errors = lines.filter((line) => line.startsWith('::error'));
      assert.deepEqual(errors, [`::error::${shown}`]);
      assert.equal(exitCode, 1);
    }
  });

  it('redacts URL user-info and masked secrets from the message', (t) => {
    const { lines } = commands(t, () => {
      maskSecret('glpat-failure-path-secret');
      fail(
        new Error(
          'push to https://oauth2:glpat-failure-path-secret@gitlab.example/x.git failed: glpat-failure-path-secret',
        ),
      );
    });
    const errors = lines.filter((line) => line.startsWith('::error'));
    assert.deepEqual(errors, ['::error::push to https://***@gitlab.example/x.git failed: ***']);
  });
});
