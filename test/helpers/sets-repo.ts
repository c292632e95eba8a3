// An environment repository of sets for the CI fan-out tests (the action's matrix, the GitLab
// child pipeline): a chain whose order matters to the API server, an independent set, and a set
// for another cluster. Names are the test's own, so tests can share one cluster.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { kubectl, testNamespace } from './kube.js';

const exec = promisify(execFile);

/** Author and committer of the fixture's commits. */
const gitEnv = {
  GIT_AUTHOR_NAME: 'ferry test',
  GIT_AUTHOR_EMAIL: 'test@ferry.invalid',
  GIT_COMMITTER_NAME: 'ferry test',
  GIT_COMMITTER_EMAIL: 'test@ferry.invalid',
};

/** The sets of cluster `prod-eu`, and the order dependencies impose on them. */
export const CHAIN = ['namespace', 'config', 'web'] as const;

/**
 * Writes the sets under `dir` (relative paths as keys): `namespace` creates namespace `appNs`;
 * `config` and `web` live in it (their inventories too), so applying either before `namespace`
 * fails; `web` depends on `config`; `audit` (in `ns`) depends on nothing; `other` goes to
 * cluster `prod-us` only.
 */
export function setsRepoFiles(ns: string, appNs: string): Record<string, string> {
  const configMap = (name: string, namespace: string, data: Record<string, string>) =>
    yaml.dump({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
  const descriptor = (fields: Record<string, unknown>) => yaml.dump(fields);
  return {
    'platform/namespace/.ferry-set.yaml': descriptor({ inventory: 'namespace', namespace: ns }),
    'platform/namespace/namespace.yaml': yaml.dump({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: appNs, labels: { 'ferry.dev/test': 'true' } },
    }),
    'platform/config/.ferry-set.yaml': descriptor({
      inventory: 'config',
      namespace: appNs,
      dependsOn: ['namespace'],
      prune: true,
    }),
    'platform/config/settings.yaml': configMap('settings', appNs, { region: 'eu' }),
    'apps/web/.ferry-set.yaml': descriptor({
      inventory: 'web',
      namespace: appNs,
      dependsOn: ['config'],
      prune: true,
    }),
    'apps/web/web.yaml': configMap('web-page', appNs, { replicas: '2' }),
    'platform/audit/.ferry-set.yaml': descriptor({ inventory: 'audit', namespace: ns }),
    'platform/audit/audit.yaml': configMap('audit-rules', ns, { level: 'info' }),
    'apps/other/.ferry-set.yaml': descriptor({
      inventory: 'other',
      namespace: ns,
      clusters: ['prod-us'],
    }),
    'apps/other/other.yaml': configMap('other-data', ns, { region: 'us' }),
  };
}

/** Writes `files` under `dir` and commits them (a repository from the first call); returns the commit. */
export async function commitFiles(dir: string, files: Record<string, string>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const git = (...args: string[]) =>
    exec('git', args, { cwd: dir, env: { ...process.env, ...gitEnv } });
  if (!existsSync(join(dir, '.git'))) await git('init', '--quiet', '--initial-branch=main');
  await git('add', '--all');
  await git('commit', '--quiet', '--message', 'sets');
  return (await git('rev-parse', 'HEAD')).stdout.trim();
}

/** What the cluster records of a set: the annotations on its inventory's ConfigMap. */
export async function setRecord(
  namespace: string,
  inventory: string,
): Promise<Record<string, string>> {
  const got = await kubectl(['-n', namespace, 'get', 'configmap', inventory, '-o', 'json']);
  assert.equal(got.code, 0, got.stderr);
  return (
    (JSON.parse(got.stdout) as { metadata: { annotations?: Record<string, string> } }).metadata
      .annotations ?? {}
  );
}

/**
 * Checks that each set of the chain was recorded as applied at `commit`, each after the set it
 * depends on.
 */
export async function assertChainApplied(ns: string, appNs: string, commit: string) {
  const namespaceOf = (set: string) => (set === 'namespace' ? ns : appNs);
  const times: number[] = [];
  for (const set of CHAIN) {
    const record = await setRecord(namespaceOf(set), set);
    assert.equal(record['ferry.dev/applied-commit'], commit, `${set}: ${JSON.stringify(record)}`);
    times.push(Date.parse(record['ferry.dev/applied-at'] ?? ''));
  }
  assert.deepEqual(
    [...times].sort((a, b) => a - b),
    times,
    `applied in dependency order: ${CHAIN.join(' < ')}`,
  );
}

/**
 * The sets committed in a fresh repository, with the test's namespace `ns` and `<ns>-app`, all
 * removed when test `t` ends; returns the namespaces, the folder and the commit.
 */
export async function setsRepoForTest(
  t: TestContext,
  prefix: string,
): Promise<{ ns: string; appNs: string; root: string; commit: string }> {
  const namespace = await testNamespace(prefix);
  const appNs = `${namespace.name}-app`;
  t.after(async () => {
    await kubectl(['delete', 'namespace', appNs, '--ignore-not-found', '--wait=false']);
    await namespace.remove();
  });
  const root = await mkdtemp(join(tmpdir(), `ferry-${prefix}-`));
  t.after(() => rm(root, { recursive: true, force: true }));
  const commit = await commitFiles(root, setsRepoFiles(namespace.name, appNs));
  return { ns: namespace.name, appNs, root, commit };
}
