// Kustomize overlays and Helm charts as app sources (issue 22), rendered from public charts and
// overlays with the real tools: the same shape as Handlebars (one file per object, the same
// checks and annotations), the image set as `kustomize edit set image` sets it, the app folder
// never modified, and a new tag changing only the objects that use the image.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { render } from '../../src/commands/env-repo/render.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { promote } from '../../src/commands/env-repo/promote/promote.js';
import { bare, capture, deployWithGit, localEnvRepo } from '../helpers/env-repo.js';
import {
  FIXTURE_APPS,
  helmLabel,
  useTestTools,
  writeFixtureApp,
  type FixtureApp,
} from '../helpers/renderer-fixtures.js';

const execFileAsync = promisify(execFile);
const TARGETS = { repo: '../envs', namespaces: { staging: 'shop-staging', production: 'shop' } };

/** A digest of every file under `dir`: equal before and after means nothing was written. */
async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const name of names) hash.update(name).update(await readFile(name));
  return hash.digest('hex');
}

const label = (o: KubeObject) => `${o.kind} ${o.metadata.name}`;
const objectsOf = (text: string) => yaml.loadAll(text) as KubeObject[];

async function renderApp(dir: string, env: string, tag: string) {
  const { log } = capture();
  return render({ config: join(dir, 'ferry.yaml'), env, imageTag: tag }, log);
}

describe('app sources: public charts and overlays rendered for two environments', () => {
  let tools: { helm: string; kustomize: string };
  before(async () => {
    tools = await useTestTools();
  });

  for (const app of FIXTURE_APPS) {
    it(`${app.name}: one file per object, annotated as Handlebars output is; a new tag changes only the image's users`, async (t) => {
      const dir = await writeFixtureApp(t, app, TARGETS);
      const digest = await treeDigest(dir);
      for (const env of ['staging', 'production'] as const) {
        const first = await renderApp(dir, env, '7.0.0');
        const objects = [...first.documents.values()].map((text) => yaml.load(text) as KubeObject);
        assert.equal(first.documents.size, first.objects.length);
        assert.match(first.renderer ?? '', /^(helm|kustomize) v\d+\.\d+/);
        for (const object of objects) {
          const annotations = object.metadata.annotations ?? {};
          assert.equal(annotations['ferry.dev/app'], app.name, label(object));
          assert.equal(annotations['ferry.dev/environment'], env);
          assert.equal(annotations['ferry.dev/renderer'], first.renderer);
        }
        const users = objects.filter((o) => o.metadata.annotations?.['ferry.dev/image']);
        assert.deepEqual(
          users.map(label).sort(),
          app.users[env],
          `${env}: objects stamped with the image`,
        );
        for (const user of users)
          assert.ok(
            JSON.stringify(user).includes(`${app.image}:7.0.0`),
            `${label(user)} runs the new tag`,
          );
        // A new tag: exactly the image's users change, file by file.
        const second = await renderApp(dir, env, '7.0.1');
        assert.deepEqual([...second.documents.keys()], [...first.documents.keys()]);
        const changed = [...first.documents]
          .filter(([name, text]) => second.documents.get(name) !== text)
          .map(([name]) => label(yaml.load(second.documents.get(name)!) as KubeObject));
        assert.deepEqual(changed.sort(), app.users[env], `${env}: what a new tag changes`);
      }
      assert.equal(await treeDigest(dir), digest, 'the app folder is never modified');
    });
  }

  it('sets the image exactly as `kustomize edit set image` does, for a base that spells it another way', async (t) => {
    // online-boutique's base names the image by its full repository; an overlay maps `web`.
    const app = FIXTURE_APPS.find((a) => a.name === 'online-boutique')!;
    const dir = await writeFixtureApp(t, app, TARGETS);
    const overlay = join(dir, 'kustomize/overlays/staging');
    const mapped: FixtureApp = { ...app, image: 'registry.example.com/acme/frontend' };
    const { appendFile, writeFile } = await import('node:fs/promises');
    await appendFile(
      join(overlay, 'kustomization.yaml'),
      `images:\n  - name: ${app.image}\n    newName: registry.example.com/acme/frontend\n    newTag: old\n    digest: sha256:${'b'.repeat(64)}\n`,
    );
    const config = (await readFile(join(dir, 'ferry.yaml'), 'utf8')).replace(
      app.image,
      mapped.image,
    );
    await writeFile(join(dir, 'ferry.yaml'), config);
    const ours = await renderApp(dir, 'staging', '7.0.0');
    // The same edit by kustomize's own command, in a copy, then a plain build.
    const copy = await mkdtemp(join(tmpdir(), 'ferry-edit-'));
    t.after(() => rm(copy, { recursive: true, force: true }));
    await cp(join(dir, 'kustomize'), copy, { recursive: true });
    const edit = [`${app.image}=registry.example.com/acme/frontend:7.0.0`];
    await execFileAsync(tools.kustomize, ['edit', 'set', 'image', ...edit], {
      cwd: join(copy, 'overlays/staging'),
    });
    const built = objectsOf(
      (await execFileAsync(tools.kustomize, ['build', join(copy, 'overlays/staging')])).stdout,
    );
    const strip = (o: KubeObject) => {
      const annotations = Object.fromEntries(
        Object.entries(o.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('ferry.dev/')),
      );
      const metadata = { ...o.metadata, annotations };
      if (Object.keys(annotations).length === 0)
        delete (metadata as { annotations?: unknown }).annotations;
      return { ...o, metadata };
    };
    assert.deepEqual(
      [...ours.documents.values()].map((text) => strip(yaml.load(text) as KubeObject)),
      built,
    );
    assert.match(ours.yaml, /image: registry\.example\.com\/acme\/frontend:7\.0\.0\n/);
    assert.doesNotMatch(ours.yaml, /sha256:b{64}/, 'the old digest went with the old entry');
  });

  it('names the renderer in the proposal, and in every committed object', async (t) => {
    const { remote } = await localEnvRepo(t);
    const app = FIXTURE_APPS.find((a) => a.name === 'guestbook-chart')!;
    const dir = await writeFixtureApp(t, app, { ...TARGETS, repo: remote });
    const result = await propose(
      { config: join(dir, 'ferry.yaml'), env: 'staging', imageTag: '7.0.0' },
      capture().log,
      { env: {} },
    );
    const label = await helmLabel();
    assert.ok(result.body.includes(`**Rendered with:** \`${label}\`\n`), result.body);
    const committed = await bare(
      remote,
      'show',
      `${result.headSha}:apps/guestbook-chart/staging/service-guestbook-helm-guestbook.yaml`,
    );
    assert.match(committed, new RegExp(`ferry.dev/renderer: ${label.replace(/\./g, '\\.')}\n`));
  });

  it('promotes a chart from staging to production, rendered with production values', async (t) => {
    const { remote } = await localEnvRepo(t);
    const app = FIXTURE_APPS.find((a) => a.name === 'guestbook-chart')!;
    const dir = await writeFixtureApp(t, app, { ...TARGETS, repo: remote });
    const config = join(dir, 'ferry.yaml');
    await deployWithGit(remote, config, 'staging', '7.0.0');
    const result = await promote(
      { config, from: 'staging', to: 'production', force: true },
      capture().log,
      { env: {} },
    );
    const [promotion] = result.promotions;
    assert.ok(promotion && promotion.error === undefined, promotion?.error);
    const file = 'apps/guestbook-chart/production/deployment-guestbook-helm-guestbook.yaml';
    const deployment = yaml.load(await bare(remote, 'show', `${promotion.headSha}:${file}`)) as {
      spec: { replicas: number };
      metadata: { annotations: Record<string, string> };
    };
    assert.equal(deployment.spec.replicas, 3, 'production values');
    assert.equal(deployment.metadata.annotations['ferry.dev/image'], `${app.image}:7.0.0`);
    assert.equal(deployment.metadata.annotations['ferry.dev/renderer'], await helmLabel());
    const service = await bare(
      remote,
      'show',
      `${promotion.headSha}:${file.replace('deployment-', 'service-')}`,
    );
    assert.match(service, /type: LoadBalancer/, 'the production values file');
  });
});
