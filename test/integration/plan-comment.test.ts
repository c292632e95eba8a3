import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Logger } from '../../src/adapters/logger.js';
import {
  postPlanComment,
  reportPlanStatus,
  type PlanForgeTarget,
} from '../../src/commands/publish/plan-publish.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/core/fold.js';
import { countPlan, type PlannedObject, type PlanReport } from '../../src/core/plan.js';
import { cloneRepo, pushBranch, startForgeHarness } from '../forge/harness.js';
import { startGitLabServer } from '../forge/gitlab-server.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

/** A plan of `objects` for `cluster`, as `ferry plan` reports it. */
function planOf(cluster: string, objects: PlannedObject[]): PlanReport {
  return {
    cluster,
    inventory: { name: 'guestbook-production', namespace: 'guestbook', id: 'applyset-x-v1' },
    prune: true,
    objects,
    counts: countPlan(objects, 3),
    requests: {},
  };
}

const tagBump = (tag: string): PlannedObject[] => [
  {
    object: 'Deployment guestbook/web',
    action: 'change',
    fields: [
      {
        path: '/spec/template/spec/containers[name=web]/image',
        live: 'ghcr.io/acme/web:1.4.1',
        git: `ghcr.io/acme/web:${tag}`,
        manager: 'ferry',
        handEdit: false,
      },
    ],
  },
];

/** A fake GitHub with `acme/environments` and one pull request from `branch`. */
async function pullRequest(t: TestContext, branch: string) {
  const h = await startForgeHarness(t);
  await h.server.createRepo('acme/environments', { files: { 'README.md': 'env repo\n' } });
  const clone = await cloneRepo(h, 'acme/environments');
  const head = await pushBranch(clone, branch, { 'change.txt': `${branch}\n` });
  const pull = await h.octokit.rest.pulls.create({
    owner: 'acme',
    repo: 'environments',
    head: branch,
    base: 'main',
    title: branch,
  });
  return { ...h, head, pull };
}

describe('ferry plan on the pull request', () => {
  it('GitHub: one comment per cluster, created once and edited on the next push; a status on the head', async (t) => {
    const { server, octokit, head, pull } = await pullRequest(t, 'bump');
    const target: PlanForgeTarget = {
      token: server.token,
      apiUrl: server.apiUrl,
      repo: 'acme/environments',
    };
    const options = { number: pull.data.number, runUrl: 'https://ci.example/run/1' };
    const post = (cluster: string, tag: string) =>
      postPlanComment(target, options, planOf(cluster, tagBump(tag)), quiet);
    const comments = async () =>
      (
        await octokit.rest.issues.listComments({
          owner: 'acme',
          repo: 'environments',
          issue_number: pull.data.number,
        })
      ).data;

    const first = await post('prod-eu', '1.4.2');
    const again = await post('prod-eu', '1.4.2');
    const pushed = await post('prod-eu', '1.4.3');
    const other = await post('prod-us', '1.4.3');
    assert.deepEqual(
      [first.outcome, again.outcome, pushed.outcome, other.outcome],
      ['created', 'unchanged', 'updated', 'created'],
    );
    assert.equal(pushed.id, first.id, 'the next push edits the same comment');
    const listed = await comments();
    assert.equal(listed.length, 2, 'one comment per cluster');
    const eu = listed.find((c) => c.id === first.id)!;
    assert.match(eu.body!, /<!-- ferry-plan:prod-eu:guestbook\/guestbook-production -->/);
    assert.match(eu.body!, /ghcr\.io\/acme\/web:1\.4\.3/);
    assert.doesNotMatch(eu.body!, /web:1\.4\.2/, 'the old plan is gone from the comment');
    assert.equal(first.url, eu.html_url);

    await reportPlanStatus(
      target,
      { sha: head, cluster: 'prod-eu' },
      planOf('prod-eu', tagBump('1.4.3')),
      undefined,
      quiet,
    );
    await reportPlanStatus(
      target,
      { sha: head, cluster: 'prod-us' },
      undefined,
      new Error('cannot reach the cluster\nmore'),
      quiet,
    );
    const statuses = (
      await octokit.rest.repos.getCombinedStatusForRef({
        owner: 'acme',
        repo: 'environments',
        ref: head,
      })
    ).data.statuses;
    const byContext = Object.fromEntries(
      statuses.map((s) => [s.context, `${s.state}: ${s.description}`]),
    );
    assert.deepEqual(byContext, {
      'ferry/plan (prod-eu)': 'success: 1 to change, 3 unchanged',
      'ferry/plan (prod-us)': 'failure: failed: cannot reach the cluster',
    });
    assert.deepEqual(server.violations, []);
  });

  it('GitHub: a plan too long for one comment is folded under 65,536 characters with a link to the job summary', async (t) => {
    const { server, octokit, pull } = await pullRequest(t, 'big');
    const many: PlannedObject[] = Array.from({ length: 600 }, (_, i) => ({
      object: `ConfigMap guestbook/settings-${String(i).padStart(3, '0')}`,
      action: 'change',
      fields: [
        {
          path: '/data/value',
          live: 'a'.repeat(100),
          git: 'b'.repeat(100),
          manager: 'ferry',
          handEdit: false,
        },
      ],
    }));
    const target: PlanForgeTarget = {
      token: server.token,
      apiUrl: server.apiUrl,
      repo: 'acme/environments',
    };
    const comment = await postPlanComment(
      target,
      { number: pull.data.number, runUrl: 'https://ci.example/run/7' },
      planOf('prod-eu', many),
      quiet,
    );
    const body = (
      await octokit.rest.issues.getComment({
        owner: 'acme',
        repo: 'environments',
        comment_id: comment.id,
      })
    ).data.body!;
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, `${body.length} characters`);
    assert.match(
      body,
      /_\d+ more line\(s\) did not fit \(`ConfigMap guestbook\/settings-\d+`, .*\): the \[run\]\(https:\/\/ci\.example\/run\/7\) has the rest \(its job summary, and its `report` output for everything\)\._/,
    );
    assert.match(body, /settings-000/);
    assert.doesNotMatch(body, /settings-599/);
    assert.deepEqual(server.violations, []);
  });

  it('GitLab: one merge request note per cluster, edited in place', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'ferry-plan-gitlab-'));
    const gitlab = await startGitLabServer({ root });
    t.after(async () => {
      await gitlab.close();
      await rm(root, { recursive: true, force: true });
    });
    const project = await gitlab.createProject('acme/environments', { 'README.md': 'env repo\n' });
    project.mergeRequests.push({
      id: 501,
      iid: 1,
      title: 'bump',
      description: '',
      state: 'opened',
      source_branch: 'bump',
      target_branch: 'main',
      labels: [],
      assignee_ids: [],
      reviewer_ids: [],
      merge_when_pipeline_succeeds: false,
      created_at: new Date().toISOString(),
    });
    const target: PlanForgeTarget = {
      forge: 'gitlab',
      token: gitlab.token,
      apiUrl: gitlab.apiUrl,
      project: 'acme/environments',
    };
    const options = {
      number: 1,
      mergeRequestUrl: 'https://gitlab.example/acme/environments/-/merge_requests/1',
    };
    const post = (cluster: string, tag: string) =>
      postPlanComment(target, options, planOf(cluster, tagBump(tag)), quiet);
    const first = await post('prod-eu', '1.4.2');
    const pushed = await post('prod-eu', '1.4.3');
    const other = await post('prod-us', '1.4.3');
    assert.deepEqual(
      [first.outcome, pushed.outcome, other.outcome],
      ['created', 'updated', 'created'],
    );
    assert.equal(pushed.id, first.id);
    assert.equal(first.url, `${options.mergeRequestUrl}#note_${first.id}`);
    assert.equal(project.notes.length, 2, 'one note per cluster');
    assert.match(project.notes.find((n) => n.id === first.id)!.body, /web:1\.4\.3/);
    assert.deepEqual(gitlab.violations, []);
  });
});
