// Shared by the promote and rollback tests: an app with two or three environments, a captured
// logger, and git, GitHub and GitLab helpers for setting up and inspecting an environment repository.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import type { Logger } from '../../src/adapters/logger.js';
import type { Promotion } from '../../src/commands/env-repo/promote/promote.js';
import {
  propose,
  type ProposeDeps,
  type ProposeResult,
} from '../../src/commands/env-repo/propose/propose.js';
import { git, type ForgeHarness } from '../forge/harness.js';
import { startGitLabServer } from '../forge/gitlab-server.js';
import { writeApp } from './render.js';

export const TEMPLATES: Record<string, string> = {
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{app}}
  namespace: {{namespace}}
spec:
  replicas: {{values.replicas}}
  template:
    spec:
      containers:
        - name: app
          image: {{image.ref}}
`,
  'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: {{app}}-config, namespace: {{namespace}} }
data:
  note: {{values.note}}
`,
};

/** One environment of the test app: its folder, branch and extra keys. */
export interface TestEnvironment {
  path: string;
  branch?: string;
  replicas: number;
  extra?: string;
}

/** ferry.yaml text for app `demo` with these environments in `repo`. */
export function appConfig(repo: string, environments: Record<string, TestEnvironment>): string {
  const envs = Object.entries(environments).map(
    ([name, env]) => `  ${name}:
    repo: ${JSON.stringify(repo)}
    branch: ${JSON.stringify(env.branch ?? 'main')}
    path: ${JSON.stringify(env.path)}
    namespace: demo
    values: { replicas: ${env.replicas}, note: "${name}" }
${env.extra ?? ''}`,
  );
  return `app: demo
image: registry.example.com/acme/demo
templates: deploy
environments:
${envs.join('')}`;
}

/** Staging and production in one branch, different folders; production promoted from staging. */
export const FOLDERS: Record<string, TestEnvironment> = {
  staging: { path: 'apps/demo/staging', replicas: 1 },
  production: { path: 'apps/demo/production', replicas: 3, extra: '    promoteFrom: staging\n' },
};

/** Writes the app and removes it after the test; returns the path of ferry.yaml. */
export async function writeTestApp(
  t: TestContext,
  repo: string,
  environments: Record<string, TestEnvironment> = FOLDERS,
): Promise<string> {
  const config = await writeApp(TEMPLATES, appConfig(repo, environments));
  t.after(() => rm(dirname(config), { recursive: true, force: true }));
  return config;
}

/** A logger that keeps its lines. */
export function capture(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    info: (line) => lines.push(line),
    warning: (line) => lines.push(`warning: ${line}`),
    group: (_title, work) => work(),
  };
  return { log, lines };
}

/** `git` against a bare repository; trimmed text. */
export const bare = (gitDir: string, ...args: string[]) =>
  git(tmpdir(), '--git-dir', gitDir, ...args);

const execFileAsync = promisify(execFile);

/** A file's exact bytes at `rev` (`git show`, untrimmed). */
export async function showBytes(gitDir: string, rev: string, file: string): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', ['--git-dir', gitDir, 'show', `${rev}:${file}`], {
    encoding: 'buffer',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  return stdout;
}

/** Non-GET API requests since request number `from`, as `METHOD /path`. */
export const writesSince = (h: ForgeHarness, from: number) =>
  h.server.requests
    .slice(from)
    .filter((r) => r.method !== 'GET' && !r.path.startsWith('/git/'))
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

/** The test server's repository acme/envs with one commit on main; returns its git dir. */
export async function githubEnvRepo(h: ForgeHarness): Promise<string> {
  await h.server.createRepo('acme/envs', { files: { 'README.md': 'envs\n' } });
  return h.server.state.repo('acme', 'envs')!.gitDir;
}

/** Deps for a run against the test server: its token, fast retries. */
export const serverDeps = (h: ForgeHarness, extra: ProposeDeps = {}): ProposeDeps => ({
  env: { FERRY_GITHUB_TOKEN: h.server.token },
  retry: { baseDelayMs: 20 },
  ...extra,
});

/** Proposes `tag` to `env` on the test server and merges the pull request (squash). */
export async function deployOnGitHub(
  h: ForgeHarness,
  config: string,
  env: string,
  tag: string,
): Promise<ProposeResult> {
  const result = await propose(
    { config, env, imageTag: tag, apiUrl: h.server.apiUrl },
    capture().log,
    serverDeps(h),
  );
  await h.octokit.rest.pulls.merge({
    owner: 'acme',
    repo: 'envs',
    pull_number: result.pullRequest!.number,
    merge_method: 'squash',
  });
  return result;
}

/** Posts a status on `sha` in acme/envs, as `ferry apply` or `ferry drift` would. */
export async function postStatus(
  h: ForgeHarness,
  sha: string,
  context: string,
  state: 'success' | 'failure',
  description = state === 'success' ? 'ok' : 'failed',
): Promise<void> {
  await h.octokit.rest.repos.createCommitStatus({
    owner: 'acme',
    repo: 'envs',
    sha,
    state,
    context,
    description,
  });
}

/** A local bare repository with one commit on `main`, removed after the test. */
export async function localEnvRepo(t: TestContext): Promise<{ remote: string; seed: string }> {
  const work = await mkdtemp(join(tmpdir(), 'ferry-env-repo-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const remote = join(work, 'envs.git');
  await git(work, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const seed = join(work, 'seed');
  await git(work, 'clone', '--quiet', remote, seed);
  await writeFile(join(seed, 'README.md'), 'envs\n');
  await git(seed, 'add', '.');
  await git(seed, 'commit', '--quiet', '-m', 'init');
  await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  return { remote, seed };
}

/** Proposes `tag` to `env` with plain git and merges the branch by moving the base to it. */
export async function deployWithGit(
  remote: string,
  config: string,
  env: string,
  tag: string,
  base = 'main',
): Promise<string> {
  const result = await propose({ config, env, imageTag: tag }, capture().log, {
    env: {},
    retry: { baseDelayMs: 10 },
  });
  await bare(remote, 'update-ref', `refs/heads/${base}`, result.headSha!);
  return result.headSha!;
}

/** The one promotion of a result, which must have succeeded. */
export function only(promotions: Promotion[]): ProposeResult {
  assert.equal(promotions.length, 1);
  const [promotion] = promotions;
  assert.ok(promotion && promotion.error === undefined, promotion?.error);
  return promotion;
}

/** The local GitLab with project acme/envs (one commit on main), closed and removed after the test. */
export async function gitlabEnvRepo(t: TestContext) {
  const work = await mkdtemp(join(tmpdir(), 'ferry-gitlab-test-'));
  const server = await startGitLabServer({ root: join(work, 'repos') });
  t.after(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });
  const project = await server.createProject('acme/envs', { 'README.md': 'envs\n' });
  return { server, project, work };
}
