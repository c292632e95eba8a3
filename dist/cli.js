#!/usr/bin/env node
import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/cli/main.ts
import module from "node:module";
module.enableCompileCache?.();
var { runCli } = await import("./chunks/program-Z53QDPLL.js");
var [major] = process.versions.node.split(".").map(Number);
if ((major ?? 0) < 22) {
  process.stderr.write(`error: ferry needs Node.js 22 or newer (this is ${process.version})
`);
  process.exit(2);
}
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit();
  });
process.exitCode = await runCli(process.argv.slice(2));
//# sourceMappingURL=cli.js.map
