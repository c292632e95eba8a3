import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import { driftCheck } from '../../src/commands/cluster/drift/drift.js';
import type { KubeObject } from '../../src/core/manifest.js';
import type { PlanReport } from '../../src/core/plan.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Writes `objects` as a manifests folder, one file each. */
async function manifests(objects: KubeObject[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-plan-'));
  for (const object of objects)
    await writeFile(join(dir, `${object.kind}-${object.metadata.name}.yaml`), yaml.dump(object));
  return dir;
}

/** Non-dry-run and dry-run writes to one API group, from the API server's own request counter. */
async function writesTo(group: string): Promise<{ real: number; dryRun: number }> {
  const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
  let text: string;
  try {
    const response = await client.request<string>({
      method: 'GET',
      path: '/metrics',
      accept: 'text/plain',
    });
    text = String(response.body);
  } finally {
    client.close();
  }
  const counts = { real: 0, dryRun: 0 };
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{') || !line.includes(`group="${group}"`))
      continue;
    const verb = /verb="([A-Z]+)"/.exec(line)?.[1] ?? '';
    if (!['APPLY', 'PATCH', 'POST', 'PUT', 'DELETE', 'DELETECOLLECTION', 'CREATE'].includes(verb))
      continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (/dry_run="All"/.test(line)) counts.dryRun += value;
    else counts.real += value;
  }
  return counts;
}

describe('ferry plan on the real control plane', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let group: string;
  const dirs: string[] = [];
  const deployment = (image: string, replicas = 1): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: ns.name },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image }] },
      },
    },
  });
  const configMap = (name: string, value: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns.name },
    data: { value },
  });
  const secret = (password: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'creds', namespace: ns.name },
    type: 'Opaque',
    data: { password: b64(password) },
  });
  const widget = (size: number): KubeObject => ({
    apiVersion: `${group}/v1`,
    kind: 'Widget',
    metadata: { name: 'gear', namespace: ns.name },
    spec: { size },
  });
  const plan = async (objects: KubeObject[], ...flags: string[]) => {
    const dir = await manifests(objects);
    dirs.push(dir);
    const run = await runFerry([
      'plan',
      ...['--dir', dir, '--inventory', 'shop', '--namespace', ns.name, '--cluster', 'prod-eu'],
      // The set holds a plaintext test Secret (issue 19, item 10: allowed per set).
      ...['--kubeconfig', testKubeconfig()!, '--allow-plaintext-secrets', ...flags],
    ]);
    return {
      ...run,
      report: flags.includes('json') ? (JSON.parse(run.stdout) as PlanReport) : undefined,
    };
  };
  /**
   * What a write would move: each object's resourceVersion, but a Deployment's generation (its
   * controller keeps writing its status).
   */
  const resourceVersions = async (): Promise<string> =>
    (
      await kubectl([
        ...['-n', ns.name, 'get', 'deployments,configmaps,secrets,services', '-o'],
        'jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.generation}:{.metadata.resourceVersion}{"\\n"}{end}',
      ])
    ).stdout.replace(/^(Deployment\/[^=]+=\d+):.*$/gm, '$1');

  before(async () => {
    ns = await testNamespace('plan');
    // A group of the test's own: the API server's request counter for it sees only this test.
    group = `${ns.name}.ferry.test`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
              },
            },
          },
        ],
      },
    };
    assert.equal((await kubectl(['apply', '-f', '-'], JSON.stringify(crd))).code, 0);
    const established = await kubectl([
      'wait',
      '--for=condition=Established',
      `crd/widgets.${group}`,
      '--timeout=60s',
    ]);
    assert.equal(established.code, 0, established.stderr);
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    try {
      const applied = await applyObjects(
        client,
        [
          deployment('registry.example.com/web:1.0.0'),
          configMap('settings', 'a'),
          configMap('legacy', 'old'),
          secret('s3cret-old'),
          widget(1),
        ],
        { dir: '', inventory: 'shop', namespace: ns.name },
        quiet,
      );
      assert.equal(applied.counts.created, 5, JSON.stringify(applied.objects));
    } finally {
      client.close();
    }
    // A hand edit of a field git sets.
    assert.equal(
      (await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=4'])).code,
      0,
    );
  });
  after(async () => {
    await kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false']);
    await ns.remove();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const next = (): KubeObject[] => [
    deployment('registry.example.com/web:1.1.0'), // a new tag
    configMap('settings', 'a'), // unchanged
    configMap('added', 'new'), // created
    secret('s3cret-new'), // a Secret change
    widget(2),
    // legacy: removed from git
  ];

  it('reports created, changed (live → git, owner, hand edit), unchanged, left; hides Secret values; writes nothing', async () => {
    const versions = await resourceVersions();
    const before = await writesTo(group);
    const { code, report, stdout, stderr } = await plan(
      next(),
      '--force-conflicts',
      '--output',
      'json',
    );
    assert.equal(code, 0, `${stderr}\n${stdout}`);
    const byObject = new Map(report!.objects.map((o) => [o.object, o]));
    assert.deepEqual(
      report!.objects.map((o) => `${o.object}: ${o.action}`),
      [
        `ConfigMap ${ns.name}/added: create`,
        `ConfigMap ${ns.name}/legacy: leave`,
        `Deployment ${ns.name}/web: change`,
        `Secret ${ns.name}/creds: change`,
        `Widget ${ns.name}/gear: change`,
      ],
    );
    const web = byObject.get(`Deployment ${ns.name}/web`)!;
    assert.deepEqual(
      web.fields.find((f) => f.path === '/spec/template/spec/containers[name=web]/image'),
      {
        path: '/spec/template/spec/containers[name=web]/image',
        live: 'registry.example.com/web:1.0.0',
        git: 'registry.example.com/web:1.1.0',
        // Only ferry owns it: git moved on since the last apply.
        manager: 'ferry',
        handEdit: false,
      },
    );
    const replicas = web.fields.find((f) => f.path === '/spec/replicas')!;
    assert.equal(replicas.live, 4);
    assert.equal(replicas.git, 1);
    assert.match(replicas.manager ?? '', /^kubectl/);
    assert.equal(replicas.handEdit, true, 'merging overwrites the kubectl scale');
    assert.deepEqual(byObject.get(`Secret ${ns.name}/creds`)!.fields, [
      {
        path: '/data/password',
        live: '(hidden)',
        git: '(hidden)',
        manager: 'ferry',
        handEdit: false,
      },
    ]);
    assert.equal(byObject.get(`ConfigMap ${ns.name}/legacy`)!.note, 'no --prune');
    assert.deepEqual(report!.counts, {
      created: 1,
      changed: 3,
      unchanged: 1,
      pruned: 0,
      left: 1,
      rejected: 0,
      handEdits: 1,
    });
    for (const value of ['s3cret-old', 's3cret-new', b64('s3cret-old'), b64('s3cret-new')])
      assert.ok(!stdout.includes(value), `the Secret's value ${value} is never shown`);
    // Validated by a dry-run of each change (the Widget's among them), and nothing written.
    const afterwards = await writesTo(group);
    assert.equal(afterwards.real, before.real, 'no write to the Widget');
    assert.ok(afterwards.dryRun > before.dryRun, 'the Widget change was dry-run on the server');
    assert.equal(report!.requests!.patch, 4, JSON.stringify(report!.requests));
    assert.deepEqual(
      Object.keys(report!.requests!).filter(
        // review: the preflight's access reviews, which store nothing.
        (verb) => !['discovery', 'openapi', 'get', 'list', 'patch', 'review'].includes(verb),
      ),
      [],
    );
    assert.equal(await resourceVersions(), versions, 'no object changed');
  });

  it('says an object would be pruned with --prune', async () => {
    const { report } = await plan(next(), '--force-conflicts', '--prune', '--output', 'json');
    assert.equal(
      report!.objects.find((o) => o.object === `ConfigMap ${ns.name}/legacy`)?.action,
      'prune',
    );
    assert.equal(report!.counts.pruned, 1);
  });

  it('git wins over the hand edit (no rejection); a conflict with another manager is rejected, exit 1, unless apply would force it', async () => {
    const handEdit = await plan(next(), '--output', 'json');
    assert.equal(handEdit.code, 0, handEdit.stderr);
    const web = (report: PlanReport) =>
      report.objects.find((o) => o.object === `Deployment ${ns.name}/web`)!;
    assert.equal(web(handEdit.report!).rejected, undefined);
    assert.equal(handEdit.report!.counts.handEdits, 1);
    // An operator (not a person) owns the replicas now.
    const patched = await kubectl([
      ...['-n', ns.name, 'patch', 'deployment', 'web', '--type=merge'],
      ...['-p', '{"spec":{"replicas":6}}', '--field-manager=operator'],
    ]);
    assert.equal(patched.code, 0, patched.stderr);
    try {
      const { code, report } = await plan(next(), '--output', 'json');
      assert.equal(code, 1);
      assert.match(web(report!).rejected ?? '', /managed by "operator".*--force-conflicts/);
      assert.equal(report!.counts.rejected, 1);
      const replicas = web(report!).fields.find((f) => f.path === '/spec/replicas')!;
      assert.deepEqual([replicas.manager, replicas.handEdit], ['operator', false]);
      assert.equal((await plan(next(), '--force-conflicts', '--output', 'json')).code, 0);
    } finally {
      const back = await kubectl(['-n', ns.name, 'scale', 'deployment/web', '--replicas=4']);
      assert.equal(back.code, 0, back.stderr);
    }
  });

  it('reports a server-side validation failure on its object with exit 1', async () => {
    const broken: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'broken', namespace: ns.name },
      spec: { ports: [{ port: 70000 }] },
    };
    const { code, report, stderr } = await plan(
      [...next(), broken],
      '--force-conflicts',
      '--output',
      'json',
    );
    assert.equal(code, 1, stderr);
    assert.match(stderr, /the server rejects 1 object/);
    const rejected = report!.objects.filter((o) => o.rejected);
    assert.deepEqual(
      rejected.map((o) => o.object),
      [`Service ${ns.name}/broken`],
    );
    assert.match(rejected[0]!.rejected!, /70000/);
  });

  it('--detailed-exitcode: 3 with changes, 0 without; text and markdown name the fields', async () => {
    const changes = await plan(next(), '--force-conflicts', '--detailed-exitcode');
    assert.equal(changes.code, 3, changes.stderr);
    assert.match(changes.stdout, /~ Deployment .*\/web: change\n/);
    assert.match(
      changes.stdout,
      /\/spec\/replicas {2}\(owned by kubectl[a-z-]*\) {2}! overwrites a hand edit\n {6}live: 4\n {6}git: {2}1\n/,
    );
    assert.doesNotMatch(changes.stdout, /s3cret/);
    const markdown = await plan(next(), '--force-conflicts', '--output', 'markdown');
    assert.match(
      markdown.stdout,
      /<summary><code>Deployment .*\/web<\/code>: change \(2 field\(s\); ⚠️ overwrites a hand edit\)<\/summary>\n\n/,
    );
    // Without the Deployment, whose scale git would undo, nothing would change (it is only left).
    const live = [
      configMap('settings', 'a'),
      configMap('legacy', 'old'),
      secret('s3cret-old'),
      widget(1),
    ];
    const none = await plan(live, '--force-conflicts', '--detailed-exitcode');
    assert.equal(none.code, 0, none.stdout);
    assert.match(none.stdout, /\n1 left in the cluster, 4 unchanged\n$/);
  });

  it('upgrading: objects an older ferry stamped with per-build annotations are not rewritten to drop them', async () => {
    const stamped = (annotations: Record<string, string>): KubeObject => ({
      ...configMap('tuning', 'x'),
      metadata: {
        name: 'tuning',
        namespace: ns.name,
        annotations: { 'ferry.dev/app': 'shop', ...annotations },
      },
    });
    const old = stamped({
      'ferry.dev/image': 'registry.example.com/web:1.0.0',
      'ferry.dev/source-commit': 'a'.repeat(40),
      'ferry.dev/run-url': 'https://ci.example/run/1',
    });
    const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
    try {
      const options = { dir: '', inventory: 'upgrade', namespace: ns.name };
      assert.equal((await applyObjects(client, [old], options, quiet)).counts.created, 1);
      const before = await resourceVersions();
      const now = stamped({});
      // The last --inventory wins: this set is `upgrade`.
      const planned = (await plan([now], '--inventory', 'upgrade', '--output', 'json')).report!;
      assert.deepEqual([planned.counts.changed, planned.counts.unchanged], [0, 1]);
      const again = await applyObjects(client, [now], options, quiet);
      assert.equal(again.counts.unchanged, 1, JSON.stringify(again.objects));
      assert.equal(await resourceVersions(), before, 'nothing rewritten');
      const drift = await driftCheck(
        client,
        [now],
        { inventory: 'upgrade', namespace: ns.name },
        quiet,
      );
      assert.equal(drift.clean, true, JSON.stringify(drift.objects));
      // Its next real change drops them.
      await applyObjects(client, [{ ...now, data: { value: 'y' } }], options, quiet);
      const live = await kubectl(['-n', ns.name, 'get', 'configmap', 'tuning', '-o', 'json']);
      const annotations = (JSON.parse(live.stdout) as KubeObject).metadata.annotations ?? {};
      assert.equal(annotations['ferry.dev/image'], undefined);
      assert.equal(annotations['ferry.dev/app'], 'shop');
    } finally {
      client.close();
    }
  });

  it('refuses an unknown kind as bad input, exit 2', async () => {
    const { code, stderr } = await plan([
      { apiVersion: 'nowhere.example/v1', kind: 'Ghost', metadata: { name: 'boo' } },
    ]);
    assert.equal(code, 2);
    assert.match(stderr, /unknown kind: Ghost boo/);
  });
});
