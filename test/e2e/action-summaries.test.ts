import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import { GITHUB_COMMENT_LIMIT, JOB_SUMMARY_LIMIT } from '../../src/core/fold.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { pullRequestEvent, startForgeHarness } from '../forge/harness.js';
import { assertStepPassed, runActionStep } from '../helpers/action-step.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { assertRendersCleanly } from '../helpers/markdown.js';

// Reports too big for where they go, from the committed dist/ as the runner runs it: 3
// ConfigMaps × 2,000 keys, each key changed by hand. GitHub drops a job summary over 1 MiB
// whole and refuses a comment or issue body over 65,536 characters; ferry folds each under its
// limit and names what it left out.

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };
const KEYS = 2_000;
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const configMap = (name: string, value: (key: string) => string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: Object.fromEntries(
    Array.from({ length: KEYS }, (_, i) => `key-${String(i).padStart(4, '0')}`).map((key) => [
      key,
      value(key),
    ]),
  ),
});

describe('job summaries, comments and issues of a huge report', needsCluster, () => {
  it('fold under 1 MiB (summaries) and 65,536 characters (comment, issue), naming what was left out', async (t) => {
    const ns = await testNamespace('huge');
    t.after(() => ns.remove());
    const names = ['huge-a', 'huge-b', 'huge-c'];
    const inGit = names.map((name) => configMap(name, (key) => `${name}-${key}-`.padEnd(120, 'g')));
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    t.after(() => client.close());
    await applyObjects(client, inGit, { dir: '', inventory: 'huge', namespace: ns.name }, quiet);
    // Every key changed by hand (kubectl-patch): 6,000 fields differ from git.
    const dir = await mkdtemp(join(tmpdir(), 'ferry-huge-'));
    for (const name of names) {
      const data = configMap(name, (key) => `${key}-by-hand-`.padEnd(120, 'h')).data;
      const patch = join(dir, `${name}.patch.json`);
      await writeFile(patch, JSON.stringify({ data }));
      const patched = await kubectl([
        '-n',
        ns.name,
        'patch',
        'configmap',
        name,
        '--type=merge',
        '--patch-file',
        patch,
      ]);
      assert.equal(patched.code, 0, patched.stderr);
      await rm(patch);
    }
    await writeFile(join(dir, 'all.yaml'), inGit.map((o) => yaml.dump(o)).join('---\n'));

    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/environments', { files: { 'README.md': 'env\n' } });
    const {
      number,
      head,
      eventPath: event,
    } = await pullRequestEvent(h, 'bump', { 'x.txt': 'x\n' });
    const pull = { data: { number } };
    const github = {
      GITHUB_API_URL: h.server.apiUrl,
      GITHUB_REPOSITORY: 'acme/environments',
      GITHUB_SHA: head,
      GITHUB_RUN_ID: '7',
      GITHUB_SERVER_URL: 'https://github.example',
    };
    const common = {
      dir,
      inventory: 'huge',
      namespace: ns.name,
      kubeconfig: await readFile(testKubeconfig()!, 'utf8'),
      token: h.server.workflowToken('acme/environments'),
      cluster: 'prod-eu',
    };
    const runUrl = 'https://github.example/acme/environments/actions/runs/7';

    const drift = await runActionStep(
      { ...common, command: 'drift', 'alert-issue': 'true' },
      { ...github, GITHUB_EVENT_NAME: 'schedule' },
    );
    assertStepPassed(drift);
    assert.equal(JSON.parse(drift.outputs.report!).objects.length, 3);
    const plan = await runActionStep(
      { ...common, command: 'plan', comment: 'true', 'commit-status': 'true' },
      { ...github, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event },
    );
    assertStepPassed(plan);

    const { data: issues } = await h.octokit.rest.issues.listForRepo({
      owner: 'acme',
      repo: 'environments',
      labels: 'ferry-drift',
    });
    const issue = issues[0]!.body ?? '';
    const { data: comments } = await h.octokit.rest.issues.listComments({
      owner: 'acme',
      repo: 'environments',
      issue_number: pull.data.number,
    });
    const comment = comments[0]!.body ?? '';
    const sizes = {
      driftSummary: bytes(drift.summary),
      planSummary: bytes(plan.summary),
      issue: issue.length,
      comment: comment.length,
    };
    t.diagnostic(`sizes: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.driftSummary <= JOB_SUMMARY_LIMIT, JSON.stringify(sizes));
    assert.ok(sizes.planSummary <= JOB_SUMMARY_LIMIT, JSON.stringify(sizes));
    assert.ok(sizes.issue <= GITHUB_COMMENT_LIMIT, JSON.stringify(sizes));
    assert.ok(sizes.comment <= GITHUB_COMMENT_LIMIT, JSON.stringify(sizes));
    // Each says what it left out, by name, and where the whole report is; nothing is cut
    // mid-markup.
    const left = (what: string) =>
      new RegExp(
        `\\n_\\d[\\d,]* more line\\(s\\) did not fit \\((\`ConfigMap ${ns.name}/huge-[abc]\`(, )?)+\\): ${what}\\._\\n$`,
      );
    assert.match(drift.summary, left('the `report` output holds every field'));
    assert.match(plan.summary, left('the `report` output holds the whole plan'));
    assert.ok(
      issue.includes(
        `: the [run](${runUrl}) has them all (the \`report\` output or \`ferry-drift.json\`)._\n`,
      ),
      issue.slice(-600),
    );
    assert.match(issue, /\n_\d[\d,]* more line\(s\) did not fit \(`ConfigMap /);
    assert.match(
      comment,
      /_\d[\d,]* more line\(s\) did not fit \(.*\): the \[run\]\(https:\/\/github\.example\/acme\/environments\/actions\/runs\/7\) has the rest/,
    );
    for (const markdown of [drift.summary, plan.summary, issue, comment])
      await assertRendersCleanly(markdown);
    assert.deepEqual(h.server.violations, []);
  });
});
