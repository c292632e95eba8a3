import module from 'node:module';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Reuse compiled bytecode across runs (Node ≥ 22.1) on self-hosted runners that keep the cache.
module.enableCompileCache?.();

/**
 * The action's entry (action.yml `main`). As in the Actions toolkit's layout, it exports `run()`
 * for tools that import the entry and call it (`@github/local-action run . dist/action.js`), and
 * runs it only when the runner starts this file itself.
 */
export async function run(): Promise<void> {
  // Loaded after the compile cache is on: the bundle is most of the start-up time.
  const main = await import('./main.js');
  await main.run();
}

const started = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (import.meta.url === started) await run();
