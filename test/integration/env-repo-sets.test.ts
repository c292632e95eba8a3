// The set descriptors propose, promote and rollback write (#21 item 1), end to end with real
// git: a new app joins the environment repository with its first proposal, and `ferry sets` and
// `ferry apply --all` on the merged repository pick it up with no workflow edit; proposals for
// different apps touch different files; a promotion writes the target's descriptor, a rollback
// the one ferry.yaml gives today, even to a revision that had none.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import setSchema from '../../schema/ferry-set.schema.json' with { type: 'json' };
import ferrySchema from '../../schema/ferry.schema.json' with { type: 'json' };
import { promote } from '../../src/commands/env-repo/promote/promote.js';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { rollback } from '../../src/commands/env-repo/rollback/rollback.js';
import { compileSchema } from '../../src/core/yaml-source.js';
import { git } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import { bare, capture, deployWithGit, localEnvRepo, only } from '../helpers/env-repo.js';
import { needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';
import { writeApp } from '../helpers/render.js';

/** A Deployment the API server takes (selector, labels) and a ConfigMap. */
const TEMPLATES: Record<string, string> = {
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: '{{app}}', namespace: '{{namespace}}' }
spec:
  replicas: 1
  selector: { matchLabels: { app: '{{app}}' } }
  template:
    metadata: { labels: { app: '{{app}}' } }
    spec:
      containers:
        - name: app
          image: '{{image.ref}}'
`,
  'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: '{{app}}-config', namespace: '{{namespace}}' }
data: { note: '{{values.note}}' }
`,
};

/** ferry.yaml of `app` in the plain-git repository `remote`: `envs` maps name to extra lines. */
function appYaml(app: string, remote: string, envs: Record<string, string>): string {
  const lines = Object.entries(envs).map(
    ([name, extra]) => `  ${name}:
    repo: ${JSON.stringify(remote)}
    forge: git
    path: apps/${app}/${name}
    values: { replicas: 1, note: "${name}" }
${extra}`,
  );
  return `app: ${app}\nimage: registry.example.com/acme/${app}\ntemplates: deploy\nenvironments:\n${lines.join('')}`;
}

/** Writes the app (removed after the test); returns its ferry.yaml's path. */
async function writeAppFor(t: TestContext, text: string): Promise<string> {
  const config = await writeApp(TEMPLATES, text);
  t.after(() => rm(dirname(config), { recursive: true, force: true }));
  return config;
}

/** Commits `files` (path → text) on main through the seed clone. */
async function commitFiles(seed: string, files: Record<string, string>, message: string) {
  await git(seed, 'pull', '--quiet', '--ff-only', 'origin', 'main');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(seed, path)), { recursive: true });
    await writeFile(join(seed, path), text);
  }
  await git(seed, 'add', '-A');
  await git(seed, 'commit', '--quiet', '-m', message);
  await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  return git(seed, 'rev-parse', 'HEAD');
}

/** A hand-written set: a descriptor and one ConfigMap. */
const handSet = (inventory: string, namespace: string, extra = '') => ({
  [`platform/${inventory}/.ferry-set.yaml`]: `inventory: ${inventory}\nnamespace: ${namespace}\n${extra}`,
  [`platform/${inventory}/configmap.yaml`]: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${inventory}-data, namespace: ${namespace} }\ndata: { a: "1" }\n`,
});

const validDescriptor = compileSchema(setSchema, { refs: [ferrySchema] });

/** The descriptor on `rev` in `folder`: valid against schema/ferry-set.schema.json, parsed. */
async function descriptorAt(remote: string, rev: string, folder: string) {
  const data = yaml.load(await bare(remote, 'show', `${rev}:${folder}/.ferry-set.yaml`));
  assert.ok(validDescriptor(data), JSON.stringify(validDescriptor.errors));
  return data as Record<string, unknown>;
}

/** Files changed between main and `branch`. */
const touched = async (remote: string, branch: string) =>
  (await bare(remote, 'diff', '--name-only', 'main', branch)).split('\n').filter(Boolean);

const proposeGit = (config: string, tag: string, env = 'staging') =>
  propose({ config, env, imageTag: tag }, capture().log, {
    env: {},
    retry: { baseDelayMs: 10 },
  });

/**
 * An environment repository with one hand-written set (`platform-crds`) into which two apps
 * are proposed at once and merged: demo (staging only, after platform-crds) and shop (every
 * cluster, its own inventory name, after platform-crds). Returns a clone at the merge.
 */
async function twoAppsJoin(t: TestContext, namespace: string) {
  const { remote, seed } = await localEnvRepo(t);
  const before = await commitFiles(seed, handSet('platform-crds', namespace), 'platform');
  const demo = await writeAppFor(
    t,
    appYaml('demo', remote, {
      staging: `    namespace: ${namespace}\n    clusters: [staging]\n    dependsOn: [platform-crds]\n`,
    }),
  );
  const shop = await writeAppFor(
    t,
    appYaml('shop', remote, {
      staging: `    namespace: ${namespace}\n    inventory: shop\n    dependsOn: [platform-crds]\n`,
    }),
  );
  // Two CI jobs at once, one per app: each its own branch, each only its own folder.
  const [demoResult, shopResult] = await Promise.all([
    proposeGit(demo, '1.0.0'),
    proposeGit(shop, '2.0.0'),
  ]);
  assert.equal(demoResult.operation, 'created');
  assert.equal(shopResult.operation, 'created');
  return { remote, seed, before, demo, shop };
}

/** Merges both apps' branches into main at once (an octopus merge stops on any conflict). */
async function mergeBoth(seed: string) {
  await git(seed, 'pull', '--quiet', '--ff-only', 'origin', 'main');
  await git(seed, 'fetch', '--quiet', 'origin', 'ferry/demo/staging', 'ferry/shop/staging');
  await git(
    seed,
    'merge',
    '--quiet',
    '--no-edit',
    'origin/ferry/demo/staging',
    'origin/ferry/shop/staging',
  );
  await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
}

describe('set descriptors written by propose (real git)', () => {
  it('a new app joins with its first proposal: ferry sets lists it, after its dependencies, on its clusters only', async (t) => {
    const { remote, seed, before } = await twoAppsJoin(t, 'apps');
    assert.deepEqual(await touched(remote, 'ferry/demo/staging'), [
      'apps/demo/staging/.ferry-set.yaml',
      'apps/demo/staging/configmap-demo-config.yaml',
      'apps/demo/staging/deployment-demo.yaml',
    ]);
    assert.deepEqual(await touched(remote, 'ferry/shop/staging'), [
      'apps/shop/staging/.ferry-set.yaml',
      'apps/shop/staging/configmap-shop-config.yaml',
      'apps/shop/staging/deployment-shop.yaml',
    ]);
    assert.deepEqual(await descriptorAt(remote, 'ferry/demo/staging', 'apps/demo/staging'), {
      inventory: 'demo-staging',
      namespace: 'apps',
      clusters: ['staging'],
      dependsOn: ['platform-crds'],
      prune: true,
      wait: true,
    });
    assert.deepEqual(await descriptorAt(remote, 'ferry/shop/staging', 'apps/shop/staging'), {
      inventory: 'shop',
      namespace: 'apps',
      dependsOn: ['platform-crds'],
      prune: true,
      wait: true,
    });
    // Both pull requests merge without a conflict.
    await mergeBoth(seed);

    const sets = async (...args: string[]) => {
      const run = await runFerry(['sets', '--root', seed, '--output', 'json', ...args]);
      assert.equal(run.code, 0, run.stderr);
      return (
        JSON.parse(run.stdout) as { set: string; cluster: string; dependsOn: string[] }[]
      ).map((e) => `${e.cluster} ${e.set} <- ${e.dependsOn.join(',')}`);
    };
    assert.deepEqual(await sets('--cluster', 'staging,prod-eu'), [
      'staging platform-crds <- ',
      'staging demo-staging <- platform-crds',
      'staging shop <- platform-crds',
      'prod-eu platform-crds <- ',
      'prod-eu shop <- platform-crds',
    ]);
    // On the pull request's base: what merging adds.
    assert.deepEqual(await sets('--cluster', 'staging', '--changed-since', before), [
      'staging demo-staging <- platform-crds',
      'staging shop <- platform-crds',
    ]);
  });

  it('refuses a proposal that would stop apply --all (unknown dependency, shared inventory), writing nothing', async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    await commitFiles(seed, handSet('platform-crds', 'apps'), 'platform');
    const cases: [string, RegExp][] = [
      [
        '    dependsOn: [platform-crd]\n',
        /^error: .*ferry\.yaml:11: dependsOn: no set has inventory "platform-crd"; merged into main, this proposal for apps\/demo\/staging would stop ferry apply --all for cluster default$/m,
      ],
      [
        '    inventory: platform-crds\n',
        /^error: .*ferry\.yaml:11: inventory: "platform-crds" is also the inventory of platform\/platform-crds /m,
      ],
    ];
    for (const [extra, message] of cases) {
      const config = await writeAppFor(
        t,
        appYaml('demo', remote, { staging: `    namespace: apps\n${extra}` }),
      );
      const run = await runFerry(['propose', '-c', config, '-e', 'staging', '-t', '1.0.0']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    }
    assert.equal(await bare(remote, 'for-each-ref', 'refs/heads/ferry'), '');
  });

  it('promote writes the target environment’s descriptor, not the source’s', async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    await commitFiles(
      seed,
      { ...handSet('platform-crds', 'apps'), ...handSet('cert-manager', 'apps') },
      'platform',
    );
    const config = await writeAppFor(
      t,
      appYaml('demo', remote, {
        staging:
          '    namespace: demo-staging\n    clusters: [staging]\n    dependsOn: [platform-crds]\n',
        production:
          '    namespace: demo\n    promoteFrom: staging\n    inventory: demo\n    clusters: [prod-eu, prod-us]\n    dependsOn: [platform-crds, cert-manager]\n',
      }),
    );
    await deployWithGit(remote, config, 'staging', '1.0.0');
    const result = await promote({ config, to: 'production', force: true }, capture().log, {
      env: {},
    });
    assert.equal(only(result.promotions).operation, 'created');
    const branch = 'ferry/demo/production';
    assert.deepEqual(await descriptorAt(remote, branch, 'apps/demo/production'), {
      inventory: 'demo',
      namespace: 'demo',
      clusters: ['prod-eu', 'prod-us'],
      dependsOn: ['platform-crds', 'cert-manager'],
      prune: true,
      wait: true,
    });
    // Staging's folder and descriptor are untouched by the promotion.
    assert.ok((await touched(remote, branch)).every((p) => p.startsWith('apps/demo/production/')));
    assert.equal(
      (await descriptorAt(remote, branch, 'apps/demo/staging')).inventory,
      'demo-staging',
    );
  });

  it('rollback writes today’s descriptor, also into a revision that had none', async (t) => {
    const { remote, seed } = await localEnvRepo(t);
    await commitFiles(seed, handSet('platform-crds', 'apps'), 'platform');
    const path = 'apps/demo/production';
    const before = await writeAppFor(
      t,
      appYaml('demo', remote, { production: '    namespace: demo\n' }),
    );
    await deployWithGit(remote, before, 'production', '1.0.0');
    // As a ferry from before descriptors left it: the folder without one.
    await git(seed, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    await git(seed, 'rm', '--quiet', `${path}/.ferry-set.yaml`);
    await git(seed, 'commit', '--quiet', '-m', 'the folder as an older ferry wrote it');
    await git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
    const bareRevision = await git(seed, 'rev-parse', 'HEAD');
    // Since then ferry.yaml gained clusters and a dependency, and 1.1.0 was deployed.
    const today = await writeAppFor(
      t,
      appYaml('demo', remote, {
        production:
          '    namespace: demo\n    clusters: [prod-eu]\n    dependsOn: [platform-crds]\n',
      }),
    );
    await deployWithGit(remote, today, 'production', '1.1.0');
    const written = await bare(remote, 'show', `main:${path}/.ferry-set.yaml`);

    const result = await rollback(
      { config: today, env: 'production', to: bareRevision },
      capture().log,
      {
        env: {},
      },
    );
    assert.equal(result.operation, 'created');
    const branch = 'ferry/demo/production.rollback';
    assert.equal(await bare(remote, 'show', `${branch}:${path}/.ferry-set.yaml`), written);
    assert.deepEqual(await descriptorAt(remote, branch, path), {
      inventory: 'demo-production',
      namespace: 'demo',
      clusters: ['prod-eu'],
      dependsOn: ['platform-crds'],
      prune: true,
      wait: true,
    });
    // Everything else is the restored revision's, byte for byte.
    const manifest = `${path}/deployment-demo.yaml`;
    assert.equal(
      await bare(remote, 'show', `${branch}:${manifest}`),
      await bare(remote, 'show', `${bareRevision}:${manifest}`),
    );
    assert.match(
      result.body,
      /except its set descriptor `\.ferry-set\.yaml`, written from ferry\.yaml as it is now/,
    );
  });
});

describe('a new app on the real control plane', needsCluster, () => {
  it('apply --all applies a proposed app after its dependency, then a third app that joins, and nothing else', async (t) => {
    const ns = await testNamespace('ferry-joins');
    t.after(() => ns.remove());
    const { remote, seed } = await twoAppsJoin(t, ns.name);
    await mergeBoth(seed);
    /** `ferry <command> --root <clone> --cluster staging` on the test cluster, its JSON report. */
    const onCluster = async (...command: string[]) => {
      const args = ['--root', seed, '--cluster', 'staging', '--kubeconfig', testKubeconfig()!];
      const run = await runFerry([...command, ...args, '--output', 'json']);
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(run.stdout) as {
        sets: { set: string; result?: string; state?: string; record?: { commit?: string } }[];
      };
    };
    // The one command line a workflow runs, whatever apps the repository holds.
    const applyAll = async () =>
      (await onCluster('apply', '--all')).sets.map((row) => `${row.set} ${row.result}`);
    assert.deepEqual(await applyAll(), [
      'platform-crds applied',
      'demo-staging applied',
      'shop applied',
    ]);

    const cart = await writeAppFor(
      t,
      appYaml('cart', remote, {
        staging: `    namespace: ${ns.name}\n    dependsOn: [shop]\n`,
      }),
    );
    await deployWithGit(remote, cart, 'staging', '3.0.0');
    await git(seed, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    // Rows come in dependency order: cart after the shop it depends on.
    assert.deepEqual(await applyAll(), [
      'platform-crds unchanged',
      'shop unchanged',
      'cart-staging applied',
      'demo-staging unchanged',
    ]);
    // The cluster records the commit that brought each set, the new app's too.
    const head = await git(seed, 'rev-parse', 'HEAD');
    const status = await onCluster('status');
    assert.deepEqual(
      status.sets.map((row) => [row.set, row.state, row.record?.commit === head]),
      [
        ['platform-crds', 'current', false],
        ['shop', 'current', false],
        ['cart-staging', 'current', true],
        ['demo-staging', 'current', false],
      ],
    );
  });
});
