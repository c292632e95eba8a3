import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kubectl, testKubeconfig } from './kube.js';

/**
 * The verbs `apiserver_request_total` counts as changes an apply can make: APPLY (a server-side
 * apply patch, which is also how ferry creates), PATCH, PUT and deletes. POST is left out: ferry
 * never creates with it, and on a shared cluster it is mostly other clients' creations (the
 * ServiceAccount controller in every new namespace, other tests' kubectl create).
 */
const WRITE_VERBS = new Set(['PUT', 'PATCH', 'APPLY', 'DELETE', 'DELETECOLLECTION']);

/** A resource as the API server's metrics name it: group ('' for core) and plural. */
export interface MetricResource {
  group: string;
  resource: string;
}

const key = (r: MetricResource): string => `${r.group}/${r.resource}`;

/**
 * Writes the API server has served so far, by `group/resource`, read from its own
 * `apiserver_request_total`: WRITE_VERBS only, dry-runs excluded (`dry_run` label set), and
 * status or other subresources excluded (controllers write those; an apply of manifests does not).
 * This is the server's count, independent of what ferry says it did.
 */
export async function serverWrites(resources: MetricResource[]): Promise<Map<string, number>> {
  const wanted = new Set(resources.map(key));
  // The whole metrics page is several MB, past execFile's default output limit.
  const { stdout } = await promisify(execFile)(
    process.env.FERRY_TEST_KUBECTL || 'kubectl',
    ['--kubeconfig', testKubeconfig()!, 'get', '--raw', '/metrics'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const counts = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const labels = Object.fromEntries(
      [...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as const),
    );
    const name = key({ group: labels.group ?? '', resource: labels.resource ?? '' });
    if (!wanted.has(name) || !WRITE_VERBS.has(labels.verb ?? '')) continue;
    if (labels.dry_run || labels.subresource) continue;
    counts.set(name, (counts.get(name) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return counts;
}

/** What grew between two readings of serverWrites, as `group/resource: n` lines (empty: nothing). */
export function writesBetween(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .map(([name, n]) => [name, n - (before.get(name) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name}: ${n}`);
}

/** Each kind's metric name (`apiVersion/kind` → group and plural), from the server's discovery. */
export async function metricResources(): Promise<Map<string, MetricResource>> {
  const result = await kubectl(['api-resources', '--no-headers']);
  if (result.code !== 0) throw new Error(`kubectl api-resources: ${result.stderr}`);
  const byKind = new Map<string, MetricResource>();
  for (const line of result.stdout.trim().split('\n')) {
    // NAME [SHORTNAMES] APIVERSION NAMESPACED KIND: read from the right, SHORTNAMES may be empty.
    const columns = line.trim().split(/\s+/);
    const kind = columns.at(-1)!;
    const apiVersion = columns.at(-3)!;
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
    byKind.set(`${group}/${kind}`, { group, resource: columns[0]! });
  }
  return byKind;
}

/**
 * Writes the server served while `work` ran, to the given resources. Other tests share the
 * cluster (and write ConfigMaps, Deployments, … of their own), so a reading with writes is taken
 * again, up to `attempts` times: a write `work` itself makes shows up in every reading, noise
 * from elsewhere does not. Returns the last reading's writes (empty: `work` wrote nothing).
 */
export async function writesDuring(
  resources: MetricResource[],
  work: () => Promise<void>,
  attempts = 4,
): Promise<string[]> {
  let writes: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = await serverWrites(resources);
    await work();
    writes = writesBetween(before, await serverWrites(resources));
    if (writes.length === 0) return writes;
  }
  return writes;
}
