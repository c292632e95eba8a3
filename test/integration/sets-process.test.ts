// `ferry apply --all` and `--set` as processes, the way CI runs them: a run killed midway is
// finished by the next one (nothing is recorded before a set's apply and rollout succeeded),
// and a set applied alone waits for a dependency another job applies, or is skipped when that
// dependency recorded a failure at this commit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject } from '../../src/core/manifest.js';
import { SET_RECORD_KEYS } from '../../src/core/set-record.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import {
  envRepo,
  rowsBySet,
  setFiles,
  setsJson,
  spawnFerry,
  until,
  type Descriptor,
  type Scope,
} from '../helpers/sets-env.js';
import { deployment } from '../helpers/workloads.js';

const configMap = (name: string, value = 'v1'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { value },
});

/** A Deployment whose rollout takes `seconds`: its pods count as available only after that. */
function slowDeployment(name: string, seconds: number): KubeObject {
  const object = deployment(name, 'registry.example.com/slow:1');
  (object.spec as Record<string, unknown>).minReadySeconds = seconds;
  return object;
}

describe('sets applied by processes that die or run side by side', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const cleanups: (() => Promise<void>)[] = [];
  const scope: Scope = { after: (fn) => cleanups.push(fn) };
  const kube = ['--kubeconfig', testKubeconfig()!];
  const set = (path: string, descriptor: Omit<Descriptor, 'namespace'>, objects: KubeObject[]) =>
    setFiles(path, { ...descriptor, namespace: ns.name }, objects);
  const annotationsOf = async (name: string): Promise<Record<string, string> | undefined> => {
    const got = await kubectl(['-n', ns.name, 'get', 'configmap', name, '-o', 'json']);
    return got.code === 0
      ? ((JSON.parse(got.stdout) as KubeObject).metadata.annotations ?? {})
      : undefined;
  };
  const exists = async (name: string): Promise<boolean> =>
    (await kubectl(['-n', ns.name, 'get', 'configmap', name])).code === 0;

  before(async () => {
    ns = await testNamespace('sets-proc');
  });
  after(async () => {
    await Promise.all(cleanups.map((fn) => fn()));
    await ns.remove();
  });

  it('an apply killed with SIGKILL during a rollout is applied again by the next --all', async () => {
    const repo = await envRepo(scope, {
      ...set('quick', { inventory: 'quick' }, [configMap('quick-config')]),
      ...set('slow', { inventory: 'slow', dependsOn: ['quick'], wait: true, timeout: '2m' }, [
        slowDeployment('slow', 8),
        configMap('slow-config'),
      ]),
    });
    const run = spawnFerry(['apply', '--all', '--root', repo.dir, ...kube]);
    await until('the slow set waiting on its rollout', () =>
      run.output().includes('[slow] » waiting for 1 rollout(s)'),
    );
    run.child.kill('SIGKILL');
    await run.exited;
    assert.ok(
      (await annotationsOf('quick'))?.[SET_RECORD_KEYS.tree],
      'the set that ended is recorded',
    );
    assert.equal(
      (await annotationsOf('slow'))?.[SET_RECORD_KEYS.tree],
      undefined,
      'the killed set is not recorded as applied',
    );

    const next = await runFerry(['apply', '--all', '--root', repo.dir, ...kube, '-o', 'json']);
    assert.equal(next.code, 0, next.stderr);
    const rows = rowsBySet(setsJson(next.stdout));
    assert.equal(rows.get('quick')!.result, 'unchanged');
    assert.equal(rows.get('slow')!.result, 'applied');
    assert.match(next.stderr, /\[slow\] .*Deployment .*\/slow: 1 replicas available/);
    assert.equal(
      (await annotationsOf('slow'))?.[SET_RECORD_KEYS.tree],
      await repo.rev('HEAD:slow'),
    );
  });

  it('--set waits for a dependency another process applies, then applies', async () => {
    const repo = await envRepo(scope, {
      ...set('dep', { inventory: 'dep' }, [configMap('dep-config')]),
      ...set('app', { inventory: 'app', dependsOn: ['dep'] }, [configMap('app-config')]),
    });
    const dependent = spawnFerry([
      'apply',
      '--set',
      'app',
      '--root',
      repo.dir,
      '--dependency-timeout',
      '3m',
      ...kube,
      '-o',
      'json',
    ]);
    await until('the dependent to wait', () =>
      dependent.output().includes('waiting for dep to be applied first'),
    );
    assert.equal(await exists('app-config'), false, 'not applied before its dependency');
    const dependency = await runFerry(['apply', '--set', 'dep', '--root', repo.dir, ...kube]);
    assert.equal(dependency.code, 0, dependency.stderr);
    assert.equal(await dependent.exited, 0, dependent.output());
    const rows = setsJson(dependent.stdout()).sets;
    assert.deepEqual(
      rows.map((row) => `${row.set} ${row.result}`),
      ['app applied'],
    );
    assert.ok(await exists('app-config'));
  });

  it('--set is skipped when its dependency recorded a failure at this commit', async () => {
    const repo = await envRepo(scope, {
      ...set('dep2', { inventory: 'dep2' }, [configMap('dep2-config')]),
      ...set('app2', { inventory: 'app2', dependsOn: ['dep2'] }, [configMap('app2-config')]),
    });
    const first = await runFerry(['apply', '--all', '--root', repo.dir, ...kube]);
    assert.equal(first.code, 0, first.stderr);
    // The next commit breaks the dependency and changes the app.
    await repo.write(
      'dep2/manifests.yaml',
      'apiVersion: v1\nkind: Service\nmetadata: { name: bad }\nspec: { ports: [{ port: 99999 }] }\n',
    );
    await repo.write(
      'app2/manifests.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app2-config }\ndata: { value: v2 }\n',
    );
    await repo.commit('Break dep2, change app2');
    const dependent = spawnFerry([
      'apply',
      '--set',
      'app2',
      '--root',
      repo.dir,
      '--dependency-timeout',
      '3m',
      ...kube,
      '-o',
      'json',
    ]);
    await until('the dependent to wait', () =>
      dependent.output().includes('waiting for dep2 to be applied first'),
    );
    const dependency = await runFerry(['apply', '--set', 'dep2', '--root', repo.dir, ...kube]);
    assert.equal(dependency.code, 1, dependency.stderr);
    assert.equal(await dependent.exited, 1, dependent.output());
    const [row] = setsJson(dependent.stdout()).sets;
    assert.equal(row?.result, 'skipped');
    assert.match(row?.detail ?? '', /^its dependency dep2 failed: .*99999/);
    const live = await kubectl(['-n', ns.name, 'get', 'configmap', 'app2-config', '-o', 'json']);
    assert.equal((JSON.parse(live.stdout) as { data: { value: string } }).data.value, 'v1');
  });

  it('--set is skipped, not left waiting, when its dependency fails its first apply', async () => {
    const repo = await envRepo(scope, {
      'dep3/.ferry-set.yaml': `inventory: dep3\nnamespace: ${ns.name}\n`,
      'dep3/manifests.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: { name: bad3 }\nspec: { ports: [{ port: 99999 }] }\n',
      ...set('app3', { inventory: 'app3', dependsOn: ['dep3'] }, [configMap('app3-config')]),
    });
    const dependent = spawnFerry([
      'apply',
      '--set',
      'app3',
      '--root',
      repo.dir,
      '--dependency-timeout',
      '90s',
      ...kube,
      '-o',
      'json',
    ]);
    await until('the dependent to wait', () =>
      dependent.output().includes('waiting for dep3 to be applied first'),
    );
    const dependency = await runFerry(['apply', '--set', 'dep3', '--root', repo.dir, ...kube]);
    assert.equal(dependency.code, 1, dependency.stderr);
    const started = Date.now();
    assert.equal(await dependent.exited, 1, dependent.output());
    assert.ok(Date.now() - started < 30_000, 'skipped at its next look, not at the timeout');
    const [row] = setsJson(dependent.stdout()).sets;
    assert.equal(row?.result, 'skipped');
    assert.match(row?.detail ?? '', /^its dependency dep3 failed: .*99999/);
    assert.equal(await exists('app3-config'), false);
  });
});
