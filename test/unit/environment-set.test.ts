import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ferrySchema from '../../schema/ferry.schema.json' with { type: 'json' };
import setSchema from '../../schema/ferry-set.schema.json' with { type: 'json' };
import { parseConfig } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { checkProposedSet, environmentSet } from '../../src/core/proposed-set.js';
import { descriptorChange, summarizeObjects } from '../../src/core/proposal.js';
import { parseSetDescriptor, proposedDescriptor } from '../../src/core/set-descriptor.js';

// An app's environment as a set of the environment repository (#21): the ferry.yaml keys, the
// descriptor ferry writes from them, and the checks against the repository's other sets.

const config = (extra = '', production = '') => `app: guestbook
image: registry.example.com/acme/guestbook
templates: deploy
environments:
  staging:
    repo: acme/environments
    path: apps/guestbook/staging
    namespace: guestbook-staging
${extra}  production:
    repo: acme/environments
    path: apps/guestbook/production
${production}`;

function errorOf(text: string): string {
  try {
    parseConfig(text, 'ferry.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected the config to be rejected');
}

describe('ferry.yaml: inventory, clusters and dependsOn', () => {
  it('defaults the inventory to <app>-<environment>, every cluster and no dependencies', () => {
    const { environments } = parseConfig(config(), 'ferry.yaml');
    assert.equal(environments.staging!.inventory, 'guestbook-staging');
    assert.equal(environments.production!.inventory, 'guestbook-production');
    assert.equal(environments.staging!.clusters, undefined);
    assert.deepEqual(environments.staging!.dependsOn, []);
  });

  it('reads them as written', () => {
    const text = config(
      '    inventory: guestbook\n    clusters: [prod-eu, prod-us]\n    dependsOn: [platform-crds, cert-manager]\n',
    );
    const staging = parseConfig(text, 'ferry.yaml').environments.staging!;
    assert.equal(staging.inventory, 'guestbook');
    assert.deepEqual(staging.clusters, ['prod-eu', 'prod-us']);
    assert.deepEqual(staging.dependsOn, ['platform-crds', 'cert-manager']);
  });

  const refusals: [string, string][] = [
    [
      '    inventory: Guestbook\n',
      "ferry.yaml:9: environments.staging.inventory: expected an inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)",
    ],
    [
      '    clusters: []\n',
      'ferry.yaml:9: environments.staging.clusters: must NOT have fewer than 1 items',
    ],
    [
      '    clusters: ["prod\\teu"]\n',
      'ferry.yaml:9: environments.staging.clusters[0]: expected a cluster name (1 to 100 characters, no control characters)',
    ],
    ['    clusters: prod-eu\n', 'ferry.yaml:9: environments.staging.clusters: expected an array'],
    [
      '    dependsOn:\n      - platform-crds\n      - Platform_CRDs\n',
      'ferry.yaml:11: environments.staging.dependsOn[1]: expected an inventory name',
    ],
    [
      '    dependsOn: [platform-crds, guestbook-staging]\n',
      'ferry.yaml:9: environments.staging.dependsOn[1]: "guestbook-staging" is this environment\'s own inventory',
    ],
  ];
  for (const [lines, message] of refusals) {
    it(`refuses ${JSON.stringify(lines.trim())} naming file, line and key`, () => {
      assert.equal(errorOf(config(lines)), message);
    });
  }

  it('uses the same grammar as .ferry-set.yaml (one fact in both schemas)', () => {
    const env = ferrySchema.definitions.environment.properties;
    assert.equal(env.inventory.pattern, setSchema.properties.inventory.pattern);
    assert.equal(env.inventory.maxLength, setSchema.properties.inventory.maxLength);
    assert.deepEqual(env.dependsOn.items, setSchema.properties.dependsOn.items);
    assert.deepEqual(env.clusters.items, setSchema.properties.clusters.items);
  });
});

describe('the descriptor ferry writes', () => {
  it('is written from the environment and read back as the same set', () => {
    const parsed = parseConfig(
      config('    clusters: [staging]\n    dependsOn: [platform-crds]\n'),
      'ferry.yaml',
    );
    const { text, set } = environmentSet(parsed, parsed.environments.staging!);
    assert.equal(
      text,
      [
        '# Written by ferry from ferry.yaml: this folder is applied as one inventory.',
        '# https://github.com/ferry-gitops/ferry/blob/main/docs/environment-repo.md',
        'inventory: "guestbook-staging"',
        'namespace: "guestbook-staging"',
        'clusters: ["staging"]',
        'dependsOn: ["platform-crds"]',
        'prune: true',
        'wait: true',
        '',
      ].join('\n'),
    );
    assert.equal(set.path, 'apps/guestbook/staging');
    assert.deepEqual(set.descriptor.clusters, ['staging']);
    assert.deepEqual(set.descriptor.dependsOn, ['platform-crds']);
    assert.equal(set.descriptor.prune, true);
    assert.equal(set.descriptor.wait, true);
    // Errors about it point at ferry.yaml.
    assert.equal(set.file, 'ferry.yaml');
    assert.equal(set.lineOf(['dependsOn', '0']), 10);
    assert.equal(set.lineOf(['inventory']), 5);
  });

  it('keeps names that YAML would read as other types as names', () => {
    const set = {
      inventory: '1.10',
      namespace: 'true',
      clusters: ['null', 'prod: eu', '# x', 'a"b\\c', "it's", '- x', '[a]', 'ü', 'yes', '~'],
      dependsOn: ['null', '0x1f', '1e3', 'no', 'on.off'],
    };
    const { descriptor } = parseSetDescriptor(proposedDescriptor(set), 'x');
    assert.equal(descriptor.inventory, set.inventory);
    assert.equal(descriptor.namespace, set.namespace);
    assert.deepEqual(descriptor.clusters, set.clusters);
    assert.deepEqual(descriptor.dependsOn, set.dependsOn);
  });

  it('is summarised on a line of its own, not as an object', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n';
    const before = new Map([['deployment-web.yaml', deployment]]);
    const after = new Map([...before, ['.ferry-set.yaml', 'inventory: web\n']]);
    assert.deepEqual(summarizeObjects(before, after), { added: [], changed: [], removed: [] });
    assert.equal(descriptorChange(before, after), 'added');
    assert.equal(descriptorChange(after, before), 'removed');
    assert.equal(descriptorChange(after, after), undefined);
    const changed = new Map([...before, ['.ferry-set.yaml', 'inventory: web2\n']]);
    assert.equal(descriptorChange(after, changed), 'changed');
  });
});

describe('a proposed set against the environment repository', () => {
  const ours = (production = '') => {
    const parsed = parseConfig(config('', production), 'ferry.yaml');
    return environmentSet(parsed, parsed.environments.production!).set;
  };
  const check = (production: string, found: Record<string, string>) =>
    checkProposedSet(ours(production), new Map(Object.entries(found)), 'main');
  const refusal = (production: string, found: Record<string, string>) => {
    try {
      check(production, found);
    } catch (error) {
      assert.ok(error instanceof ConfigError, String(error));
      return error.message;
    }
    assert.fail('expected the proposal to be refused');
  };
  const crds = 'inventory: platform-crds\n';

  it('passes with its dependencies present, and replaces its own folder’s descriptor', () => {
    check('    dependsOn: [platform-crds]\n', {
      'platform/crds': crds,
      'apps/guestbook/production': 'inventory: old-name\n',
      'apps/other/production': 'inventory: other-production\ndependsOn: [platform-crds]\n',
    });
  });

  it('refuses a folder inside another set, the root included', () => {
    assert.match(
      refusal('', { apps: 'inventory: apps\n' }),
      /^apps\/\.ferry-set\.yaml on main: the folder apps\/guestbook\/production is inside the set apps, and sets cannot nest/,
    );
    assert.match(
      refusal('', { '.': 'inventory: everything\n' }),
      /^\.ferry-set\.yaml on main: the folder apps\/guestbook\/production is inside the set \./,
    );
  });

  it('refuses a folder holding another set, which proposing would delete', () => {
    assert.match(
      refusal('', { 'apps/guestbook/production/extras': 'inventory: extras\n' }),
      /^apps\/guestbook\/production\/extras\/\.ferry-set\.yaml on main: the folder apps\/guestbook\/production holds the set apps\/guestbook\/production\/extras, which proposing would delete/,
    );
  });

  it('ignores descriptors in dot-folders and node_modules, as ferry sets does', () => {
    check('', { '.github/x': 'inventory: x\n', 'apps/node_modules/y': 'inventory: y\n' });
  });

  it('refuses an inventory another set of the same cluster has, at its ferry.yaml line', () => {
    const message = refusal('    inventory: shop\n', { 'apps/shop': 'inventory: shop\n' });
    assert.match(
      message,
      /^ferry\.yaml:12: inventory: "shop" is also the inventory of apps\/shop \(inventory names are unique among the sets of cluster default\); merged into main, this proposal for apps\/guestbook\/production would stop ferry apply --all for cluster default$/,
    );
    // Different clusters may share a name.
    check('    inventory: shop\n    clusters: [prod]\n', {
      'apps/shop': 'inventory: shop\nclusters: [staging]\n',
    });
  });

  it('refuses a dependsOn no set of the cluster has', () => {
    assert.match(
      refusal('    dependsOn: [platform-crd]\n', { 'platform/crds': crds }),
      /^ferry\.yaml:12: dependsOn: no set has inventory "platform-crd"; merged into main/,
    );
    assert.match(
      refusal('    clusters: [prod]\n    dependsOn: [platform-crds]\n', {
        'platform/crds': 'inventory: platform-crds\nclusters: [staging]\n',
      }),
      /^ferry\.yaml:13: dependsOn: the set platform-crds \(platform\/crds\) is not for cluster prod; /,
    );
  });

  it('refuses a cycle it would close, and a rename that leaves a dependent without its set', () => {
    assert.match(
      refusal('    dependsOn: [operator]\n', {
        operator: 'inventory: operator\ndependsOn: [guestbook-production]\n',
      }),
      /dependsOn: a cycle: /,
    );
    assert.match(
      refusal('    inventory: renamed\n', {
        'apps/guestbook/production': 'inventory: guestbook-production\n',
        'apps/web': 'inventory: web\ndependsOn: [guestbook-production]\n',
      }),
      /^apps\/web\/\.ferry-set\.yaml on main:2: dependsOn: no set has inventory "guestbook-production"/,
    );
  });

  it('leaves what was already broken on the base to apply --all', () => {
    check('', {
      'apps/a': 'inventory: a\ndependsOn: [missing]\n',
      'apps/b': 'not: a descriptor\n',
    });
  });
});
