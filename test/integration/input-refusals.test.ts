import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

// Bad input and refused operations against the real API server: each is one line with the
// right exit code, and the cluster is as it was before.

const configMap = (name: string, namespace: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}}\ndata: {a: "1"}\n`;

async function folder(t: TestContext, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-refusals-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Names of the ConfigMaps in `namespace` (the inventory's own record included). */
async function configMaps(namespace: string): Promise<string[]> {
  const result = await kubectl(['-n', namespace, 'get', 'configmaps', '-o', 'name']);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('configmap/'))
    .sort();
}

describe('refused input and operations on the real control plane', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const ferry = (args: string[]) =>
    runFerry([...args, '--kubeconfig', testKubeconfig()!, '--namespace', ns.name]);
  before(async () => {
    ns = await testNamespace('refusals');
  });
  after(() => ns.remove());

  it('refuses --prune of an empty folder, deleting nothing, unless --prune-empty says so', async (t) => {
    const full = await folder(t, {
      'a.yaml': configMap('member-a', ns.name),
      'b.yaml': configMap('member-b', ns.name),
    });
    const applied = await ferry(['apply', '-d', full, '-i', 'empty-prune']);
    assert.equal(applied.code, 0, applied.stderr);
    const before = await configMaps(ns.name);
    assert.ok(before.includes('configmap/member-a') && before.includes('configmap/member-b'));

    const empty = await folder(t);
    const refused = await ferry(['apply', '-d', empty, '-i', 'empty-prune', '--prune']);
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      `error: ${empty}: no manifests, and prune would delete every object of inventory empty-prune; nothing was changed (to mean it, pass --prune-empty, action input prune-empty)\n`,
    );
    assert.deepEqual(await configMaps(ns.name), before, 'nothing was deleted');

    const meant = await ferry([
      'apply',
      '-d',
      empty,
      '-i',
      'empty-prune',
      '--prune',
      '--prune-empty',
    ]);
    assert.equal(meant.code, 0, meant.stderr);
    const left = await configMaps(ns.name);
    assert.ok(
      !left.includes('configmap/member-a') && !left.includes('configmap/member-b'),
      left.join(),
    );
  });

  it('refuses the same object twice, one copy without a namespace, in apply, plan and drift', async (t) => {
    const bare = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: twice}\ndata: {x: "1"}\n';
    const dir = await folder(t, {
      'a.yaml': bare,
      'b.yaml': bare
        .replace('{name: twice}', `{name: twice, namespace: ${ns.name}}`)
        .replace('"1"', '"2"'),
    });
    const before = await configMaps(ns.name);
    for (const command of ['apply', 'plan', 'drift']) {
      const run = await ferry([command, '-d', dir, '-i', 'dup']);
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assert.equal(
        run.stderr,
        `error: ${join(dir, 'b.yaml')}: ConfigMap ${ns.name}/twice is already defined in ${join(dir, 'a.yaml')} (duplicate object identity, once its namespace is defaulted)\n`,
        command,
      );
    }
    assert.deepEqual(await configMaps(ns.name), before, 'nothing was written');

    // A cluster-scoped kind has no namespace: one that names one is the same object.
    const role = (namespace: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ${ns.name}-twice${namespace}}\nrules: []\n`;
    const cluster = await folder(t, {
      'a.yaml': role(''),
      'b.yaml': role(`, namespace: ${ns.name}`),
    });
    const run = await ferry(['apply', '-d', cluster, '-i', 'dup']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /b\.yaml: ClusterRole \S+-twice is already defined in \S+a\.yaml/);
    const roles = await kubectl([
      'get',
      'clusterrole',
      `${ns.name}-twice`,
      '--ignore-not-found',
      '-o',
      'name',
    ]);
    assert.equal(roles.stdout.trim(), '', 'nothing was applied');
  });

  it("takes no existing ConfigMap as the inventory record unless it is already ferry's", async (t) => {
    const created = await kubectl(
      ['apply', '-f', '-'],
      configMap('precious', ns.name).replace('{a: "1"}', '{keep: "me"}'),
    );
    assert.equal(created.code, 0, created.stderr);
    const read = async () =>
      JSON.parse(
        (await kubectl(['-n', ns.name, 'get', 'configmap', 'precious', '-o', 'json'])).stdout,
      ) as {
        metadata: {
          labels?: object;
          annotations?: Record<string, string>;
          resourceVersion: string;
        };
      };
    const original = await read();
    const dir = await folder(t, { 'a.yaml': configMap('kept-apart', ns.name) });
    for (const command of ['apply', 'plan']) {
      const run = await ferry([command, '-d', dir, '-i', 'precious']);
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assert.equal(
        run.stderr,
        `error: --inventory precious: ConfigMap ${ns.name}/precious exists and is not an inventory record of ferry's (it has no applyset.kubernetes.io/id label); choose another --inventory\n`,
      );
    }
    assert.equal((await read()).metadata.resourceVersion, original.metadata.resourceVersion);
    assert.ok(!(await configMaps(ns.name)).includes('configmap/kept-apart'), 'nothing was applied');
  });

  it('creates no inventory record for an empty folder', async (t) => {
    const empty = await folder(t);
    const run = await ferry(['apply', '-d', empty, '-i', 'nothing-here']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /nothing to do/);
    assert.ok(!(await configMaps(ns.name)).includes('configmap/nothing-here'), 'no record');
  });

  it('refuses a malformed --max-deletions before pruning anything', async (t) => {
    const two = await folder(t, {
      'a.yaml': configMap('guarded-a', ns.name),
      'b.yaml': configMap('guarded-b', ns.name),
    });
    assert.equal((await ferry(['apply', '-d', two, '-i', 'guarded'])).code, 0);
    const before = await configMaps(ns.name);
    const one = await folder(t, { 'a.yaml': configMap('guarded-a', ns.name) });
    for (const bad of ['abc', '4x']) {
      const run = await ferry([
        'apply',
        '-d',
        one,
        '-i',
        'guarded',
        '--prune',
        '--max-deletions',
        bad,
      ]);
      assert.equal(
        run.stderr,
        `error: --max-deletions: "${bad}" is not a whole number (0 or more)\n`,
      );
      assert.equal(run.code, 2);
    }
    assert.deepEqual(await configMaps(ns.name), before, 'guarded-b is still there');
  });

  it('refuses an invalid inventory name up front, saying nothing else', async (t) => {
    const dir = await folder(t, { 'a.yaml': configMap('named', ns.name) });
    const before = await configMaps(ns.name);
    const run = await ferry(['apply', '-d', dir, '-i', 'Bad_Name!']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '', 'no report, no "nothing to do"');
    assert.match(
      run.stderr,
      /^error: --inventory: "Bad_Name!" is not a valid inventory name \(a ConfigMap name: /,
    );
    assert.deepEqual(await configMaps(ns.name), before);
  });

  it('says once, with the fix, that the namespace does not exist', async (t) => {
    const missing = `${ns.name}-missing`;
    const dir = await folder(t, {
      'a.yaml': configMap('a', missing),
      'b.yaml': configMap('b', missing),
      'c.yaml': configMap('c', missing),
    });
    const run = await ferry(['apply', '-d', dir, '-i', 'no-namespace']);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr
        .split('\n')
        .filter((line) => line.startsWith('error:'))
        .join('\n'),
      `error: namespace ${missing} does not exist: create it, or add a Namespace manifest to the folder; nothing was applied`,
    );
    assert.doesNotMatch(run.stderr, /namespaces ".*" not found/);
  });

  it('says an http:// URL reached the TLS port, not that discovery is missing', async (t) => {
    const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as {
      clusters: { cluster: { server: string } }[];
    };
    for (const { cluster } of config.clusters)
      cluster.server = cluster.server.replace(/^https:/, 'http:');
    const dir = await folder(t, {
      kubeconfig: yaml.dump(config),
      'a.yaml': configMap('plain', ns.name),
    });
    const run = await runFerry([
      'apply',
      '-d',
      dir,
      '-i',
      'plain',
      '--kubeconfig',
      join(dir, 'kubeconfig'),
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^error: the API server speaks HTTPS but the kubeconfig's server URL starts with http:\/\/ .*: use https:\/\/\n$/,
    );
    assert.doesNotMatch(run.stderr, /aggregated discovery/);
  });

  it('exits 1 (an API failure, not bad input) when RBAC forbids drift --confirm', async (t) => {
    const dir = await folder(t, { 'a.yaml': configMap('confirmed', ns.name) });
    assert.equal((await ferry(['apply', '-d', dir, '-i', 'confirm'])).code, 0);
    assert.equal(
      (
        await kubectl([
          '-n',
          ns.name,
          'patch',
          'configmap',
          'confirmed',
          '-p',
          '{"data":{"a":"2"}}',
        ])
      ).code,
      0,
    );
    // A reader: may list and get ConfigMaps, may not patch them (not even as a dry-run).
    for (const args of [
      ['create', 'serviceaccount', 'reader'],
      ['create', 'role', 'reader', '--verb=get,list', '--resource=configmaps'],
      ['create', 'rolebinding', 'reader', '--role=reader', `--serviceaccount=${ns.name}:reader`],
    ])
      assert.equal((await kubectl(['-n', ns.name, ...args])).code, 0, args.join(' '));
    const token = await kubectl(['-n', ns.name, 'create', 'token', 'reader']);
    assert.equal(token.code, 0, token.stderr);
    const config = yaml.load(readFileSync(testKubeconfig()!, 'utf8')) as {
      users: { user: Record<string, unknown> }[];
    };
    for (const entry of config.users) entry.user = { token: token.stdout.trim() };
    const kubeconfig = join(dir, '..', `${ns.name}-reader.kubeconfig`);
    await writeFile(kubeconfig, yaml.dump(config));
    t.after(() => rm(kubeconfig, { force: true }));
    const manifests = await folder(t, { 'a.yaml': configMap('confirmed', ns.name) });
    const plain = await runFerry([
      'drift',
      '-d',
      manifests,
      '-i',
      'confirm',
      '-n',
      ns.name,
      '--kubeconfig',
      kubeconfig,
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /\/data\/a/);
    const run = await runFerry([
      'drift',
      '-d',
      manifests,
      '-i',
      'confirm',
      '-n',
      ns.name,
      '--kubeconfig',
      kubeconfig,
      '--confirm',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /^error: --confirm: dry-run of ConfigMap .*\/confirmed failed: .*forbidden/,
    );
  });
});
