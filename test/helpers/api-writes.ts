import type { ProxiedRequest } from './fault-proxy.js';

/** Access reviews (the preflight's questions): POSTs the API server answers and stores nothing of. */
const REVIEW = /^\/apis\/(authorization|authentication)\.k8s\.io\/v1\/self\w+reviews(\?|$)/;

/**
 * The writes a client sent through a pass-through proxy (test/helpers/fault-proxy.ts): every
 * request but reads, server-side dry-runs and access reviews, as `METHOD path` lines. Unlike the API server's
 * `apiserver_request_total`, which every test file sharing the cluster adds to, these are the
 * client's alone.
 */
export function wireWrites(requests: readonly ProxiedRequest[]): string[] {
  return requests
    .filter(
      (r) => r.method !== 'GET' && !/[?&]dryRun=All(&|$)/.test(r.path) && !REVIEW.test(r.path),
    )
    .map((r) => `${r.method} ${r.path.split('?')[0]}`);
}
