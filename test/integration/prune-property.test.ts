import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { apply, applyObjects } from '../../src/commands/cluster/apply/apply.js';
import { APPLYSET_PART_OF, MANIFEST_HASH, applySetParent } from '../../src/core/applyset.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { git } from '../forge/harness.js';
import { deployWithGit, localEnvRepo } from '../helpers/env-repo.js';
import { unrecordedMembers } from '../helpers/inventory.js';
import { random } from '../helpers/random.js';
import { writeApp } from '../helpers/render.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };
const KINDS = ['ConfigMap', 'Secret', 'ServiceAccount'] as const;
const RESOURCES = 'configmaps,secrets,serviceaccounts';
const ITERATIONS = 8;

function object(
  kind: (typeof KINDS)[number],
  name: string,
  namespace: string,
  metadata: Partial<KubeObject['metadata']> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace, ...metadata },
    ...(kind === 'ServiceAccount' ? {} : { data: {} }),
  };
}

/** `Kind namespace/name` → uid and part-of label of everything of the test's kinds there. */
async function liveObjects(
  namespaces: string[],
): Promise<Map<string, { uid: string; partOf?: string }>> {
  const live = new Map<string, { uid: string; partOf?: string }>();
  for (const ns of namespaces) {
    const result = await kubectl(['-n', ns, 'get', RESOURCES, '-o', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const items = (JSON.parse(result.stdout) as { items: KubeObject[] }).items;
    for (const o of items)
      live.set(`${o.kind} ${o.metadata.namespace}/${o.metadata.name}`, {
        uid: String(o.metadata.uid),
        partOf: o.metadata.labels?.[APPLYSET_PART_OF],
      });
  }
  return live;
}

describe('prune, property: never deletes anything outside the inventory', needsCluster, () => {
  const namespaces: Awaited<ReturnType<typeof testNamespace>>[] = [];
  before(async () => {
    namespaces.push(await testNamespace('ferry-prop-a'), await testNamespace('ferry-prop-b'));
  });
  after(async () => {
    await Promise.all(namespaces.map((ns) => ns.remove()));
  });

  it(`random desired sets with bystanders in the same namespaces, ${ITERATIONS} runs`, async () => {
    const [a, b] = namespaces.map((ns) => ns.name) as [string, string];
    const inventory = 'prop';
    const ours = applySetParent(inventory, a);
    // Bystanders: unlabelled, another ApplySet's members (one with ferry's hash annotation),
    // and one sharing a name with a member candidate in the other namespace.
    const other = applySetParent('other', a).id;
    const bystanders = [a, b].flatMap((ns) => [
      object('ConfigMap', 'by-plain', ns),
      object('Secret', 'by-other', ns, { labels: { [APPLYSET_PART_OF]: other } }),
      object('ConfigMap', 'by-other-hashed', ns, {
        labels: { [APPLYSET_PART_OF]: other },
        annotations: { [MANIFEST_HASH]: 'x' },
      }),
      object('ServiceAccount', 'by-sa', ns),
    ]);
    bystanders.push(object('ConfigMap', 'p0', b, { labels: { app: 'not-ours' } }));
    const created = await kubectl(
      ['apply', '-f', '-'],
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: bystanders }),
    );
    assert.equal(created.code, 0, created.stderr);
    const before = await liveObjects([a, b]);
    // Candidates: every kind, in both namespaces, except the name the bystander holds in b.
    const pool = [a, b]
      .flatMap((ns) => KINDS.flatMap((kind) => ['p0', 'p1'].map((name) => object(kind, name, ns))))
      .filter(
        (o) => !(o.metadata.namespace === b && o.kind === 'ConfigMap' && o.metadata.name === 'p0'),
      );

    const seed = Number(process.env.FERRY_PROPERTY_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    for (let run = 0; run < ITERATIONS; run++) {
      let desired = pool.filter(() => next() < 0.4);
      if (desired.length === 0) desired = [pool[Math.floor(next() * pool.length)]!];
      const client = KubeClient.connect({ kubeconfig: testKubeconfig() });
      try {
        await applyObjects(
          client,
          desired,
          { dir: '', inventory, namespace: a, prune: true },
          quiet,
        );
      } finally {
        client.close();
      }
      const context = `seed ${seed}, run ${run}`;
      const now = await liveObjects([a, b]);
      for (const [name, { uid }] of before)
        assert.equal(now.get(name)?.uid, uid, `${context}: bystander ${name} deleted or replaced`);
      const members = [...now].filter(([, o]) => o.partOf === ours.id).map(([name]) => name);
      const want = desired.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
      assert.deepEqual(members.sort(), want.sort(), `${context}: members`);
      assert.deepEqual(await unrecordedMembers(a, inventory, RESOURCES), [], context);
    }
  });

  it(`render → propose → apply → prune keeps every object of random sets, ${ITERATIONS} runs`, async (t) => {
    const [a, b] = namespaces.map((ns) => ns.name) as [string, string];
    const inventory = 'prop-files';
    const ours = applySetParent(inventory, a).id;
    // Names whose usual file names meet: ConfigMaps a/p and b/p share `configmap-p`, and the
    // name `p-<a>` is what a/p's file was once named after its namespace; '.' and '-' mixed in.
    const names = ['p', `p-${a}`, `p-${b}`, 'p.q', 'p-q', `p.q-${b}`];
    const pool = [a, b].flatMap((namespace) => names.map((name) => ({ namespace, name })));
    const { remote } = await localEnvRepo(t);
    const work = await mkdtemp(join(tmpdir(), 'ferry-prop-files-'));
    t.after(() => rm(work, { recursive: true, force: true }));
    const template = `{{#each values.objects}}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: {{this.name}}, namespace: {{this.namespace}} }
data: { id: "{{this.namespace}}/{{this.name}}" }
{{/each}}
`;
    const config = await writeApp({ 'configmaps.yaml': template }, '');
    t.after(() => rm(dirname(config), { recursive: true, force: true }));

    const seed = Number(process.env.FERRY_PROPERTY_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    for (let run = 0; run < ITERATIONS; run++) {
      // The first run is the case (ConfigMaps x/a-b, b/a and c/a), then random sets.
      let desired =
        run === 0
          ? [
              { namespace: a, name: 'p' },
              { namespace: b, name: 'p' },
              { namespace: b, name: `p-${a}` },
            ]
          : pool.filter(() => next() < 0.5);
      if (desired.length === 0) desired = [pool[Math.floor(next() * pool.length)]!];
      await writeFile(
        config,
        `app: prop\nimage: registry.example.com/prop\ntemplates: deploy\nenvironments:\n  prop:\n    repo: ${JSON.stringify(remote)}\n    path: apps/prop\n    namespace: ${a}\n    values: ${JSON.stringify({ objects: desired })}\n`,
      );
      const merged = await deployWithGit(remote, config, 'prop', `r${run}`);
      // The cluster's checkout of the merged commit, as a pipeline on the env repo has it.
      const dir = join(work, String(run));
      await git(work, 'clone', '--quiet', '--depth=1', `file://${remote}`, dir);
      assert.equal(await git(dir, 'rev-parse', 'HEAD'), merged);
      await apply(
        {
          dir: join(dir, 'apps/prop'),
          inventory,
          namespace: a,
          prune: true,
          kubeconfig: testKubeconfig(),
        },
        quiet,
      );
      const context = `seed ${seed}, run ${run}`;
      const now = await liveObjects([a, b]);
      const members = [...now].filter(([, o]) => o.partOf === ours).map(([name]) => name);
      const want = desired.map((o) => `ConfigMap ${o.namespace}/${o.name}`);
      assert.deepEqual(members.sort(), want.sort(), `${context}: members`);
    }
  });
});
