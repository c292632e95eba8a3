import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkKindsKnown
} from "./chunk-NXCK2OS6.js";
import {
  accessSet,
  setObjects
} from "./chunk-CLP63NEL.js";
import {
  ALL_USES
} from "./chunk-YHGA4ZUM.js";
import {
  readSet,
  refuseParentClash
} from "./chunk-U2UB3TUE.js";
import {
  desiredObject,
  readInventory
} from "./chunk-WWGWLC6B.js";
import {
  applySetParent
} from "./chunk-M2WY2DRM.js";

// src/commands/cluster/access/read-set.ts
async function readAccessSet(client, resources, options, crds = [], log) {
  const namespace = options.namespace ?? client.contextNamespace;
  const manifests = options.manifests ?? (await readSet(options.dir, {
    allowPlaintextSecrets: true,
    inventory: options.inventory,
    namespace,
    ...options.source ? { source: options.source } : {},
    ...log ? { log } : {}
  })).objects;
  const parent = applySetParent(options.inventory, namespace);
  checkKindsKnown([...manifests, ...crds], resources);
  refuseParentClash(manifests, parent);
  const objects = setObjects(manifests, resources, parent, [...manifests, ...crds]);
  const served = manifests.filter((o) => resources.find(o.apiVersion, o.kind)).map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, served);
  const kinds = new Set(manifests.map((o) => `${o.apiVersion}/${o.kind}`)).size;
  const summary = `inventory ${parent.namespace}/${parent.name}: ${manifests.length} object(s) of ${kinds} kind(s) from ${options.dir}${options.note ?? ""}, ${inventory.members.length} live member(s)`;
  return {
    set: accessSet(parent, objects, resources, void 0, inventory),
    uses: options.uses ?? ALL_USES,
    summary
  };
}

export {
  readAccessSet
};
//# sourceMappingURL=chunk-YN6REQMZ.js.map
