import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { kubeConfig, testKubeconfig } from './kube.js';

/** A ServiceAccount's credentials: its token, and kubeconfigs that use it. */
export interface ServiceAccountCredentials {
  /** `system:serviceaccount:<namespace>:<name>`, as the API server names it. */
  username: string;
  /** A kubeconfig for the test cluster with the ServiceAccount's token. */
  kubeconfig: string;
  /** A kubeconfig for another server (a pass-through proxy) with the same token. */
  via(server: string): Promise<string>;
}

/**
 * Creates a ServiceAccount and gets it a short-lived token with the TokenRequest API (as
 * `kubectl create token` does), then writes a kubeconfig with the test cluster's server and CA
 * and that token: an identity with no rights but those bound to it.
 */
export async function serviceAccount(
  namespace: string,
  name: string,
): Promise<ServiceAccountCredentials> {
  const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`no token for ServiceAccount ${namespace}/${name}`);
  const admin = yaml.load(await readFile(testKubeconfig()!, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data'?: string } }[];
  };
  const cluster = admin.clusters[0]!.cluster;
  const dir = await mkdtemp(join(tmpdir(), 'ferry-sa-'));
  const write = async (file: string, server: string, ca?: string): Promise<string> => {
    const path = join(dir, file);
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'c', cluster: { server, ...(ca ? { 'certificate-authority-data': ca } : {}) } },
      ],
      users: [{ name: name, user: { token } }],
      contexts: [{ name: 'sa', context: { cluster: 'c', user: name, namespace } }],
      'current-context': 'sa',
    };
    await writeFile(path, yaml.dump(config), { mode: 0o600 });
    return path;
  };
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    kubeconfig: await write('kubeconfig', cluster.server, cluster['certificate-authority-data']),
    via: (server) => write(`via-${encodeURIComponent(server)}`, server),
  };
}
