import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/action/index.ts
import module from "node:module";
module.enableCompileCache?.();
var { run } = await import("./action-main.js");
await run();
//# sourceMappingURL=action.js.map
