import module from 'node:module';

// Reuse compiled bytecode across runs (Node ≥ 22.1) on self-hosted runners that keep the cache.
module.enableCompileCache?.();
const { run } = await import('./main.js');
await run();
