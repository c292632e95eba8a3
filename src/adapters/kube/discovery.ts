import { ConfigError, OperationError } from '../../core/errors.js';
import { statusMessage, type KubeClient, type KubeResponse } from './client.js';

/** What the API server serves for one kind. */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name used in URLs, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  /** Served with a `status` subresource: the API server ignores `status` in what is applied. */
  statusSubresource: boolean;
}

/** The kinds an API server serves, from aggregated discovery (two requests for the whole cluster). */
export class ResourceMap {
  private readonly byGroupKind = new Map<string, ResourceInfo>();

  constructor(private readonly byKind: Map<string, ResourceInfo>) {
    // Discovery lists versions in preference order: the first seen is the preferred one.
    for (const info of byKind.values()) {
      const key = info.group ? `${info.kind}.${info.group}` : info.kind;
      if (!this.byGroupKind.has(key)) this.byGroupKind.set(key, info);
    }
  }

  /** Looks up an ApplySet group-kind (`Deployment.apps`, `ConfigMap`) at its preferred version. */
  findGroupKind(groupKind: string): ResourceInfo | undefined {
    return this.byGroupKind.get(groupKind);
  }

  /** Looks up `apiVersion` + `kind`; undefined when the server does not serve it. */
  find(apiVersion: string, kind: string): ResourceInfo | undefined {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }
}

interface DiscoveryList {
  items?: {
    metadata?: { name?: string };
    versions?: {
      version: string;
      resources?: {
        resource: string;
        responseKind?: { kind?: string };
        scope?: string;
        subresources?: { subresource?: string }[];
      }[];
    }[];
  }[];
}

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

/**
 * Reads every served kind with aggregated discovery (Kubernetes ≥ 1.30 serves it GA):
 * `GET /api` for the core group and `GET /apis` for the rest.
 */
export async function discover(client: KubeClient): Promise<ResourceMap> {
  const byKind = new Map<string, ResourceInfo>();
  for (const path of ['/api', '/apis']) {
    const response = await client.request<DiscoveryList>({
      verb: 'discovery',
      method: 'GET',
      path,
      accept: AGGREGATED,
    });
    if (response.status !== 200 || !Array.isArray(response.body?.items))
      throw discoveryError(path, response);
    for (const group of response.body.items) {
      const groupName = group.metadata?.name ?? '';
      for (const version of group.versions ?? []) {
        const apiVersion = groupName ? `${groupName}/${version.version}` : version.version;
        for (const resource of version.resources ?? []) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          byKind.set(`${apiVersion}/${kind}`, {
            group: groupName,
            version: version.version,
            kind,
            resource: resource.resource,
            namespaced: resource.scope === 'Namespaced',
            statusSubresource: (resource.subresources ?? []).some(
              (s) => s.subresource === 'status',
            ),
          });
        }
      }
    }
  }
  return new ResourceMap(byKind);
}

/** Why discovery got no answer it could use, in the words that point at the fix. */
function discoveryError(path: string, response: KubeResponse): Error {
  const said = statusMessage(response).trim();
  // Go's TLS server answers a plain HTTP request with this 400.
  if (response.status === 400 && /HTTP request to an HTTPS server/i.test(said))
    return new ConfigError(
      `the API server speaks HTTPS but the kubeconfig's server URL starts with http:// (it answered "${said}"): use https://`,
    );
  if (response.status === 200 || response.status === 404 || response.status === 406)
    return new OperationError(
      `API discovery failed (${path}: HTTP ${response.status}); the API server must serve aggregated discovery (Kubernetes ≥ 1.30)`,
    );
  return new OperationError(`API discovery failed (${path}: HTTP ${response.status}: ${said})`);
}

/**
 * One URL path segment: percent-encoded, and never empty, `.` or `..`, which URL parsing would
 * drop or resolve against the path before it (`/namespaces/../kube-system`). Names and namespaces
 * are checked against the API server's rules long before (core/object-names.ts); this is the
 * last guard, for values that come from the cluster or a caller that skipped those checks.
 */
export function pathSegment(value: string, what: string): string {
  if (value === '' || value === '.' || value === '..')
    throw new OperationError(
      `refusing to request a URL with ${JSON.stringify(value)} as the ${what}`,
    );
  return encodeURIComponent(value);
}

/** URL path of a collection (`namespace` undefined: across all namespaces or cluster-scoped). */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const version = pathSegment(info.version, 'API version');
  const base = info.group
    ? `/apis/${pathSegment(info.group, 'API group')}/${version}`
    : `/api/${version}`;
  const resource = pathSegment(info.resource, 'resource');
  return info.namespaced && namespace !== undefined
    ? `${base}/namespaces/${pathSegment(namespace, 'namespace')}/${resource}`
    : `${base}/${resource}`;
}

/** URL path of one object. */
export function objectPath(info: ResourceInfo, name: string, namespace?: string): string {
  return `${collectionPath(info, namespace)}/${pathSegment(name, 'name')}`;
}
