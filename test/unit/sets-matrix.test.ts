// `ferry sets --output github-matrix`: the JSON a GitHub Actions `strategy.matrix` takes, checked
// by shape and by actionlint in a workflow that uses it (actionlint types `matrix.*` against a
// matrix written in the workflow, so a key ferry does not print is a finding).
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runFerry } from '../helpers/cli.js';
import { envRepo, setFiles } from '../helpers/sets-env.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir =
  process.env.FERRY_CACHE_DIR ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ferry');
const actionlintBin = join(cacheDir, 'tools', 'actionlint');
const hasGo = !spawnSync('go', ['version'], { stdio: 'ignore' }).error;
const noLinter =
  !hasGo && process.env.FERRY_TEST_ALLOW_NO_GO === '1'
    ? 'go is not on PATH, so actionlint cannot be built (FERRY_TEST_ALLOW_NO_GO=1)'
    : false;

function run(file: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(file, args, { cwd: root, timeout: 280_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** actionlint on one workflow file; builds it first (test/tools/actionlint.sh) when missing. */
async function actionlint(workflow: string): Promise<{ code: number; output: string }> {
  const built = await access(actionlintBin).then(
    () => true,
    () => false,
  );
  if (!built) {
    const build = await run('bash', ['test/tools/actionlint.sh']);
    assert.equal(build.code, 0, build.output);
  }
  return run(actionlintBin, ['-no-color', workflow]);
}

/** A workflow whose `apply` job runs one matrix entry: `matrix` is written in, as JSON. */
function workflow(matrix: string, key = 'set'): string {
  return `name: apply sets
on: push
permissions:
  contents: read
jobs:
  sets:
    runs-on: ubuntu-latest
    outputs:
      matrix: \${{ steps.sets.outputs.matrix }}
      count: \${{ steps.sets.outputs.count }}
    steps:
      - uses: actions/checkout@v4
      - id: sets
        run: |
          matrix=$(npx ferry sets --cluster prod-eu,prod-us --output github-matrix)
          echo "matrix=$matrix" >> "$GITHUB_OUTPUT"
          echo "count=$(jq '.include | length' <<< "$matrix")" >> "$GITHUB_OUTPUT"
  apply:
    needs: sets
    if: needs.sets.outputs.count != '0'
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix: \${{ fromJSON(needs.sets.outputs.matrix) }}
    steps:
      - uses: actions/checkout@v4
      - run: npx ferry apply --set "$SET" --cluster "$CLUSTER"
        env:
          SET: \${{ matrix.set }}
          CLUSTER: \${{ matrix.cluster }}
  written:
    runs-on: ubuntu-latest
    strategy:
      matrix: ${matrix}
    steps:
      - uses: actions/checkout@v4
      - run: npx ferry apply --set "$SET" --cluster "$CLUSTER" --root . && ls "$SET_PATH"
        env:
          SET: \${{ matrix.${key} }}
          CLUSTER: \${{ matrix.cluster }}
          SET_PATH: \${{ matrix.path }}
`;
}

describe('ferry sets --output github-matrix', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((fn) => fn())));
  const scope = { after: (fn: () => Promise<void>) => void cleanups.push(fn) };
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };

  const repoOfSets = () =>
    envRepo(scope, {
      ...setFiles('platform/crds', { inventory: 'crds' }, [configMap]),
      ...setFiles(
        'apps/shop/eu',
        { inventory: 'shop', clusters: ['prod-eu'], dependsOn: ['crds'] },
        [configMap],
      ),
      ...setFiles(
        'apps/shop/us',
        { inventory: 'shop', clusters: ['prod-us'], dependsOn: ['crds'] },
        [configMap],
      ),
      ...setFiles('apps/blog', { inventory: 'blog', clusters: ['prod-us'] }, [configMap]),
    });

  /** `ferry sets --output github-matrix` for both clusters of the repo at `dir`. */
  const matrixOf = (dir: string, more: string[] = []) =>
    runFerry([
      'sets',
      '--root',
      dir,
      '--cluster',
      'prod-eu,prod-us',
      ...more,
      '--output',
      'github-matrix',
    ]);

  it('prints one line: include entries with set, cluster and path, dependencies first', async () => {
    const repo = await repoOfSets();
    const result = await matrixOf(repo.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.split('\n').length, 2, 'one line (a step output), then a newline');
    assert.deepEqual(JSON.parse(result.stdout), {
      include: [
        { set: 'crds', cluster: 'prod-eu', path: 'platform/crds' },
        { set: 'shop', cluster: 'prod-eu', path: 'apps/shop/eu' },
        { set: 'blog', cluster: 'prod-us', path: 'apps/blog' },
        { set: 'crds', cluster: 'prod-us', path: 'platform/crds' },
        { set: 'shop', cluster: 'prod-us', path: 'apps/shop/us' },
      ],
    });
  });

  it('with --changed-since, only the sets changed since that revision', async () => {
    const repo = await repoOfSets();
    const base = await repo.rev('HEAD');
    await repo.write(
      'apps/shop/us/more.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: d }\n',
    );
    await repo.commit('Change the shop in the US');
    const matrix = async (since: string) =>
      JSON.parse((await matrixOf(repo.dir, ['--changed-since', since])).stdout) as unknown;
    assert.deepEqual(await matrix(base), {
      include: [{ set: 'shop', cluster: 'prod-us', path: 'apps/shop/us' }],
    });
    assert.deepEqual(await matrix('HEAD'), { include: [] });
  });

  it('is taken by a workflow actionlint accepts', { skip: noLinter }, async () => {
    const repo = await repoOfSets();
    const result = await matrixOf(repo.dir);
    const dir = await mkdtemp(join(tmpdir(), 'ferry-matrix-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'apply-sets.yml');
    await writeFile(file, workflow(result.stdout.trim()));
    const lint = await actionlint(file);
    assert.equal(lint.code, 0, lint.output);
    // The same workflow asking for a key ferry does not print is a finding: actionlint does
    // check the matrix's keys against what ferry printed.
    await writeFile(file, workflow(result.stdout.trim(), 'inventory'));
    const wrong = await actionlint(file);
    assert.equal(wrong.code, 1, wrong.output);
    assert.match(
      wrong.output,
      /property "inventory" is not defined in object type \{cluster: string; path: string; set: string\}/,
    );
  });
});
