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
// A reader that stops early (`ferry render … | head`) closes the pipe: that ends the output, it
// is not a failure worth a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
process.exitCode = await runCli(process.argv.slice(2));
