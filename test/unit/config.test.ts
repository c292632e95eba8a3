import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inferForge, parseConfig } from '../../src/core/config.js';
import { VALIDATOR_FILE, validatorSource } from '../../scripts/schema-validator.js';
import { ConfigError } from '../../src/core/errors.js';

const valid = `app: guestbook
image: registry.example.com/acme/guestbook
templates: deploy
environments:
  staging:
    repo: acme/environments
    forge: github
    branch: main
    path: apps/guestbook/staging
    values: {replicas: 2}
  production:
    repo: acme/environments
    path: apps/guestbook/production
    promoteFrom: staging
`;

function errorOf(text: string): string {
  try {
    parseConfig(text, 'ferry.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail('expected the config to be rejected');
}

describe('ferry.yaml', () => {
  it('parses a valid config and applies defaults', () => {
    const config = parseConfig(valid, 'ferry.yaml');
    assert.equal(config.app, 'guestbook');
    assert.equal(config.environments.production?.branch, 'main');
    assert.deepEqual(config.environments.production?.values, {});
    assert.equal(config.environments.production?.promoteFrom, 'staging');
    assert.deepEqual(config.environments.staging?.values, { replicas: 2 });
  });

  it('validates with the schema as it is now (the compiled validator is up to date)', () => {
    assert.equal(
      readFileSync(VALIDATOR_FILE, 'utf8'),
      validatorSource(),
      `${VALIDATOR_FILE} is out of date: run npm run schema:validator`,
    );
    // And it is stale the moment the schema changes.
    const schema = readFileSync('schema/ferry.schema.json', 'utf8');
    assert.notEqual(
      validatorSource(schema.replace('"minLength": 1', '"minLength": 2')),
      validatorSource(),
    );
  });

  it('parses the shipped example', () => {
    const text = readFileSync('examples/guestbook/ferry.yaml', 'utf8');
    const config = parseConfig(text, 'examples/guestbook/ferry.yaml');
    assert.deepEqual(Object.keys(config.environments), ['staging', 'production']);
  });

  it('names file, line and field for a wrong type', () => {
    const text = valid.replace(
      '    path: apps/guestbook/production\n',
      '    path: apps/guestbook/production\n    branch: [main]\n',
    );
    assert.equal(errorOf(text), 'ferry.yaml:14: environments.production.branch: expected a string');
  });

  it('names a missing required key at its parent', () => {
    assert.equal(
      errorOf(valid.replace('    path: apps/guestbook/production\n', '')),
      'ferry.yaml:11: environments.production.path: is required',
    );
  });

  it('rejects unknown keys (typos) with their line', () => {
    assert.equal(
      errorOf(valid.replace('    branch: main\n', '    brnach: main\n')),
      'ferry.yaml:8: environments.staging.brnach: unknown key (expected one of repo, forge, branch, path, secrets, namespace, inventory, clusters, dependsOn, promoteFrom, values, valuesFiles, kubeVersion, apiVersions)',
    );
  });

  it('rejects an unknown forge', () => {
    assert.equal(
      errorOf(valid.replace('forge: github', 'forge: bitbucket')),
      'ferry.yaml:7: environments.staging.forge: expected one of github, gitlab, git',
    );
  });

  it('rejects a path that escapes the repository', () => {
    assert.match(
      errorOf(valid.replace('path: apps/guestbook/staging', 'path: ../outside')),
      /^ferry\.yaml:9: environments\.staging\.path: must be a folder inside the repository/,
    );
  });

  for (const path of [
    '.ferry',
    '.ferry/pins',
    '.github',
    '.github/workflows',
    '.gitlab-ci.yml',
    '.gitlab',
    '.git',
    'apps/.git',
    'apps/.GIT/x',
    '..',
    'apps/../..',
    '/etc',
    './apps',
    'apps\\demo',
    'apps//demo',
  ]) {
    it(`rejects the reserved or escaping path ${JSON.stringify(path)} with file and line`, () => {
      assert.match(
        errorOf(valid.replace('path: apps/guestbook/staging', `path: ${JSON.stringify(path)}`)),
        /^ferry\.yaml:9: environments\.staging\.path: /,
      );
    });
  }

  it('accepts ordinary folders, dots inside names included', () => {
    for (const path of [
      'apps',
      'apps/guestbook/staging',
      'clusters/eu-1.prod/guestbook',
      'a.b/c_d',
    ])
      parseConfig(valid.replace('path: apps/guestbook/staging', `path: ${path}`), 'ferry.yaml');
  });

  it('rejects promoteFrom naming no environment', () => {
    assert.equal(
      errorOf(valid.replace('promoteFrom: staging', 'promoteFrom: qa')),
      'ferry.yaml:14: environments.production.promoteFrom: no environment named "qa"',
    );
  });

  it('reports invalid YAML with its line', () => {
    assert.match(errorOf('app: x\nimage: [unclosed\n'), /^ferry\.yaml:\d+: invalid YAML: /);
  });

  it('rejects duplicate keys', () => {
    assert.match(
      errorOf(valid.replace('app: guestbook\n', 'app: guestbook\napp: other\n')),
      /^ferry\.yaml:2: invalid YAML: .*[Uu]nique/,
    );
  });

  it('infers the forge from the repo', () => {
    assert.equal(inferForge({ forge: undefined, repo: 'acme/environments' }), 'github');
    assert.equal(
      inferForge({ forge: undefined, repo: 'https://gitlab.example.com/acme/envs.git' }),
      'gitlab',
    );
    assert.equal(inferForge({ forge: undefined, repo: '../environments' }), 'git');
    assert.equal(inferForge({ forge: undefined, repo: '/srv/git/envs.git' }), 'git');
    assert.equal(inferForge({ forge: 'gitlab', repo: 'acme/environments' }), 'gitlab');
  });

  describe('sources: templates, kustomize or helm (issue 22)', () => {
    const withSource = (source: string, env = '') =>
      valid
        .replace('templates: deploy\n', source)
        .replace('    values: {replicas: 2}\n', `    values: {replicas: 2}\n${env}`);

    it('reads a Kustomize overlay per environment and a Helm chart with its keys', () => {
      const kustomize = parseConfig(withSource('kustomize: overlays/{env}\n'), 'ferry.yaml');
      assert.deepEqual(kustomize.source, { kind: 'kustomize', folder: 'overlays/{env}' });
      assert.deepEqual(kustomize.policy, { allowRemote: false, hooks: 'refuse', volatile: [] });
      const helm = parseConfig(
        withSource(
          'helm: {chart: charts/web, imageValue: image.tag}\nhooks: skip\nallowRemote: true\nvolatile: [{paths: [/data/x], target: {kind: Secret}}]\n',
          '    valuesFiles: [values-staging.yaml]\n    kubeVersion: "1.34"\n    apiVersions: [monitoring.coreos.com/v1]\n',
        ),
        'ferry.yaml',
      );
      assert.deepEqual(helm.source, {
        kind: 'helm',
        chart: 'charts/web',
        imageValue: 'image.tag',
        releaseName: 'guestbook',
      });
      assert.deepEqual(helm.policy, {
        allowRemote: true,
        hooks: 'skip',
        volatile: [{ paths: ['/data/x'], target: { kind: 'Secret' } }],
      });
      assert.deepEqual(helm.environments.staging?.valuesFiles, ['values-staging.yaml']);
      assert.equal(helm.environments.staging?.kubeVersion, '1.34');
      assert.deepEqual(helm.environments.production?.valuesFiles, []);
    });

    it('wants exactly one source, naming the line of the second', () => {
      assert.equal(
        errorOf(valid.replace('templates: deploy\n', '')),
        'ferry.yaml:1: (top level): give one of templates, kustomize, helm (how the manifests are made)',
      );
      assert.equal(
        errorOf(
          valid.replace('templates: deploy\n', 'templates: deploy\nkustomize: overlays/{env}\n'),
        ),
        'ferry.yaml:4: kustomize: give only one of templates, kustomize, helm (templates is given too)',
      );
    });

    it('checks the helm keys and the policy keys, with file and line', () => {
      assert.equal(
        errorOf(withSource('helm: {chart: c, imageValue: "image tag"}\n')),
        'ferry.yaml:3: helm.imageValue: expected a dotted values path such as image.tag',
      );
      assert.equal(
        errorOf(withSource('helm: {imageValue: image.tag}\n')),
        'ferry.yaml:3: helm.chart: is required',
      );
      assert.equal(
        errorOf(withSource('kustomize: o\nhooks: run\n')),
        'ferry.yaml:4: hooks: expected one of refuse, skip',
      );
      assert.equal(
        errorOf(
          withSource('helm: {chart: c, imageValue: image.tag}\n', '    kubeVersion: latest\n'),
        ),
        'ferry.yaml:11: environments.staging.kubeVersion: expected a Kubernetes version such as 1.34 or v1.34.2',
      );
    });

    it('refuses values files and cluster versions for a source that is not a chart', () => {
      assert.equal(
        errorOf(withSource('kustomize: overlays/{env}\n', '    valuesFiles: [v.yaml]\n')),
        'ferry.yaml:11: environments.staging.valuesFiles: only for a Helm chart (helm:)',
      );
    });
  });
});
