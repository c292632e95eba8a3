import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { pullRequestEvent, startForgeHarness } from '../forge/harness.js';
import { assertStepPassed, runActionStep } from '../helpers/action-step.js';
import { needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

// `command: plan` from the committed dist/, as a pull_request workflow over a two-cluster matrix
// runs it (examples/workflows/env-plan.yml): the real control plane, the fake GitHub.

describe('the action plans a pull request per cluster', needsCluster, () => {
  it('comments once per cluster, edits the comment on the next push, and posts ferry/plan on the head', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/environments', { files: { 'README.md': 'env\n' } });
    const {
      number,
      head,
      eventPath: event,
    } = await pullRequestEvent(h, 'bump', { 'tag.txt': '1.1.0\n' });
    const pull = { data: { number } };
    const github = {
      GITHUB_API_URL: h.server.apiUrl,
      GITHUB_REPOSITORY: 'acme/environments',
      GITHUB_SHA: head,
      GITHUB_TOKEN: h.server.token,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.example',
    };
    const kubeconfig = await readFile(testKubeconfig()!, 'utf8');
    const step = async (cluster: string, namespace: string, tag: string) => {
      const dir = await mkdtemp(join(tmpdir(), 'ferry-plan-step-'));
      const settings = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace },
        data: { tag },
      };
      await writeFile(join(dir, 'cm.yaml'), yaml.dump(settings));
      return runActionStep(
        {
          command: 'plan',
          dir,
          inventory: 'app',
          namespace,
          cluster,
          comment: 'true',
          'commit-status': 'true',
          kubeconfig,
        },
        github,
      );
    };
    const clusters = ['prod-eu', 'prod-us'];
    const namespaces: string[] = [];
    for (const cluster of clusters) {
      const ns = await testNamespace(cluster);
      t.after(() => ns.remove());
      namespaces.push(ns.name);
      const first = await step(cluster, ns.name, '1.1.0');
      assertStepPassed(first);
      assert.deepEqual(
        [
          first.outputs.created,
          first.outputs.changed,
          first.outputs.unchanged,
          first.outputs.pruned,
        ],
        ['1', '0', '0', '0'],
      );
      assert.match(first.outputs['comment-url'] ?? '', /#issuecomment-\d+$/);
      assert.match(first.summary, /### ferry plan for .*: changes/);
    }
    // The next push: the comment of prod-eu is edited, not repeated.
    const again = await step('prod-eu', namespaces[0]!, '1.2.0');
    assertStepPassed(again);
    const comments = (
      await h.octokit.rest.issues.listComments({
        owner: 'acme',
        repo: 'environments',
        issue_number: pull.data.number,
      })
    ).data;
    assert.equal(comments.length, 2, 'one comment per cluster');
    assert.ok(comments.some((c) => (c.body ?? '').includes('<!-- ferry-plan:prod-us:')));
    const eu = comments.find((c) => (c.body ?? '').includes('<!-- ferry-plan:prod-eu:'))!;
    assert.equal(again.outputs['comment-url'], eu.html_url);
    const statuses = (
      await h.octokit.rest.repos.getCombinedStatusForRef({
        owner: 'acme',
        repo: 'environments',
        ref: head,
      })
    ).data.statuses;
    assert.deepEqual(statuses.map((s) => `${s.context}=${s.state}: ${s.description}`).sort(), [
      'ferry/plan (prod-eu)=success: 1 to create, 0 unchanged',
      'ferry/plan (prod-us)=success: 1 to create, 0 unchanged',
    ]);
    assert.deepEqual(h.server.violations, []);
  });
});
