/**
 * When is an applied object "current"? The rules `kubectl rollout status` uses for workloads,
 * and the standard Ready condition for everything else that reports one.
 * https://github.com/kubernetes/kubectl/blob/master/pkg/polymorphichelpers/rollout_status.go
 */
import type { KubeObject } from './manifest.js';

export interface RolloutState {
  done: boolean;
  /** What is being waited for, or why it failed. */
  message: string;
  /** Set when waiting is pointless (ProgressDeadlineExceeded, Job Failed). */
  failed?: boolean;
}

interface Condition {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

interface ContainerStatus {
  name: string;
  state?: { waiting?: { reason?: string; message?: string } };
}

/** The parts of a live workload (or Pod) the rollout rules read. */
export interface LiveObject {
  kind?: string;
  metadata?: { generation?: number };
  spec?: {
    replicas?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    readyReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    succeeded?: number;
    active?: number;
    conditions?: Condition[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

type Obj = LiveObject;

/** Kinds whose rollout ferry waits for (plus custom resources, see waitsForRollout). */
export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

function condition(object: Obj, type: string): Condition | undefined {
  return object.status?.conditions?.find((c) => c.type === type);
}

function observed(object: Obj): boolean {
  const generation = object.metadata?.generation;
  const seen = object.status?.observedGeneration;
  return generation === undefined || (seen !== undefined && seen >= generation);
}

/**
 * A custom resource's API group: CRDs need a dotted group; built-in groups are dotless (`apps`)
 * or end in `.k8s.io`, except the `x-k8s.io` groups of Kubernetes SIG projects' CRDs.
 */
export function isCustomGroup(group: string): boolean {
  return group.includes('.') && (!group.endsWith('.k8s.io') || group.endsWith('.x-k8s.io'));
}

/**
 * Whether `--wait` waits for an applied object: a workload, or a custom resource whose kind has
 * a status subresource (its controller reports there: Sealed Secrets, External Secrets,
 * cert-manager, Flux, …). Other kinds have nothing to wait for.
 */
export function waitsForRollout(
  object: { kind: string },
  info: { group: string; statusSubresource: boolean },
): boolean {
  return WORKLOAD_KINDS.has(object.kind) || (info.statusSubresource && isCustomGroup(info.group));
}

export function rolloutState(object: Obj): RolloutState {
  const status = object.status ?? {};
  switch (object.kind) {
    case 'Deployment': {
      const progressing = condition(object, 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
          done: false,
          failed: true,
          message: `ProgressDeadlineExceeded: ${progressing.message ?? ''}`.trim(),
        };
      }
      if (!observed(object))
        return { done: false, message: 'waiting for the controller to observe the new generation' };
      const want = object.spec?.replicas ?? 1;
      const updated = status.updatedReplicas ?? 0;
      const total = status.replicas ?? 0;
      const available = status.availableReplicas ?? 0;
      if (updated < want) return { done: false, message: `${updated} of ${want} updated replicas` };
      if (total > updated)
        return { done: false, message: `${total - updated} old replicas pending termination` };
      if (available < updated)
        return { done: false, message: `${available} of ${updated} updated replicas available` };
      return { done: true, message: `${available} replicas available` };
    }
    case 'StatefulSet': {
      if (!observed(object))
        return { done: false, message: 'waiting for the controller to observe the new generation' };
      const want = object.spec?.replicas ?? 1;
      const ready = status.readyReplicas ?? 0;
      if (ready < want) return { done: false, message: `${ready} of ${want} replicas ready` };
      const partition = object.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
      if (object.spec?.updateStrategy?.type === 'OnDelete')
        return { done: true, message: `${ready} replicas ready` };
      if (partition > 0) {
        const updated = status.updatedReplicas ?? 0;
        return updated >= want - partition
          ? { done: true, message: `partitioned rollout: ${updated} updated` }
          : { done: false, message: `${updated} of ${want - partition} replicas updated` };
      }
      if (status.updateRevision !== status.currentRevision) {
        return {
          done: false,
          message: `${status.updatedReplicas ?? 0} of ${want} replicas updated`,
        };
      }
      return { done: true, message: `${ready} replicas ready` };
    }
    case 'DaemonSet': {
      if (!observed(object))
        return { done: false, message: 'waiting for the controller to observe the new generation' };
      const want = status.desiredNumberScheduled ?? 0;
      const updated = status.updatedNumberScheduled ?? 0;
      const available = status.numberAvailable ?? 0;
      if (updated < want)
        return { done: false, message: `${updated} of ${want} updated pods scheduled` };
      if (available < want)
        return { done: false, message: `${available} of ${want} updated pods available` };
      return { done: true, message: `${available} pods available` };
    }
    case 'Job': {
      const failed = condition(object, 'Failed');
      if (failed?.status === 'True')
        return {
          done: false,
          failed: true,
          message: `Job failed: ${failed.reason ?? ''} ${failed.message ?? ''}`.trim(),
        };
      if (condition(object, 'Complete')?.status === 'True')
        return { done: true, message: 'completed' };
      return {
        done: false,
        message: `${status.succeeded ?? 0} succeeded, ${status.active ?? 0} active`,
      };
    }
    default:
      return customResourceState(object);
  }
}

/** A condition that speaks of an older generation than the object's says nothing yet. */
function current(object: Obj, c: Condition): boolean {
  const generation = object.metadata?.generation;
  return (
    c.observedGeneration === undefined ||
    generation === undefined ||
    c.observedGeneration >= generation
  );
}

function describeCondition(c: Condition): string {
  return `${c.type}=${c.status ?? 'Unknown'}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`;
}

/**
 * A custom resource is current once its controller reports on this generation, by the
 * conventions kstatus reads (sigs.k8s.io/cli-utils/pkg/kstatus): `status.observedGeneration`
 * caught up, `Stalled=True` fails, and the `Ready` condition (Sealed Secrets report `Synced`)
 * must be True where there is one. A resource with no status yet waits for its controller's
 * first report, so a missing controller fails the wait at its timeout instead of passing it.
 */
export function customResourceState(object: Obj): RolloutState {
  // Optional for custom resources: only a reported generation that lags says "not yet".
  const seen = object.status?.observedGeneration;
  if (seen !== undefined && !observed(object))
    return { done: false, message: 'waiting for its controller to observe the new generation' };
  const stalled = condition(object, 'Stalled');
  if (stalled?.status === 'True' && current(object, stalled))
    return { done: false, failed: true, message: describeCondition(stalled) };
  const ready = condition(object, 'Ready') ?? condition(object, 'Synced');
  if (ready) {
    if (ready.status === 'True' && current(object, ready))
      return { done: true, message: ready.type };
    return { done: false, message: describeCondition(ready) };
  }
  const reconciling = condition(object, 'Reconciling');
  if (reconciling?.status === 'True')
    return { done: false, message: describeCondition(reconciling) };
  if (Object.keys(object.status ?? {}).length === 0)
    return { done: false, message: 'waiting for its controller to report status' };
  return { done: true, message: 'status reported' };
}

/** Container states that will not fix themselves: fail fast instead of waiting for the timeout. */
export const FATAL_WAITING_REASONS = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'InvalidImageName',
  'CreateContainerError',
]);

/** A label selector for the Pods of a workload (matchLabels only, as kubectl prints them). */
export function podSelector(object: KubeObject): string | undefined {
  const spec = object.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined;
  const labels =
    object.kind === 'Job'
      ? { 'batch.kubernetes.io/job-name': object.metadata.name }
      : spec?.selector?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return undefined;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Why a Pod will not become ready on its own, or undefined. */
export function podFailure(pod: Obj): string | undefined {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const container of statuses) {
    const waiting = container.state?.waiting;
    if (waiting && FATAL_WAITING_REASONS.has(waiting.reason ?? '')) {
      return `container ${container.name}: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`;
    }
  }
  return undefined;
}
