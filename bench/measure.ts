/**
 * What the cluster benchmarks share: the control plane they run on, the objects they apply,
 * and how a run is measured (wall time, and the API server's own request counters).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KubeClient } from '../src/adapters/kube/client.js';
import { startCluster, stopCluster } from '../test/cluster/cluster.js';

export const run = promisify(execFile);

/** Quiet before each measured run, so it does not start on a server busy with the last one. */
const SETTLE_MS = 1000;

/** The kinds the benchmarks apply: none is written by a controller. */
export const BENCH_RESOURCES = [
  'configmaps',
  'secrets',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'networkpolicies',
  'ingresses',
  'limitranges',
];

/** The control plane a benchmark runs on: FERRY_TEST_KUBECONFIG's, or one it starts. */
export interface BenchCluster {
  kubeconfig: string;
  kubectl: string;
  client: KubeClient;
  /** Closes the client and stops the control plane if the bench started it. */
  close: () => Promise<void>;
}

export async function benchCluster(): Promise<BenchCluster> {
  const given = process.env.FERRY_TEST_KUBECONFIG;
  const cluster = given
    ? undefined
    : await startCluster({
        dir: await mkdtemp(join(tmpdir(), 'ferry-bench-')),
        log: (l) => console.error(`[cluster] ${l}`),
      });
  const kubeconfig = given ?? cluster!.kubeconfig;
  const kubectl = cluster
    ? join(cluster.binDir, 'kubectl')
    : process.env.FERRY_TEST_KUBECTL || 'kubectl';
  const client = KubeClient.connect({ kubeconfig });
  return {
    kubeconfig,
    kubectl,
    client,
    close: async () => {
      client.close();
      if (cluster) await stopCluster(cluster);
    },
  };
}

/** `count` objects of the eight bench kinds in `namespace`; the first `changed` ConfigMaps differ. */
export function benchObjects(
  count: number,
  namespace: string,
  generation = 0,
  changed = 0,
): unknown[] {
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

/** Which requests a counter keeps, and how it names them. */
export interface Meter {
  /** Resources counted (others, such as controllers' leases, are left out). */
  resources: string[];
  /** Name LISTs by resource (`LIST configmaps`) rather than by verb alone. */
  listsByResource?: boolean;
}

const BENCH_METER: Meter = { resources: BENCH_RESOURCES };

/** The API server's `apiserver_request_total`, summed by verb (and dry-run). */
async function requestCounts(client: KubeClient, meter: Meter): Promise<Map<string, number>> {
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
    if (!meter.resources.includes(resource) && !nonResource) continue;
    const verb = nonResource ? 'discovery/openapi' : /verb="([^"]+)"/.exec(line)![1]!;
    // Neither client watches in these runs: a WATCH is a controller re-opening its own.
    if (verb === 'WATCH') continue;
    const dryRun = /dry_run="All"/.test(line) ? ' (dry-run)' : '';
    const name = meter.listsByResource && verb === 'LIST' ? `LIST ${resource}` : `${verb}${dryRun}`;
    counts.set(name, (counts.get(name) ?? 0) + Number(line.split(' ').pop()));
  }
  return counts;
}

export interface Sample {
  ms: number;
  /** CPU time (user + system) of the processes the run started and waited for. */
  cpuMs: number;
  requests: Map<string, number>;
}

/**
 * CPU time of this process's waited-for children so far (Linux: cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms). Children count their own waited-for children
 * (git under ferry), so a run's CPU is known however busy the machine is.
 */
async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Wall time of `work` and the requests the API server counted meanwhile. */
export async function measure(
  client: KubeClient,
  work: () => Promise<unknown>,
  meter: Meter = BENCH_METER,
): Promise<Sample> {
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const before = await requestCounts(client, meter);
  const cpuBefore = await childrenCpuMs();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const cpuMs = (await childrenCpuMs()) - cpuBefore;
  const after = await requestCounts(client, meter);
  const requests = new Map(
    [...after]
      .map(([verb, n]) => [verb, n - (before.get(verb) ?? 0)])
      .filter(([, n]) => (n as number) > 0) as [string, number][],
  );
  return { ms, cpuMs, requests };
}

/** Runs a command; an exit code outside `okCodes` is an error naming it. Returns its stdout. */
export async function runCommand(
  command: string,
  args: string[],
  okCodes = [0],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  try {
    return (await run(command, args, { maxBuffer: 256 * 1024 * 1024, env })).stdout;
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    if (okCodes.includes(failure.code ?? -1)) return failure.stdout ?? '';
    throw new Error(
      `${command} ${args.slice(0, 3).join(' ')} failed (${failure.code}): ${failure.stderr ?? ''}`,
    );
  }
}

/** `measure` of one command run as a process. */
export function measureCommand(
  client: KubeClient,
  command: string,
  args: string[],
  okCodes = [0],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Sample> {
  return measure(client, () => runCommand(command, args, okCodes, env));
}

export function describeRequests(requests: Map<string, number>): string {
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
export async function alternate(
  times: number,
  ferry: () => Promise<Sample>,
  peer: () => Promise<Sample>,
): Promise<[Sample, Sample]> {
  const f: Sample[] = [];
  const k: Sample[] = [];
  for (let i = 0; i < times; i++) {
    f.push(await ferry());
    k.push(await peer());
  }
  return [median(f), median(k)];
}

function median(samples: Sample[]): Sample {
  const middle = (values: number[]): number =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    ms: middle(samples.map((x) => x.ms)),
    cpuMs: middle(samples.map((x) => x.cpuMs)),
    requests: samples[0]!.requests,
  };
}
