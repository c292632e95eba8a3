/**
 * bench/cluster: ferry apply, plan and drift beside kubectl, on the same control plane, in one
 * run. For 100 and 1,000 objects over 8 kinds: first apply, re-apply unchanged, re-apply with
 * 10 changed (vs `kubectl apply --server-side`); plan of 10 changed, clean check and 10 drifted
 * (vs `kubectl diff --server-side`). Wall time of each CLI as a process, and API requests by verb
 * from the API server's own `apiserver_request_total` metric (bench kinds only). Scenarios that
 * can repeat (unchanged re-apply, drift checks) run REPEAT times, ferry and kubectl alternating,
 * and report the median; the others run once.
 *
 *   npm run bench:cluster            (starts the local control plane, or FERRY_TEST_KUBECONFIG)
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import {
  alternate,
  benchCluster,
  benchObjects as objects,
  describeRequests,
  measureCommand as measure,
  run,
  type Sample,
} from './measure.js';

const SIZES = [100, 1000];
const REPEAT = 5;

async function main(): Promise<void> {
  const { kubeconfig, kubectl, client, close } = await benchCluster();
  const work = await mkdtemp(join(tmpdir(), 'ferry-bench-manifests-'));
  const ferry = (args: string[]): [string, string[]] => [
    process.execPath,
    // The bench's Secrets hold plaintext test data: allowed, as a set may allow it.
    ['dist/cli.js', ...args, '--kubeconfig', kubeconfig, '--allow-plaintext-secrets'],
  ];
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const write = async (name: string, list: unknown[]): Promise<string> => {
        const dir = join(work, name);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'all.yaml'), list.map((o) => yaml.dump(o)).join('---\n'));
        return dir;
      };
      const nsFerry = `bench-ferry-${size}`;
      const nsKubectl = `bench-kubectl-${size}`;
      for (const ns of [nsFerry, nsKubectl])
        await run(kubectl, ['--kubeconfig', kubeconfig, 'create', 'namespace', ns]);
      const ferryDir = await write(`ferry-${size}`, objects(size, nsFerry));
      const kubectlDir = await write(`kubectl-${size}`, objects(size, nsKubectl));
      const ferryChanged = await write(`ferry-${size}-changed`, objects(size, nsFerry, 1, 10));
      const kubectlChanged = await write(
        `kubectl-${size}-changed`,
        objects(size, nsKubectl, 1, 10),
      );
      const ferryApply = (dir: string): Promise<Sample> =>
        measure(
          client,
          ...ferry(['apply', '--dir', dir, '--inventory', 'bench', '--namespace', nsFerry]),
        );
      const kubectlApply = (dir: string): Promise<Sample> =>
        measure(client, kubectl, [
          '--kubeconfig',
          kubeconfig,
          'apply',
          '--server-side',
          '--field-manager',
          'bench',
          '-f',
          dir,
        ]);
      const compare = (scenario: string, [f, k]: [Sample, Sample]): void => {
        rows.push(
          `| ${size} | ${scenario} | ${f.ms.toFixed(0)} | ${k.ms.toFixed(0)} | ${(k.ms / f.ms).toFixed(1)}× | ${describeRequests(f.requests)} | ${describeRequests(k.requests)} |`,
        );
        console.error(
          `${size} ${scenario}: ferry ${f.ms.toFixed(0)} ms, kubectl ${k.ms.toFixed(0)} ms`,
        );
      };
      compare(
        'apply: first',
        await alternate(
          1,
          () => ferryApply(ferryDir),
          () => kubectlApply(kubectlDir),
        ),
      );
      compare(
        'apply: unchanged',
        await alternate(
          REPEAT,
          () => ferryApply(ferryDir),
          () => kubectlApply(kubectlDir),
        ),
      );
      const kubectlDiff = (dir: string): Promise<Sample> =>
        measure(
          client,
          kubectl,
          [
            '--kubeconfig',
            kubeconfig,
            'diff',
            '--server-side',
            '--force-conflicts',
            '--field-manager',
            'bench',
            '-f',
            dir,
          ],
          [0, 1],
        );
      // What merging 10 changes would do: ferry plan (discovery, one LIST per kind, a dry-run per
      // change) against kubectl diff (a GET and a dry-run per object), both on the applied set.
      const ferryPlan = (dir: string): Promise<Sample> =>
        measure(
          client,
          ...ferry(['plan', '--dir', dir, '--inventory', 'bench', '--namespace', nsFerry]),
        );
      compare(
        'plan: 10 changed',
        await alternate(
          REPEAT,
          () => ferryPlan(ferryChanged),
          () => kubectlDiff(kubectlChanged),
        ),
      );
      compare(
        'apply: 10 changed',
        await alternate(
          1,
          () => ferryApply(ferryChanged),
          () => kubectlApply(kubectlChanged),
        ),
      );
      // A cold run reads every OpenAPI document it needs; a warm one finds them in the cache.
      const ferryDrift = async (dir: string, cold = false): Promise<Sample> =>
        measure(
          client,
          ...ferry([
            'drift',
            '--dir',
            dir,
            '--inventory',
            'bench',
            '--namespace',
            nsFerry,
            '--output',
            'json',
          ]),
          [0],
          cold
            ? { ...process.env, FERRY_CACHE_DIR: await mkdtemp(join(work, 'cold-cache-')) }
            : process.env,
        );
      compare(
        'drift: clean, warm cache',
        await alternate(
          REPEAT,
          () => ferryDrift(ferryChanged),
          () => kubectlDiff(kubectlChanged),
        ),
      );
      compare(
        'drift: clean, cold cache',
        await alternate(
          REPEAT,
          () => ferryDrift(ferryChanged, true),
          () => kubectlDiff(kubectlChanged),
        ),
      );
      for (const [ns] of [[nsFerry], [nsKubectl]]) {
        for (let i = 0; i < 10; i++)
          await run(kubectl, [
            '--kubeconfig',
            kubeconfig,
            '-n',
            ns!,
            'label',
            'serviceaccount',
            `sa-${i}`,
            'index=tampered',
            '--overwrite',
          ]);
      }
      compare(
        'drift: 10 drifted',
        await alternate(
          REPEAT,
          () => ferryDrift(ferryChanged),
          () => kubectlDiff(kubectlChanged),
        ),
      );
      // Waited for: the namespace controller deleting 2,000 objects would skew the next round.
      for (const ns of [nsFerry, nsKubectl])
        await run(kubectl, ['--kubeconfig', kubeconfig, 'delete', 'namespace', ns, '--wait=true']);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    await close();
  }
  console.log(
    `node ${process.version}; wall time of each CLI run as a process; requests from apiserver_request_total for the bench kinds\n`,
  );
  console.log(
    '| objects | scenario | ferry ms | kubectl ms | kubectl/ferry | ferry requests | kubectl requests |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

await main();
