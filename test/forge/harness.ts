// Test-side helpers around the fake GitHub: a server per test with cleanup, an Octokit client
// pointed at it, and a git client that cannot pick up the developer's own configuration.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import { Octokit } from '@octokit/rest';
import { startGitHubServer, type GitHubServer } from './github-server.js';

const execFileAsync = promisify(execFile);

// Credential helpers, hooks or a signing key in the developer's config must not take part.
const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_DIR: undefined,
  GIT_WORK_TREE: undefined,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@ferry.test',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@ferry.test',
};

/** Runs git in `cwd` with a clean configuration; returns trimmed stdout. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: gitEnv });
  return stdout.trim();
}

/** An Octokit logger that stays silent: tests provoke failed requests on purpose. */
export const quietLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A running fake GitHub, a client for it, and a scratch folder, all removed after the test. */
export interface ForgeHarness {
  server: GitHubServer;
  octokit: Octokit;
  work: string;
}

/** Starts a fake GitHub for one test and registers its shutdown with `t.after`. */
export async function startForgeHarness(t: TestContext): Promise<ForgeHarness> {
  const work = await mkdtemp(join(tmpdir(), 'ferry-forge-test-'));
  const server = await startGitHubServer({ root: join(work, 'repos') });
  t.after(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });
  const octokit = new Octokit({ baseUrl: server.apiUrl, auth: server.token, log: quietLog });
  return { server, octokit, work };
}

/** Clones `owner/name` over smart HTTP into `folder` under the scratch folder. */
export async function cloneRepo(h: ForgeHarness, ownerRepo: string, folder = 'clone') {
  const target = join(h.work, folder);
  await git(h.work, 'clone', '--quiet', h.server.gitUrl(ownerRepo), target);
  return target;
}

/** Commits `files` in the clone `dir` on `branch` (from HEAD) and pushes; returns the commit. */
export async function pushBranch(dir: string, branch: string, files: Record<string, string>) {
  await git(dir, 'checkout', '--quiet', '-B', branch);
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '-m', `change ${branch}`);
  await git(dir, 'push', '--quiet', 'origin', branch);
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * A pull request on acme/environments from a new branch holding `files`, and the event payload
 * file a `pull_request` run gets ($GITHUB_EVENT_PATH): its number and head commit.
 */
export async function pullRequestEvent(
  h: ForgeHarness,
  branch: string,
  files: Record<string, string>,
) {
  const head = await pushBranch(
    await cloneRepo(h, 'acme/environments', `clone-${branch}`),
    branch,
    files,
  );
  const pull = await h.octokit.rest.pulls.create({
    owner: 'acme',
    repo: 'environments',
    head: branch,
    base: 'main',
    title: branch,
  });
  const eventPath = join(await mkdtemp(join(tmpdir(), 'ferry-event-')), 'event.json');
  await writeFile(
    eventPath,
    JSON.stringify({ pull_request: { number: pull.data.number, head: { sha: head } } }),
  );
  return { number: pull.data.number, head, eventPath };
}
