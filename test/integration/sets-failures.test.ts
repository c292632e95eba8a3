// `ferry apply --all` when sets fail or the repository is wrong: a failed set skips its
// dependents while the others finish, the exit code is the worst set's, and what the cluster
// records of it shows in `ferry status`; a cycle, an unknown dependency or a duplicate inventory
// is exit 2 before any request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toYamlDocument, type KubeObject } from '../../src/core/manifest.js';
import { SET_RECORD_KEYS } from '../../src/core/set-record.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import {
  envRepo,
  GITHUB_RUN,
  rowsBySet,
  setFiles,
  setsJson,
  type Descriptor,
  withEnv,
  type EnvRepo,
} from '../helpers/sets-env.js';
import { deployment } from '../helpers/workloads.js';

const configMap = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { name },
});

/** A Service the API server refuses (port out of range) at its dry run. */
const badService: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'bad' },
  spec: { ports: [{ port: 99999 }] },
};

/** A Deployment no node can run: its rollout never ends. */
const unschedulable = deployment('stuck', 'registry.example.com/stuck:1', {
  nodeSelector: { 'ferry.dev/no-such-node': 'true' },
});

/** `ferry status --output json`. */
interface StatusJson {
  commit: string;
  sets: {
    set: string;
    path: string;
    namespace: string;
    state: string;
    record?: {
      commit?: string;
      tree?: string;
      at?: string;
      runUrl?: string;
      failed?: { tree: string; at: string; runUrl: string; reason: string };
    };
  }[];
  orphans: { namespace: string; name: string; path?: string }[];
}

describe('ferry apply --all when sets fail', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let repo: EnvRepo;
  const cleanups: (() => Promise<void>)[] = [];
  const set = (path: string, descriptor: Omit<Descriptor, 'namespace'>, objects: KubeObject[]) =>
    setFiles(path, { ...descriptor, namespace: ns.name }, objects);
  const kube = ['--kubeconfig', testKubeconfig()!];

  before(async () => {
    ns = await testNamespace('sets-fail');
    repo = await envRepo(
      { after: (fn) => cleanups.push(fn) },
      {
        ...set('base', { inventory: 'base' }, [configMap('base-config')]),
        ...set('rejected', { inventory: 'rejected', dependsOn: ['base'] }, [badService]),
        ...set('after-rejected', { inventory: 'after-rejected', dependsOn: ['rejected'] }, [
          configMap('after-rejected-config'),
        ]),
        ...set('after-after', { inventory: 'after-after', dependsOn: ['after-rejected'] }, [
          configMap('after-after-config'),
        ]),
        ...set('stuck', { inventory: 'stuck', wait: true, timeout: '3s' }, [unschedulable]),
        ...set('after-stuck', { inventory: 'after-stuck', dependsOn: ['stuck'] }, [
          configMap('after-stuck-config'),
        ]),
        ...set('independent', { inventory: 'independent' }, [configMap('independent-config')]),
        ...set('extra', { inventory: 'extra' }, [configMap('extra-config')]),
        'broken/.ferry-set.yaml': `inventory: broken\nnamespace: ${ns.name}\n`,
        'broken/manifests.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n',
      },
    );
  });
  after(async () => {
    await Promise.all(cleanups.map((fn) => fn()));
    await ns.remove();
  });

  it('skips the dependents of a failed set, finishes the others, exits with the worst', async () => {
    const result = await withEnv(GITHUB_RUN.env, () =>
      runFerry(['apply', '--all', '--root', repo.dir, ...kube, '-o', 'json']),
    );
    const report = setsJson(result.stdout);
    const rows = rowsBySet(report);
    const outcome = (name: string) => {
      const row = rows.get(name)!;
      return { result: row.result, exitCode: row.exitCode };
    };
    assert.deepEqual(outcome('base'), { result: 'applied', exitCode: 0 });
    assert.deepEqual(outcome('independent'), { result: 'applied', exitCode: 0 });
    assert.deepEqual(outcome('rejected'), { result: 'failed', exitCode: 1 });
    assert.match(rows.get('rejected')!.detail, /failed validation.* Service .*\/bad: .*99999/);
    assert.deepEqual(outcome('stuck'), { result: 'failed', exitCode: 1 });
    assert.match(rows.get('stuck')!.detail, /stuck|timed out|time/i);
    assert.deepEqual(outcome('broken'), { result: 'failed', exitCode: 2 });
    assert.match(rows.get('broken')!.detail, /broken\/manifests\.yaml/);
    assert.deepEqual(outcome('after-rejected'), { result: 'skipped', exitCode: 1 });
    assert.equal(rows.get('after-rejected')!.detail, 'its dependency rejected failed');
    assert.deepEqual(outcome('after-after'), { result: 'skipped', exitCode: 1 });
    assert.equal(rows.get('after-after')!.detail, 'its dependency after-rejected was skipped');
    assert.deepEqual(outcome('after-stuck'), { result: 'skipped', exitCode: 1 });
    assert.deepEqual(report.counts, {
      applied: 3,
      planned: 0,
      checked: 0,
      unchanged: 0,
      skipped: 3,
      failed: 3,
    });
    // The worst set's code: bad input in one set (2) over failures (1).
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      /apply --all on default: 3 applied, 3 skipped, 3 failed \(.*broken.*\)/,
    );
    // Skipped sets wrote nothing.
    const skipped = await kubectl(['-n', ns.name, 'get', 'configmap', '-o', 'name']);
    assert.doesNotMatch(skipped.stdout, /after-/);
    // Each failure is recorded on its set's parent: the one its apply wrote (stuck), or an
    // empty one when it failed before writing anything (rejected, broken).
    for (const name of ['stuck', 'rejected', 'broken']) {
      const parent = await kubectl(['-n', ns.name, 'get', 'configmap', name, '-o', 'json']);
      assert.equal(parent.code, 0, `${name}: ${parent.stderr}`);
      const annotations = (JSON.parse(parent.stdout) as KubeObject).metadata.annotations ?? {};
      assert.equal(annotations[SET_RECORD_KEYS.failedTree], await repo.rev(`HEAD:${name}`), name);
      assert.equal(annotations[SET_RECORD_KEYS.tree], undefined, `${name}: never applied`);
      assert.equal(annotations[SET_RECORD_KEYS.failedReason], rows.get(name)!.detail.slice(0, 300));
    }
    // Skipped sets have no record.
    assert.notEqual((await kubectl(['-n', ns.name, 'get', 'configmap', 'after-stuck'])).code, 0);
  });

  it('tries the failed sets again on the next run, not the applied ones', async () => {
    const result = await withEnv(GITHUB_RUN.env, () =>
      runFerry(['apply', '--all', '--root', repo.dir, ...kube, '-o', 'json']),
    );
    const rows = rowsBySet(setsJson(result.stdout));
    assert.equal(rows.get('base')!.result, 'unchanged');
    assert.equal(rows.get('independent')!.result, 'unchanged');
    assert.equal(rows.get('stuck')!.result, 'failed');
    assert.equal(rows.get('after-stuck')!.result, 'skipped');
    assert.equal(rows.get('rejected')!.result, 'failed');
  });

  it('ferry status: current, changed, failed, never applied, an orphan; commit, time, run', async () => {
    const applied = await repo.rev('HEAD');
    await repo.write('extra/manifests.yaml', toYamlDocument(configMap('extra-config-v2')));
    await repo.remove('independent');
    const head = await repo.commit('Change extra; remove independent');
    const json = await runFerry(['status', '--root', repo.dir, ...kube, '-o', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as StatusJson;
    assert.equal(report.commit, head);
    const states = Object.fromEntries(report.sets.map((s) => [s.set, s.state]));
    assert.deepEqual(states, {
      base: 'current',
      extra: 'changed',
      stuck: 'failed',
      'after-stuck': 'never applied',
      // Failed before writing anything: an empty inventory holds the failure.
      rejected: 'failed',
      'after-rejected': 'never applied',
      'after-after': 'never applied',
      broken: 'failed',
    });
    const base = report.sets.find((s) => s.set === 'base')!;
    assert.equal(base.namespace, ns.name);
    assert.equal(base.record?.commit, applied);
    assert.equal(base.record?.tree, await repo.rev(`${applied}:base`));
    assert.equal(base.record?.runUrl, GITHUB_RUN.url);
    assert.ok(Date.now() - Date.parse(base.record?.at ?? '') < 600_000, base.record?.at);
    const stuck = report.sets.find((s) => s.set === 'stuck')!;
    assert.equal(stuck.record?.failed?.tree, await repo.rev('HEAD:stuck'));
    assert.equal(stuck.record?.failed?.runUrl, GITHUB_RUN.url);
    assert.match(stuck.record?.failed?.reason ?? '', /Deployment .*\/stuck: timed out after 3s/);
    assert.ok(
      report.orphans.some(
        (o) => o.namespace === ns.name && o.name === 'independent' && o.path === 'independent',
      ),
      JSON.stringify(report.orphans),
    );
    assert.ok(!report.orphans.some((o) => o.namespace === ns.name && o.name !== 'independent'));

    const text = await runFerry(['status', '--root', repo.dir, ...kube]);
    assert.equal(text.code, 0, text.stderr);
    const at = base.record.at!;
    const line = (set: string, rest: string) => new RegExp(`^${set} +${set} +${rest}$`, 'm');
    assert.match(text.stdout, new RegExp(`work tree at ${head.slice(0, 12)}`));
    assert.match(
      text.stdout,
      line('base', `current +${applied.slice(0, 12)} ${at} ${GITHUB_RUN.url}`),
    );
    assert.match(text.stdout, line('extra', `changed +${applied.slice(0, 12)} .*`));
    assert.match(text.stdout, line('stuck', 'failed +-  \\(last attempt failed: .*timed out.*\\)'));
    assert.match(text.stdout, line('after-stuck', 'never applied +-'));
    assert.match(
      text.stdout,
      new RegExp(
        `warning: inventory ${ns.name}/independent records the set independent, which is no longer in git`,
      ),
    );
  });

  it('a success clears the recorded failure and applies the skipped dependents', async () => {
    await repo.write(
      'stuck/manifests.yaml',
      toYamlDocument(deployment('stuck', 'registry.example.com/stuck:1')),
    );
    await repo.commit('Unstick');
    const result = await runFerry(['apply', '--all', '--root', repo.dir, ...kube, '-o', 'json']);
    const rows = rowsBySet(setsJson(result.stdout));
    assert.equal(rows.get('stuck')!.result, 'applied', rows.get('stuck')!.detail);
    assert.equal(rows.get('after-stuck')!.result, 'applied');
    assert.equal(rows.get('extra')!.result, 'applied');
    assert.equal(rows.get('base')!.result, 'unchanged');
    const parent = await kubectl(['-n', ns.name, 'get', 'configmap', 'stuck', '-o', 'json']);
    const annotations = (JSON.parse(parent.stdout) as KubeObject).metadata.annotations ?? {};
    assert.equal(annotations[SET_RECORD_KEYS.tree], await repo.rev('HEAD:stuck'));
    for (const key of ['failedTree', 'failedAt', 'failedRunUrl', 'failedReason'] as const)
      assert.equal(annotations[SET_RECORD_KEYS[key]], undefined, key);
    const status = await runFerry(['status', '--root', repo.dir, ...kube, '-o', 'json']);
    const states = (JSON.parse(status.stdout) as StatusJson).sets.map((s) => `${s.set} ${s.state}`);
    assert.ok(states.includes('stuck current'), states.join());
    assert.ok(states.includes('after-stuck current'), states.join());
  });
});

describe('ferry apply --all refuses a wrong repository before any request', needsCluster, () => {
  const cleanups: (() => Promise<void>)[] = [];
  const scope = { after: (fn: () => Promise<void>) => cleanups.push(fn) };
  after(() => Promise.all(cleanups.map((fn) => fn())));

  /** Runs apply --all through a proxy; returns the result and how many requests it made. */
  const applyThroughProxy = async (
    t: Parameters<typeof startFaultProxy>[0],
    dir: string,
    cluster = 'default',
  ) => {
    const proxy = await startFaultProxy(t);
    const result = await runFerry([
      'apply',
      '--all',
      '--root',
      dir,
      '--cluster',
      cluster,
      '--kubeconfig',
      proxy.kubeconfig,
    ]);
    return { ...result, requests: proxy.requests.length };
  };

  it('a cycle: exit 2 naming it, no request', async (t) => {
    const repo = await envRepo(scope, {
      ...setFiles('a', { inventory: 'a', dependsOn: ['c'] }, [configMap('a')]),
      ...setFiles('b', { inventory: 'b', dependsOn: ['a'] }, [configMap('b')]),
      ...setFiles('c', { inventory: 'c', dependsOn: ['b'] }, [configMap('c')]),
      ...setFiles('d', { inventory: 'd' }, [configMap('d')]),
    });
    const result = await applyThroughProxy(t, repo.dir);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /a\/\.ferry-set\.yaml:\d+: dependsOn: a cycle: a → c → b → a/);
    assert.equal(result.requests, 0);
  });

  it('an unknown dependency: exit 2 naming file:line, no request', async (t) => {
    const repo = await envRepo(scope, {
      ...setFiles('a', { inventory: 'a' }, [configMap('a')]),
      'b/.ferry-set.yaml': 'inventory: b\ndependsOn:\n  - a\n  - platform-crds\n',
      'b/manifests.yaml': '',
    });
    const result = await applyThroughProxy(t, repo.dir);
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      /b\/\.ferry-set\.yaml:4: dependsOn: no set has inventory "platform-crds"/,
    );
    assert.equal(result.requests, 0);
  });

  it('two sets with one inventory for one cluster: exit 2, no request', async (t) => {
    const repo = await envRepo(scope, {
      ...setFiles('apps/shop/eu', { inventory: 'shop', clusters: ['eu'] }, [configMap('s')]),
      ...setFiles('apps/shop/us', { inventory: 'shop', clusters: ['us'] }, [configMap('s')]),
      ...setFiles('apps/shop/all', { inventory: 'shop' }, [configMap('s')]),
    });
    const result = await applyThroughProxy(t, repo.dir, 'eu');
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /\.ferry-set\.yaml:1: inventory: "shop" is also the inventory of/);
    assert.equal(result.requests, 0);
    // One inventory name per cluster is fine: eu and us each have theirs.
    await repo.remove('apps/shop/all');
    await repo.commit('One shop per cluster');
    const listed = await runFerry(['sets', '--root', repo.dir, '--cluster', 'eu,us', '-o', 'json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { set: string; cluster: string; path: string }[]).map(
        (e) => `${e.cluster} ${e.set} ${e.path}`,
      ),
      ['eu shop apps/shop/eu', 'us shop apps/shop/us'],
    );
  });
});
