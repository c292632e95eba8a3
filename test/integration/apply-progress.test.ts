// The progress lines of `ferry apply` say what its report says, object by object: a Namespace
// that the inventory's record creates (bare) just before its manifest is applied is "created" in
// both (issue 20 item 8: the line said "configured" where the JSON report said "created").
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApplyReport } from '../../src/core/apply-report.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig } from '../helpers/kube.js';

describe('ferry apply progress lines', needsCluster, () => {
  const namespace = `progress-${randomBytes(3).toString('hex')}`;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-progress-'));
    await writeFile(
      join(dir, 'namespace.yaml'),
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n`,
    );
    await writeFile(
      join(dir, 'config.yaml'),
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${namespace}\ndata:\n  a: "1"\n`,
    );
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await kubectl(['delete', 'namespace', namespace, '--ignore-not-found', '--wait=false']);
  });

  it('say "created" for a new namespace that also holds the inventory, as the report does', async () => {
    const args = ['apply', '--kubeconfig', testKubeconfig()!, '--dir', dir, '--inventory', 'app'];
    const result = await runFerry([...args, '--namespace', namespace, '--output', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as ApplyReport;
    const actions = Object.fromEntries(report.objects.map((o) => [o.object, o.action]));
    assert.deepEqual(actions, {
      [`Namespace ${namespace}`]: 'created',
      [`ConfigMap ${namespace}/settings`]: 'created',
    });
    // Every object the report names has one progress line, saying the same.
    for (const [object, action] of Object.entries(actions)) {
      const lines = result.stderr.split('\n').filter((line) => line.includes(`${object} `));
      assert.deepEqual(lines, [`${object} ${action}`], result.stderr);
    }
  });
});
