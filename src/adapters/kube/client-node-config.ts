// client-node's KubeConfig alone, for the rare kubeconfigs ferry leaves to it (see client.ts).
// A module of its own so the bundler keeps only what KubeConfig needs: a dynamic import of the
// package itself would bundle all of it.
export { KubeConfig } from '@kubernetes/client-node';
