import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** Author and committer for test commits. */
export const gitEnv = {
  GIT_AUTHOR_NAME: 'ferry test',
  GIT_AUTHOR_EMAIL: 'test@ferry.invalid',
  GIT_COMMITTER_NAME: 'ferry test',
  GIT_COMMITTER_EMAIL: 'test@ferry.invalid',
};

/** This checkout: the components under test live in its templates/. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// gitlab-ci-local copies each job's files with rsync, even on the shell executor. rsync is not
// among what the README asks for, so its processes find a stand-in first on PATH, the same on
// every machine (test/tools/rsync-shim.mjs covers exactly what gitlab-ci-local runs).
const rsyncShim = join(repoRoot, 'test', 'tools', 'rsync-bin');

let packed: Promise<string> | undefined;

/**
 * The npm package, packed from this checkout by scripts/pack.mjs (once per test process), for
 * the components' `ferry-package` input: jobs install it with npx, as a project that overrides
 * the default (ferry from the component's own commit, see gitlab-component-defaults.test.ts).
 */
export function ferryPackage(): Promise<string> {
  packed ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-package-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const { stdout } = await execFileAsync(
      process.execPath,
      [join(repoRoot, 'scripts/pack.mjs'), '--out', dir],
      { cwd: repoRoot },
    );
    return stdout.trim().split('\n').pop()!;
  })();
  return packed;
}

/**
 * An `include: component` entry for one of the components copied into the project, with its
 * inputs: the project includes its own commit, as GitLab documents for testing a component in
 * its own project (the component context, `$[[ component.sha ]]`, exists only that way).
 */
export function includeComponent(component: string, inputs: Record<string, unknown>) {
  return { component: `$CI_SERVER_FQDN/$CI_PROJECT_PATH/${component}@$CI_COMMIT_SHA`, inputs };
}

/** The components copied under `templates/` and `files`, written into the working tree `dir`. */
async function writeProjectFiles(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(join(dir, 'templates'), { recursive: true });
  for (const name of await readdir(join(repoRoot, 'templates'))) {
    await cp(join(repoRoot, 'templates', name), join(dir, 'templates', name));
  }
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** Runs git in `dir` as the test author. */
const gitIn =
  (dir: string) =>
  (...args: string[]) =>
    execFileAsync('git', args, { cwd: dir, env: { ...process.env, ...gitEnv } });

/**
 * A temporary GitLab project: a git repository with an `origin` remote (gitlab-ci-local derives
 * CI_PROJECT_PATH and CI_DEFAULT_BRANCH from it), the components copied under `templates/`
 * (`include: local` only reads files inside the project, and only committed ones), and `files`.
 */
export async function gitlabProject(dir: string, files: Record<string, string>): Promise<void> {
  await writeProjectFiles(dir, files);
  const git = gitIn(dir);
  // A project path of its own: gitlab-ci-local names temporary folders after it.
  const project = `env-${randomBytes(4).toString('hex')}`;
  await git('init', '--quiet', '--initial-branch=main');
  await git('remote', 'add', 'origin', `https://gitlab.example.invalid/ferry-test/${project}.git`);
  await git('add', '--all');
  await git('commit', '--quiet', '--message', 'environment repo');
  await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  await git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
}

/**
 * A checkout of a project that already has a history (e.g. one on the test GitLab server): its
 * default branch `main` cloned from the bare repository `gitDir`, the components and `files`
 * committed on top and pushed back, so a pipeline's CI_COMMIT_SHA is that branch's tip there.
 * `origin` then names `path` on a GitLab host: gitlab-ci-local derives CI_PROJECT_PATH from it.
 * Returns the new commit.
 */
export async function gitlabProjectFrom(
  dir: string,
  source: { gitDir: string; path: string },
  files: Record<string, string>,
): Promise<string> {
  await execFileAsync('git', ['clone', '--quiet', '--branch', 'main', source.gitDir, dir]);
  await writeProjectFiles(dir, files);
  const git = gitIn(dir);
  await git('add', 'templates', ...Object.keys(files));
  await git('commit', '--quiet', '--message', 'ferry components');
  await git('push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  await git('remote', 'set-url', 'origin', `https://gitlab.example.invalid/${source.path}.git`);
  return (await git('rev-parse', 'HEAD')).stdout.trim();
}

export interface PipelineRun {
  code: number;
  /** stdout and stderr, interleaved as printed. */
  output: string;
}

const gitlabCiLocal = createRequire(import.meta.url).resolve('gitlab-ci-local/dist/index.js');

/**
 * Runs gitlab-ci-local in `project` on this Node (it needs ≥ 22), with the shell executor even
 * for jobs that name an image. Jobs see a clean environment: no GitHub variables (ferry would
 * take them for its source annotations), no KUBECONFIG, this Node first on PATH, then the rsync
 * stand-in.
 */
export async function runGitlabCiLocal(
  project: string,
  args: string[],
  options: { home: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<PipelineRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(GITHUB_|RUNNER_|GITLAB_|CI_|KUBECONFIG$|CI$|FERRY_TEST_)/.test(key)) env[key] = value;
  }
  env.PATH = [dirname(process.execPath), rsyncShim, process.env.PATH].join(delimiter);
  env.NO_COLOR = '1';
  Object.assign(env, options.env);
  const child = spawn(
    process.execPath,
    [
      gitlabCiLocal,
      '--home',
      options.home,
      '--force-shell-executor',
      '--no-color',
      '--max-job-name-padding',
      '0',
      ...args,
    ],
    { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 90_000);
  const code = await new Promise<number>((done) =>
    child.on('close', (status) => done(status ?? 1)),
  );
  clearTimeout(timer);
  return { code, output };
}

/**
 * Runs the project's pipeline the way GitLab would for these variables (`NAME=value`; e.g.
 * CI_PIPELINE_SOURCE=schedule; CI_API_V4_URL=<the test GitLab server>), from a clean artifacts
 * folder. gitlab-ci-local says GITLAB_CI=false, and ferry reads GitLab's variables only when it
 * is true: say true.
 */
export async function runPipeline(
  project: string,
  scratch: string,
  variables: string[],
  extra: string[] = [],
): Promise<PipelineRun> {
  await rm(join(project, '.gitlab-ci-local', 'artifacts'), { recursive: true, force: true });
  return runGitlabCiLocal(
    project,
    [
      '--variable',
      'GITLAB_CI=true',
      '--ignore-predefined-vars',
      'CI_PIPELINE_SOURCE,CI_COMMIT_BRANCH,GITLAB_CI,CI_API_V4_URL',
      ...variables.flatMap((variable) => ['--variable', variable]),
      ...extra,
    ],
    { home: join(scratch, 'home'), env: { npm_config_cache: join(scratch, 'npm-cache') } },
  );
}

/** The example app's files under `app/`, with its ferry.yaml passed through `edit`. */
export async function exampleApp(
  edit: (ferryYaml: string) => string,
): Promise<Record<string, string>> {
  const example = join(repoRoot, 'examples', 'guestbook');
  const files: Record<string, string> = {
    'app/ferry.yaml': edit(await readFile(join(example, 'ferry.yaml'), 'utf8')),
  };
  for (const name of await readdir(join(example, 'deploy'))) {
    files[`app/deploy/${name}`] = await readFile(join(example, 'deploy', name), 'utf8');
  }
  return files;
}

/** A file a job kept as its artifact (in the run of `project`'s pipeline that ran it last). */
export function jobArtifact(project: string, job: string, file: string): Promise<string> {
  return readFile(join(project, '.gitlab-ci-local', 'artifacts', job, file), 'utf8');
}

/** The lines ferry printed as errors in a job's log. */
export function jobErrorLines(run: PipelineRun, job: string): string[] {
  return run.output.split('\n').filter((line) => line.startsWith(`${job} > error:`));
}

/** A job that ran and failed; manual jobs may fail (allow_failure), so gitlab-ci-local says WARN. */
export function assertJobFailed(run: PipelineRun, job: string, exitCode: number): void {
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, new RegExp(`^${job} finished in .* WARN ${exitCode} *$`, 'm'));
  assert.doesNotMatch(run.output, new RegExp(`PASS +${job}\\n`));
}

/** What in a kubeconfig must never reach a job log: its tokens, client keys and passwords. */
export function kubeconfigSecrets(kubeconfig: string): string[] {
  return [...kubeconfig.matchAll(/(?:token|client-key-data|password): *(\S+)/g)].map((m) => m[1]!);
}

/**
 * The components' `ferry-command` way in: `<root>/bin/ferry`, a command running this checkout's
 * bundle (dist/cli.js, built beforehand); returns its path.
 */
export async function ferryWrapper(root: string): Promise<string> {
  await mkdir(join(root, 'bin'));
  const wrapper = join(root, 'bin', 'ferry');
  await writeFile(
    wrapper,
    `#!/bin/sh\nexec '${process.execPath}' '${join(repoRoot, 'dist', 'cli.js')}' "$@"\n`,
  );
  await chmod(wrapper, 0o755);
  return wrapper;
}
