import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';

/**
 * The cluster integration tests run against: FERRY_TEST_KUBECONFIG (set by `npm test`, which
 * starts the local control plane, or by you, to use kind or any other cluster).
 */
export function testKubeconfig(): string | undefined {
  const path = process.env.FERRY_TEST_KUBECONFIG;
  if (!path && process.env.FERRY_TEST_REQUIRE_CLUSTER === '1') {
    throw new Error('FERRY_TEST_KUBECONFIG is not set; run the tests with `npm test`');
  }
  return path || undefined;
}

/** `skip` option for suites that need a cluster (only when none was required). */
export const needsCluster = {
  skip: testKubeconfig() ? false : 'no cluster: set FERRY_TEST_KUBECONFIG or use npm test',
};

export function kubeConfig(): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(testKubeconfig()!);
  return kc;
}

const execFileAsync = promisify(execFile);

/** Runs kubectl (the one built with the control plane, or `kubectl` on PATH) against the test cluster. */
export async function kubectl(
  args: string[],
  input?: string,
  env?: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  const binary = process.env.FERRY_TEST_KUBECTL || 'kubectl';
  const run = execFileAsync(binary, ['--kubeconfig', testKubeconfig()!, ...args], {
    env: { ...process.env, ...env },
    // `get --raw /metrics` and big lists exceed the 1 MiB default.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (input !== undefined) run.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await run;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return {
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
      code: typeof e.code === 'number' ? e.code : 1,
    };
  }
}

/** A namespace of the test's own, so tests can run in parallel; delete it when done. */
export async function testNamespace(
  prefix: string,
): Promise<{ name: string; remove: () => Promise<void> }> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
  await core.createNamespace({
    body: { metadata: { name, labels: { 'ferry.dev/test': 'true' } } },
  });
  return {
    name,
    remove: async () => {
      await core.deleteNamespace({ name }).catch(() => undefined);
    },
  };
}
