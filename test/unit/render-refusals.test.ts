// What the Kustomize and Helm sources refuse, with the real tools (issue 22): output that
// differs between two renders, remote resources and charts, unvendored dependencies, hooks, an
// image that reaches no object; and what they pass to helm (namespace, capabilities, values).
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import yaml from 'js-yaml';
import { render } from '../../src/commands/env-repo/render.js';
import { ConfigError } from '../../src/core/errors.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { capture } from '../helpers/env-repo.js';
import { helmLabel, RENDERER_FIXTURES, useTestTools } from '../helpers/renderer-fixtures.js';

/** An app folder with `files` (path → text) and a ferry.yaml for one environment, dev. */
async function app(
  t: TestContext,
  source: string,
  files: Record<string, string>,
  env = '',
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-render-refusal-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  await writeFile(
    join(dir, 'ferry.yaml'),
    `app: web\nimage: registry.example.com/acme/web\n${source}\nenvironments:\n  dev:\n    repo: ../envs\n    path: apps/web/dev\n    namespace: web-dev\n${env}`,
  );
  return join(dir, 'ferry.yaml');
}

const CHART = 'apiVersion: v2\nname: web\nversion: 1.0.0\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: {{ .Release.Namespace }}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"}]}
`;
const VALUES = 'image: {repository: registry.example.com/acme/web, tag: old}\n';
const HELM = 'helm: {chart: chart, imageValue: image.tag}';

async function rendered(config: string, tag = '1.0.0') {
  return render({ config, env: 'dev', imageTag: tag }, capture().log);
}

async function refusal(config: string): Promise<string> {
  try {
    await rendered(config);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected the render to be refused');
}

const objects = (yamlText: string) => yaml.loadAll(yamlText) as KubeObject[];

describe('helm: what ferry passes and what it refuses', () => {
  before(useTestTools);

  it('templates with the environment namespace, its versions and values in order', async (t) => {
    const config = await app(
      t,
      HELM,
      {
        'chart/Chart.yaml': CHART,
        'chart/values.yaml': `${VALUES}note: chart\n`,
        'chart/templates/deployment.yaml': DEPLOYMENT,
        'chart/templates/facts.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: facts}
data:
  namespace: {{ .Release.Namespace }}
  release: {{ .Release.Name }}
  kube: {{ .Capabilities.KubeVersion.Version }}
  monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}
  note: {{ .Values.note }}
`,
        'values-dev.yaml': 'note: file\n',
      },
      '    kubeVersion: "1.34.2"\n    apiVersions: [monitoring.coreos.com/v1]\n    valuesFiles: [values-dev.yaml]\n    values: {note: inline}\n',
    );
    const facts = objects((await rendered(config)).yaml).find((o) => o.kind === 'ConfigMap')!;
    assert.deepEqual(facts.data, {
      namespace: 'web-dev',
      release: 'web',
      kube: 'v1.34.2',
      monitoring: 'true',
      note: 'inline',
    });
  });

  it('leaves test pods out and keeps CRDs (sealed-secrets: crds/)', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-sealed-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(join(RENDERER_FIXTURES, 'helm/sealed-secrets'), join(dir, 'chart'), {
      recursive: true,
    });
    await cp(join(RENDERER_FIXTURES, 'helm/podinfo'), join(dir, 'podinfo'), { recursive: true });
    const write = (source: string, image: string) =>
      writeFile(
        join(dir, 'ferry.yaml'),
        `app: s\nimage: ${image}\n${source}\nenvironments:\n  dev: {repo: ../e, path: a, kubeVersion: "1.34"}\n`,
      );
    await write(HELM, 'docker.io/bitnami/sealed-secrets-controller');
    const sealed = objects((await rendered(join(dir, 'ferry.yaml'))).yaml);
    assert.ok(
      sealed.some((o) => o.kind === 'CustomResourceDefinition'),
      'the CRD of crds/',
    );
    await write('helm: {chart: podinfo, imageValue: image.tag}', 'ghcr.io/stefanprodan/podinfo');
    const podinfo = objects((await rendered(join(dir, 'ferry.yaml'))).yaml);
    assert.deepEqual(podinfo.map((o) => o.kind).sort(), ['Deployment', 'Service']);
  });

  it('refuses hooks naming the template, or leaves them out with hooks: skip', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-hooks-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(join(RENDERER_FIXTURES, 'helm/podinfo'), join(dir, 'chart'), { recursive: true });
    const config = (extra: string) =>
      writeFile(
        join(dir, 'ferry.yaml'),
        `app: p\nimage: ghcr.io/stefanprodan/podinfo\nhelm: {chart: chart, imageValue: image.tag}\n${extra}environments:\n  dev:\n    repo: ../e\n    path: a\n    kubeVersion: "1.34"\n    values: {hooks: {preInstall: {job: {enabled: true}}}}\n`,
      );
    await config('');
    assert.equal(
      await refusal(join(dir, 'ferry.yaml')),
      'chart/templates/hooks/job.yaml: Job default/p-podinfo-pre-install is a Helm hook (helm.sh/hook: pre-install); ferry applies plain objects and cannot run a hook in its phase: set hooks: skip to leave hooks out',
    );
    await config('hooks: skip\n');
    const kept = objects((await rendered(join(dir, 'ferry.yaml'))).yaml);
    assert.deepEqual(kept.map((o) => o.kind).sort(), ['Deployment', 'Service']);
  });

  it('refuses output that differs between two renders, unless the path is volatile', async (t) => {
    const files = {
      'chart/Chart.yaml': CHART,
      'chart/values.yaml': VALUES,
      'chart/templates/deployment.yaml': DEPLOYMENT,
      'chart/templates/token.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: token}\ndata:\n  stable: x\n  token: {{ randAlphaNum 16 | quote }}\n',
    };
    assert.equal(
      await refusal(await app(t, HELM, files)),
      'chart/templates/token.yaml: two renders of chart (helm v3.21) differ in ConfigMap token at /data/token (a random or time-based value (randAlphaNum, now, genCA, …) changes on every run); make it stable, or declare the path volatile'.replace(
        'helm v3.21',
        await helmLabel(),
      ),
    );
    const volatile = `${HELM}\nvolatile: [{paths: [/data/token], target: {kind: ConfigMap, name: token}}]`;
    const accepted = objects((await rendered(await app(t, volatile, files))).yaml);
    // The first render's value stands.
    const token = accepted.find((o) => o.kind === 'ConfigMap')?.data as Record<string, string>;
    assert.match(token.token ?? '', /^[A-Za-z0-9]{16}$/);
  });

  it('refuses a dependency not vendored in charts/, and a remote chart, unless allowRemote', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-deps-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(join(RENDERER_FIXTURES, 'helm/wordpress-dependency'), join(dir, 'chart'), {
      recursive: true,
    });
    await writeFile(
      join(dir, 'ferry.yaml'),
      `app: w\nimage: docker.io/bitnami/wordpress\n${HELM}\nenvironments:\n  dev: {repo: ../e, path: a}\n`,
    );
    assert.equal(
      await refusal(join(dir, 'ferry.yaml')),
      'chart/Chart.yaml: dependency "wordpress" from "https://charts.helm.sh/stable" is not vendored in charts/; run `helm dependency build` and commit charts/, or set allowRemote: true',
    );
    const remote = await app(
      t,
      'helm: {chart: "oci://registry.example.com/charts/web", version: 1.0.0, imageValue: image.tag}',
      {},
    );
    assert.equal(
      await refusal(remote),
      'oci://registry.example.com/charts/web: is a remote chart; remote charts are refused unless allowRemote: true',
    );
  });

  it('renders vendored subcharts offline, and with allowRemote builds undeclared ones in a scratch copy', async (t) => {
    const umbrella = `${CHART}dependencies:\n  - {name: podinfo, version: 6.14.1, repository: "file://../podinfo"}\n`;
    const files = {
      'chart/Chart.yaml': umbrella,
      'chart/values.yaml': `${VALUES}podinfo: {replicaCount: 3}\n`,
      'chart/templates/deployment.yaml': DEPLOYMENT,
    };
    const config = await app(t, HELM, files, '    kubeVersion: "1.34"\n');
    const dir = join(config, '..');
    await cp(join(RENDERER_FIXTURES, 'helm/podinfo'), join(dir, 'podinfo'), { recursive: true });
    assert.match(
      await refusal(config),
      /dependency "podinfo" from "file:\/\/\.\.\/podinfo" is not vendored/,
    );
    // allowRemote: `helm dependency build` in a scratch copy; the app folder gains nothing.
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(HELM, `${HELM}\nallowRemote: true`),
    );
    const built = objects((await rendered(config)).yaml);
    assert.ok(
      built.some((o) => o.metadata.name === 'web-podinfo'),
      'the subchart rendered',
    );
    await assert.rejects(readFile(join(dir, 'chart/Chart.lock')), /ENOENT/);
    // Vendored by hand (a folder in charts/): offline again.
    await writeFile(config, (await readFile(config, 'utf8')).replace('\nallowRemote: true', ''));
    await cp(join(dir, 'podinfo'), join(dir, 'chart/charts/podinfo'), { recursive: true });
    const vendored = objects((await rendered(config)).yaml);
    const sub = vendored.find((o) => o.kind === 'Deployment' && o.metadata.name === 'web-podinfo');
    assert.equal((sub?.spec as { replicas?: number }).replicas, 3);
  });

  it('refuses a chart whose files link out of it', async (t) => {
    const files = {
      'chart/Chart.yaml': CHART,
      'chart/values.yaml': VALUES,
      'chart/templates/deployment.yaml': DEPLOYMENT,
      'outside.txt': "not the chart's\n",
    };
    const config = await app(t, HELM, files);
    const dir = join(config, '..');
    await symlink(join(dir, 'outside.txt'), join(dir, 'chart/templates/linked.txt'));
    assert.equal(
      await refusal(config),
      `chart/templates/linked.txt: chart file is a symbolic link to ${await realpath(join(dir, 'outside.txt'))}, outside the chart ${join(dir, 'chart')}; refused, nothing was read from it`,
    );
  });

  it('refuses a chart that puts the image nowhere, and a digest without a tag', async (t) => {
    const files = {
      'chart/Chart.yaml': CHART,
      'chart/values.yaml': VALUES,
      'chart/templates/deployment.yaml': DEPLOYMENT,
    };
    assert.equal(
      await refusal(await app(t, 'helm: {chart: chart, imageValue: image.version}', files)),
      'chart: no object uses registry.example.com/acme/web:1.0.0 after helm.image.version; check that image: (registry.example.com/acme/web) is how the workloads name the image',
    );
    const config = await app(t, HELM, files);
    await assert.rejects(
      render({ config, env: 'dev', imageDigest: `sha256:${'c'.repeat(64)}` }, capture().log),
      /helm\.imageValue: a chart receives the image as a tag; give --image-tag/,
    );
  });
});

describe('kustomize: what ferry refuses', () => {
  before(useTestTools);
  const base = {
    'deploy/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'deploy/base/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: web, image: registry.example.com/acme/web:old}]}\n',
  };

  it('refuses a remote resource unless allowRemote, naming the kustomization and the entry', async (t) => {
    const config = await app(t, 'kustomize: deploy/overlays/{env}', {
      ...base,
      'deploy/overlays/dev/kustomization.yaml':
        'resources:\n  - ../../base\n  - https://github.com/acme/shared//deploy?ref=v1\n',
    });
    assert.equal(
      await refusal(config),
      'deploy/overlays/dev/kustomization.yaml: resources: "https://github.com/acme/shared//deploy?ref=v1" is not a file or folder here; remote resources (URLs, git) are refused unless allowRemote: true',
    );
  });

  it('refuses a remote base deep in the tree, and helmCharts', async (t) => {
    const config = await app(t, 'kustomize: deploy/overlays/{env}', {
      ...base,
      'deploy/base/kustomization.yaml':
        'resources: [deployment.yaml]\ncomponents: [github.com/acme/c?ref=v1]\n',
      'deploy/overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
    });
    assert.match(
      await refusal(config),
      /^deploy\/overlays\/dev\/\.\.\/\.\.\/base\/kustomization\.yaml: components: "github\.com\/acme\/c\?ref=v1"|^deploy\/base\/kustomization\.yaml: components/,
    );
    const charts = await app(t, 'kustomize: deploy/base', {
      ...base,
      'deploy/base/kustomization.yaml':
        'resources: [deployment.yaml]\nhelmCharts: [{name: redis, repo: https://charts.example.com}]\n',
    });
    assert.match(
      await refusal(charts),
      /^deploy\/base\/kustomization\.yaml: helmCharts: inflating a chart inside kustomize is not supported/,
    );
  });

  it('names the tool and its message when the build fails, without scratch paths', async (t) => {
    const config = await app(t, 'kustomize: deploy/overlays/{env}', {
      ...base,
      'deploy/overlays/dev/kustomization.yaml':
        'resources: [../../base]\npatches: [{path: missing.yaml}]\n',
    });
    const message = await refusal(config);
    assert.match(
      message,
      /^deploy\/overlays\/dev: kustomize v[\d.]+ failed:\n {2}Error: .*missing\.yaml/s,
    );
    assert.doesNotMatch(message, /ferry-kustomize-/);
  });
});
