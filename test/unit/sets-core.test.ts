import { readFileSync } from 'node:fs';
// The pure parts of the environment repository's sets: descriptors, the order and checks of a
// cluster's sets, the scheduler (dependencies first, dependents of a failure skipped, at most N
// at once), the record on the parent, and the report rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInDependencyOrder } from '../../src/commands/cluster/sets/schedule.js';
import { ConfigError } from '../../src/core/errors.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { parseSetDescriptor, type EnvSet } from '../../src/core/set-descriptor.js';
import { clusterSets } from '../../src/core/set-order.js';
import { recordOf, recordPatch, SET_RECORD_KEYS } from '../../src/core/set-record.js';
import {
  failureDetail,
  setsSummary,
  worstExitCode,
  countResults,
  type SetRow,
  type SetsReport,
} from '../../src/core/sets-report.js';
import { SET_VALIDATOR, validatorSource } from '../../scripts/schema-validator.js';

/** A set at `path` whose descriptor is `text`. */
function envSet(path: string, text: string): EnvSet {
  const file = `${path}/.ferry-set.yaml`;
  return { path, file, ...parseSetDescriptor(text, file) };
}

const names = (sets: EnvSet[]): string[] => sets.map((s) => s.descriptor.inventory);

/** ConfigError's message from `work`. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('.ferry-set.yaml', () => {
  it('validates with the schema as it is now (the compiled validator is up to date)', () => {
    assert.equal(
      readFileSync(SET_VALIDATOR.file, 'utf8'),
      validatorSource(undefined, SET_VALIDATOR),
      `${SET_VALIDATOR.file} is out of date: run npm run schema:validator`,
    );
    // And it is stale the moment the schema changes.
    const schema = readFileSync(SET_VALIDATOR.schema, 'utf8');
    assert.notEqual(
      validatorSource(schema.replace('"minLength": 1', '"minLength": 2'), SET_VALIDATOR),
      validatorSource(undefined, SET_VALIDATOR),
    );
  });

  it('takes the defaults the docs name', () => {
    const { descriptor } = parseSetDescriptor('inventory: shop\n', 'x/.ferry-set.yaml');
    assert.deepEqual(descriptor, {
      inventory: 'shop',
      namespace: undefined,
      clusters: undefined,
      dependsOn: [],
      prune: false,
      pruneAllow: [],
      maxDeletions: undefined,
      wait: false,
      timeoutMs: undefined,
      build: {},
    });
    const full = parseSetDescriptor(
      'inventory: shop\nnamespace: shop\nclusters: [eu]\ndependsOn: [crds]\nprune: true\nwait: true\ntimeout: 90s\nmaxDeletions: 3\n',
      'x/.ferry-set.yaml',
    ).descriptor;
    assert.equal(full.timeoutMs, 90_000);
    assert.deepEqual(full.clusters, ['eu']);
    assert.equal(full.maxDeletions, 3);
  });

  it('refuses mistakes naming file:line and the key', () => {
    const at = (text: string) => refusal(() => parseSetDescriptor(text, 'apps/x/.ferry-set.yaml'));
    assert.match(
      at('inventory: shop\nnamespace: shop\nprune: often\n'),
      /^apps\/x\/\.ferry-set\.yaml:3: prune/,
    );
    assert.match(
      at('inventory: shop\ndependson: [crds]\n'),
      /^apps\/x\/\.ferry-set\.yaml:2: .*dependson/,
    );
    assert.match(at('inventory: Shop_1\n'), /^apps\/x\/\.ferry-set\.yaml:1: inventory/);
    assert.match(at('inventory: shop\ntimeout: soon\n'), /^apps\/x\/\.ferry-set\.yaml:2: timeout/);
    assert.match(at('namespace: shop\n'), /^apps\/x\/\.ferry-set\.yaml:1: .*inventory/);
  });
});

describe("a cluster's sets", () => {
  const crds = envSet('platform/crds', 'inventory: crds\n');
  const operator = envSet('platform/operator', 'inventory: operator\ndependsOn: [crds]\n');
  const app = envSet(
    'apps/a/prod',
    'inventory: a\nclusters: [prod]\ndependsOn: [operator, crds]\n',
  );
  const staging = envSet(
    'apps/a/staging',
    'inventory: a\nclusters: [staging]\ndependsOn: [crds]\n',
  );

  it('puts dependencies first, otherwise keeps folder order, and keeps only its clusters', () => {
    // Folder order has the app before the platform sets it needs.
    const graph = clusterSets([app, staging, operator, crds], 'prod');
    assert.deepEqual(names(graph.ordered), ['crds', 'operator', 'a']);
    assert.deepEqual(graph.ordered[2]!.path, 'apps/a/prod');
    assert.deepEqual(names(graph.dependencies.get('a')!), ['operator', 'crds']);
    assert.deepEqual(names(clusterSets([app, staging, operator, crds], 'staging').ordered), [
      'crds',
      'a',
      'operator',
    ]);
    assert.deepEqual(names(clusterSets([app, staging, crds, operator], 'dev').ordered), [
      'crds',
      'operator',
    ]);
  });

  it('refuses an unknown dependency naming the line of the entry', () => {
    const bad = envSet('apps/b', 'inventory: b\ndependsOn:\n  - crds\n  - certs\n');
    assert.equal(
      refusal(() => clusterSets([crds, bad], 'prod')),
      'apps/b/.ferry-set.yaml:4: dependsOn: no set has inventory "certs"',
    );
  });

  it('refuses a dependency that is not for this cluster, naming where it is', () => {
    const onStaging = envSet('apps/c', 'inventory: c\nclusters: [prod]\ndependsOn: [s]\n');
    const s = envSet('apps/s', 'inventory: s\nclusters: [staging]\n');
    assert.match(
      refusal(() => clusterSets([onStaging, s], 'prod')),
      /^apps\/c\/\.ferry-set\.yaml:3: dependsOn: the set s \(apps\/s\) is not for cluster prod$/,
    );
  });

  it('refuses a cycle, naming it and its folders; a set depending on itself too', () => {
    const a = envSet('a', 'inventory: a\ndependsOn: [b]\n');
    const b = envSet('b', 'inventory: b\ndependsOn: [a]\n');
    assert.equal(
      refusal(() => clusterSets([a, b, crds], 'prod')),
      'a/.ferry-set.yaml:2: dependsOn: a cycle: a → b → a (a, b); nothing was applied',
    );
    const self = envSet('self', 'inventory: self\ndependsOn: [self]\n');
    assert.match(
      refusal(() => clusterSets([self], 'prod')),
      /a cycle: self → self/,
    );
  });

  it('refuses two sets with one inventory for one cluster, and allows it across clusters', () => {
    const again = envSet('apps/a/again', 'inventory: a\n');
    assert.match(
      refusal(() => clusterSets([app, again, operator, crds], 'prod')),
      /^apps\/a\/again\/\.ferry-set\.yaml:1: inventory: "a" is also the inventory of apps\/a\/prod \(inventory names are unique among the sets of cluster prod\)$/,
    );
    assert.doesNotThrow(() => clusterSets([app, staging, operator, crds], 'prod'));
  });
});

describe('running sets in dependency order', () => {
  const row = (set: EnvSet, result: SetRow<never>['result'], exitCode = 0): SetRow<never> => ({
    set: set.descriptor.inventory,
    path: set.path,
    namespace: undefined,
    result,
    detail: '',
    exitCode,
  });
  const sets = [
    envSet('crds', 'inventory: crds\n'),
    envSet('operator', 'inventory: operator\ndependsOn: [crds]\n'),
    envSet('app', 'inventory: app\ndependsOn: [operator]\n'),
    envSet('app2', 'inventory: app2\ndependsOn: [app]\n'),
    envSet('x1', 'inventory: x1\n'),
    envSet('x2', 'inventory: x2\n'),
    envSet('x3', 'inventory: x3\n'),
    envSet('x4', 'inventory: x4\n'),
  ];
  const graph = clusterSets(sets, 'prod');

  it('starts a set after its dependencies ended, at most N at once, rows in the given order', async () => {
    const ended = new Set<string>();
    let running = 0;
    let most = 0;
    const rows = await runInDependencyOrder(graph.ordered, graph.dependencies, 2, async (set) => {
      for (const dependency of graph.dependencies.get(set.descriptor.inventory)!)
        assert.ok(ended.has(dependency.descriptor.inventory), `${set.path} before its dependency`);
      running += 1;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 5));
      running -= 1;
      ended.add(set.descriptor.inventory);
      return row(set, 'applied');
    });
    assert.equal(most, 2);
    assert.deepEqual(
      rows.map((r) => r.set),
      names(graph.ordered),
    );
  });

  it('skips the dependents of a failure, transitively, naming why; the others run', async () => {
    const ran: string[] = [];
    const rows = await runInDependencyOrder(graph.ordered, graph.dependencies, 4, (set) => {
      ran.push(set.descriptor.inventory);
      return Promise.resolve(
        set.descriptor.inventory === 'operator' ? row(set, 'failed', 1) : row(set, 'applied'),
      );
    });
    assert.deepEqual(ran.sort(), ['crds', 'operator', 'x1', 'x2', 'x3', 'x4']);
    const byName = new Map(rows.map((r) => [r.set, r]));
    assert.deepEqual(
      { result: byName.get('app')!.result, detail: byName.get('app')!.detail },
      { result: 'skipped', detail: 'its dependency operator failed' },
    );
    assert.deepEqual(
      { result: byName.get('app2')!.result, detail: byName.get('app2')!.detail },
      { result: 'skipped', detail: 'its dependency app was skipped' },
    );
    assert.equal(worstExitCode(rows), 1);
  });

  it('does not wait for a dependency outside the sets it runs', async () => {
    const only = graph.ordered.filter((s) => s.descriptor.inventory === 'app');
    const rows = await runInDependencyOrder(only, graph.dependencies, 4, (set) =>
      Promise.resolve(row(set, 'applied')),
    );
    assert.deepEqual(
      rows.map((r) => `${r.set} ${r.result}`),
      ['app applied'],
    );
  });
});

describe("a set's record on its parent", () => {
  const parent = (annotations: Record<string, string | null>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'shop',
      annotations: Object.fromEntries(
        Object.entries(annotations).filter((e): e is [string, string] => e[1] !== null),
      ),
    },
  });

  it('a success replaces the applied record and clears a failure', () => {
    const patch = recordPatch({
      ok: true,
      path: 'apps/shop',
      commit: 'c'.repeat(40),
      tree: 't'.repeat(40),
      at: '2026-12-06T12:00:00.000Z',
      runUrl: 'https://ci.example.com/run/1',
    });
    assert.equal(patch[SET_RECORD_KEYS.failedTree], null);
    assert.equal(patch[SET_RECORD_KEYS.failedReason], null);
    assert.deepEqual(recordOf(parent(patch)), {
      path: 'apps/shop',
      commit: 'c'.repeat(40),
      tree: 't'.repeat(40),
      at: '2026-12-06T12:00:00.000Z',
      runUrl: 'https://ci.example.com/run/1',
      failed: undefined,
    });
  });

  it('a failure is recorded beside the last success, its reason on one line and capped', () => {
    const patch = recordPatch({
      ok: false,
      path: 'apps/shop',
      tree: 'f'.repeat(40),
      at: '2026-12-06T13:00:00.000Z',
      runUrl: '',
      reason: `1 object(s) failed validation, so nothing else was changed:\n  Service shop/bad: ${'x'.repeat(400)}`,
    });
    assert.equal(SET_RECORD_KEYS.tree in patch, false, 'the last success stays');
    const reason = patch[SET_RECORD_KEYS.failedReason]!;
    assert.match(
      reason,
      /^1 object\(s\) failed validation, so nothing else was changed: Service shop\/bad: x+…$/,
    );
    assert.equal(reason.length, 301);
    const record = recordOf(parent({ [SET_RECORD_KEYS.tree]: 'old', ...patch }));
    assert.equal(record.tree, 'old');
    assert.equal(record.runUrl, undefined);
    assert.deepEqual(record.failed, {
      tree: 'f'.repeat(40),
      at: '2026-12-06T13:00:00.000Z',
      runUrl: '',
      reason,
    });
  });
});

// github-matrix and the GitLab child pipeline: test/unit/sets-fanout-output.test.ts.
describe('report rows over sets', () => {
  it('report rows: the worst exit code, a summary in a fixed order, failures on one line', () => {
    const rows: SetRow<never>[] = [
      { set: 'a', path: 'a', namespace: undefined, result: 'failed', detail: '', exitCode: 1 },
      { set: 'b', path: 'b', namespace: undefined, result: 'applied', detail: '', exitCode: 0 },
      { set: 'c', path: 'c', namespace: undefined, result: 'failed', detail: '', exitCode: 2 },
      { set: 'd', path: 'd', namespace: undefined, result: 'skipped', detail: '', exitCode: 1 },
    ];
    assert.equal(worstExitCode(rows), 2);
    assert.equal(worstExitCode([]), 0);
    const report: SetsReport<never> = {
      command: 'apply',
      cluster: 'eu',
      commit: 'c'.repeat(40),
      dryRun: false,
      sets: rows,
      counts: countResults(rows),
    };
    assert.equal(setsSummary(report), '1 applied, 1 skipped, 2 failed');
    assert.equal(
      failureDetail(
        '2 object(s) failed validation, so nothing else was changed:\n  A: no\n  B: no',
      ),
      '2 object(s) failed validation, so nothing else was changed: A: no B: no',
    );
  });
});
