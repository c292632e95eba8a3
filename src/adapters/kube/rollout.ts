import { describeObject, type KubeObject } from '../../core/manifest.js';
import { podFailure, podSelector, rolloutState } from '../../core/rollout.js';
import type { KubeClient } from './client.js';
import { collectionPath, type ResourceInfo } from './discovery.js';
import { watchUntil } from './watch.js';

export interface RolloutTarget {
  info: ResourceInfo;
  object: KubeObject;
}

export interface RolloutOutcome {
  /** Objects that became current. */
  ready: string[];
  /** Objects that failed or timed out, with why. */
  notReady: { object: string; reason: string }[];
}

const POD_INFO: ResourceInfo = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  resource: 'pods',
  namespaced: true,
  statusSubresource: true,
};

const EVENT_INFO: ResourceInfo = { ...POD_INFO, kind: 'Event', resource: 'events' };

/**
 * Watches every target until it is current (kubectl's rollout rules), fails fast when a Pod of a
 * workload will not start (ImagePullBackOff, CrashLoopBackOff, …) or the rollout reports a
 * terminal failure, and stops at the timeout with what is not ready and why. No polling: one
 * watch per object and one per workload's Pods, and one read of each when its watch is
 * interrupted (watch.ts), so a stalled watch cannot hide a finished rollout.
 */
export async function waitForRollouts(
  client: KubeClient,
  targets: RolloutTarget[],
  timeoutMs: number,
  progress: (line: string) => void,
): Promise<RolloutOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const outcome: RolloutOutcome = { ready: [], notReady: [] };
  const pending = new Map(targets.map((t) => [describeObject(t.object), 'waiting for status']));
  // The last reason a watch of each object was interrupted, for the timeout's message.
  const interruptions = new Map<string, string>();
  const wait: WaitState = { pending, interruptions, outcome, progress };
  try {
    await Promise.all(targets.map((target) => waitForOne(client, target, controller, wait)));
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  for (const [object, last] of pending) {
    const interruption = interruptions.get(object);
    const note = interruption === undefined ? '' : ` (watch interrupted: ${interruption})`;
    outcome.notReady.push({
      object,
      reason: `timed out after ${timeoutMs / 1000}s: ${last}${note}`,
    });
  }
  return outcome;
}

/** What the waits of all targets share. */
interface WaitState {
  /** Objects not current yet, with what they wait for. */
  pending: Map<string, string>;
  interruptions: Map<string, string>;
  outcome: RolloutOutcome;
  progress: (line: string) => void;
}

async function waitForOne(
  client: KubeClient,
  { info, object }: RolloutTarget,
  global: AbortController,
  { pending, interruptions, outcome, progress }: WaitState,
): Promise<void> {
  const name = describeObject(object);
  const local = new AbortController();
  const stop = (): void => local.abort();
  global.signal.addEventListener('abort', stop);
  const finish = (reason?: string): void => {
    if (!pending.has(name)) return;
    pending.delete(name);
    if (reason) outcome.notReady.push({ object: name, reason });
    else outcome.ready.push(name);
    local.abort();
  };
  const namespace = info.namespaced ? object.metadata.namespace : undefined;
  // A stalled or dropped watch is read once and opened again (watch.ts); a timeout says why.
  const interrupted = (reason: string): void => {
    if (!pending.has(name)) return;
    progress(`${name}: ${reason}; watching again`);
    interruptions.set(name, reason);
  };
  const watches = [
    watchUntil(
      client,
      collectionPath(info, namespace),
      { fieldSelector: `metadata.name=${object.metadata.name}` },
      (type, live) => {
        if (type === 'BOOKMARK' || type === 'ERROR') return;
        if (type === 'DELETED') return finish('deleted while waiting');
        const state = rolloutState(live);
        if (state.done) {
          progress(`${name}: ${state.message}`);
          return finish();
        }
        if (state.failed) return finish(state.message);
        if (pending.get(name) !== state.message) progress(`${name}: ${state.message}`);
        pending.set(name, state.message);
      },
      local.signal,
      interrupted,
    ),
  ];
  const selector = podSelector(object);
  if (selector && namespace) {
    watches.push(
      watchUntil(
        client,
        collectionPath(POD_INFO, namespace),
        { labelSelector: selector },
        (type, pod) => {
          if (type !== 'ADDED' && type !== 'MODIFIED') return;
          const failure = podFailure(pod);
          if (!failure) return;
          void lastEvents(client, namespace, (pod.metadata as { name: string }).name).then(
            (events) =>
              finish(
                `pod ${(pod.metadata as { name: string }).name}: ${failure}${events ? `; events: ${events}` : ''}`,
              ),
          );
        },
        local.signal,
        interrupted,
      ),
    );
  }
  try {
    await Promise.all(watches);
  } finally {
    global.signal.removeEventListener('abort', stop);
  }
}

/** The last few events of a Pod, one line. */
async function lastEvents(client: KubeClient, namespace: string, pod: string): Promise<string> {
  const response = await client.request<{
    items?: { reason?: string; message?: string; lastTimestamp?: string }[];
  }>({
    verb: 'list',
    method: 'GET',
    path: collectionPath(EVENT_INFO, namespace),
    query: { fieldSelector: `involvedObject.name=${pod}` },
  });
  const items = response.status === 200 ? (response.body.items ?? []) : [];
  return items
    .slice(-3)
    .map((e) => `${e.reason ?? ''}: ${e.message ?? ''}`)
    .join(' | ');
}
