/**
 * bench/preflight: what apply's permission preflight (issue 24) costs. The public argo-cd
 * namespace install (50 namespaced objects, 9 kinds; its CRDs left out) is applied once, then
 * re-applied unchanged REPEAT times with and without `--skip-preflight`, alternating, as a
 * ServiceAccount bound to what `ferry rbac` prints and as the cluster's admin. In-process (no
 * Node start-up in the times); the median wall time and the requests by verb of each.
 *
 *   FERRY_TEST_KUBECONFIG=… FERRY_TEST_KUBECTL=… node --import tsx bench/preflight.ts
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runFerry } from '../test/helpers/cli.js';
import { loadCorpusSet } from '../test/helpers/corpus.js';
import { manifestsDir } from '../test/helpers/ferry-json.js';
import { kubectl, testKubeconfig } from '../test/helpers/kube.js';
import { serviceAccount } from '../test/helpers/service-account.js';

const REPEAT = 15;

async function main(): Promise<void> {
  const suffix = randomBytes(3).toString('hex');
  const set = await loadCorpusSet('argo-cd', 'argocd', suffix);
  const objects = set.objects.filter((o) => o.kind !== 'CustomResourceDefinition');
  const namespace = set.namespace('argocd');
  const ci = `ci-${suffix}`;
  for (const ns of [namespace, ci]) await kubectl(['create', 'namespace', ns]);
  const dir = await manifestsDir(objects);
  const where = ['--dir', dir, '--inventory', 'bench', '--namespace', namespace];
  try {
    const sa = await serviceAccount(ci, 'deployer');
    const rbac = await runFerry([
      'rbac',
      ...where,
      '--kubeconfig',
      testKubeconfig()!,
      '--subject',
      `serviceaccount:${ci}:deployer`,
    ]);
    await kubectl(['apply', '-f', '-'], rbac.stdout);
    const apply = async (kubeconfig: string, flags: string[]) => {
      const started = performance.now();
      const result = await runFerry([
        'apply',
        ...where,
        '--kubeconfig',
        kubeconfig,
        '--prune',
        '-o',
        'json',
        ...flags,
      ]);
      const ms = performance.now() - started;
      if (result.code !== 0) throw new Error(result.stderr);
      return { ms, requests: (JSON.parse(result.stdout) as { requests: object }).requests };
    };
    await apply(sa.kubeconfig, []);
    console.log(`${objects.length} objects, re-apply unchanged with --prune, median of ${REPEAT}:`);
    for (const [who, kubeconfig] of [
      ['ServiceAccount (ferry rbac)', sa.kubeconfig],
      ['admin (system:masters)', testKubeconfig()!],
    ] as const) {
      const times: Record<string, number[]> = { on: [], off: [] };
      let requests: Record<string, object> = {};
      for (let i = 0; i < REPEAT; i++) {
        for (const mode of ['on', 'off'] as const) {
          const run = await apply(kubeconfig, mode === 'off' ? ['--skip-preflight'] : []);
          times[mode]!.push(run.ms);
          requests = { ...requests, [mode]: run.requests };
        }
      }
      const median = (xs: number[]): number =>
        [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const on = median(times.on!);
      const off = median(times.off!);
      console.log(
        `  ${who}: preflight ${on.toFixed(0)} ms, --skip-preflight ${off.toFixed(0)} ms (+${(on - off).toFixed(0)} ms); requests ${JSON.stringify(requests.on)} vs ${JSON.stringify(requests.off)}`,
      );
    }
  } finally {
    await kubectl(['delete', 'namespace', namespace, ci, '--wait=false']);
    await kubectl(['delete', 'clusterrole,clusterrolebinding', `ferry:${namespace}:bench`]);
  }
}

await main();
