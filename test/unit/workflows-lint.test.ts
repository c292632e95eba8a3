// The GitHub Actions workflows (ours and the examples) pass actionlint, built from its Go module
// by test/tools/actionlint.sh (the first run compiles it into ferry's cache folder), and never
// paste expressions into shell scripts.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasGo = !spawnSync('go', ['version'], { stdio: 'ignore' }).error;
const cacheDir =
  process.env.FERRY_CACHE_DIR ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ferry');

function run(file: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd: root, timeout: 280_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * Without Go, actionlint cannot be built and these checks cannot run. That fails the run unless
 * FERRY_TEST_ALLOW_NO_GO=1 says a skip is wanted; then the skip says so, loudly.
 */
const allowNoGo = process.env.FERRY_TEST_ALLOW_NO_GO === '1';
const noGoReason = 'go is not on PATH, so actionlint cannot be built';
if (!hasGo && allowNoGo)
  process.stderr.write(
    `WARNING: actionlint checks SKIPPED: ${noGoReason} (FERRY_TEST_ALLOW_NO_GO=1)\n`,
  );

describe('GitHub Actions workflows', { skip: !hasGo && allowNoGo ? noGoReason : false }, () => {
  it('can be linted: Go is on PATH to build actionlint', () => {
    assert.ok(hasGo, `${noGoReason}; install Go, or set FERRY_TEST_ALLOW_NO_GO=1 to skip`);
  });

  it('have no actionlint findings', { skip: !hasGo && 'no Go: see the test above' }, async () => {
    const result = await run('bash', ['test/tools/actionlint.sh']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /checking \d+ workflow file\(s\)/);
  });

  it('are checked by a linter that does report findings', { skip: !hasGo && 'no Go' }, async () => {
    // Guards against a lint run that passes because it checks nothing.
    const dir = await mkdtemp(join(tmpdir(), 'ferry-actionlint-'));
    try {
      const workflow = join(dir, 'broken.yml');
      await writeFile(
        workflow,
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.no_such_context }}"\n',
      );
      const result = await run(join(cacheDir, 'tools', 'actionlint'), ['-no-color', workflow]);
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, /no_such_context/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it(
    'check an example calling a reusable workflow against the inputs it declares',
    {
      skip: !hasGo && 'no Go',
    },
    async () => {
      // The script, run from a copy of this checkout's layout whose env-apply.yml forgets an input
      // of env-apply-cluster.yml: only a lint that lays the examples out as .github/workflows/ of
      // a repository resolves `./.github/workflows/env-apply-cluster.yml` and can say so.
      const dir = await mkdtemp(join(tmpdir(), 'ferry-actionlint-call-'));
      try {
        await cp(join(root, 'test/tools/actionlint.sh'), join(dir, 'test/tools/actionlint.sh'));
        await cp(join(root, 'examples/workflows'), join(dir, 'examples/workflows'), {
          recursive: true,
        });
        const caller = join(dir, 'examples/workflows/env-apply.yml');
        const text = await readFile(caller, 'utf8');
        const forgotten = text.replace(/^ {6}cluster: \$\{\{ matrix\.cluster \}\}\n/m, '');
        assert.notEqual(forgotten, text, 'env-apply.yml passes the input cluster');
        await writeFile(caller, forgotten);
        const result = await run('bash', [join(dir, 'test/tools/actionlint.sh')]);
        assert.equal(result.code, 1, result.output);
        assert.match(
          result.output,
          /^examples\/workflows\/env-apply\.yml:\d+:\d+: input "cluster" is required by "\.\/\.github\/workflows\/env-apply-cluster\.yml" reusable workflow/m,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('GitHub Actions workflows keep expressions out of shell scripts', () => {
  it('pass values to run: steps as environment variables only', async () => {
    const files = [
      ...(await readdir(join(root, '.github/workflows'))).map((f) => `.github/workflows/${f}`),
      ...(await readdir(join(root, 'examples/workflows'))).map((f) => `examples/workflows/${f}`),
    ].filter((file) => file.endsWith('.yml'));
    assert.ok(files.length >= 5, files.join());
    const offenders: string[] = [];
    for (const file of files) {
      const workflow = yaml.load(await readFile(join(root, file), 'utf8')) as {
        jobs: Record<string, { steps?: { run?: string; name?: string }[] }>;
      };
      for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
        steps.forEach((step, index) => {
          if (step.run?.includes('${{')) offenders.push(`${file}: ${job} step ${index + 1}`);
        });
      }
    }
    // `${{ … }}` in a script is pasted into the shell text before it runs: an injection.
    assert.deepEqual(offenders, []);
  });
});
