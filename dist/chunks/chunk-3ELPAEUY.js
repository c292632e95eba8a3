import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  readLiveState,
  readSet,
  refuseDuplicates
} from "./chunk-U2UB3TUE.js";
import {
  mapLimit
} from "./chunk-S7UZDVDB.js";
import {
  KubeClient,
  discover,
  serverSideApply
} from "./chunk-WWGWLC6B.js";
import {
  DRIFT_FINGERPRINT,
  DriftAlertFailure,
  compareDesired,
  driftOf
} from "./chunk-WUSKFTN5.js";
import {
  readTextFile
} from "./chunk-FLLOJKTZ.js";
import {
  parseIgnoreRules
} from "./chunk-A4S5FLSL.js";
import {
  isPrefix
} from "./chunk-42HGEZZQ.js";
import {
  FIELD_MANAGER,
  applySetParent
} from "./chunk-M2WY2DRM.js";
import {
  describeObject
} from "./chunk-XIPL23AO.js";
import {
  FerryError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/commands/cluster/drift/drift.ts
import { createHash } from "node:crypto";
async function drift(options, log) {
  const set = await readSet(options.dir, { ...options, log });
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  return KubeClient.using({ ...options, log: (line) => log.info(line) }, async (client) => {
    const report = await driftCheck(client, set.objects, { ...options, rules }, log, set.sources);
    if (options.alerts) {
      const { sendDriftAlerts } = await import("./drift-alerts-DJYNYYXS.js");
      try {
        report.alerts = await sendDriftAlerts(report, options.alerts, client, log);
      } catch (error) {
        throw error instanceof FerryError ? new DriftAlertFailure(error, report) : error;
      }
    }
    return report;
  });
}
async function driftCheck(client, objects, options, log, sources = /* @__PURE__ */ new Map()) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = options.shared?.resources ?? await discover(client);
  refuseDuplicates(objects, sources, parent, resources);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const { desired, inventory, schemas } = await readLiveState(
    client,
    resources,
    parent,
    objects,
    options.shared
  );
  const schemaOf = (d) => schemas.forKind(d.object.apiVersion, d.object.kind);
  if (!inventory.parentLive)
    log.warning(
      `inventory ${parent.namespace}/${parent.name} does not exist: nothing was applied with it yet`
    );
  const drifted = unknown.map((o) => ({
    object: describeObject(o),
    kind: "missing",
    fields: []
  }));
  let ignored = 0;
  const flagged = [];
  for (const d of desired) {
    if (inventory.ranAndRemoved(d)) continue;
    const result = driftOf(
      d.object,
      inventory.liveOf(d.id),
      options.rules ?? [],
      FIELD_MANAGER,
      schemaOf(d)
    );
    ignored += result.ignored;
    if (result.drift) flagged.push({ desired: d, drift: result.drift });
  }
  if (options.confirm) {
    await mapLimit(
      flagged.filter((f) => f.drift.kind === "drifted"),
      8,
      async (f) => {
        f.drift.fields = await confirmFields(
          client,
          f.desired,
          inventory.liveOf(f.desired.id),
          f.drift,
          schemaOf(f.desired)
        );
      }
    );
  }
  drifted.push(
    ...flagged.filter((f) => f.drift.kind !== "drifted" || f.drift.fields.length > 0).map((f) => f.drift)
  );
  const desiredIds = new Set(desired.map((d) => d.id));
  for (const member of inventory.members.filter((m) => !desiredIds.has(m.id))) {
    drifted.push({ object: describeObject(member.object), kind: "extra", fields: [] });
  }
  drifted.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
  const count = (kind) => drifted.filter((d) => d.kind === kind).length;
  return {
    inventory: { name: parent.name, namespace: parent.namespace, id: parent.id },
    clean: drifted.length === 0,
    objects: drifted,
    counts: {
      checked: objects.length,
      drifted: count("drifted"),
      missing: count("missing"),
      extra: count("extra"),
      ignored
    },
    fingerprint: fingerprintOf(drifted),
    previousFingerprint: inventory.parentLive?.metadata.annotations?.[DRIFT_FINGERPRINT],
    requests: Object.fromEntries(client.counts)
  };
}
async function confirmFields(client, desired, live, drift2, schema) {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true
  });
  if (!outcome.ok)
    throw new OperationError(`--confirm: dry-run of ${drift2.object} failed: ${outcome.message}`);
  const changes = compareDesired(outcome.object, live, schema).map((d) => d.path);
  return drift2.fields.filter(
    (f) => changes.some((c) => isPrefix(c, f.segments) || isPrefix(f.segments, c))
  );
}
function fingerprintOf(objects) {
  if (objects.length === 0) return "clean";
  const shape = objects.map(
    (o) => `${o.kind} ${o.object} ${o.fields.map((f) => `${f.path}=${JSON.stringify(f.live)}`).join(",")}`
  );
  return createHash("sha256").update(shape.join("\n")).digest("hex").slice(0, 16);
}

export {
  drift,
  driftCheck,
  fingerprintOf
};
//# sourceMappingURL=chunk-3ELPAEUY.js.map
