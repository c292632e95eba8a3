/**
 * bench/sets: an environment repo of 100 sets × 10 objects (issue 21), one cluster, ferry's
 * `--all` commands beside a loop of kubectl over the same 100 folders, on the same control plane
 * in one run. Each set has its own namespace (ferry's and kubectl's objects in separate ones).
 *
 * - first apply: `ferry apply --all` vs `kubectl apply --server-side -f <folder>` per folder;
 * - no-op apply: the same again, nothing changed (ferry: one LIST of the inventories' parents);
 * - drift: `ferry drift --all` vs `kubectl diff --server-side -f <folder>` per folder.
 *
 * Each side runs as processes (`node dist/cli.js`, kubectl spawned with argument arrays, no
 * shell); the repeatable scenarios alternate REPEAT times and report the median. Requests are
 * the API server's own `apiserver_request_total` deltas (LISTs named by resource), and ferry's
 * own count from its JSON report beside them.
 *
 *   npm run build && npm run bench:sets   (FERRY_TEST_KUBECONFIG/FERRY_TEST_KUBECTL, or it
 *                                          starts the local control plane)
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { git } from '../test/helpers/sets-env.js';
import {
  alternate,
  BENCH_RESOURCES,
  benchCluster,
  benchObjects,
  describeRequests,
  measure,
  runCommand,
  type Meter,
  type Sample,
} from './measure.js';

const SETS = Number(process.env.FERRY_BENCH_SETS || 100);
const OBJECTS_PER_SET = 10;
const REPEAT = Number(process.env.FERRY_BENCH_REPEAT || 3);
const CLUSTER = 'bench';

/** What either side might read or write, besides the bench kinds (controllers' leases left out). */
const METER: Meter = {
  resources: [
    ...BENCH_RESOURCES,
    'namespaces',
    'customresourcedefinitions',
    'selfsubjectaccessreviews',
    'selfsubjectrulesreviews',
  ],
  listsByResource: true,
};

/** The part of ferry's `--all` JSON report the bench checks. */
interface SetsJson {
  counts: Record<string, number>;
  sets: { set: string; result: string; detail: string }[];
  requests?: Record<string, number>;
}

async function writeYaml(file: string, objects: unknown[]): Promise<void> {
  await writeFile(file, objects.map((o) => yaml.dump(o)).join('---\n'));
}

async function main(): Promise<void> {
  const { kubeconfig, kubectl, client, close } = await benchCluster();
  const work = await mkdtemp(join(tmpdir(), 'ferry-bench-sets-'));
  const suffix = randomBytes(2).toString('hex');
  const index = (i: number): string => String(i).padStart(3, '0');
  const nsFerry = (i: number): string => `sets-${suffix}-f${index(i)}`;
  const nsKubectl = (i: number): string => `sets-${suffix}-k${index(i)}`;
  const namespaces = Array.from({ length: SETS }, (_, i) => [nsFerry(i), nsKubectl(i)]).flat();
  const repo = join(work, 'env');
  const kubectlDirs: string[] = [];
  for (let i = 0; i < SETS; i++) {
    const dir = join(repo, 'apps', `app-${index(i)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, '.ferry-set.yaml'),
      `inventory: app-${index(i)}\nnamespace: ${nsFerry(i)}\nprune: true\n`,
    );
    await writeYaml(join(dir, 'all.yaml'), benchObjects(OBJECTS_PER_SET, nsFerry(i)));
    const peer = join(work, 'kubectl', `app-${index(i)}`);
    await mkdir(peer, { recursive: true });
    await writeYaml(join(peer, 'all.yaml'), benchObjects(OBJECTS_PER_SET, nsKubectl(i)));
    kubectlDirs.push(peer);
  }
  await git(repo, ['init', '--quiet', '--initial-branch=main']);
  await git(repo, ['add', '--all']);
  await git(repo, ['commit', '--quiet', '-m', `${SETS} sets`]);
  const namespaceList = join(work, 'namespaces.yaml');
  await writeYaml(
    namespaceList,
    namespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  );
  const kube = (args: string[], okCodes = [0]): Promise<string> =>
    runCommand(kubectl, ['--kubeconfig', kubeconfig, ...args], okCodes);
  await kube(['apply', '-f', namespaceList]);

  // The bench's Secrets hold plaintext test data: allowed, as a set may allow it.
  const ferryArgs = (command: string): string[] => [
    'dist/cli.js',
    command,
    '--all',
    '--root',
    repo,
    '--cluster',
    CLUSTER,
    '--kubeconfig',
    kubeconfig,
    '--allow-plaintext-secrets',
    '--output',
    'json',
  ];
  const reports: Record<string, SetsJson[]> = {};
  const ferry =
    (scenario: string, command: string, okCodes = [0]) =>
    (): Promise<Sample> =>
      measure(
        client,
        async () => {
          const stdout = await runCommand(process.execPath, ferryArgs(command), okCodes);
          (reports[scenario] ??= []).push(JSON.parse(stdout) as SetsJson);
        },
        METER,
      );
  const loop =
    (args: string[], okCodes = [0]) =>
    (): Promise<Sample> =>
      measure(
        client,
        async () => {
          for (const dir of kubectlDirs) await kube([...args, '-f', dir], okCodes);
        },
        METER,
      );
  const kubectlApply = loop(['apply', '--server-side', '--field-manager', 'bench']);
  const kubectlDiff = loop([
    'diff',
    '--server-side',
    '--force-conflicts',
    '--field-manager',
    'bench',
  ]);

  const rows: string[] = [];
  const compare = (scenario: string, [f, k]: [Sample, Sample]): void => {
    const ratio = k.ms / f.ms;
    rows.push(
      `| ${scenario} | ${f.ms.toFixed(0)} | ${k.ms.toFixed(0)} | ${ratio.toFixed(1)}× | ${f.cpuMs} | ${k.cpuMs} | ${(k.cpuMs / f.cpuMs).toFixed(1)}× | ${describeRequests(f.requests)} | ${describeRequests(k.requests)} |`,
    );
    console.error(`${scenario}: ferry ${f.ms.toFixed(0)} ms, kubectl loop ${k.ms.toFixed(0)} ms`);
  };
  try {
    compare('apply: first', await alternate(1, ferry('first', 'apply'), kubectlApply));
    compare('apply: no-op', await alternate(REPEAT, ferry('no-op', 'apply'), kubectlApply));
    compare('drift: clean', await alternate(REPEAT, ferry('drift', 'drift'), kubectlDiff));
  } finally {
    await kube(['delete', 'namespace', ...namespaces, '--wait=false'], [0, 1]);
    await rm(work, { recursive: true, force: true });
    await close();
  }
  const expect = (scenario: string, result: string, detail?: string): void => {
    for (const report of reports[scenario] ?? []) {
      const off = report.sets.filter((s) => s.result !== result || (detail && s.detail !== detail));
      if (report.sets.length !== SETS || off.length > 0)
        throw new Error(
          `${scenario}: expected ${SETS} sets ${result}, got ${JSON.stringify(report.counts)}`,
        );
    }
  };
  expect('first', 'applied');
  expect('no-op', 'unchanged');
  expect('drift', 'checked', 'clean');
  console.log(
    `node ${process.version}; ${SETS} sets × ${OBJECTS_PER_SET} objects (8 kinds), one cluster; wall time and CPU time (user + system, the processes and their children) of each side, median of ${REPEAT} alternating runs (first apply: once); requests from apiserver_request_total; load average at the end ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`,
  );
  console.log(
    '| scenario | ferry ms | kubectl loop ms | loop/ferry | ferry CPU ms | kubectl loop CPU ms | loop/ferry (CPU) | ferry requests | kubectl loop requests |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  for (const scenario of ['no-op', 'drift'])
    console.log(
      `\nferry's own count (${scenario}, JSON report): ${JSON.stringify(reports[scenario]?.[0]?.requests)}`,
    );
}

await main();
