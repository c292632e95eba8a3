/**
 * `npm run cluster:up` / `cluster:down` / `cluster:status`: the local control plane for the
 * demo and for running integration tests by hand. State lives in .ferry/cluster (git-ignored).
 */
import { join } from 'node:path';
import { isHealthy, loadState, startCluster, stopCluster } from './cluster.js';

const dir = join(import.meta.dirname, '..', '..', '.ferry', 'cluster');
const log = (line: string): void => console.error(`[cluster] ${line}`);

async function main(command: string | undefined): Promise<number> {
  const existing = await loadState(dir);
  switch (command) {
    case 'up': {
      // FERRY_K8S_VERSION asks for a version: one of another version is not reused.
      const wanted = process.env.FERRY_K8S_VERSION?.replace(/^v?/, 'v');
      const sameVersion = !wanted || existing?.version === wanted;
      if (existing && existing.processes.length > 0 && sameVersion && (await isHealthy(existing))) {
        log('already running; reusing it');
        console.log(existing.kubeconfig);
        return 0;
      }
      if (existing) await stopCluster(existing);
      const state = await startCluster({ dir, log });
      log('stop it with: npm run cluster:down');
      console.log(state.kubeconfig);
      return 0;
    }
    case 'down':
      if (!existing || existing.processes.length === 0) {
        log('not running');
        return 0;
      }
      const count = existing.processes.length;
      await stopCluster(existing);
      log(`stopped ${count} processes`);
      return 0;
    case 'status': {
      const healthy = existing ? await isHealthy(existing) : false;
      log(healthy ? `running: ${existing?.kubeconfig}` : 'not running');
      return healthy ? 0 : 1;
    }
    default:
      console.error('usage: cluster.ts up|down|status');
      return 2;
  }
}

process.exitCode = await main(process.argv[2]);
