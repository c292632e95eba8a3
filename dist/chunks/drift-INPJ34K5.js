import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  mapLimit
} from "./chunk-UO3RZ2OS.js";
import {
  DRIFT_FINGERPRINT,
  driftOf,
  parseIgnoreRules
} from "./chunk-6XBAB5G7.js";
import {
  FIELD_MANAGER,
  KubeClient,
  compareDesired,
  desiredObject,
  discover,
  readInventory,
  serverSideApply
} from "./chunk-FX6LBB4U.js";
import {
  applySetParent
} from "./chunk-PF3JOGFO.js";
import {
  readManifestDir,
  readTextFile
} from "./chunk-MWIGHI5J.js";
import {
  describeObject
} from "./chunk-RJ335PBH.js";
import {
  ConfigError
} from "./chunk-O7TIUWNP.js";
import "./chunk-57EZ2WE2.js";

// src/commands/drift.ts
import { createHash } from "node:crypto";
async function drift(options, log) {
  const manifests = await readManifestDir(options.dir);
  const rules = options.ignore ? parseIgnoreRules(await readTextFile(options.ignore, "ignore file"), options.ignore) : [];
  const client = KubeClient.connect(options);
  try {
    const report = await driftCheck(
      client,
      manifests.map((m) => m.object),
      { ...options, rules },
      log
    );
    if (options.alerts) {
      const { sendDriftAlerts } = await import("./drift-alerts-WYMMZHZB.js");
      report.alerts = await sendDriftAlerts(report, options.alerts, client, log);
    }
    return report;
  } finally {
    client.close();
  }
}
async function driftCheck(client, objects, options, log) {
  const parent = applySetParent(options.inventory, options.namespace ?? client.contextNamespace);
  const resources = await discover(client);
  const unknown = objects.filter((o) => !resources.find(o.apiVersion, o.kind));
  const desired = objects.filter((o) => !unknown.includes(o)).map((o) => desiredObject(o, resources, parent));
  const inventory = await readInventory(client, resources, parent, desired);
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
    const result = driftOf(d.object, inventory.liveOf(d.id), options.rules ?? [], FIELD_MANAGER);
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
          f.drift
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
async function confirmFields(client, desired, live, drift2) {
  const outcome = await serverSideApply(client, desired.info, desired.object, {
    dryRun: true,
    force: true
  });
  if (!outcome.ok)
    throw new ConfigError(`--confirm: dry-run of ${drift2.object} failed: ${outcome.message}`);
  const changes = new Set(compareDesired(outcome.object, live).map((d) => d.path));
  const wouldChange = (path) => [...changes].some(
    (c) => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`) || path.startsWith(`${c}[`)
  );
  return drift2.fields.filter((f) => wouldChange(f.path));
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
//# sourceMappingURL=drift-INPJ34K5.js.map
