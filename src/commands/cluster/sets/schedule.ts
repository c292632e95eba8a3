import type { EnvSet } from '../../../core/set-descriptor.js';
import type { SetRow } from '../../../core/sets-report.js';

/**
 * Runs `work` for each set once its dependencies (among `sets`) have ended, at most `parallel`
 * at a time. A set whose dependency failed or was skipped is skipped, naming it; the others go
 * on. Rows come back in `sets`' order.
 */
export async function runInDependencyOrder<R>(
  sets: EnvSet[],
  dependencies: Map<string, EnvSet[]>,
  parallel: number,
  work: (set: EnvSet) => Promise<SetRow<R>>,
): Promise<SetRow<R>[]> {
  const slots = semaphore(Math.max(1, parallel));
  const names = new Set(sets.map((set) => set.descriptor.inventory));
  const runs = new Map<string, Promise<SetRow<R>>>();
  const runOf = (set: EnvSet): Promise<SetRow<R>> => {
    const name = set.descriptor.inventory;
    let run = runs.get(name);
    if (!run) {
      run = (async () => {
        const before = (dependencies.get(name) ?? []).filter((d) =>
          names.has(d.descriptor.inventory),
        );
        const ended = await Promise.all(before.map(runOf));
        const blocked = ended.find((row) => row.result === 'failed' || row.result === 'skipped');
        if (blocked)
          return {
            set: name,
            path: set.path,
            namespace: set.descriptor.namespace,
            result: 'skipped',
            detail: `its dependency ${blocked.set} ${blocked.result === 'failed' ? 'failed' : 'was skipped'}`,
            exitCode: 1,
          };
        return slots(() => work(set));
      })();
      runs.set(name, run);
    }
    return run;
  };
  return Promise.all(sets.map(runOf));
}

/** At most `limit` calls of the returned function run at once; the others wait their turn. */
function semaphore(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((turn) => waiting.push(turn));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
