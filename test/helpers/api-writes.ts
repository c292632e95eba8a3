import type { ProxiedRequest } from './fault-proxy.js';

/**
 * The writes a client sent through a pass-through proxy (test/helpers/fault-proxy.ts): every
 * request but reads and server-side dry-runs, as `METHOD path` lines. Unlike the API server's
 * `apiserver_request_total`, which every test file sharing the cluster adds to, these are the
 * client's alone.
 */
export function wireWrites(requests: readonly ProxiedRequest[]): string[] {
  return requests
    .filter((r) => r.method !== 'GET' && !/[?&]dryRun=All(&|$)/.test(r.path))
    .map((r) => `${r.method} ${r.path.split('?')[0]}`);
}
