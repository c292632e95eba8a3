import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../../core/errors.js';
import { convertCrd, convertDocument, SchemaSet, type SchemaTable } from '../../core/schema.js';
import type { KubeObject } from '../../core/manifest.js';
import { cacheDir } from '../cache-dir.js';
import type { KubeClient, KubeResponse } from './client.js';

/**
 * The merge semantics of the kinds ferry compares, from the API server's OpenAPI v3: one request
 * for the index (`GET /openapi/v3`), whose entries name each group-version document by a content
 * hash (`?hash=…`, served as immutable); each document is read once per server version and kept
 * on disk by that hash, so a warm run costs the index alone.
 * https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3
 */

/** Bump when the converted form changes, so old cache files are not read. */
const CACHE_FORMAT = 1;

interface OpenApiIndex {
  paths?: Record<string, { serverRelativeURL?: string }>;
}

/** The index path of a group-version (`v1` → `api/v1`, `apps/v1` → `apis/apps/v1`). */
function indexPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`;
}

/** Versions of one group-version's document kept in the cache (several clusters may share it). */
const VERSIONS_KEPT = 4;

/**
 * Loads the schemas of the kinds of `objects`. A kind the server does not publish yet (its CRD
 * was created moments ago) takes its schema from a CRD among `crds`; with neither, it compares
 * schema-less (maps granular, lists atomic, as structured-merge-diff deduces).
 */
export async function loadSchemas(
  client: KubeClient,
  objects: Pick<KubeObject, 'apiVersion' | 'kind'>[],
  crds: KubeObject[] = [],
  directory = join(cacheDir(), 'openapi'),
): Promise<SchemaSet> {
  const wanted = [...new Set(objects.map((o) => o.apiVersion))];
  const tables = new Map<string, SchemaTable>();
  if (wanted.length === 0) return new SchemaSet(tables);
  const index = await client.request<OpenApiIndex>({
    verb: 'openapi',
    method: 'GET',
    path: '/openapi/v3',
    accept: 'application/json',
  });
  if (index.status !== 200 || typeof index.body?.paths !== 'object') {
    throw new OperationError(
      `reading the API server's OpenAPI index (/openapi/v3) failed: HTTP ${index.status}; ferry needs OpenAPI v3 (Kubernetes ≥ 1.27) to compare objects as the server merges them`,
    );
  }
  await Promise.all(
    wanted.map(async (apiVersion) => {
      const url = index.body.paths?.[indexPath(apiVersion)]?.serverRelativeURL;
      const published = url ? await documentTable(client, url, directory) : undefined;
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      const unpublished = objects.some(
        (o) => o.apiVersion === apiVersion && !published?.kinds[`${group}/${version}/${o.kind}`],
      );
      const fromCrds = unpublished ? crdTable(apiVersion, crds) : undefined;
      const table = merge(published, fromCrds);
      if (table) tables.set(apiVersion, table);
    }),
  );
  return new SchemaSet(tables);
}

function merge(...parts: (SchemaTable | undefined)[]): SchemaTable | undefined {
  const tables = parts.filter((t): t is SchemaTable => t !== undefined);
  if (tables.length <= 1) return tables[0];
  return {
    types: Object.assign({}, ...tables.map((t) => t.types)) as SchemaTable['types'],
    kinds: Object.assign({}, ...tables.map((t) => t.kinds)) as SchemaTable['kinds'],
  };
}

function crdTable(apiVersion: string, crds: KubeObject[]): SchemaTable | undefined {
  const [group] = apiVersion.split('/');
  const tables = crds
    .filter((crd) => (crd.spec as { group?: string } | undefined)?.group === group)
    .map(convertCrd);
  return merge(...tables);
}

/** A cache file name for a document URL: its path and content hash, readable in a listing. */
function cacheFile(url: string): string {
  const [path = '', query = ''] = url.split('?');
  const hash = new URLSearchParams(query).get('hash') ?? '';
  const name = path.replace(/^\/openapi\/v3\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
  return `${name}@${hash.replace(/[^A-Za-z0-9]/g, '')}.v${CACHE_FORMAT}.json`;
}

async function documentTable(
  client: KubeClient,
  url: string,
  directory: string,
  redirects = 0,
): Promise<SchemaTable> {
  const hashed = url.includes('hash=');
  const name = cacheFile(url);
  const file = join(directory, name);
  if (hashed) {
    const cached = await readFile(file, 'utf8').catch(() => undefined);
    if (cached !== undefined) {
      try {
        return JSON.parse(cached) as SchemaTable;
      } catch {
        // a torn or foreign file: read the document again
      }
    }
  }
  const response = await readDocument(client, url);
  const [path = ''] = url.split('?');
  if (response.status === MOVED && hashed && redirects < MAX_REDIRECTS) {
    // The index named a hash the document no longer has: a CRD of the group changed a moment
    // ago and the index lags behind for up to a second (issue 19 item 16). The server points
    // at the document's current hash, on the same path; anywhere else is not followed.
    const moved = movedTo(response.location, path);
    if (moved !== undefined) return documentTable(client, moved, directory, redirects + 1);
  }
  if (response.status !== 200) {
    throw new OperationError(
      `reading the API server's OpenAPI (${path}) failed: HTTP ${response.status}`,
    );
  }
  const table = convertDocument(response.body);
  if (hashed) await store(directory, name, table);
  return table;
}

/** kube-openapi's answer to a document URL whose hash is not the current one. */
const MOVED = 301;
/** Hashes followed in a row: CRDs that keep changing must not keep a run busy. */
const MAX_REDIRECTS = 3;

function readDocument(client: KubeClient, url: string): Promise<KubeResponse> {
  const [path = '', query = ''] = url.split('?');
  return client.request<unknown>({
    verb: 'openapi',
    method: 'GET',
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    accept: 'application/json',
  });
}

/**
 * The server-relative URL a 301 for `path` points at, when it is the same document under
 * another hash; undefined for anything else (another path or server, no hash, no Location).
 */
function movedTo(location: string | undefined, path: string): string | undefined {
  if (!location) return undefined;
  const base = new URL('https://api-server.invalid');
  const target = new URL(location, base);
  const hash = target.searchParams.get('hash');
  if (target.origin !== base.origin || target.pathname !== path || !hash) return undefined;
  return `${path}?hash=${encodeURIComponent(hash)}`;
}

/**
 * Writes a cache file atomically, and drops the oldest versions of the same document; a cache
 * that cannot be written only costs a request later.
 */
async function store(directory: string, name: string, table: SchemaTable): Promise<void> {
  const file = join(directory, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, JSON.stringify(table));
    await rename(temporary, file);
    const prefix = name.slice(0, name.indexOf('@') + 1);
    const versions = (await readdir(directory)).filter(
      (f) => f.startsWith(prefix) && f.endsWith('.json'),
    );
    if (versions.length <= VERSIONS_KEPT) return;
    const dated = await Promise.all(
      versions.map(async (f) => ({ f, at: (await stat(join(directory, f))).mtimeMs })),
    );
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(VERSIONS_KEPT).map(({ f }) => rm(join(directory, f))));
  } catch {
    // read-only home, full disk, a concurrent run tidying up: carry on
  }
}
