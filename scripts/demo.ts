/**
 * `npm run demo`: ferry's whole loop on local defaults, printing each step.
 *
 *   local control plane (built from Go modules on first use) · a temporary environment repo ·
 *   render → propose (plain git) → merge → apply → drift clean → out-of-band kubectl change →
 *   drift reported → apply takes it back → an operator's change stops apply until git is told
 *   to win → a new build → rollback with a pin → the next build refused by the pin
 *
 * Everything runs through `dist/cli.js`, the CLI users run; what the demo says happened is built
 * from what each command returned (scripts/demo-steps.ts). The control plane keeps running when
 * this script started it only if --keep is given (stop it with `npm run cluster:down`). With
 * FERRY_DEMO_KUBECONFIG (and FERRY_DEMO_KUBECTL, the kubectl to use) it uses that cluster
 * instead and starts nothing: the test suite runs the demo that way (test/e2e/demo.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isHealthy,
  loadState,
  startCluster,
  stopCluster,
  type ClusterState,
} from '../test/cluster/cluster.js';
import {
  applyOutcome,
  applyReport,
  driftOutcome,
  driftReport,
  ferry,
  gitEnv,
  outcome,
  root,
  run,
  say,
  succeeded,
} from './demo-steps.js';

const keep = process.argv.includes('--keep');

/** The cluster to use: FERRY_DEMO_KUBECONFIG's, or the local control plane (started if needed). */
async function cluster(): Promise<{ kubeconfig: string; kubectl: string; stop?: ClusterState }> {
  const given = process.env.FERRY_DEMO_KUBECONFIG;
  if (given) {
    console.log(`    using the cluster in FERRY_DEMO_KUBECONFIG (${given})`);
    return { kubeconfig: given, kubectl: process.env.FERRY_DEMO_KUBECTL || 'kubectl' };
  }
  const clusterDir = join(root, '.ferry', 'cluster');
  let state = await loadState(clusterDir);
  let started = false;
  if (!state || state.processes.length === 0 || !(await isHealthy(state))) {
    state = await startCluster({ dir: clusterDir, log: (line) => console.log(`    ${line}`) });
    started = true;
  } else {
    console.log('    reusing the running control plane');
  }
  const kubectl = join(state.binDir, 'kubectl');
  return { kubeconfig: state.kubeconfig, kubectl, ...(started && !keep ? { stop: state } : {}) };
}

async function main(): Promise<void> {
  say('Start the local Kubernetes control plane (etcd, kube-apiserver, controllers, kwok)');
  const { kubeconfig, kubectl, stop } = await cluster();
  const work = await mkdtemp(join(tmpdir(), 'ferry-demo-'));
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    const envRepo = join(work, 'environments.git');
    const envClone = join(work, 'environments');
    const git = async (...args: string[]) =>
      succeeded(
        await run('git', args, { cwd: envClone, env: gitEnv, quiet: true }),
        `git ${args[0]}`,
      );
    /** Merges a proposal branch into main, as the pull request's merge button would. */
    const merge = async (branch: string): Promise<void> => {
      await git('fetch', 'origin');
      await git('merge', '--no-edit', `origin/${branch}`);
      await git('push', 'origin', 'main');
      outcome(`merged ${branch} into main`);
    };
    const k = async (...args: string[]) =>
      succeeded(await run(kubectl, ['--kubeconfig', kubeconfig, ...args]), `kubectl ${args[0]}`);

    say('Create an environment repository (a bare git repo standing in for GitHub/GitLab)');
    succeeded(
      await run('git', ['init', '--bare', '--initial-branch=main', envRepo], {
        env: gitEnv,
        quiet: true,
      }),
      'git init',
    );
    succeeded(
      await run('git', ['clone', envRepo, envClone], { env: gitEnv, quiet: true }),
      'git clone',
    );
    await writeFile(
      join(envClone, 'README.md'),
      '# environments\nManifests ferry proposes; the cluster follows main.\n',
    );
    await git('add', '.');
    await git('commit', '-m', 'Start the environment repository');
    await git('push', 'origin', 'main');

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
    const rendered = join(work, 'rendered');
    succeeded(
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
          rendered,
        ),
      ),
      'render',
    );
    await run('ls', [rendered]);

    const propose = async (tag: string) => {
      const ran = await run(
        ...ferry('propose', '--config', config, '--env', 'staging', '--image-tag', tag),
        { env: gitEnv },
      );
      return ran;
    };
    say('Propose them: one branch (a PR on GitHub/GitLab) for guestbook/staging');
    succeeded(await propose('1.4.2'), 'propose');

    say('Review and merge the proposal into main');
    await merge('ferry/guestbook/staging');

    say('The env repo pipeline on main: apply with server-side apply, wait for the rollout, prune');
    await k('create', 'namespace', namespace);
    cleanup.push(() =>
      run(kubectl, ['--kubeconfig', kubeconfig, 'delete', 'namespace', namespace, '--wait=false'], {
        quiet: true,
      }),
    );
    const target = [
      '--dir',
      join(envClone, 'apps/guestbook/staging'),
      '--inventory',
      'guestbook-staging',
      '--namespace',
      namespace,
      '--kubeconfig',
      kubeconfig,
    ];
    const applied = async (...extra: string[]) => {
      const result = await applyReport([...target, '--wait', ...extra]);
      outcome(applyOutcome(result));
      return result;
    };
    succeededApply(await applied('--prune'));

    say('Check for drift');
    outcome(driftOutcome(await driftReport(target)));

    say('Someone changes the cluster behind git’s back: kubectl set image');
    await k(
      '-n',
      namespace,
      'set',
      'image',
      'deployment/guestbook',
      'guestbook=registry.example.com/acme/guestbook:hotfix',
    );

    say('Check for drift again');
    outcome(driftOutcome(await driftReport(target)));

    say('Apply from git again');
    succeededApply(await applied());
    say('Check for drift');
    outcome(driftOutcome(await driftReport(target)));

    say('An operator (field manager demo-operator) takes over the Deployment’s replicas');
    const operator = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'guestbook', namespace },
      spec: { replicas: 3 },
    });
    const patch = join(work, 'operator.json');
    await writeFile(patch, operator);
    await k(
      'apply',
      '--server-side',
      '--field-manager=demo-operator',
      '--force-conflicts',
      '-f',
      patch,
    );
    outcome(driftOutcome(await driftReport(target)));

    say('Apply from git again (demo-operator is none of kubectl’s managers)');
    await applied();
    say('Tell ferry that git wins over demo-operator (--git-wins-over), and apply');
    succeededApply(await applied('--git-wins-over', 'demo-operator'));
    outcome(driftOutcome(await driftReport(target)));

    say('A new build, 1.5.0, is proposed, merged and applied');
    succeeded(await propose('1.5.0'), 'propose');
    await merge('ferry/guestbook/staging');
    succeededApply(await applied());

    say(
      '1.5.0 misbehaves: roll back as a pull request that restores the previous revision and pins it',
    );
    succeeded(
      await run(...ferry('rollback', '--config', config, '--env', 'staging'), { env: gitEnv }),
      'rollback',
    );
    await merge('ferry/guestbook/staging.rollback');
    succeededApply(await applied());
    const image = '{.spec.template.spec.containers[0].image}';
    const running = await k(
      '-n',
      namespace,
      'get',
      'deployment/guestbook',
      '-o',
      `jsonpath=${image}`,
    );
    outcome(`the Deployment runs ${running.stdout.trim()}`);

    say('The next build tries to replace the rolled-back image');
    const next = await propose('1.6.0');
    outcome(
      next.code === 0
        ? 'proposed: nothing refused it'
        : `refused (exit ${next.code}): ${errorLine(next.stderr)}`,
    );
    console.log(
      `\n\x1b[32mdone\x1b[0m: render → propose → merge → apply → drift → rollback, against ${kubeconfig}`,
    );
  } finally {
    for (const undo of cleanup) await undo().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    if (stop) {
      await stopCluster(stop);
      console.log('stopped the control plane this demo started (run with --keep to leave it up)');
    }
  }
}

/** The `error:` line of a failed command's stderr (its progress lines come first). */
function errorLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => line.startsWith('error:')) ?? lines.at(-1) ?? '';
}

/** Fails the demo unless the apply succeeded. */
function succeededApply(result: { code: number; stderr: string }): void {
  if (result.code !== 0) throw new Error(`apply failed (exit ${result.code}): ${result.stderr}`);
}

await main();
