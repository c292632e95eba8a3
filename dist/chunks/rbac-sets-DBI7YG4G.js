import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  readAccessSet
} from "./chunk-YN6REQMZ.js";
import {
  setReader
} from "./chunk-42UO3YTW.js";
import {
  loadClusterSets,
  selectSets,
  setNamespace
} from "./chunk-3I6VGBQZ.js";
import "./chunk-NXCK2OS6.js";
import "./chunk-CLP63NEL.js";
import {
  ALL_USES
} from "./chunk-YHGA4ZUM.js";
import "./chunk-U2UB3TUE.js";
import {
  crdsOf
} from "./chunk-S7UZDVDB.js";
import "./chunk-WWGWLC6B.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-OUNTDO6S.js";
import "./chunk-WUSKFTN5.js";
import "./chunk-4IAPO6EM.js";
import "./chunk-Z3LLN2L2.js";
import "./chunk-CCTWZ5ZG.js";
import "./chunk-ITHYXCSM.js";
import "./chunk-A3ITCGRW.js";
import "./chunk-HIFOT27K.js";
import "./chunk-4NID7SJK.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-ZK6YC5J5.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-PSGNFUS3.js";
import "./chunk-WH76CAUT.js";
import "./chunk-QYBJ5BVV.js";
import "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";
import "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/commands/cluster/access/rbac-sets.ts
import { join } from "node:path";
var ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
function descriptorUses(descriptor, base) {
  return {
    ...base,
    prune: base.prune && descriptor.prune,
    pruneAllow: descriptor.pruneAllow,
    wait: base.wait && descriptor.wait
  };
}
function describeSettings(descriptor) {
  const on = [
    descriptor.prune ? "prune" : "",
    descriptor.pruneAllow.length > 0 ? `prune-allow ${descriptor.pruneAllow.join(",")}` : "",
    descriptor.wait ? "wait" : ""
  ].filter(Boolean);
  return on.length > 0 ? ` (${on.join(", ")})` : "";
}
async function environmentScope(client, resources, environment, log) {
  const loaded = await loadClusterSets(environment.root, environment.cluster);
  const selected = selectSets(loaded, environment.sets);
  if (selected.length === 0)
    throw new ConfigError(
      `--cluster ${environment.cluster}: no set under ${environment.root} goes to this cluster`
    );
  const readOnce = setReader(
    loaded,
    { allowPlaintextSecrets: true, tools: environment.tools },
    client.contextNamespace,
    log
  );
  const crds = (await Promise.all(loaded.ordered.map(async (set) => crdsOf((await readOnce(set)).objects)))).flat();
  const read = [];
  for (const set of selected)
    read.push(
      await readAccessSet(
        client,
        resources,
        {
          dir: join(loaded.root, set.path),
          inventory: set.descriptor.inventory,
          namespace: setNamespace(set, client.contextNamespace),
          uses: descriptorUses(set.descriptor, ALL_USES),
          note: describeSettings(set.descriptor),
          manifests: (await readOnce(set)).objects
        },
        crds,
        log
      )
    );
  return {
    read,
    machinery: { records: true, sharedLists: true },
    covers: `run, for cluster ${environment.cluster}, apply --all (each set as its .ferry-set.yaml says), plan --all, drift --all (with --confirm and alerts), status and sets --changed over`,
    name: ROLE_NAME.test(environment.cluster) ? `ferry:sets:${environment.cluster}` : void 0
  };
}
export {
  descriptorUses,
  environmentScope
};
//# sourceMappingURL=rbac-sets-DBI7YG4G.js.map
