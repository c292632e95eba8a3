// The pure parts of the Kustomize and Helm sources (issue 22): the kustomization edit ferry
// makes, what counts as a reference, vendored dependencies, versions, hooks and the comparison
// of two renders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingDependencies, parseChartFile } from '../../src/core/chart.js';
import { ConfigError } from '../../src/core/errors.js';
import { imageReference } from '../../src/core/image.js';
import {
  imageEntry,
  kustomizationReferences,
  parseKustomization,
} from '../../src/core/kustomization.js';
import { setImage } from '../../src/core/kustomization-edit.js';
import type { KubeObject, RenderedManifest } from '../../src/core/manifest.js';
import {
  applyHookPolicy,
  parseRenderedStream,
  refuseNondeterminism,
} from '../../src/core/rendered-stream.js';
import { parseSetDescriptor } from '../../src/core/set-descriptor.js';
import { checkToolVersion, parseToolVersion } from '../../src/core/tool-version.js';

const image = imageReference('registry.example.com/acme/web', '1.4.3');
const digest = `sha256:${'a'.repeat(64)}`;

function entryOf(text: string, ref = image) {
  return imageEntry(parseKustomization(text, 'kustomization.yaml'), ref);
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('the images: entry ferry sets, as kustomize edit set image does', () => {
  it('matches an entry by name, else by newName, else adds one named by the image', () => {
    assert.deepEqual(
      entryOf('images:\n  - name: registry.example.com/acme/web\n    newTag: "1.0"\n'),
      { name: 'registry.example.com/acme/web', newTag: '1.4.3' },
    );
    // A base that spells the image `web`, an overlay that maps it: the entry keeps its name.
    assert.deepEqual(
      entryOf('images:\n  - name: web\n    newName: registry.example.com/acme/web\n'),
      { name: 'web', newName: 'registry.example.com/acme/web', newTag: '1.4.3' },
    );
    assert.deepEqual(entryOf('resources: [a.yaml]\n'), {
      name: 'registry.example.com/acme/web',
      newTag: '1.4.3',
    });
  });

  it('replaces the entry whole: no old digest or suffix survives; a digest goes with the tag', () => {
    const old = `images:\n  - name: registry.example.com/acme/web\n    digest: ${digest}\n    tagSuffix: -old\n`;
    assert.deepEqual(entryOf(old), { name: 'registry.example.com/acme/web', newTag: '1.4.3' });
    const both = imageReference('registry.example.com/acme/web', '1.4.3', digest);
    assert.deepEqual(entryOf(old, both), {
      name: 'registry.example.com/acme/web',
      newTag: '1.4.3',
      digest,
    });
  });

  it('changes only the images: block; every other byte stays as written', () => {
    const text = [
      '# a comment kustomize ignores',
      'namespace: "0123"',
      'images:',
      '  - name: other',
      '    newTag: keep',
      '  - name: registry.example.com/acme/web',
      '    newTag: old',
      'patches:',
      '  - path: patch.yaml # trailing comment',
      '',
    ].join('\n');
    const out = setImage(text, parseKustomization(text, 'k'), image);
    assert.equal(
      out,
      [
        '# a comment kustomize ignores',
        'namespace: "0123"',
        'images:',
        '  - {"name":"other","newTag":"keep"}',
        '  - {"name":"registry.example.com/acme/web","newTag":"1.4.3"}',
        'patches:',
        '  - path: patch.yaml # trailing comment',
        '',
      ].join('\n'),
    );
    const none = 'resources:\n  - a.yaml';
    assert.equal(
      setImage(none, parseKustomization(none, 'k'), image),
      'resources:\n  - a.yaml\nimages:\n  - {"name":"registry.example.com/acme/web","newTag":"1.4.3"}\n',
    );
    const flow = '{resources: [a.yaml], images: [{name: other}]}';
    assert.deepEqual(JSON.parse(setImage(flow, parseKustomization(flow, 'k'), image)), {
      resources: ['a.yaml'],
      images: [{ name: 'other' }, { name: 'registry.example.com/acme/web', newTag: '1.4.3' }],
    });
  });
});

describe('kustomization references', () => {
  it('lists string entries of the fields that name paths or remote locations; inline ones are not', () => {
    const text = `resources:
  - deployment.yaml
  - ../../base
  - https://github.com/acme/base//deploy?ref=v1
  - github.com/acme/base?ref=v1
components: [../../components/x]
transformers:
  - labels.yaml
  - |
    apiVersion: builtin
    kind: LabelTransformer
generators:
  - {apiVersion: builtin, kind: ConfigMapGenerator}
patches:
  - path: patch.yaml
`;
    assert.deepEqual(
      kustomizationReferences(parseKustomization(text, 'k')).map((r) => `${r.field} ${r.value}`),
      [
        'resources deployment.yaml',
        'resources ../../base',
        'resources https://github.com/acme/base//deploy?ref=v1',
        'resources github.com/acme/base?ref=v1',
        'components ../../components/x',
        'transformers labels.yaml',
      ],
    );
  });

  it('refuses a kustomization that is not a mapping, naming the file', () => {
    assert.equal(
      messageOf(() => parseKustomization('- a\n', 'overlays/x/kustomization.yaml')),
      'overlays/x/kustomization.yaml: expected a mapping (a Kustomization)',
    );
  });
});

describe('chart dependencies', () => {
  const chart = `apiVersion: v2
name: shop
version: 1.0.0
dependencies:
  - name: redis
    version: 18.1.0
    repository: oci://registry-1.docker.io/bitnamicharts
  - name: podinfo
    version: 6.14.1
    repository: file://../podinfo
`;
  it('must be vendored in charts/: a folder whose Chart.yaml names it, or its archive', () => {
    const { dependencies } = parseChartFile(chart, 'Chart.yaml');
    assert.deepEqual(
      missingDependencies(dependencies, { folders: ['podinfo'], archives: [] }).map((d) => d.name),
      ['redis'],
    );
    assert.deepEqual(
      missingDependencies(dependencies, {
        folders: ['podinfo'],
        archives: ['redis-18.1.0.tgz', 'redisx-1.0.0.tgz'],
      }),
      [],
    );
    assert.deepEqual(
      missingDependencies(dependencies, {
        folders: [],
        archives: ['redis-sentinel-1.0.0.tgz'],
      }).map((d) => d.name),
      ['redis', 'podinfo'],
    );
  });
});

describe('renderer versions', () => {
  it('reads what each tool prints', () => {
    assert.deepEqual(parseToolVersion('v5.8.1\n'), [5, 8, 1]);
    assert.deepEqual(parseToolVersion('{Version:kustomize/v4.5.7 GitCommit:56d82a8}'), [4, 5, 7]);
    assert.deepEqual(parseToolVersion('v3.21+g1234'), [3, 21]);
    assert.equal(parseToolVersion('dev build'), undefined);
  });

  it('refuses kustomize before 5 and helm before 3.14; accepts helm 4', () => {
    assert.equal(checkToolVersion('kustomize', 'v5.0.0', 'k'), 'v5.0.0');
    assert.equal(checkToolVersion('helm', 'v3.14.0+gabc', 'h'), 'v3.14.0');
    assert.equal(checkToolVersion('helm', 'v4.0.1', 'h'), 'v4.0.1');
    assert.equal(
      messageOf(() =>
        checkToolVersion('kustomize', '{Version:kustomize/v4.5.7}', '/usr/bin/kustomize'),
      ),
      '/usr/bin/kustomize: kustomize v4.5.7 is older than 5.0, the oldest ferry supports',
    );
    assert.equal(
      messageOf(() => checkToolVersion('helm', 'v3.13.3', 'helm')),
      'helm: helm v3.13.3 is older than 3.14, the oldest ferry supports',
    );
  });
});

const object = (kind: string, name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'shop' },
  ...extra,
});

describe("a renderer's output", () => {
  it('names each object by the template helm says it came from', () => {
    const text = `---
# Source: podinfo/templates/service.yaml
apiVersion: v1
kind: Service
metadata: {name: web}
---
# Source: podinfo/charts/redis/templates/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: redis}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: second-in-same-file}
---
# Source: podinfo/templates/empty.yaml
`;
    const sources = parseRenderedStream(
      text,
      (c) => `charts/podinfo/${c?.split('/').slice(1).join('/')}`,
    ).map((m) => `${m.object.metadata.name} ${m.source}`);
    assert.deepEqual(sources, [
      'web charts/podinfo/templates/service.yaml',
      'redis charts/podinfo/charts/redis/templates/cm.yaml',
      'second-in-same-file charts/podinfo/charts/redis/templates/cm.yaml',
    ]);
  });

  it('refuses Helm hooks, or leaves them out with hooks: skip', () => {
    const manifests: RenderedManifest[] = [
      { source: 'a', object: object('ConfigMap', 'kept') },
      {
        source: 'charts/x/templates/job.yaml',
        object: object('Job', 'migrate', {
          metadata: { name: 'migrate', annotations: { 'helm.sh/hook': 'pre-upgrade' } },
        }),
      },
    ];
    assert.equal(
      messageOf(() => applyHookPolicy(manifests, 'refuse')),
      'charts/x/templates/job.yaml: Job migrate is a Helm hook (helm.sh/hook: pre-upgrade); ferry applies plain objects and cannot run a hook in its phase: set hooks: skip to leave hooks out',
    );
    const skipped = applyHookPolicy(manifests, 'skip');
    assert.deepEqual(
      skipped.manifests.map((m) => m.object.metadata.name),
      ['kept'],
    );
    assert.deepEqual(skipped.skipped, ['Job migrate']);
  });

  it('refuses two renders that differ, naming object and path, unless the path is volatile', () => {
    const secret = (value: string) => [
      {
        source: 'charts/x/templates/secret.yaml',
        object: object('Secret', 'tls', { data: { 'tls.crt': value, 'ca.crt': 'same' } }),
      },
    ];
    assert.equal(
      messageOf(() =>
        refuseNondeterminism(secret('A'), secret('B'), [], 'charts/x (helm v3.21.4)'),
      ),
      'charts/x/templates/secret.yaml: two renders of charts/x (helm v3.21.4) differ in Secret shop/tls at /data/tls.crt (a random or time-based value (randAlphaNum, now, genCA, …) changes on every run); make it stable, or declare the path volatile',
    );
    refuseNondeterminism(
      secret('A'),
      secret('B'),
      [{ paths: ['/data/tls.crt'], target: { kind: 'Secret', name: 'tls' } }],
      'x',
    );
    // A rule for another object does not cover this one.
    assert.match(
      messageOf(() =>
        refuseNondeterminism(
          secret('A'),
          secret('B'),
          [{ paths: ['/data/tls.crt'], target: { name: 'other' } }],
          'x',
        ),
      ),
      /at \/data\/tls\.crt/,
    );
    assert.match(
      messageOf(() => refuseNondeterminism(secret('A'), [], [], 'x')),
      /Secret shop\/tls is in one of two renders of x only/,
    );
    assert.match(
      messageOf(() => refuseNondeterminism([], secret('A'), [], 'x')),
      /^x: Secret shop\/tls is in one of two renders only/,
    );
  });
});

describe("a set's descriptor says how its chart or kustomization is built", () => {
  const build = (text: string) =>
    parseSetDescriptor(`inventory: web\n${text}`, 'apps/web/.ferry-set.yaml').descriptor.build;

  it("reads helm:, allowRemote, hooks and volatile, in ferry.yaml's words; nothing when absent", () => {
    assert.deepEqual(
      build(
        'helm: {valuesFiles: [values-prod.yaml], releaseName: web, kubeVersion: "1.34", apiVersions: [x.io/v1]}\nallowRemote: true\nhooks: skip\nvolatile: [{paths: [/data/ca.crt]}]\n',
      ),
      {
        valuesFiles: ['values-prod.yaml'],
        releaseName: 'web',
        kubeVersion: '1.34',
        apiVersions: ['x.io/v1'],
        allowRemote: true,
        hooks: 'skip',
        volatile: [{ paths: ['/data/ca.crt'] }],
      },
    );
    // No defaults filled in: a plain folder's descriptor says nothing about building.
    assert.deepEqual(build(''), {});
  });

  it("refuses what ferry.yaml's schema refuses, naming file, line and field", () => {
    const refusal = (text: string) => () => build(text);
    assert.throws(refusal('helm:\n  kubeVersion: latest\n'), {
      name: 'ConfigError',
      message:
        'apps/web/.ferry-set.yaml:3: helm.kubeVersion: expected a Kubernetes version such as 1.34 or v1.34.2',
    });
    assert.throws(refusal('hooks: run\n'), {
      message: 'apps/web/.ferry-set.yaml:2: hooks: expected one of refuse, skip',
    });
    assert.throws(
      refusal('helm: {chart: x}\n'),
      /apps\/web\/\.ferry-set\.yaml:2: helm\.chart: unknown key/,
    );
  });
});
