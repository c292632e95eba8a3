import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { propose, type ProposeOptions } from '../../src/commands/env-repo/propose/propose.js';
import { startGitHttpServer } from '../forge/git-http.js';
import { git } from '../forge/harness.js';
import { gitlabEnvRepo, localEnvRepo } from '../helpers/env-repo.js';
import { BRANCH, app, bare, capture, retries, show } from '../helpers/propose-app.js';

// Concurrent proposals of different tags to one environment, with real git on the other side:
// every run must succeed (a lost race is re-read, re-planned and retried, never an error), and
// the branch must end as the base plus one commit holding one of the tags, with the merge
// request (GitLab) describing that commit. Backoff is shorter here than in production (1 s mean
// first wait), so the rounds stay quick.

const CONTENDERS = 8;
const ROUNDS = 10;
const RETRY = { baseDelayMs: 250, maxDelayMs: 2000, attempts: 10 };

/** Runs `count` proposals of distinct tags at once; returns the tags. Fails on any failure. */
async function contend(
  options: Omit<ProposeOptions, 'imageTag' | 'env'>,
  round: number,
  count: number,
  env: NodeJS.ProcessEnv,
  log = capture().log,
): Promise<string[]> {
  const tags = Array.from({ length: count }, (_, i) => `${round}.0.${i}`);
  const results = await Promise.allSettled(
    tags.map((imageTag) =>
      propose({ ...options, env: 'staging', imageTag }, log, { env, retry: RETRY }),
    ),
  );
  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${tags[i]}: ${(r.reason as Error).message}`] : [],
  );
  assert.deepEqual(failures, [], `round ${round}: every proposal succeeds`);
  return tags;
}

/** The tag the branch's Deployment holds, after checking the branch is base + one commit. */
async function proposedTag(gitDir: string): Promise<string> {
  assert.equal(
    await bare(gitDir, 'for-each-ref', '--format=%(refname)', 'refs/heads/ferry'),
    `refs/heads/${BRANCH}`,
  );
  assert.equal(
    await bare(gitDir, 'rev-parse', `${BRANCH}^`),
    await bare(gitDir, 'rev-parse', 'main'),
  );
  const image = /image: registry\.example\.com\/acme\/demo:(\S+)/.exec(
    await show(gitDir, BRANCH, 'deployment-demo.yaml'),
  );
  return image?.[1] ?? 'none';
}

/** `git fsck` finds nothing wrong (`-q` is a usage error in current git). */
async function assertFsckClean(gitDir: string): Promise<void> {
  assert.equal(await bare(gitDir, 'fsck', '--no-dangling', '--no-progress'), '');
}

/** A bare `acme/envs.git` with one commit on main under a new folder; removed after the test. */
async function servedEnvRepo(t: TestContext): Promise<{ root: string; gitDir: string }> {
  const { remote } = await localEnvRepo(t);
  const root = await mkdtemp(join(tmpdir(), 'ferry-git-http-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, 'acme'));
  const gitDir = join(root, 'acme', 'envs.git');
  await git(root, 'clone', '--quiet', '--bare', remote, gitDir);
  return { root, gitDir };
}

describe('concurrent proposals', () => {
  async function rounds(gitDir: string, config: string) {
    const { log, lines } = capture();
    for (let round = 1; round <= ROUNDS; round++) {
      const tags = await contend({ config }, round, CONTENDERS, {}, log);
      assert.ok(tags.includes(await proposedTag(gitDir)), `round ${round}: one of its tags`);
    }
    // The suite proves something only if races were lost (and absorbed) along the way.
    assert.ok(retries(lines) > 0, 'some pushes lost a race and were retried');
    await assertFsckClean(gitDir);
  }

  it(`${CONTENDERS} at once × ${ROUNDS} rounds to a local bare repository all succeed`, async (t) => {
    const { remote } = await localEnvRepo(t);
    await rounds(remote, await app(t, remote, '    forge: git\n'));
  });

  it(`${CONTENDERS} at once × ${ROUNDS} rounds over smart HTTP all succeed`, async (t) => {
    const { root, gitDir } = await servedEnvRepo(t);
    const server = await startGitHttpServer(root);
    t.after(() => server.close());
    await rounds(gitDir, await app(t, server.url('acme/envs.git'), '    forge: git\n'));
  });

  it('10 at once on GitLab all succeed and leave one merge request describing the branch', async (t) => {
    const { server, project } = await gitlabEnvRepo(t);
    const config = await app(t, 'acme/envs', '    forge: gitlab\n');
    const env = { FERRY_GITLAB_TOKEN: server.token };
    const tags = await contend({ config, apiUrl: server.apiUrl }, 1, 10, env);
    const tag = await proposedTag(project.gitDir);
    assert.ok(tags.includes(tag), 'one of the tags');
    // The merge request describes the commit its branch holds, whichever run wrote it last.
    assert.match(
      project.mergeRequests[0]!.title,
      new RegExp(`demo ${tag.replaceAll('.', '\\.')} `),
    );
    assert.equal(project.mergeRequests.length, 1);
    await assertFsckClean(project.gitDir);
    assert.deepEqual(server.violations, []);
  });
});
