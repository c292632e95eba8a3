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
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { KubeClient } from '../src/adapters/kube/client.js';
import { startCluster, stopCluster, type ClusterState } from '../test/cluster/cluster.js';

const run = promisify(execFile);
const SIZES = [100, 1000];
const REPEAT = 5;
const SETTLE_MS = 1000;
const RESOURCES = [
  'configmaps',
  'secrets',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'networkpolicies',
  'ingresses',
  'limitranges',
];

/** Eight kinds no controller writes to, so the API server's counters show only the clients. */
function objects(count: number, namespace: string, generation = 0, changed = 0): unknown[] {
  const make = [
    (i: number) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}` },
      data: { value: i < changed ? `changed-${generation}` : 'v1', index: String(i) },
    }),
    (i: number) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `secret-${i}` },
      type: 'Opaque',
      data: { token: Buffer.from(`t-${i}`).toString('base64') },
    }),
    (i: number) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: `sa-${i}`, labels: { index: String(i) } },
    }),
    (i: number) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: `role-${i}` },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    }),
    (i: number) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `rb-${i}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `role-${i}` },
      subjects: [{ kind: 'ServiceAccount', name: `sa-${i}` }],
    }),
    (i: number) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np-${i}` },
      spec: { podSelector: { matchLabels: { app: `a${i}` } }, policyTypes: ['Ingress'] },
    }),
    (i: number) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: `ing-${i}` },
      spec: {
        rules: [
          {
            host: `h${i}.example.com`,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: `svc-${i}`, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    }),
    (i: number) => ({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: `lr-${i}` },
      spec: { limits: [{ type: 'Container', default: { memory: '128Mi' } }] },
    }),
  ];
  return Array.from({ length: count }, (_, n) => {
    const object = make[n % make.length]!(Math.floor(n / make.length)) as {
      metadata: Record<string, unknown>;
    };
    object.metadata.namespace = namespace;
    return object;
  });
}

async function requestsByVerb(client: KubeClient): Promise<Map<string, number>> {
  const response = await client.request<string>({
    method: 'GET',
    path: '/metrics',
    accept: 'text/plain',
  });
  const counts = new Map<string, number>();
  for (const line of String(response.body).split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const resource = /resource="([^"]*)"/.exec(line)?.[1] ?? '';
    // Non-resource GETs are discovery and OpenAPI documents (both clients read them).
    const nonResource = resource === '' && /verb="GET"/.test(line);
    if (!RESOURCES.includes(resource) && !nonResource) continue;
    const verb = nonResource ? 'discovery/openapi' : /verb="([^"]+)"/.exec(line)![1]!;
    const dryRun = /dry_run="All"/.test(line) ? ' (dry-run)' : '';
    counts.set(
      `${verb}${dryRun}`,
      (counts.get(`${verb}${dryRun}`) ?? 0) + Number(line.split(' ').pop()),
    );
  }
  return counts;
}

interface Sample {
  ms: number;
  requests: Map<string, number>;
}

async function measure(
  client: KubeClient,
  command: string,
  args: string[],
  okCodes = [0],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Sample> {
  // Each run starts on a quiet API server, not one still busy with the previous run's burst.
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const before = await requestsByVerb(client);
  const start = performance.now();
  try {
    await run(command, args, { maxBuffer: 256 * 1024 * 1024, env });
  } catch (error) {
    const code = (error as { code?: number }).code ?? -1;
    if (!okCodes.includes(code))
      throw new Error(
        `${command} ${args.slice(0, 3).join(' ')} failed (${code}): ${(error as { stderr?: string }).stderr ?? ''}`,
      );
  }
  const ms = performance.now() - start;
  const after = await requestsByVerb(client);
  const requests = new Map(
    [...after]
      .map(([verb, n]) => [verb, n - (before.get(verb) ?? 0)])
      .filter(([, n]) => (n as number) > 0) as [string, number][],
  );
  return { ms, requests };
}

function describeRequests(requests: Map<string, number>): string {
  const total = [...requests.values()].reduce((a, b) => a + b, 0);
  return `${total} (${[...requests]
    .sort()
    .map(([verb, n]) => `${verb} ${n}`)
    .join(', ')})`;
}

/**
 * Runs both sides `times` times, alternating so both see the same background load; the median
 * wall time of each, and the requests of the first run (repeats make the same ones).
 */
async function alternate(
  times: number,
  ferry: () => Promise<Sample>,
  kubectl: () => Promise<Sample>,
): Promise<[Sample, Sample]> {
  const f: Sample[] = [];
  const k: Sample[] = [];
  for (let i = 0; i < times; i++) {
    f.push(await ferry());
    k.push(await kubectl());
  }
  const median = (samples: Sample[]): Sample => {
    const sorted = samples.map((x) => x.ms).sort((a, b) => a - b);
    return { ms: sorted[Math.floor(sorted.length / 2)]!, requests: samples[0]!.requests };
  };
  return [median(f), median(k)];
}

async function main(): Promise<void> {
  let cluster: ClusterState | undefined;
  let kubeconfig = process.env.FERRY_TEST_KUBECONFIG;
  let kubectl = process.env.FERRY_TEST_KUBECTL || 'kubectl';
  if (!kubeconfig) {
    cluster = await startCluster({
      dir: await mkdtemp(join(tmpdir(), 'ferry-bench-')),
      log: (l) => console.error(`[cluster] ${l}`),
    });
    kubeconfig = cluster.kubeconfig;
    kubectl = join(cluster.binDir, 'kubectl');
  }
  const client = KubeClient.connect({ kubeconfig });
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
    client.close();
    await rm(work, { recursive: true, force: true });
    if (cluster) await stopCluster(cluster);
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
