import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import "./chunks/chunk-JQ6NJE4M.js";

// src/action/index.ts
import module from "node:module";
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
module.enableCompileCache?.();
async function run() {
  const main = await import("./chunks/main-EIR74TQ7.js");
  await main.run();
}
var started = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : "";
if (import.meta.url === started) await run();
export {
  run
};
//# sourceMappingURL=action.js.map
