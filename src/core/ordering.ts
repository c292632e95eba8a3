import type { KubeObject } from './manifest.js';

/**
 * Apply order: what others depend on goes first, deletes go in reverse.
 * 0 Namespaces and CRDs · 1 cluster-scoped RBAC and config · 2 namespaced config ·
 * 3 services · 4 workloads · 5 everything else (custom resources, ingresses, …) · 6 admission webhooks.
 */
const PHASES: Record<string, number> = {
  Namespace: 0,
  CustomResourceDefinition: 0,
  ClusterRole: 1,
  ClusterRoleBinding: 1,
  PriorityClass: 1,
  StorageClass: 1,
  PersistentVolume: 1,
  IngressClass: 1,
  RuntimeClass: 1,
  ServiceAccount: 2,
  Role: 2,
  RoleBinding: 2,
  ConfigMap: 2,
  Secret: 2,
  SealedSecret: 2,
  ExternalSecret: 2,
  ResourceQuota: 2,
  LimitRange: 2,
  PersistentVolumeClaim: 2,
  NetworkPolicy: 2,
  Service: 3,
  Deployment: 4,
  StatefulSet: 4,
  DaemonSet: 4,
  ReplicaSet: 4,
  Job: 4,
  CronJob: 4,
  Pod: 4,
  HorizontalPodAutoscaler: 4,
  PodDisruptionBudget: 4,
  MutatingWebhookConfiguration: 6,
  ValidatingWebhookConfiguration: 6,
  ValidatingAdmissionPolicy: 6,
  ValidatingAdmissionPolicyBinding: 6,
};

export function phaseOf(object: Pick<KubeObject, 'kind'>, namespaced: boolean): number {
  return PHASES[object.kind] ?? (namespaced ? 5 : 1);
}

/** Kinds `--prune` leaves alone unless explicitly allowed: deleting them destroys data. */
export const PRUNE_PROTECTED_KINDS = [
  'Namespace',
  'CustomResourceDefinition',
  'PersistentVolume',
  'PersistentVolumeClaim',
];
