#!/usr/bin/env node
import { runCli } from './program.js';

const [major] = process.versions.node.split('.').map(Number);
if ((major ?? 0) < 22) {
  process.stderr.write(`error: ferry needs Node.js 22 or newer (this is ${process.version})\n`);
  process.exit(2);
}
process.exitCode = await runCli(process.argv.slice(2));
