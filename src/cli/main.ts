#!/usr/bin/env node
import module from 'node:module';

// Reuse compiled bytecode across runs (Node ≥ 22.1): start-up is most of a quick command's time.
module.enableCompileCache?.();
const { runCli } = await import('./program.js');

const [major] = process.versions.node.split('.').map(Number);
if ((major ?? 0) < 22) {
  process.stderr.write(`error: ferry needs Node.js 22 or newer (this is ${process.version})\n`);
  process.exit(2);
}
process.exitCode = await runCli(process.argv.slice(2));
