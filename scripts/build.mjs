// Builds dist/ with esbuild: one unminified ESM bundle (plus sourcemap) for the action and
// one for the CLI. dist/ is committed; CI rebuilds it and fails if it differs.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await build({
  // action.js exports run() and calls it only when the runner starts it, so
  // @github/local-action can import it and call run() itself.
  entryPoints: {
    action: 'src/action/index.ts',
    cli: 'src/cli/main.ts',
  },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: true,
  sourcesContent: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); ESM output needs one made for them.
  banner: {
    js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);",
  },
});
