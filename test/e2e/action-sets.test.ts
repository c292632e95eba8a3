// The fan-out of examples/workflows/env-apply.yml and env-apply-cluster.yml, step by step, from
// the committed dist/ as the runner runs it (@github/local-action): `command: sets` lists what
// the cluster does not run yet as a matrix, one `command: apply` with `set:` per matrix entry
// runs at once (as matrix jobs do), then the check job's `apply` with `all: true` posts the
// cluster's status. The real control plane, the fake GitHub, a real env repo in git.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startForgeHarness } from '../forge/harness.js';
import { assertStepPassed, runActionStep, type StepResult } from '../helpers/action-step.js';
import { kubectl, needsCluster, testKubeconfig } from '../helpers/kube.js';
import { assertRendersCleanly } from '../helpers/markdown.js';
import {
  CHAIN,
  assertChainApplied,
  commitFiles,
  setRecord,
  setsRepoForTest,
} from '../helpers/sets-repo.js';

/** One entry of the matrix, as `strategy.matrix` hands it to a job (`matrix.set`, …). */
interface MatrixEntry {
  set: string;
  cluster: string;
  path: string;
}

/** The matrix output, checked to be what `strategy.matrix: ${{ fromJSON(…) }}` takes. */
function parseMatrix(step: StepResult): MatrixEntry[] {
  const matrix = JSON.parse(step.outputs.matrix!) as { include: MatrixEntry[] };
  assert.deepEqual(Object.keys(matrix), ['include']);
  for (const entry of matrix.include) {
    assert.deepEqual(Object.keys(entry).sort(), ['cluster', 'path', 'set']);
    for (const value of Object.values(entry)) assert.equal(typeof value, 'string');
  }
  // A step output is one line in the runner's file format here; keep it one line anywhere.
  assert.doesNotMatch(step.outputs.matrix!, /\n/);
  return matrix.include;
}

describe('the action fans the changed sets out as a matrix', needsCluster, () => {
  it('lists them, applies one set per job in dependency order, then nothing is left', async (t) => {
    const { server, octokit } = await startForgeHarness(t);
    await server.createRepo('acme/environments', { files: { 'README.md': 'env\n' } });
    const statusSha = (
      await octokit.rest.repos.getBranch({ owner: 'acme', repo: 'environments', branch: 'main' })
    ).data.commit.sha;
    const { ns, appNs, root, commit } = await setsRepoForTest(t, 'fanout');

    const runUrl = 'https://github.example/acme/environments/actions/runs/7';
    const github = {
      GITHUB_API_URL: server.apiUrl,
      GITHUB_REPOSITORY: 'acme/environments',
      GITHUB_SHA: statusSha,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '7',
    };
    const cluster = {
      root,
      cluster: 'prod-eu',
      kubeconfig: await readFile(testKubeconfig()!, 'utf8'),
    };

    // Job 1: what the cluster does not run yet (a fresh cluster: every set of prod-eu).
    const listed = await runActionStep({ command: 'sets', changed: 'true', ...cluster }, github);
    assertStepPassed(listed);
    const matrix = parseMatrix(listed);
    assert.equal(listed.outputs.count, '4');
    assert.deepEqual(matrix.map((e) => e.set).sort(), ['audit', 'config', 'namespace', 'web']);
    assert.ok(matrix.every((e) => e.cluster === 'prod-eu'));
    assert.deepEqual(
      matrix.filter((e) => (CHAIN as readonly string[]).includes(e.set)).map((e) => e.path),
      ['platform/namespace', 'platform/config', 'apps/web'],
      'dependencies first',
    );
    const sets = JSON.parse(listed.outputs.sets!) as { set: string; dependsOn: string[] }[];
    assert.deepEqual(sets.find((s) => s.set === 'web')?.dependsOn, ['config']);

    // Job 2: one job per entry, all started at once; each waits for what it depends on.
    const jobs = await Promise.all(
      matrix.map((entry) =>
        runActionStep(
          { command: 'apply', set: entry.set, ...cluster, cluster: entry.cluster },
          github,
        ),
      ),
    );
    for (const [i, job] of jobs.entries()) {
      const set = matrix[i]!.set;
      assertStepPassed(job);
      assert.equal(job.outputs['sets-applied'], '1', set);
      assert.equal(job.outputs['sets-failed'], '0', set);
      const summary = await assertRendersCleanly(job.summary);
      assert.match(summary, /<h3>ferry apply on <code>prod-eu<\/code><\/h3>/, set);
      assert.match(
        summary,
        new RegExp(
          `<td><code>${set}</code></td>\\s*<td><code>${matrix[i]!.path}</code></td>\\s*<td>applied</td>`,
        ),
        set,
      );
    }
    await assertChainApplied(ns, appNs, commit);
    const web = await setRecord(appNs, 'web');
    assert.equal(web['ferry.dev/applied-run-url'], runUrl);
    assert.equal(web['ferry.dev/set-path'], 'apps/web');
    const got = await kubectl([
      '-n',
      appNs,
      'get',
      'configmap',
      'settings',
      'web-page',
      '-o',
      'name',
    ]);
    assert.equal(got.code, 0, got.stderr);

    // The next push: nothing changed, so the matrix is empty and the apply job is skipped.
    const again = await runActionStep({ command: 'sets', changed: 'true', ...cluster }, github);
    assertStepPassed(again);
    assert.equal(again.outputs.count, '0');
    assert.deepEqual(parseMatrix(again), []);

    // A push that changes one folder: only that set is listed, and the check job's `all: true`
    // (the single-job variant's step too) applies it and posts the cluster's status.
    await writeFile(
      join(root, 'apps/web/web.yaml'),
      (await readFile(join(root, 'apps/web/web.yaml'), 'utf8')).replace("'2'", "'3'"),
    );
    const second = await commitFiles(root, {});
    const changed = await runActionStep({ command: 'sets', changed: 'true', ...cluster }, github);
    assertStepPassed(changed);
    assert.deepEqual(parseMatrix(changed), [{ set: 'web', cluster: 'prod-eu', path: 'apps/web' }]);
    const check = await runActionStep(
      {
        command: 'apply',
        all: 'true',
        ...cluster,
        'commit-status': 'true',
        token: server.token,
      },
      github,
    );
    assertStepPassed(check);
    assert.equal(check.outputs['sets-applied'], '1');
    assert.equal(check.outputs['sets-unchanged'], '3');
    const report = JSON.parse(check.outputs.report!) as {
      sets: { set: string; result: string }[];
    };
    assert.deepEqual(report.sets.map((s) => `${s.set}=${s.result}`).sort(), [
      'audit=unchanged',
      'config=unchanged',
      'namespace=unchanged',
      'web=applied',
    ]);
    const summary = await assertRendersCleanly(check.summary);
    assert.match(summary, /1 applied, 3 unchanged/);
    assert.match(summary, /<summary><code>web<\/code>: applied<\/summary>/);
    assert.equal((await setRecord(appNs, 'web'))['ferry.dev/applied-commit'], second);
    const live = await kubectl([
      '-n',
      appNs,
      'get',
      'configmap',
      'web-page',
      '-o',
      'jsonpath={.data.replicas}',
    ]);
    assert.equal(live.stdout, '3');
    const statuses = (
      await octokit.rest.repos.getCombinedStatusForRef({
        owner: 'acme',
        repo: 'environments',
        ref: statusSha,
      })
    ).data.statuses;
    assert.deepEqual(
      statuses.map((s) => `${s.context}=${s.state}`),
      ['ferry/apply (prod-eu)=success'],
    );
    assert.deepEqual(server.violations, []);
  });
});
