// Issue 13, case by case on the real control plane, through the CLI: what is and is not drift
// under the API server's own merge semantics, what a plain `ferry apply` takes back from hand
// edits (and reports as restored), what it leaves to other managers, and Jobs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject } from '../../src/core/manifest.js';
import { wireWrites } from '../helpers/api-writes.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import {
  driftLines,
  ferryApply,
  ferryDrift,
  manifestsDir,
  targetArgs,
  type DriftJson,
  type Target,
} from '../helpers/ferry-json.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testNamespace } from '../helpers/kube.js';

const deployment = (name: string, container: Record<string, unknown>, extra = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...container }], ...extra },
    },
  },
});

const job = (name: string, args: string[], extra = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: {
    ...extra,
    template: {
      spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'busybox:1.36', args }] },
    },
  },
});

/** The fields drift reports for one object (`Kind ns/name` ending in `/name`). */
const fieldsOf = (report: DriftJson, kind: string, name: string) =>
  report.objects.find((o) => o.object.startsWith(`${kind} `) && o.object.endsWith(`/${name}`))
    ?.fields ?? [];

describe('exact drift and healing (issue 13)', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const crdGroup = (): string => `${ns.name}.ferry.dev`;
  const k = (...args: string[]) => kubectl(['-n', ns.name, ...args]);
  const ok = async (...args: string[]): Promise<string> => {
    const result = await k(...args);
    assert.equal(result.code, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const live = async (resource: string): Promise<any> =>
    JSON.parse(await ok('get', resource, '-o', 'json'));
  const target = async (inventory: string, objects: KubeObject[]): Promise<Target> => ({
    dir: await manifestsDir(objects),
    inventory,
    namespace: ns.name,
  });
  const applied = async (t: Target, extra: string[] = []) => {
    const result = await ferryApply(t, extra);
    assert.equal(result.code, 0, result.stderr);
    return result.json!;
  };

  before(async () => {
    ns = await testNamespace('exact');
  });
  after(async () => {
    await kubectl(['delete', 'crd', `gadgets.${crdGroup()}`, '--ignore-not-found', '--wait=false']);
    await ns.remove();
  });

  it('explicit zero values in keyed lists (readOnly: false under mountPath /var/run, hostPort: 0) are not drift; a re-apply writes nothing', async (context) => {
    const t = await target('zeros', [
      deployment(
        'zeros',
        {
          ports: [{ containerPort: 8080, hostPort: 0, protocol: 'TCP' }],
          volumeMounts: [{ name: 'run', mountPath: '/var/run', readOnly: false }],
        },
        { volumes: [{ name: 'run', emptyDir: {} }] },
      ),
    ]);
    await applied(t);
    const drift = driftLines(await ferryDrift(t));
    // Counted on the wire, through a pass-through proxy: the API server's counters also hold
    // the writes of the test files sharing the cluster.
    const proxy = await startFaultProxy(context);
    const again = await applied(t, ['--kubeconfig', proxy.kubeconfig]);
    const writes = wireWrites(proxy.requests);
    // Both at once, so a failure says whether drift, the writes, or both are wrong.
    assert.deepEqual({ drift, writes }, { drift: [], writes: [] });
    assert.equal(again?.counts.unchanged, 1, JSON.stringify(again?.objects));
  });

  it('a hand edit under a key value containing "/" is reported with its key and manager, and restored', async () => {
    const t = await target('slash', [
      deployment(
        'slash',
        { volumeMounts: [{ name: 'run', mountPath: '/var/run', readOnly: false }] },
        { volumes: [{ name: 'run', emptyDir: {} }] },
      ),
    ]);
    await applied(t);
    const patch = {
      containers: [{ name: 'web', volumeMounts: [{ mountPath: '/var/run', readOnly: true }] }],
    };
    await ok(
      'patch',
      'deployment/slash',
      '-p',
      JSON.stringify({ spec: { template: { spec: patch } } }),
    );
    const fields = fieldsOf(await ferryDrift(t), 'Deployment', 'slash');
    assert.equal(fields.length, 1, JSON.stringify(fields));
    assert.match(
      fields[0]!.path,
      /containers\[name=web\]\/volumeMounts\[mountPath=\/var\/run\]\/readOnly$/,
    );
    assert.equal(fields[0]!.git, false);
    assert.equal(fields[0]!.live, true);
    assert.equal(fields[0]!.manager, 'kubectl-patch');
    const healed = await applied(t);
    assert.ok(
      healed.restored?.some(
        (r) => /mountPath=\/var\/run\]\/readOnly$/.test(r.path) && r.manager === 'kubectl-patch',
      ),
      JSON.stringify(healed.restored),
    );
    const mount = (await live('deployment/slash')).spec.template.spec.containers[0].volumeMounts[0];
    assert.notEqual(mount.readOnly, true);
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
  });

  it('a port appended by hand to a NetworkPolicy ingress rule is drift, and a plain apply removes it', async () => {
    const policy: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'web' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }],
      },
    };
    const t = await target('netpol', [policy]);
    await applied(t);
    await ok(
      'patch',
      'networkpolicy/web',
      '--type=json',
      '-p',
      JSON.stringify([
        { op: 'add', path: '/spec/ingress/0/ports/-', value: { port: 22, protocol: 'TCP' } },
      ]),
    );
    const fields = fieldsOf(await ferryDrift(t), 'NetworkPolicy', 'web');
    assert.ok(
      fields.some((f) => f.path.startsWith('/spec/ingress')),
      JSON.stringify(fields),
    );
    await applied(t);
    assert.deepEqual((await live('networkpolicy/web')).spec.ingress, [
      { ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
  });

  it('an entry appended to a custom resource list without x-kubernetes-list-type (atomic) is drift, and apply removes it', async () => {
    const group = crdGroup();
    const target_ = {
      type: 'object',
      properties: { name: { type: 'string' }, url: { type: 'string' } },
    };
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `gadgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: { targets: { type: 'array', items: target_ } },
                  },
                },
              },
            },
          },
        ],
      },
    };
    const targets = [{ name: 'oncall', url: 'https://oncall.example.com' }];
    const gadget: KubeObject = {
      apiVersion: `${group}/v1`,
      kind: 'Gadget',
      metadata: { name: 'alerts', namespace: ns.name },
      spec: { targets },
    };
    const t = await target('gadget', [crd, gadget]);
    await applied(t);
    await ok(
      'patch',
      `gadgets.${group}/alerts`,
      '--type=json',
      '-p',
      JSON.stringify([
        {
          op: 'add',
          path: '/spec/targets/-',
          value: { name: 'elsewhere', url: 'https://attacker.example.com' },
        },
      ]),
    );
    const fields = fieldsOf(await ferryDrift(t), 'Gadget', 'alerts');
    assert.ok(
      fields.some((f) => f.path.startsWith('/spec/targets')),
      JSON.stringify(fields),
    );
    await applied(t);
    assert.deepEqual((await live(`gadgets.${group}/alerts`)).spec.targets, targets);
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
  });

  it('resourceNames added inside an RBAC Role rule is drift, and apply restores the rule', async () => {
    const rules = [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }];
    const t = await target('rbac', [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'reader' },
        rules,
      },
    ]);
    await applied(t);
    await ok(
      'patch',
      'role/reader',
      '--type=json',
      '-p',
      JSON.stringify([{ op: 'add', path: '/rules/0/resourceNames', value: ['only-this'] }]),
    );
    const fields = fieldsOf(await ferryDrift(t), 'Role', 'reader');
    assert.ok(
      fields.some((f) => f.path.startsWith('/rules')),
      JSON.stringify(fields),
    );
    await applied(t);
    assert.deepEqual((await live('role/reader')).rules, rules);
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
  });

  it('kubectl set image is reported as kubectl-set; a plain apply restores git and reports the field restored', async () => {
    const t = await target('setimage', [deployment('setimage', {})]);
    await applied(t);
    await ok('set', 'image', 'deployment/setimage', 'web=registry.example.com/evil:6.6.6');
    const fields = fieldsOf(await ferryDrift(t), 'Deployment', 'setimage');
    assert.equal(fields.length, 1, JSON.stringify(fields));
    assert.match(fields[0]!.path, /containers\[name=web\]\/image$/);
    assert.equal(fields[0]!.manager, 'kubectl-set');
    const result = await ferryApply(t);
    assert.equal(result.code, 0, `plain apply refused: ${result.stderr}`);
    assert.equal(result.json?.counts.restored, 1, JSON.stringify(result.json?.counts));
    const restored = result.json?.restored ?? [];
    assert.equal(restored.length, 1, JSON.stringify(restored));
    assert.match(restored[0]!.object, /^Deployment .*\/setimage$/);
    assert.match(restored[0]!.path, /containers\[name=web\]\/image$/);
    assert.equal(restored[0]!.manager, 'kubectl-set');
    assert.equal(
      (await live('deployment/setimage')).spec.template.spec.containers[0].image,
      'nginx:1.27',
    );
  });

  const settings = (name: string, mode: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns.name },
    data: { mode },
  });
  /** An operator's server-side apply that takes `data.mode` over from ferry. */
  const operatorTakesOver = (name: string) =>
    kubectl(
      ['apply', '--server-side', '--field-manager=my-operator', '--force-conflicts', '-f', '-'],
      JSON.stringify(settings(name, 'fast')),
    ).then((r) => assert.equal(r.code, 0, r.stderr));

  it('a field another manager applied is not taken over by a plain apply (names the manager), only with --force-conflicts', async () => {
    const t = await target('operator', [settings('settings', 'safe')]);
    await applied(t);
    await operatorTakesOver('settings');
    const refused = await ferryApply(t);
    assert.notEqual(refused.code, 0, 'plain apply took over a field my-operator owns');
    assert.match(refused.stderr + refused.stdout, /my-operator/);
    assert.equal((await live('configmap/settings')).data.mode, 'fast');
    await applied(t, ['--force-conflicts']);
    assert.equal((await live('configmap/settings')).data.mode, 'safe');
  });

  it('--git-wins-over adds a manager that git wins over: its field is restored and reported', async () => {
    const t = await target('wins-over', [settings('tuned', 'safe')]);
    await applied(t);
    await operatorTakesOver('tuned');
    const result = await ferryApply(t, ['--git-wins-over', 'my-operator,another-tool']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(
      result.json?.restored?.some((r) => r.path === '/data/mode' && r.manager === 'my-operator'),
      JSON.stringify(result.json?.restored),
    );
    assert.equal((await live('configmap/tuned')).data.mode, 'safe');
  });

  it('a removed label is said to be removed, blamed on no one, and restored by apply as a removal', async () => {
    const labelled = (name: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, labels: { team: 'payments' } },
      data: { a: '1' },
    });
    const t = await target('labels', [labelled('x'), labelled('forgotten')]);
    await applied(t);
    // The case: the label goes, then an unrelated annotate makes kubectl-annotate the
    // object's last writer. The API server keeps no owner for the removed label.
    await ok('label', 'configmap/x', 'team-');
    await ok('annotate', 'configmap/x', 'example.com/note=hi');
    await ok('label', 'configmap/forgotten', 'team-');
    // Clearing managedFields ([{}] strips them): still no one to name.
    await ok(
      'patch',
      'configmap/forgotten',
      '--type=merge',
      '-p',
      '{"metadata":{"managedFields":[{}]}}',
    );
    const report = await ferryDrift(t);
    const said = (name: string) =>
      fieldsOf(report, 'ConfigMap', name).map((f) => [f.path, f.git, f.manager, f.unattributed]);
    assert.deepEqual(
      { x: said('x'), forgotten: said('forgotten') },
      {
        x: [['/metadata/labels/team', 'payments', undefined, 'removed']],
        forgotten: [['/metadata/labels/team', 'payments', undefined, 'removed']],
      },
    );
    const text = await runFerry(['drift', ...targetArgs(t)]);
    assert.match(
      text.stdout,
      /\/metadata\/labels\/team {2}\(removed; the API server does not record by whom\)/,
    );
    assert.doesNotMatch(text.stdout, /kubectl-annotate|kubectl-label/);

    const result = await ferryApply(t);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      (result.json?.restored ?? []).map((r) => [
        r.object.replace(/.*\//, ''),
        r.path,
        r.manager,
        r.unattributed,
      ]),
      [
        ['forgotten', '/metadata/labels/team', undefined, 'removed'],
        ['x', '/metadata/labels/team', undefined, 'removed'],
      ],
    );
    assert.equal(result.json?.counts.restored, 2);
    assert.equal((await live('configmap/x')).metadata.labels.team, 'payments');
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
    // The text report's restored lines say the same.
    await ok('label', 'configmap/x', 'team-');
    const again = await runFerry(['apply', ...targetArgs(t)]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /^restored ConfigMap .*\/x \/metadata\/labels\/team \(removed; the API server does not record by whom\)$/m,
    );
    assert.match(again.stdout, /1 configured, 1 unchanged, 1 field restored$/m);
  });

  it('a Job that completed and was removed by ttlSecondsAfterFinished is not drift and not re-created', async () => {
    const t = await target('ttl', [job('once', ['true'], { ttlSecondsAfterFinished: 0 })]);
    // ferry sees the completion while it waits for the rollout, before the TTL removes the Job.
    await applied(t, ['--wait', '--timeout', '60s']);
    const deadline = Date.now() + 60_000;
    while ((await k('get', 'job/once', '--ignore-not-found', '-o', 'name')).stdout.trim()) {
      assert.ok(Date.now() < deadline, 'the Job did not complete and go within 60s');
      await sleep(1_000);
    }
    assert.deepEqual(driftLines(await ferryDrift(t)), []);
    const again = await applied(t);
    assert.ok(!again.objects.some((o) => o.action === 'created'), JSON.stringify(again.objects));
    assert.equal(
      (await k('get', 'job/once', '--ignore-not-found', '-o', 'name')).stdout.trim(),
      '',
    );
  });

  it('a changed Job manifest makes apply replace the Job (action "replaced")', async () => {
    const first = await target('migrate', [job('migrate', ['sleep', '3600'])]);
    await applied(first);
    const before = (await live('job/migrate')).metadata.uid as string;
    const changed = await target('migrate', [job('migrate', ['sleep', '7200'])]);
    const result = await ferryApply(changed);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      result.json?.objects.filter((o) => o.object.startsWith('Job ')).map((o) => o.action),
      ['replaced'],
    );
    const now = await live('job/migrate');
    assert.notEqual(now.metadata.uid, before);
    assert.deepEqual(now.spec.template.spec.containers[0].args, ['sleep', '7200']);
  });
});
