import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inferForge, parseConfig } from '../../src/core/config.js';
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
      'ferry.yaml:8: environments.staging.brnach: unknown key (expected one of repo, forge, branch, path, secrets, namespace, inventory, clusters, dependsOn, promoteFrom, values)',
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
});
