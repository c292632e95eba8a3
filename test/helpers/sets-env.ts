// An environment repository of sets for the `--all` tests and bench/sets: real git in a temporary folder,
// descriptors and manifests written as files, and the JSON reports the sets commands print.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { toYamlDocument, type KubeObject } from '../../src/core/manifest.js';
import { testKubeconfig } from './kube.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** A git work tree of sets. */
export interface EnvRepo {
  dir: string;
  /** Writes a file (parents created), relative to the repo. */
  write(path: string, text: string): Promise<void>;
  /** Removes a file or folder, relative to the repo. */
  remove(path: string): Promise<void>;
  /** Commits everything; returns the new HEAD. */
  commit(message: string): Promise<string>;
  /** `git rev-parse` of a revision (`HEAD`, `HEAD:apps/x`). */
  rev(revision: string): Promise<string>;
}

/** Runs git in `dir` as a fixed author. */
export async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', dir, ...args], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  return stdout;
}

/** Where a test registers cleanup: a TestContext, or `{ after }` from node:test for a suite. */
export interface Scope {
  after: (fn: () => Promise<void>) => void;
}

/** A new repository holding `files`, committed once; removed when `scope` ends. */
export async function envRepo(scope: Scope, files: Record<string, string>): Promise<EnvRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-sets-'));
  scope.after(() => rm(dir, { recursive: true, force: true }));
  const repo: EnvRepo = {
    dir,
    write: async (path, text) => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    remove: (path) => rm(join(dir, path), { recursive: true, force: true }),
    commit: async (message) => {
      await git(dir, ['add', '--all']);
      await git(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
      return repo.rev('HEAD');
    },
    rev: async (revision) => (await git(dir, ['rev-parse', revision])).trim(),
  };
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  for (const [path, text] of Object.entries(files)) await repo.write(path, text);
  await repo.commit('Start the environment repo');
  return repo;
}

/** What a set's `.ferry-set.yaml` says. */
export interface Descriptor {
  inventory: string;
  namespace?: string;
  clusters?: string[];
  dependsOn?: string[];
  prune?: boolean;
  wait?: boolean;
  timeout?: string;
}

/** A set folder's files: its descriptor and its objects as one manifests file. */
export function setFiles(
  path: string,
  descriptor: Descriptor,
  objects: KubeObject[],
): Record<string, string> {
  return {
    [`${path}/.ferry-set.yaml`]: yaml.dump(descriptor),
    [`${path}/manifests.yaml`]: objects.map((o) => toYamlDocument(o)).join('---\n'),
  };
}

/** A row of a `--all` JSON report, as much as the tests read. */
export interface SetRowJson {
  set: string;
  path: string;
  result: string;
  detail: string;
  exitCode: number;
  seconds?: number;
  report?: { counts?: Record<string, number>; objects?: { object: string; action: string }[] };
}

/** `ferry apply|plan|drift --all --output json`. */
export interface SetsJson {
  command: string;
  cluster: string;
  commit: string;
  sets: SetRowJson[];
  counts: Record<string, number>;
  requests: Record<string, number>;
}

/** The JSON report a `--all` run printed. */
export function setsJson(stdout: string): SetsJson {
  return JSON.parse(stdout) as SetsJson;
}

/** Rows by set name. */
export function rowsBySet(report: SetsJson): Map<string, SetRowJson> {
  return new Map(report.sets.map((row) => [row.set, row]));
}

/**
 * The CLI as its own process (tsx, from source): for runs that are killed, or that wait for
 * another process. Its stdout and stderr are collected; `exited` resolves with its exit code.
 */
export function spawnFerry(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string; stdout: () => string; exited: Promise<number> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((done) =>
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1))),
  );
  return { child, output: () => `${stdout}${stderr}`, stdout: () => stdout, exited };
}

/** The variables of a GitHub Actions run, and the run URL ferry makes of them. */
export const GITHUB_RUN = {
  env: {
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_REPOSITORY: 'acme/environments',
    GITHUB_RUN_ID: '4242',
  },
  url: 'https://github.example.com/acme/environments/actions/runs/4242',
};

/** Runs `work` with `env` set in this process (the in-process CLI reads it), then restores it. */
export async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
}

/** `--kubeconfig` for the test cluster. */
export function clusterArgs(kubeconfig = testKubeconfig()!): string[] {
  return ['--kubeconfig', kubeconfig];
}

/** Resolves once `check` holds, polling; fails after `timeoutMs`. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
