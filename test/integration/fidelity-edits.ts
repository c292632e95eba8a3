// The corpus sets of test/fixtures/real and, per set, the hand edits the fidelity test makes:
// each as a person would make it with kubectl, where drift must report it, and where apply must
// put git's value back. Every set has at least one edit inside a list the API server treats as
// atomic (NetworkPolicy ports and peers, RBAC rules, container args, CRD lists without a list type).

/** One out-of-band change. */
export interface HandEdit {
  /** What a person did (the assertion message). */
  what: string;
  kind: string;
  name: string;
  /** Upstream namespace of the object (the test maps it to this run's); none: cluster-scoped. */
  namespace?: string;
  /** kubectl's name for the object when `kind/name` is ambiguous (default: lower-case kind). */
  resource?: string;
  /** The kubectl arguments, given the object's kubectl name (`-n` is added by the test). */
  kubectl: (resource: string) => string[];
  /** The reported path must match this (list item keys in any order or form). */
  path: RegExp;
  /**
   * JSON pointer to what the edit changed: after apply, live must hold git's value there again
   * (server defaults may add fields inside, so point at the changed field or the list that grew).
   */
  pointer: string;
}

/** A corpus set: its folder under test/fixtures/real and the namespace objects naming none go to. */
export interface CorpusSpec {
  folder: string;
  home: string;
  edits: HandEdit[];
}

const jsonPatch = (resource: string, ops: unknown[]): string[] => [
  'patch',
  resource,
  '--type=json',
  '-p',
  JSON.stringify(ops),
];

export const CORPUS: CorpusSpec[] = [
  {
    folder: 'kube-prometheus',
    home: 'monitoring',
    edits: [
      {
        what: 'a port opened inside a NetworkPolicy ingress rule (atomic list)',
        kind: 'NetworkPolicy',
        name: 'prometheus-k8s',
        namespace: 'monitoring',
        kubectl: (r) =>
          jsonPatch(r, [
            { op: 'add', path: '/spec/ingress/0/ports/-', value: { port: 22, protocol: 'TCP' } },
          ]),
        path: /^\/spec\/ingress/,
        pointer: '/spec/ingress',
      },
      {
        what: 'alerts redirected: an Alertmanager added to the Prometheus CR (CRD list, no list type)',
        kind: 'Prometheus',
        name: 'k8s',
        namespace: 'monitoring',
        kubectl: (r) =>
          jsonPatch(r, [
            {
              op: 'add',
              path: '/spec/alerting/alertmanagers/-',
              value: { name: 'elsewhere', namespace: 'attacker', port: 'web' },
            },
          ]),
        path: /^\/spec\/alerting\/alertmanagers/,
        pointer: '/spec/alerting/alertmanagers',
      },
      {
        what: 'kubectl set image on the blackbox exporter',
        kind: 'Deployment',
        name: 'blackbox-exporter',
        namespace: 'monitoring',
        kubectl: (r) => ['set', 'image', r, 'blackbox-exporter=registry.example.com/evil:1'],
        path: /^\/spec\/template\/spec\/containers\[[^\]]*blackbox-exporter[^\]]*\]\/image$/,
        pointer: '/spec/template/spec/containers/0/image',
      },
      {
        what: 'a label removed from the grafana Service',
        kind: 'Service',
        name: 'grafana',
        namespace: 'monitoring',
        kubectl: (r) => ['label', r, 'app.kubernetes.io/part-of-'],
        path: /^\/metadata\/labels\/app\.kubernetes\.io~1part-of$/,
        pointer: '/metadata/labels/app.kubernetes.io~1part-of',
      },
    ],
  },
  {
    folder: 'cert-manager',
    home: 'cert-manager',
    edits: [
      {
        what: 'resourceNames added inside a ClusterRole rule (atomic list item)',
        kind: 'ClusterRole',
        name: 'cert-manager-controller-issuers',
        kubectl: (r) =>
          jsonPatch(r, [{ op: 'add', path: '/rules/0/resourceNames', value: ['only-this'] }]),
        path: /^\/rules/,
        pointer: '/rules/0/resourceNames',
      },
      {
        what: 'an argument appended to the controller container args (atomic list)',
        kind: 'Deployment',
        name: 'cert-manager',
        namespace: 'cert-manager',
        kubectl: (r) =>
          jsonPatch(r, [
            { op: 'add', path: '/spec/template/spec/containers/0/args/-', value: '--v=9' },
          ]),
        path: /^\/spec\/template\/spec\/containers\[[^\]]*cert-manager-controller[^\]]*\]\/args/,
        pointer: '/spec/template/spec/containers/0/args',
      },
      {
        what: 'kubectl scale of the cainjector',
        kind: 'Deployment',
        name: 'cert-manager-cainjector',
        namespace: 'cert-manager',
        kubectl: (r) => ['scale', r, '--replicas=3'],
        path: /^\/spec\/replicas$/,
        pointer: '/spec/replicas',
      },
    ],
  },
  {
    folder: 'argo-cd',
    home: 'argocd',
    edits: [
      {
        what: 'the whole internet allowed into the repo server (NetworkPolicy peers, atomic list)',
        kind: 'NetworkPolicy',
        name: 'argocd-repo-server-network-policy',
        namespace: 'argocd',
        kubectl: (r) =>
          jsonPatch(r, [
            {
              op: 'add',
              path: '/spec/ingress/0/from/-',
              value: { ipBlock: { cidr: '0.0.0.0/0' } },
            },
          ]),
        path: /^\/spec\/ingress/,
        pointer: '/spec/ingress',
      },
      {
        what: 'a label removed from argocd-cm',
        kind: 'ConfigMap',
        name: 'argocd-cm',
        namespace: 'argocd',
        kubectl: (r) => ['label', r, 'app.kubernetes.io/part-of-'],
        path: /^\/metadata\/labels\/app\.kubernetes\.io~1part-of$/,
        pointer: '/metadata/labels/app.kubernetes.io~1part-of',
      },
    ],
  },
  {
    folder: 'gatekeeper',
    home: 'gatekeeper-system',
    edits: [
      {
        what: 'Secrets added to what gatekeeper syncs (Config CR list, no list type)',
        kind: 'Config',
        name: 'config',
        namespace: 'gatekeeper-system',
        resource: 'configs.config.gatekeeper.sh/config',
        kubectl: (r) =>
          jsonPatch(r, [
            {
              op: 'add',
              path: '/spec/sync/syncOnly/-',
              value: { group: '', version: 'v1', kind: 'Secret' },
            },
          ]),
        path: /^\/spec\/sync\/syncOnly/,
        pointer: '/spec/sync/syncOnly',
      },
      {
        what: 'a policy emptied inside a ConstraintTemplate target (atomic list item)',
        kind: 'ConstraintTemplate',
        name: 'k8srequiredlabels',
        kubectl: (r) =>
          jsonPatch(r, [
            { op: 'replace', path: '/spec/targets/0/rego', value: 'package k8srequiredlabels\n' },
          ]),
        path: /^\/spec\/targets/,
        pointer: '/spec/targets/0/rego',
      },
      {
        what: 'kubectl scale of the controller manager',
        kind: 'Deployment',
        name: 'gatekeeper-controller-manager',
        namespace: 'gatekeeper-system',
        kubectl: (r) => ['scale', r, '--replicas=1'],
        path: /^\/spec\/replicas$/,
        pointer: '/spec/replicas',
      },
    ],
  },
  {
    folder: 'ingress-nginx',
    home: 'ingress-nginx',
    edits: [
      {
        what: 'a rule granting every verb on Secrets appended to the controller Role (atomic list)',
        kind: 'Role',
        name: 'ingress-nginx',
        namespace: 'ingress-nginx',
        kubectl: (r) =>
          jsonPatch(r, [
            {
              op: 'add',
              path: '/rules/-',
              value: { apiGroups: [''], resources: ['secrets'], verbs: ['*'] },
            },
          ]),
        path: /^\/rules/,
        pointer: '/rules',
      },
      {
        what: 'an argument appended to the controller args (atomic list)',
        kind: 'Deployment',
        name: 'ingress-nginx-controller',
        namespace: 'ingress-nginx',
        kubectl: (r) =>
          jsonPatch(r, [
            {
              op: 'add',
              path: '/spec/template/spec/containers/0/args/-',
              value: '--enable-ssl-passthrough',
            },
          ]),
        path: /^\/spec\/template\/spec\/containers\[[^\]]*controller[^\]]*\]\/args/,
        pointer: '/spec/template/spec/containers/0/args',
      },
      {
        what: 'kubectl set image on the controller',
        kind: 'Deployment',
        name: 'ingress-nginx-controller',
        namespace: 'ingress-nginx',
        kubectl: (r) => ['set', 'image', r, 'controller=registry.example.com/evil:1'],
        path: /^\/spec\/template\/spec\/containers\[[^\]]*controller[^\]]*\]\/image$/,
        pointer: '/spec/template/spec/containers/0/image',
      },
    ],
  },
  {
    folder: 'argo-rollouts',
    home: 'argo-rollouts',
    edits: [
      {
        what: 'the canary skipped: first step set to 100% (Rollout CRD list, no list type)',
        kind: 'Rollout',
        name: 'rollout-canary',
        namespace: 'argo-rollouts',
        kubectl: (r) =>
          jsonPatch(r, [
            { op: 'replace', path: '/spec/strategy/canary/steps/0/setWeight', value: 100 },
          ]),
        path: /^\/spec\/strategy\/canary\/steps/,
        pointer: '/spec/strategy/canary/steps/0/setWeight',
      },
      {
        what: 'kubectl scale of the rollouts controller',
        kind: 'Deployment',
        name: 'argo-rollouts',
        namespace: 'argo-rollouts',
        kubectl: (r) => ['scale', r, '--replicas=2'],
        path: /^\/spec\/replicas$/,
        pointer: '/spec/replicas',
      },
      {
        what: 'a label removed from the rollouts controller',
        kind: 'Deployment',
        name: 'argo-rollouts',
        namespace: 'argo-rollouts',
        kubectl: (r) => ['label', r, 'app.kubernetes.io/component-'],
        path: /^\/metadata\/labels\/app\.kubernetes\.io~1component$/,
        pointer: '/metadata/labels/app.kubernetes.io~1component',
      },
    ],
  },
];
