import type { KubeObject } from '../../src/core/manifest.js';

/** A one-replica Deployment of `image` whose Pods are labelled `app: <name>`; `podSpec` adds to theirs. */
export function deployment(
  name: string,
  image: string,
  podSpec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image }], ...podSpec },
      },
    },
  };
}
