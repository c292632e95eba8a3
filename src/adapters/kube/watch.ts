import type { KubeClient } from './client.js';
import { TransportError } from './request-policy.js';

/** Below this, a watch that ended is re-established only after a pause (no busy loop). */
const MIN_WATCH_MS = 1_000;

/**
 * Keeps a watch open until `signal` aborts: when the server ends it (it does after the request
 * timeout, see `KubeClient.watch`) or it stalls or its connection breaks, it is established
 * again, reporting why through `onInterrupted`; the server replays the current state as ADDED
 * events, so handlers that judge state (not transitions) miss nothing. The caller's `signal`
 * (its `--timeout`) bounds the whole wait.
 */
export async function watchUntil(
  client: KubeClient,
  path: string,
  query: Record<string, string | undefined>,
  onEvent: (type: string, object: Record<string, unknown>) => void,
  signal: AbortSignal,
  onInterrupted: (reason: string) => void = () => {},
): Promise<void> {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await client.watch(path, query, onEvent, signal);
    } catch (error) {
      if (!(error instanceof TransportError && error.retryable)) throw error;
      onInterrupted(error.message);
    }
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
    signal.addEventListener('abort', finish);
  });
}
