import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { cloneRepo, git, pushBranch, quietLog, startForgeHarness } from '../forge/harness.js';
import { loadGitHubOpenApi } from '../forge/openapi-validator.js';

async function rejectsWith(promise: Promise<unknown>, status: number, message?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    const failure = error as { status?: number; message?: string };
    assert.equal(failure.status, status);
    if (message) assert.match(failure.message ?? '', message);
    return true;
  });
}

const commitMutation = `mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('local GitHub test server', () => {
  it('creates a repository whose files can be cloned over smart HTTP, with auth', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', {
      files: { 'README.md': 'hello\n', 'apps/web.yaml': 'replicas: 2\n' },
    });
    const dir = await cloneRepo(h, 'acme/envs');
    assert.equal(await readFile(join(dir, 'apps/web.yaml'), 'utf8'), 'replicas: 2\n');

    const { data: repo } = await h.octokit.rest.repos.get({ owner: 'acme', repo: 'envs' });
    assert.equal(repo.default_branch, 'main');
    assert.equal(repo.full_name, 'acme/envs');
    const { data: branch } = await h.octokit.rest.repos.getBranch({
      owner: 'acme',
      repo: 'envs',
      branch: 'main',
    });
    assert.equal(branch.commit.sha, await git(dir, 'rev-parse', 'HEAD'));

    // Without the token, neither git nor the API let the caller in.
    const anonymous = repo.clone_url;
    await assert.rejects(git(h.work, 'clone', '--quiet', anonymous, join(h.work, 'anon')));
    assert.ok(
      h.server.requests.some(
        (request) => request.path === '/git/acme/envs.git/info/refs' && request.status === 401,
      ),
    );
    const stranger = new Octokit({ baseUrl: h.server.apiUrl, auth: 'wrong', log: quietLog });
    await rejectsWith(stranger.rest.repos.get({ owner: 'acme', repo: 'envs' }), 401);
    await rejectsWith(h.octokit.rest.repos.get({ owner: 'acme', repo: 'missing' }), 404);
    assert.deepEqual(h.server.violations, []);
  });

  it('opens a pull request for a pushed branch and rejects a second one for the same head', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'app.yaml': 'tag: 1\n' } });
    const dir = await cloneRepo(h, 'acme/envs');
    const first = await pushBranch(dir, 'ferry/staging', { 'app.yaml': 'tag: 2\n' });

    const repo = { owner: 'acme', repo: 'envs' };
    const params = { ...repo, head: 'acme:ferry/staging', base: 'main' };
    const { data: pull } = await h.octokit.rest.pulls.create({ ...params, title: 'Promote 2' });
    assert.equal(pull.number, 1);
    assert.equal(pull.head.sha, first);
    assert.equal(pull.state, 'open');
    assert.equal(pull.changed_files, 1);
    await rejectsWith(
      h.octokit.rest.pulls.create({ ...params, title: 'Again' }),
      422,
      /A pull request already exists for acme:ferry\/staging/,
    );

    // head.sha follows the branch when it moves.
    const second = await pushBranch(dir, 'ferry/staging', { 'app.yaml': 'tag: 3\n' });
    const { data: fetched } = await h.octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    assert.equal(fetched.head.sha, second);

    const list = (filter: Record<string, string>) =>
      h.octokit.rest.pulls.list({ owner: 'acme', repo: 'envs', ...filter });
    assert.deepEqual(
      (await list({ head: 'acme:ferry/staging' })).data.map((p) => p.number),
      [1],
    );
    assert.deepEqual((await list({ head: 'acme:other' })).data, []);
    assert.deepEqual((await list({ base: 'release' })).data, []);

    const { data: updated } = await h.octokit.rest.pulls.update({
      ...repo,
      pull_number: 1,
      title: 'Promote 3',
      body: 'Now tag 3',
    });
    assert.equal(updated.title, 'Promote 3');
    const { data: reviewed } = await h.octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: 1,
      reviewers: ['alice'],
    });
    assert.deepEqual(
      reviewed.requested_reviewers?.map((user) => user.login),
      ['alice'],
    );

    // Issues share the number sequence with pull requests.
    const { data: issue } = await h.octokit.rest.issues.create({
      owner: 'acme',
      repo: 'envs',
      title: 'Drift',
    });
    assert.equal(issue.number, 2);
    assert.deepEqual(h.server.violations, []);
  });

  it('applies createCommitOnBranch with the expected head and refuses a stale one', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'old.yaml': 'a\n', 'keep.yaml': 'b\n' } });
    const ref = { owner: 'acme', repo: 'envs', ref: 'heads/main' };
    const before = (await h.octokit.rest.git.getRef(ref)).data.object.sha;

    const input = {
      branch: { repositoryNameWithOwner: 'acme/envs', branchName: 'main' },
      message: { headline: 'Render staging', body: 'image 1.4.2' },
      fileChanges: {
        additions: [{ path: 'apps/web/deploy.yaml', contents: base64('image: web:1.4.2\n') }],
        deletions: [{ path: 'old.yaml' }],
      },
      expectedHeadOid: before,
    };
    const result = await h.octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      commitMutation,
      { input },
    );
    const oid = result.createCommitOnBranch.commit.oid;
    assert.match(oid, /^[0-9a-f]{40}$/);
    assert.equal((await h.octokit.rest.git.getRef(ref)).data.object.sha, oid);

    const { data: commit } = await h.octokit.rest.repos.getCommit({ ...ref, ref: oid });
    assert.deepEqual(
      commit.parents.map((parent) => parent.sha),
      [before],
    );
    assert.equal(commit.commit.message, 'Render staging\n\nimage 1.4.2');
    assert.equal(commit.commit.verification?.verified, true);

    const dir = await cloneRepo(h, 'acme/envs');
    assert.equal(await git(dir, 'rev-parse', 'HEAD'), oid);
    assert.equal(await readFile(join(dir, 'apps/web/deploy.yaml'), 'utf8'), 'image: web:1.4.2\n');
    assert.deepEqual((await git(dir, 'ls-files')).split('\n'), [
      'apps/web/deploy.yaml',
      'keep.yaml',
    ]);

    // The same input again is now stale: GitHub's error, and the branch does not move.
    await assert.rejects(h.octokit.graphql(commitMutation, { input }), (error: unknown) => {
      const { errors } = error as { errors?: { type?: string; message: string }[] };
      assert.equal(errors?.[0]?.type, 'STALE_DATA');
      assert.equal(
        errors?.[0]?.message,
        `Expected branch to point to "${before}" but it did not. Pull and try again.`,
      );
      return true;
    });
    assert.equal((await h.octokit.rest.git.getRef(ref)).data.object.sha, oid);
    assert.deepEqual(h.server.violations, []);
  });

  it('merges pull requests in the bare repository and moves the base branch', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': 'a: 1\n' } });
    const dir = await cloneRepo(h, 'acme/envs');
    const repo = { owner: 'acme', repo: 'envs' };
    const head = await pushBranch(dir, 'one', { 'b.yaml': 'b: 1\n' });
    await git(dir, 'checkout', '--quiet', 'main');
    await pushBranch(dir, 'two', { 'c.yaml': 'c: 1\n' });
    const one = await h.octokit.rest.pulls.create({
      ...repo,
      head: 'one',
      base: 'main',
      title: 'One',
    });
    const two = await h.octokit.rest.pulls.create({
      ...repo,
      head: 'two',
      base: 'main',
      title: 'Two',
    });

    const merged = await h.octokit.rest.pulls.merge({
      ...repo,
      pull_number: one.data.number,
      sha: head,
    });
    assert.equal(merged.data.merged, true);
    const mergeCommit = await h.octokit.rest.repos.getCommit({ ...repo, ref: merged.data.sha });
    assert.equal(mergeCommit.data.parents.length, 2);
    assert.equal(mergeCommit.data.parents[1]?.sha, head);

    const squashed = await h.octokit.rest.pulls.merge({
      ...repo,
      pull_number: two.data.number,
      merge_method: 'squash',
    });
    const squashCommit = await h.octokit.rest.repos.getCommit({ ...repo, ref: squashed.data.sha });
    assert.deepEqual(
      squashCommit.data.parents.map((parent) => parent.sha),
      [merged.data.sha],
    );
    assert.equal(squashCommit.data.commit.message.split('\n')[0], 'Two (#2)');

    const { data: main } = await h.octokit.rest.repos.getBranch({ ...repo, branch: 'main' });
    assert.equal(main.commit.sha, squashed.data.sha);
    const { data: closed } = await h.octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    assert.equal(closed.merged, true);
    assert.equal(closed.merge_commit_sha, merged.data.sha);
    await rejectsWith(h.octokit.rest.pulls.merge({ ...repo, pull_number: 1 }), 405);

    await git(dir, 'checkout', '--quiet', 'main');
    await git(dir, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    assert.deepEqual((await git(dir, 'ls-files')).split('\n'), ['a.yaml', 'b.yaml', 'c.yaml']);

    // Rebase-merge replays the branch's commit on top of the base, keeping its author.
    const original = await pushBranch(dir, 'three', { 'd.yaml': 'd: 1\n' });
    const three = await h.octokit.rest.pulls.create({
      ...repo,
      head: 'three',
      base: 'main',
      title: 'Three',
    });
    const rebased = await h.octokit.rest.pulls.merge({
      ...repo,
      pull_number: three.data.number,
      merge_method: 'rebase',
    });
    assert.notEqual(rebased.data.sha, original);
    const replayed = await h.octokit.rest.repos.getCommit({ ...repo, ref: 'main' });
    assert.equal(replayed.data.sha, rebased.data.sha);
    assert.deepEqual(
      replayed.data.parents.map((parent) => parent.sha),
      [squashed.data.sha],
    );
    assert.equal(replayed.data.commit.author?.name, 'Dev');
    assert.equal(replayed.data.commit.message, 'change three');
    assert.deepEqual(h.server.violations, []);
  });

  it('creates, fast-forwards, force-updates and deletes refs', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': '1\n' } });
    const dir = await cloneRepo(h, 'acme/envs');
    const base = await git(dir, 'rev-parse', 'HEAD');
    const ahead = await pushBranch(dir, 'scratch', { 'a.yaml': '2\n' });
    const repo = { owner: 'acme', repo: 'envs' };

    await h.octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/ferry/env', sha: base });
    await rejectsWith(
      h.octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/ferry/env', sha: base }),
      422,
      /Reference already exists/,
    );
    const forward = await h.octokit.rest.git.updateRef({
      ...repo,
      ref: 'heads/ferry/env',
      sha: ahead,
    });
    assert.equal(forward.data.object.sha, ahead);
    await rejectsWith(
      h.octokit.rest.git.updateRef({ ...repo, ref: 'heads/ferry/env', sha: base }),
      422,
      /not a fast forward/,
    );
    const forced = await h.octokit.rest.git.updateRef({
      ...repo,
      ref: 'heads/ferry/env',
      sha: base,
      force: true,
    });
    assert.equal(forced.data.object.sha, base);
    await h.octokit.rest.git.deleteRef({ ...repo, ref: 'heads/ferry/env' });
    await rejectsWith(h.octokit.rest.git.getRef({ ...repo, ref: 'heads/ferry/env' }), 404);
    assert.equal(await git(dir, 'ls-remote', 'origin', 'refs/heads/ferry/env'), '');
    assert.deepEqual(h.server.violations, []);
  });

  it('round-trips commit statuses and combines the latest per context', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': '1\n' } });
    const repo = { owner: 'acme', repo: 'envs' };
    const sha = (await h.octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const post = (context: string, state: 'pending' | 'success' | 'failure') =>
      h.octokit.rest.repos.createCommitStatus({ ...repo, sha, context, state, description: state });

    await post('ferry/apply', 'pending');
    await post('ferry/apply', 'success');
    await post('ferry/drift', 'success');
    let combined = (await h.octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'main' }))
      .data;
    assert.equal(combined.state, 'success');
    assert.equal(combined.total_count, 2);
    assert.equal(combined.sha, sha);

    await post('ferry/drift', 'failure');
    combined = (await h.octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha })).data;
    assert.equal(combined.state, 'failure');
    const { data: statuses } = await h.octokit.rest.repos.listCommitStatusesForRef({
      ...repo,
      ref: sha,
    });
    assert.deepEqual(
      statuses.map((status) => `${status.context}=${status.state}`),
      ['ferry/drift=failure', 'ferry/drift=success', 'ferry/apply=success', 'ferry/apply=pending'],
    );
    await rejectsWith(
      h.octokit.rest.repos.createCommitStatus({ ...repo, sha: 'f'.repeat(40), state: 'success' }),
      422,
      /No commit found/,
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('filters issues by state, labels and creator', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': '1\n' } });
    const repo = { owner: 'acme', repo: 'envs' };
    const drift = await h.octokit.rest.issues.create({
      ...repo,
      title: 'Drift in production',
      labels: ['ferry/drift', 'env:production'],
    });
    await h.octokit.rest.issues.create({
      ...repo,
      title: 'Drift in staging',
      labels: ['ferry/drift'],
    });
    const other = await h.octokit.rest.issues.create({ ...repo, title: 'Unrelated' });
    await h.octokit.rest.issues.addLabels({
      ...repo,
      issue_number: other.data.number,
      labels: ['docs'],
    });
    await h.octokit.rest.issues.addAssignees({
      ...repo,
      issue_number: drift.data.number,
      assignees: ['oncall'],
    });
    const comment = await h.octokit.rest.issues.createComment({
      ...repo,
      issue_number: drift.data.number,
      body: 'Still drifting',
    });
    assert.equal(comment.data.body, 'Still drifting');

    const titles = async (filter: Record<string, string>) =>
      (await h.octokit.rest.issues.listForRepo({ ...repo, ...filter })).data
        .map((i) => i.title)
        .sort();
    assert.deepEqual(await titles({ labels: 'ferry/drift' }), [
      'Drift in production',
      'Drift in staging',
    ]);
    assert.deepEqual(await titles({ labels: 'ferry/drift,env:production' }), [
      'Drift in production',
    ]);
    assert.deepEqual(await titles({ labels: 'docs' }), ['Unrelated']);
    assert.deepEqual(await titles({ creator: 'somebody-else' }), []);
    assert.deepEqual(await titles({ assignee: 'oncall' }), ['Drift in production']);

    const closed = await h.octokit.rest.issues.update({
      ...repo,
      issue_number: drift.data.number,
      state: 'closed',
      labels: ['ferry/drift'],
    });
    assert.equal(closed.data.state, 'closed');
    assert.equal(closed.data.comments, 1);
    assert.deepEqual(await titles({ labels: 'ferry/drift' }), ['Drift in staging']);
    assert.deepEqual(await titles({ labels: 'ferry/drift', state: 'all' }), [
      'Drift in production',
      'Drift in staging',
    ]);
    // Link headers let Octokit walk pages: three open-or-closed issues, one per page.
    const all = await h.octokit.paginate(h.octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      per_page: 1,
    });
    assert.deepEqual(
      all.map((issue) => issue.number),
      [3, 2, 1],
    );
    const { data: fetched } = await h.octokit.rest.issues.get({ ...repo, issue_number: 1 });
    assert.deepEqual(
      fetched.labels.map((label) => (typeof label === 'string' ? label : label.name)),
      ['ferry/drift'],
    );
    assert.deepEqual(h.server.violations, []);
  });

  it('records auto-merge enabled through GraphQL on the pull request', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': '1\n' } });
    const dir = await cloneRepo(h, 'acme/envs');
    await pushBranch(dir, 'promote', { 'a.yaml': '2\n' });
    const repo = { owner: 'acme', repo: 'envs' };
    const { data: pull } = await h.octokit.rest.pulls.create({
      ...repo,
      head: 'promote',
      base: 'main',
      title: 'Promote',
    });
    assert.equal(pull.auto_merge, null);
    await h.octokit.graphql(
      `mutation($input: EnablePullRequestAutoMergeInput!) {
        enablePullRequestAutoMerge(input: $input) { pullRequest { id } }
      }`,
      { input: { pullRequestId: pull.node_id, mergeMethod: 'SQUASH' } },
    );
    const { data: after } = await h.octokit.rest.pulls.get({ ...repo, pull_number: pull.number });
    assert.equal(after.auto_merge?.merge_method, 'squash');
    assert.equal(after.auto_merge?.enabled_by.login, h.server.state.viewer.login);
    assert.deepEqual(h.server.violations, []);
  });

  it('answers injected rate limits and server errors the way Octokit expects', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs');
    const repo = { owner: 'acme', repo: 'envs' };

    const ok = await h.octokit.rest.repos.get(repo);
    assert.equal(ok.headers['x-ratelimit-limit'], '5000');
    assert.equal(ok.headers['x-ratelimit-resource'], 'core');
    assert.match(String(ok.headers['x-ratelimit-reset']), /^\d+$/);

    h.server.failNextRequests(1, 'rate-limit');
    await assert.rejects(h.octokit.rest.repos.get(repo), (error: unknown) => {
      const failure = error as { status: number; response: { headers: Record<string, string> } };
      assert.equal(failure.status, 403);
      assert.equal(failure.response.headers['x-ratelimit-remaining'], '0');
      return true;
    });
    h.server.failNextRequests(1, 'secondary-rate-limit', { retryAfterSeconds: 7 });
    await assert.rejects(h.octokit.rest.repos.get(repo), (error: unknown) => {
      const failure = error as { status: number; response: { headers: Record<string, string> } };
      assert.equal(failure.status, 429);
      assert.equal(failure.response.headers['retry-after'], '7');
      return true;
    });
    h.server.failNextRequests(1, 'server-error');
    await rejectsWith(h.octokit.rest.repos.get(repo), 502);

    // With GitHub's recommended plugins, each fault is waited out and the call succeeds.
    const waits: string[] = [];
    const Resilient = Octokit.plugin(throttling, retry);
    const resilient = new Resilient({
      baseUrl: h.server.apiUrl,
      auth: h.server.token,
      log: quietLog,
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        retryAfterBaseValue: 1,
        onRateLimit: (after: number) => (waits.push(`primary:${after}`), true),
        onSecondaryRateLimit: (after: number) => (waits.push(`secondary:${after}`), true),
      },
    });
    h.server.failNextRequests(1, 'rate-limit', { retryAfterSeconds: 1 });
    h.server.failNextRequests(1, 'secondary-rate-limit', { retryAfterSeconds: 3 });
    h.server.failNextRequests(1, 'server-error');
    const before = h.server.requests.length;
    const { data } = await resilient.rest.repos.get(repo);
    assert.equal(data.name, 'envs');
    assert.deepEqual(
      h.server.requests.slice(before).map((request) => request.status),
      [403, 429, 502, 200],
    );
    assert.equal(waits.length, 2);
    assert.match(waits[0] ?? '', /^primary:\d+$/);
    assert.equal(waits[1], 'secondary:3');
    assert.deepEqual(h.server.violations, []);
  });

  it('records requests that break the OpenAPI contract and rejects them like GitHub', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs', { files: { 'a.yaml': '1\n' } });
    // Routes typed as plain strings so Octokit's types let the mistakes through to the server.
    const createPull: string = 'POST /repos/{owner}/{repo}/pulls';
    const listPulls: string = 'GET /repos/{owner}/{repo}/pulls';
    const createIssue: string = 'POST /repos/{owner}/{repo}/issues';
    const repo = { owner: 'acme', repo: 'envs' };

    await rejectsWith(
      h.octokit.request(createPull, { ...repo, base: 'main', title: 'No head' }),
      422,
    );
    assert.equal(h.server.violations.length, 1);
    assert.match(
      h.server.violations[0] ?? '',
      /^POST \/repos\/acme\/envs\/pulls: request \(pulls\/create\)/,
    );
    assert.match(h.server.violations[0] ?? '', /head/);
    assert.equal(h.server.state.repo('acme', 'envs')?.issues.size, 0);

    await rejectsWith(h.octokit.request(listPulls, { ...repo, state: 'merged' }), 422);
    assert.equal(h.server.violations.length, 2);
    assert.match(h.server.violations[1] ?? '', /state/);

    // GitHub silently ignores a head filter without "owner:" and misspelt body fields; the
    // server records both (and refuses the misspelling outright).
    await h.octokit.rest.pulls.list({ ...repo, head: 'ferry/staging' });
    assert.equal(h.server.violations.length, 3);
    assert.match(h.server.violations[2] ?? '', /lacks "owner:"/);
    await rejectsWith(
      h.octokit.request(createIssue, { ...repo, title: 'Typo', lables: ['drift'] }),
      422,
    );
    assert.equal(h.server.violations.length, 4);
    assert.match(
      h.server.violations[3] ?? '',
      /field "lables" that issues\/create does not define/,
    );

    await assert.rejects(
      h.octokit.graphql('mutation { deleteRepository(input: {}) { clientMutationId } }'),
    );
    assert.equal(h.server.violations.length, 5);
    assert.match(h.server.violations[4] ?? '', /graphql: .*deleteRepository/);
  });
});

describe('GitHub OpenAPI validator', () => {
  it('matches multi-segment refs and rejects responses that break the schema', async () => {
    const openApi = await loadGitHubOpenApi();
    const match = openApi.match('GET', '/repos/acme/envs/git/ref/heads/feature/x');
    assert.equal(match?.operationId, 'git/get-ref');
    assert.equal(match?.params.ref, 'heads/feature/x');
    assert.equal(
      openApi.match('GET', '/repos/acme/envs/commits/feat%2Fx/status')?.operationId,
      'repos/get-combined-status-for-ref',
    );
    assert.equal(openApi.match('GET', '/no/such/endpoint'), undefined);
    if (!match) return;

    const ref = {
      ref: 'refs/heads/feature/x',
      node_id: 'REF_1',
      url: 'https://api.github.test/repos/acme/envs/git/refs/heads/feature/x',
      object: { type: 'commit', sha: 'a'.repeat(40), url: 'https://api.github.test/c' },
    };
    assert.deepEqual(openApi.checkResponse(match, 200, ref), []);
    assert.match(
      openApi.checkResponse(match, 200, { ...ref, node_id: undefined }).join(),
      /node_id/,
    );
    assert.match(openApi.checkResponse(match, 200, { ...ref, url: 'not a url' }).join(), /format/);
    assert.match(openApi.checkResponse(match, 201, ref).join(), /not documented/);
    assert.deepEqual(openApi.checkResponse(match, 404, { message: 'Not Found' }), []);
    assert.ok(openApi.loadMs > 0);
  });
});
