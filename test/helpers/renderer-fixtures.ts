// The public charts and overlays of test/fixtures/renderers as ferry apps (issue 22): each with
// a ferry.yaml for two environments and the objects that use its image.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { findTool } from '../../src/adapters/renderers/tools.js';
import { toolBinary } from './tools.js';

export const RENDERER_FIXTURES = 'test/fixtures/renderers';

/** A fixture as an app: where it goes in the app folder and how ferry.yaml uses it. */
export interface FixtureApp {
  name: string;
  /** Fixture folder under test/fixtures/renderers, copied to `into` in the app folder. */
  fixture: string;
  into: string;
  image: string;
  /** ferry.yaml's source lines (`helm: …` or `kustomize: …`). */
  source: string;
  /** Extra lines of each environment (values, valuesFiles, kubeVersion). */
  staging: string;
  production: string;
  /** The objects that use the image, as `Kind name` (the only ones a new tag changes). */
  users: Record<'staging' | 'production', string[]>;
  /** Cluster-scoped objects both environments render alike (one cluster holds both here). */
  shared?: boolean;
  /** Namespaces an overlay names itself: replaced in the app's copy by the test's own. */
  namespaces?: Record<'staging' | 'production', string>;
  /** Edits to the app's copy of what cannot run on the test control plane (file: from → to). */
  edits?: { file: string; from: RegExp; to: string; why: string }[];
}

export const FIXTURE_APPS: FixtureApp[] = [
  {
    name: 'podinfo-chart',
    fixture: 'helm/podinfo',
    into: 'chart',
    image: 'ghcr.io/stefanprodan/podinfo',
    source: 'helm: {chart: chart, imageValue: image.tag, imageRepositoryValue: image.repository}',
    staging: '    kubeVersion: "1.34"\n    values: {replicaCount: 2}',
    production: '    kubeVersion: "1.34"\n    valuesFiles: [chart/values-prod.yaml]',
    users: { staging: ['Deployment podinfo-chart'], production: ['Deployment podinfo-chart'] },
  },
  {
    name: 'guestbook-chart',
    fixture: 'helm/guestbook',
    into: 'helm-guestbook',
    image: 'gcr.io/google-samples/gb-frontend',
    source: 'helm: {chart: helm-guestbook, imageValue: image.tag, releaseName: guestbook}',
    staging: '    values: {replicaCount: 1}',
    production:
      '    valuesFiles: [helm-guestbook/values-production.yaml]\n    values: {replicaCount: 3}',
    users: {
      staging: ['Deployment guestbook-helm-guestbook'],
      production: ['Deployment guestbook-helm-guestbook'],
    },
  },
  {
    name: 'sealed-secrets-chart',
    fixture: 'helm/sealed-secrets',
    into: 'sealed-secrets',
    image: 'docker.io/bitnami/sealed-secrets-controller',
    source: 'helm: {chart: sealed-secrets, imageValue: image.tag}',
    staging: '    kubeVersion: "1.34"',
    production: '    kubeVersion: "1.34"\n    values: {resources: {limits: {memory: 256Mi}}}',
    users: {
      staging: ['Deployment sealed-secrets-chart'],
      production: ['Deployment sealed-secrets-chart'],
    },
    shared: true,
  },
  {
    name: 'ldap',
    fixture: 'kustomize/ldap',
    into: 'deploy',
    image: 'osixia/openldap',
    source: 'kustomize: deploy/overlays/{env}',
    staging: '',
    production: '',
    users: { staging: ['Deployment staging-ldap'], production: ['Deployment production-ldap'] },
    edits: [
      {
        file: 'overlays/production/deployment.yaml',
        from: /\n {2}template:[\s\S]*$/,
        to: '\n',
        why: 'a gcePersistentDisk volume: no node of the test control plane can attach one, so its pods never schedule; the patch keeps replicas: 6',
      },
    ],
  },
  {
    name: 'podinfo-overlays',
    fixture: 'kustomize/podinfo',
    into: 'deploy',
    image: 'ghcr.io/stefanprodan/podinfo',
    source: 'kustomize: deploy/overlays/{env}',
    staging: '',
    production: '',
    users: {
      staging: ['CronJob warm-cache', 'Deployment backend', 'Deployment frontend'],
      production: ['CronJob warm-cache', 'Deployment backend', 'Deployment frontend'],
    },
    namespaces: { staging: 'staging', production: 'production' },
  },
  {
    name: 'online-boutique',
    fixture: 'kustomize/online-boutique',
    into: 'kustomize',
    image: 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend',
    source: 'kustomize: kustomize/overlays/{env}',
    staging: '',
    production: '',
    users: { staging: ['Deployment frontend'], production: ['Deployment frontend'] },
  },
];

/** Where each environment deploys: its namespace and env-repo folder. */
export interface FixtureTargets {
  repo: string;
  namespaces: Record<'staging' | 'production', string>;
}

/** The app's ferry.yaml for two environments in `repo`. */
export function fixtureConfig(app: FixtureApp, targets: FixtureTargets): string {
  const env = (name: 'staging' | 'production', extra: string) =>
    `  ${name}:
    repo: ${JSON.stringify(targets.repo)}
    forge: git
    path: apps/${app.name}/${name}
    namespace: ${targets.namespaces[name]}
${extra ? `${extra}\n` : ''}`;
  return `app: ${app.name}
image: ${app.image}
${app.source}
environments:
${env('staging', app.staging)}${env('production', app.production)}`;
}

/**
 * Writes the app (the fixture copied in, ferry.yaml beside it; removed after the test) and
 * returns its folder. An overlay's own namespaces become the test's (in the copy only).
 */
export async function writeFixtureApp(
  t: TestContext,
  app: FixtureApp,
  targets: FixtureTargets,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ferry-${app.name}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(join(RENDERER_FIXTURES, app.fixture), join(dir, app.into), { recursive: true });
  for (const env of ['staging', 'production'] as const) {
    const own = app.namespaces?.[env];
    if (!own) continue;
    const overlay = join(dir, app.into, 'overlays', env);
    for (const file of await readdir(overlay)) {
      const path = join(overlay, file);
      const text = await readFile(path, 'utf8');
      await writeFile(
        path,
        text.replace(
          new RegExp(`^(\\s*(namespace|name): )${own}$`, 'gm'),
          `$1${targets.namespaces[env]}`,
        ),
      );
    }
  }
  for (const edit of app.edits ?? []) {
    const path = join(dir, app.into, edit.file);
    const text = await readFile(path, 'utf8');
    if (!edit.from.test(text))
      throw new Error(`${edit.file}: the edit for ${edit.why} no longer applies`);
    await writeFile(path, text.replace(edit.from, edit.to));
  }
  await writeFile(join(dir, 'ferry.yaml'), fixtureConfig(app, targets));
  return dir;
}

/** Points ferry at the test's kustomize and helm through FERRY_KUSTOMIZE and FERRY_HELM. */
export async function useTestTools(): Promise<{ helm: string; kustomize: string }> {
  const tools = { helm: await toolBinary('helm'), kustomize: await toolBinary('kustomize') };
  process.env.FERRY_HELM = tools.helm;
  process.env.FERRY_KUSTOMIZE = tools.kustomize;
  return tools;
}

/** What ferry records as the helm it ran (`helm v3.21.4`). */
export async function helmLabel(): Promise<string> {
  return (await findTool('helm')).label;
}
