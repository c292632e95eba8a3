// Sets across clusters, and the read side of `--all`: two clusters (two --cluster names against
// one control plane) each get only their sets; `--heal` re-applies a hand edit that `--all`
// alone leaves; `plan --all --changed-since` covers the touched sets only; `drift --all` lists
// each kind once for all sets, and alerts per set.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { toYamlDocument, type KubeObject } from '../../src/core/manifest.js';
import { wireWrites } from '../helpers/api-writes.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy, type ProxiedRequest } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import {
  envRepo,
  rowsBySet,
  setFiles,
  setsJson,
  type Descriptor,
  type Scope,
} from '../helpers/sets-env.js';

const configMap = (name: string, value = 'v1'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { value },
});
const serviceAccount = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name },
});
const service = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ports: [{ port: 80 }], selector: { app: name } },
});

/** `METHOD resource-path` of the LISTs among `requests` (GETs of a collection, no watch). */
function lists(requests: readonly ProxiedRequest[]): string[] {
  return requests
    .filter((r) => r.method === 'GET' && !r.path.includes('watch=true'))
    .map((r) => r.path.split('?')[0]!)
    .filter((path) => /^\/api(s\/[^/]+)?\/v1\/(namespaces\/[^/]+\/)?[a-z]+$/.test(path));
}

describe('sets for two clusters, heal, plan and drift over all sets', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const cleanups: (() => Promise<void>)[] = [];
  const scope: Scope = { after: (fn) => cleanups.push(fn) };
  const kube = ['--kubeconfig', testKubeconfig()!];
  const set = (path: string, descriptor: Omit<Descriptor, 'namespace'>, objects: KubeObject[]) =>
    setFiles(path, { ...descriptor, namespace: ns.name }, objects);
  const valueOf = async (name: string): Promise<string | undefined> => {
    const got = await kubectl(['-n', ns.name, 'get', 'configmap', name, '-o', 'json']);
    return got.code === 0
      ? (JSON.parse(got.stdout) as { data: { value: string } }).data.value
      : undefined;
  };
  const applyAll = async (cluster: string, ...more: string[]) => {
    const result = await runFerry(['apply', '--all', '--cluster', cluster, ...kube, ...more]);
    assert.equal(result.code, 0, result.stderr);
    return rowsBySet(setsJson(result.stdout));
  };

  before(async () => {
    ns = await testNamespace('sets-read');
  });
  after(async () => {
    await Promise.all(cleanups.map((fn) => fn()));
    await ns.remove();
  });

  it('two clusters each get only their sets', async () => {
    const repo = await envRepo(scope, {
      ...set('shared', { inventory: 'shared' }, [configMap('shared-config')]),
      ...set('a/only', { inventory: 'only-a', clusters: ['a'] }, [configMap('only-a-config')]),
      ...set('b/only', { inventory: 'only-b', clusters: ['b'] }, [configMap('only-b-config')]),
      ...set('b/app', { inventory: 'b-app', clusters: ['b'], dependsOn: ['only-b'] }, [
        configMap('b-app-config'),
      ]),
    });
    const root = ['--root', repo.dir, '-o', 'json'];
    const a = await applyAll('a', ...root);
    assert.deepEqual(
      [...a].map(([name, row]) => `${name} ${row.result}`),
      ['only-a applied', 'shared applied'],
    );
    assert.equal(await valueOf('only-b-config'), undefined, 'cluster a got no set of b');
    assert.equal(await valueOf('b-app-config'), undefined);
    const b = await applyAll('b', ...root);
    assert.deepEqual(
      [...b].map(([name, row]) => `${name} ${row.result}`),
      // One control plane plays both clusters here: the shared set is already there.
      ['only-b applied', 'b-app applied', 'shared unchanged'],
    );
    assert.equal(await valueOf('only-b-config'), 'v1');
    assert.equal(await valueOf('b-app-config'), 'v1');
    // `ferry sets` says the same, per cluster, dependencies first.
    const listed = await runFerry(['sets', '--root', repo.dir, '--cluster', 'a,b', '-o', 'json']);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { set: string; cluster: string }[]).map(
        (e) => `${e.cluster} ${e.set}`,
      ),
      ['a only-a', 'a shared', 'b only-b', 'b b-app', 'b shared'],
    );
  });

  it('--heal applies again a set edited by hand; --all alone leaves it', async () => {
    const repo = await envRepo(scope, {
      ...set('healed', { inventory: 'healed' }, [configMap('healed-config')]),
      ...set('calm', { inventory: 'calm' }, [configMap('calm-config')]),
    });
    const root = ['--root', repo.dir, '-o', 'json'];
    await applyAll('default', ...root);
    const edit = await kubectl([
      '-n',
      ns.name,
      'patch',
      'configmap',
      'healed-config',
      '--type=merge',
      '-p',
      '{"data":{"value":"by hand"}}',
    ]);
    assert.equal(edit.code, 0, edit.stderr);
    const plain = await applyAll('default', ...root);
    assert.equal(plain.get('healed')!.result, 'unchanged');
    assert.equal(await valueOf('healed-config'), 'by hand');
    const healed = await applyAll('default', ...root, '--heal');
    assert.equal(healed.get('healed')!.result, 'applied');
    assert.equal(healed.get('calm')!.result, 'unchanged', 'a set that did not drift is left');
    assert.equal(await valueOf('healed-config'), 'v1');
  });

  it('plan --all --changed-since covers the sets changed since that revision only', async () => {
    const repo = await envRepo(scope, {
      ...set('p/one', { inventory: 'plan-one' }, [configMap('plan-one-config')]),
      ...set('p/two', { inventory: 'plan-two' }, [configMap('plan-two-config')]),
      ...set('p/three', { inventory: 'plan-three' }, [configMap('plan-three-config')]),
    });
    const base = await repo.rev('HEAD');
    await applyAll('default', '--root', repo.dir, '-o', 'json');
    await repo.write('p/two/manifests.yaml', toYamlDocument(configMap('plan-two-config', 'v2')));
    for (const [path, text] of Object.entries(
      set('p/four', { inventory: 'plan-four' }, [configMap('plan-four-config')]),
    ))
      await repo.write(path, text);
    await repo.commit('Change two, add four');
    const result = await runFerry([
      'plan',
      '--all',
      '--root',
      repo.dir,
      '--changed-since',
      base,
      ...kube,
      '-o',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const report = setsJson(result.stdout);
    assert.deepEqual(
      report.sets.map((row) => `${row.set} ${row.result}`),
      ['plan-four planned', 'plan-two planned'],
    );
    const detail = Object.fromEntries(report.sets.map((row) => [row.set, row.detail]));
    assert.equal(detail['plan-two'], '1 to change, 0 unchanged');
    assert.equal(detail['plan-four'], '1 to create, 0 unchanged');
    assert.equal(await valueOf('plan-two-config'), 'v1', 'a plan writes nothing');
  });

  it('drift --all lists each kind once for all sets, and alerts per set', async (t) => {
    const names = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const files: Record<string, string> = {};
    for (const name of names)
      Object.assign(
        files,
        set(`drift/${name}`, { inventory: name }, [
          configMap(`${name}-config`),
          serviceAccount(`${name}-sa`),
          service(`${name}-svc`),
        ]),
      );
    const repo = await envRepo(scope, files);
    await applyAll('default', '--root', repo.dir, '-o', 'json');
    const edit = await kubectl([
      '-n',
      ns.name,
      'patch',
      'configmap',
      'd3-config',
      '--type=merge',
      '-p',
      '{"data":{"value":"by hand"}}',
    ]);
    assert.equal(edit.code, 0, edit.stderr);
    const hook = await webhookReceiver();
    t.after(() => hook.close());
    const proxy = await startFaultProxy(t);
    const drift = () =>
      runFerry([
        'drift',
        '--all',
        '--root',
        repo.dir,
        '--kubeconfig',
        proxy.kubeconfig,
        '--webhook-env',
        'FERRY_TEST_SETS_WEBHOOK',
        '--cluster',
        'prod-eu',
        '-o',
        'json',
      ]);
    process.env.FERRY_TEST_SETS_WEBHOOK = hook.url;
    t.after(() => delete process.env.FERRY_TEST_SETS_WEBHOOK);
    const result = await drift();
    assert.equal(result.code, 0, result.stderr);
    const report = setsJson(result.stdout);
    assert.deepEqual(
      report.sets.map((row) => `${row.set} ${row.result} ${row.detail}`),
      names.map((name) =>
        name === 'd3' ? 'd3 checked 1 drifted, 0 missing, 0 extra' : `${name} checked clean`,
      ),
    );
    // One LIST per kind for the five sets: ConfigMaps (members and parents), ServiceAccounts,
    // Services, all in the one namespace; no read per object, no dry run.
    const listed = lists(proxy.requests);
    assert.deepEqual(listed.sort(), [
      `/api/v1/namespaces/${ns.name}/configmaps`,
      `/api/v1/namespaces/${ns.name}/serviceaccounts`,
      `/api/v1/namespaces/${ns.name}/services`,
    ]);
    // Its only writes: each set's alert state, on its own parent (the dedup of alerts).
    assert.deepEqual(
      wireWrites(proxy.requests).sort(),
      names.map((name) => `PATCH /api/v1/namespaces/${ns.name}/configmaps/${name}`),
    );
    assert.ok(
      !proxy.requests.some((r) => r.path.includes('dryRun')),
      proxy.requests.map((r) => r.path).join('\n'),
    );
    assert.equal(report.requests.list, 3, JSON.stringify(report.requests));
    // The webhook: one message, for the drifted set, naming it and the cluster.
    assert.equal(hook.bodies.length, 1, JSON.stringify(hook.bodies));
    assert.match(hook.bodies[0]!.text, /d3/);
    assert.match(hook.bodies[0]!.text, /prod-eu/);
    // Deduplicated: the same state again sends nothing, and writes nothing.
    const before = proxy.requests.length;
    const again = await drift();
    assert.equal(again.code, 0, again.stderr);
    assert.equal(hook.bodies.length, 1, JSON.stringify(hook.bodies));
    assert.deepEqual(wireWrites(proxy.requests.slice(before)), []);
    assert.equal(lists(proxy.requests.slice(before)).length, 3);
  });

  it('drift --all lists a kind once cluster-wide when the sets span more than 3 namespaces', async (t) => {
    const spaces = await Promise.all([1, 2, 3, 4].map(() => testNamespace('sets-wide')));
    t.after(() => Promise.all(spaces.map((space) => space.remove())));
    const files: Record<string, string> = {};
    for (const [i, space] of spaces.entries())
      Object.assign(
        files,
        setFiles(`wide/w${i}`, { inventory: `w${i}`, namespace: space.name }, [
          configMap(`w${i}-config`),
          serviceAccount(`w${i}-sa`),
        ]),
      );
    const repo = await envRepo(scope, files);
    await applyAll('default', '--root', repo.dir, '-o', 'json');
    const proxy = await startFaultProxy(t);
    const result = await runFerry([
      'drift',
      '--all',
      '--root',
      repo.dir,
      '--kubeconfig',
      proxy.kubeconfig,
      '-o',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      setsJson(result.stdout).sets.map((row) => `${row.set} ${row.detail}`),
      ['w0 clean', 'w1 clean', 'w2 clean', 'w3 clean'],
    );
    assert.deepEqual(lists(proxy.requests).sort(), [
      '/api/v1/configmaps',
      '/api/v1/serviceaccounts',
    ]);
    assert.deepEqual(wireWrites(proxy.requests), []);
  });
});

/** A loopback webhook receiver that keeps every body it gets. */
async function webhookReceiver(): Promise<{
  url: string;
  bodies: { text: string }[];
  close: () => Promise<void>;
}> {
  const bodies: { text: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(data) as { text: string });
      res.end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-path`,
    bodies,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
