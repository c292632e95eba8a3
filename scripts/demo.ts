/**
 * `npm run demo`: ferry's whole loop on local defaults, printing each step.
 *
 *   local control plane (built from Go modules on first use) · a temporary environment repo ·
 *   render → propose (plain git) → merge → apply → drift clean → out-of-band kubectl change →
 *   drift reported → rollback PR branch
 *
 * Everything runs through `dist/cli.js`, the CLI users run. The control plane keeps running
 * when this script started it only if --keep is given (stop it with `npm run cluster:down`).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { isHealthy, loadState, startCluster, stopCluster } from '../test/cluster/cluster.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'ferry demo',
  GIT_AUTHOR_EMAIL: 'demo@ferry.invalid',
  GIT_COMMITTER_NAME: 'ferry demo',
  GIT_COMMITTER_EMAIL: 'demo@ferry.invalid',
};

let step = 0;
function say(title: string): void {
  step += 1;
  console.log(`\n\x1b[1m${step}. ${title}\x1b[0m`);
}

/** Runs a command, echoing it; returns stdout. Exit codes in `allow` are not failures. */
async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; allow?: number[]; quiet?: boolean } = {},
): Promise<string> {
  const shown =
    command === process.execPath
      ? `ferry ${args.slice(1).join(' ')}`
      : `${command.split('/').pop()} ${args.join(' ')}`;
  console.log(`  $ ${shown}`);
  try {
    const { stdout } = await exec(command, args, {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!options.quiet && stdout.trim()) console.log(indent(stdout));
    return stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (options.allow?.includes(e.code ?? -1)) {
      if (e.stdout?.trim()) console.log(indent(e.stdout));
      if (e.stderr?.trim()) console.log(indent(e.stderr));
      console.log(`  (exit code ${e.code}, as expected)`);
      return e.stdout ?? '';
    }
    throw new Error(`${shown} failed (exit ${e.code}):\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function main(): Promise<void> {
  const clusterDir = join(root, '.ferry', 'cluster');
  say('Start the local Kubernetes control plane (etcd, kube-apiserver, controllers, kwok)');
  let state = await loadState(clusterDir);
  let started = false;
  if (!state || state.processes.length === 0 || !(await isHealthy(state))) {
    state = await startCluster({ dir: clusterDir, log: (line) => console.log(`    ${line}`) });
    started = true;
  } else {
    console.log('    reusing the running control plane');
  }
  const kubeconfig = state.kubeconfig;
  const kubectl = join(state.binDir, 'kubectl');
  const ferry = (...args: string[]): [string, string[]] => [
    process.execPath,
    [join(root, 'dist/cli.js'), ...args],
  ];
  const work = await mkdtemp(join(tmpdir(), 'ferry-demo-'));
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    /** Merges a proposal branch into main, as the pull request's merge button would. */
    const merge = async (branch: string): Promise<void> => {
      await run('git', ['fetch', 'origin'], { cwd: envClone, env: gitEnv, quiet: true });
      await run('git', ['merge', '--no-edit', `origin/${branch}`], { cwd: envClone, env: gitEnv });
      await run('git', ['push', 'origin', 'main'], { cwd: envClone, env: gitEnv, quiet: true });
    };

    say('Create an environment repository (a bare git repo standing in for GitHub/GitLab)');
    const envRepo = join(work, 'environments.git');
    const envClone = join(work, 'environments');
    await run('git', ['init', '--bare', '--initial-branch=main', envRepo], {
      env: gitEnv,
      quiet: true,
    });
    await run('git', ['clone', envRepo, envClone], { env: gitEnv, quiet: true });
    await writeFile(
      join(envClone, 'README.md'),
      '# environments\nManifests ferry proposes; the cluster follows main.\n',
    );
    await run('git', ['add', '.'], { cwd: envClone, env: gitEnv, quiet: true });
    await run('git', ['commit', '-m', 'Start the environment repository'], {
      cwd: envClone,
      env: gitEnv,
      quiet: true,
    });
    await run('git', ['push', 'origin', 'main'], { cwd: envClone, env: gitEnv, quiet: true });

    say('The app repo: examples/guestbook (templates + ferry.yaml), pointed at that repository');
    const app = join(work, 'guestbook');
    await cp(join(root, 'examples/guestbook'), app, { recursive: true });
    const config = join(app, 'ferry.yaml');
    // A namespace of this run's own, so a reused control plane never mixes demo runs.
    const namespace = `guestbook-demo-${randomBytes(3).toString('hex')}`;
    const text = await readFile(config, 'utf8');
    await writeFile(
      config,
      text
        .replaceAll('repo: ../environments', `repo: ${envRepo}`)
        .replace('namespace: guestbook-staging', `namespace: ${namespace}`),
    );

    say('Render the staging manifests for image tag 1.4.2');
    await run(
      ...ferry(
        'render',
        '--config',
        config,
        '--env',
        'staging',
        '--image-tag',
        '1.4.2',
        '--out',
        join(work, 'rendered'),
      ),
    );
    await run('ls', [join(work, 'rendered')]);

    say('Propose them: one branch (a PR on GitHub/GitLab) for guestbook/staging');
    await run(...ferry('propose', '--config', config, '--env', 'staging', '--image-tag', '1.4.2'), {
      env: gitEnv,
    });

    say('Review and merge the proposal into main');
    await merge('ferry/guestbook/staging');

    say('The env repo pipeline on main: apply with server-side apply, wait for the rollout, prune');
    const manifests = join(envClone, 'apps/guestbook/staging');
    await run(kubectl, ['--kubeconfig', kubeconfig, 'create', 'namespace', namespace]);
    cleanup.push(() =>
      run(kubectl, ['--kubeconfig', kubeconfig, 'delete', 'namespace', namespace, '--wait=false'], {
        quiet: true,
      }),
    );
    const target = [
      '--dir',
      manifests,
      '--inventory',
      'guestbook-staging',
      '--namespace',
      namespace,
      '--kubeconfig',
      kubeconfig,
    ];
    await run(...ferry('apply', ...target, '--wait', '--prune'));

    say('Check for drift: the cluster matches git');
    await run(...ferry('drift', ...target, '--fail-on-drift'));

    say('Someone changes the cluster behind git’s back');
    await run(kubectl, [
      '--kubeconfig',
      kubeconfig,
      '-n',
      namespace,
      'set',
      'image',
      'deployment/guestbook',
      'guestbook=registry.example.com/acme/guestbook:hotfix',
    ]);

    say('Check for drift again: reported with the field, both values and who changed it');
    await run(...ferry('drift', ...target, '--fail-on-drift'), { allow: [3] });

    say('Apply from git again: ferry will not silently take the field back from kubectl-set');
    await run(...ferry('apply', ...target, '--wait'), { allow: [1] });
    say('Taking it back is a deliberate choice: --force-conflicts; the cluster matches git again');
    await run(...ferry('apply', ...target, '--wait', '--force-conflicts'));
    await run(...ferry('drift', ...target, '--fail-on-drift'));

    say('A new build, 1.5.0, is proposed, merged and applied');
    const propose = (tag: string): [string, string[]] =>
      ferry('propose', '--config', config, '--env', 'staging', '--image-tag', tag);
    await run(...propose('1.5.0'), { env: gitEnv });
    await merge('ferry/guestbook/staging');
    await run(...ferry('apply', ...target, '--wait'));

    say(
      '1.5.0 misbehaves: roll back as a pull request that restores the previous revision and pins it',
    );
    await run(...ferry('rollback', '--config', config, '--env', 'staging'), { env: gitEnv });
    await merge('ferry/guestbook/staging.rollback');
    await run(...ferry('apply', ...target, '--wait'));

    say('The next build cannot silently undo the rollback: the pin refuses it');
    await run(...propose('1.6.0'), { env: gitEnv, allow: [1, 2] });
    console.log(
      `\n\x1b[32mdone\x1b[0m: render → propose → merge → apply → drift → rollback, against ${kubeconfig}`,
    );
  } finally {
    for (const undo of cleanup) await undo().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    if (started && !keep) {
      await stopCluster(state);
      console.log('stopped the control plane this demo started (run with --keep to leave it up)');
    }
  }
}

await main();
