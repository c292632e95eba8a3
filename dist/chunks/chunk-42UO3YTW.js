import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  setNamespace
} from "./chunk-3I6VGBQZ.js";
import {
  readSet,
  withDescriptor
} from "./chunk-U2UB3TUE.js";

// src/commands/cluster/sets/read.ts
import { join } from "node:path";
function setReader(loaded, options, contextNamespace, log) {
  const reads = /* @__PURE__ */ new Map();
  return (set) => {
    let read = reads.get(set);
    if (!read) {
      read = readSet(join(loaded.root, set.path), {
        allowPlaintextSecrets: options.allowPlaintextSecrets,
        inventory: set.descriptor.inventory,
        namespace: setNamespace(set, contextNamespace),
        source: withDescriptor(set.descriptor.build, options.tools),
        log
      });
      reads.set(set, read);
    }
    return read;
  };
}

export {
  setReader
};
//# sourceMappingURL=chunk-42UO3YTW.js.map
