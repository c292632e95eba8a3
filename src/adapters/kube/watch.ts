import type { KubeClient } from './client.js';
import { OperationError } from '../../core/errors.js';
import { TransportError } from './request-policy.js';

/** Below this, a watch that ended is re-established only after a pause (no busy loop). */
const MIN_WATCH_MS = 1_000;

/**
 * Keeps a watch open until `signal` aborts: when the server ends it (it does after the request
 * timeout, see `KubeClient.watch`) or it stalls or its connection breaks, it is established
 * again, reporting why through `onInterrupted`. Before it is, the collection is read once with
 * the same selectors and each item handed to `onEvent` as `ADDED`: a watch that keeps stalling
 * (a proxy that holds streams) must not hide that the object is already where the caller waits
 * for it to be (issue 19 item 7). A reopened watch replays the current state as ADDED events
 * too, so handlers that judge state (not transitions) miss nothing. The caller's `signal` (its
 * `--timeout`) bounds the whole wait.
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
    if (signal.aborted) break;
    // The read has its own request timeout; the caller's deadline must not wait for it.
    await untilAborted(reread(client, path, query, onEvent, onInterrupted), signal);
    const pause = MIN_WATCH_MS - (Date.now() - started);
    if (pause > 0 && !signal.aborted) await abortableSleep(pause, signal);
  }
}

/**
 * One LIST of what the watch covers, each item handed on as an `ADDED` event would carry it;
 * a failure is reported through `onInterrupted`, not thrown (the next watch may still work).
 */
async function reread(
  client: KubeClient,
  path: string,
  query: Record<string, string | undefined>,
  onEvent: (type: string, object: Record<string, unknown>) => void,
  onInterrupted: (reason: string) => void,
): Promise<void> {
  try {
    const response = await client.request<{
      apiVersion?: string;
      kind?: string;
      items?: Record<string, unknown>[];
    }>({
      verb: 'list',
      method: 'GET',
      path,
      query,
    });
    if (response.status !== 200) {
      onInterrupted(`re-reading ${path} failed: HTTP ${response.status}`);
      return;
    }
    // A LIST's items leave out kind and apiVersion, which watch events carry.
    const { apiVersion, kind = '' } = response.body;
    const itemKind = kind.replace(/List$/, '');
    for (const item of response.body.items ?? [])
      onEvent('ADDED', { apiVersion, kind: itemKind, ...item });
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    onInterrupted(`re-reading ${path} failed: ${error.message}`);
  }
}

/** `work`, or nothing once `signal` aborts (what `work` does after that is not waited for). */
async function untilAborted(work: Promise<void>, signal: AbortSignal): Promise<void> {
  // Once abandoned, its failure has no one to report to.
  work.catch(() => undefined);
  let stop = (): void => {};
  const abort = new Promise<void>((done) => {
    stop = done;
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    await Promise.race([work, abort]);
  } finally {
    signal.removeEventListener('abort', stop);
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
