// The whole test suite: `npm test` (or `npm test -- unit|integration|e2e`).
// Integration and e2e tests need a cluster: FERRY_TEST_KUBECONFIG names yours (kind, k3d, …);
// without it this script builds (or reuses) and starts the local control plane from
// test/cluster, runs the tests against it, and stops every process it started.
// Before any suite runs, it builds (or reuses) the pinned kustomize, helm, sops and age-keygen
// (test/helpers/tools.ts), so a first build never counts against one test's timeout.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { startCluster, stopCluster } = await import('../test/cluster/cluster.ts');
const { buildTools } = await import('../test/helpers/tools.ts');

const suites =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];
const files = suites.map((suite) => `test/${suite}/**/*.test.ts`);
const needsCluster = suites.some((suite) => suite !== 'unit');
const env = { ...process.env, FERRY_TEST_REQUIRE_CLUSTER: needsCluster ? '1' : '' };

let cluster;
let clusterDir;
const stop = async () => {
  if (cluster) await stopCluster(cluster);
  cluster = undefined;
  if (clusterDir) await rm(clusterDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void stop().finally(() => process.exit(130)));
}

try {
  await buildTools().catch((error) => {
    // Without Go nothing can be built; FERRY_TEST_ALLOW_NO_GO=1 lets the tests that need no
    // tool run anyway (those that do fail, saying why).
    if (env.FERRY_TEST_ALLOW_NO_GO !== '1') throw error;
    console.error(`WARNING: pinned tools not built (FERRY_TEST_ALLOW_NO_GO=1): ${error.message}`);
  });
  if (needsCluster && !env.FERRY_TEST_KUBECONFIG) {
    clusterDir = await mkdtemp(join(tmpdir(), 'ferry-test-cluster-'));
    const log = (line) => console.error(`[cluster] ${line}`);
    cluster = await startCluster({ dir: clusterDir, log });
    env.FERRY_TEST_KUBECONFIG = cluster.kubeconfig;
    env.FERRY_TEST_KUBECTL = join(cluster.binDir, 'kubectl');
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
    { stdio: 'inherit', env },
  );
  process.exitCode = await new Promise((done) => child.on('close', (code) => done(code ?? 1)));
} finally {
  await stop();
}
