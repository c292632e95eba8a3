import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  describeObject,
  groupOf
} from "./chunk-XIPL23AO.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/sops/format.ts
var SOPS_KEY = "sops";
var ENCRYPTED_VALUE = /^ENC\[AES256_GCM,data:([A-Za-z0-9+/]*={0,2}),iv:([A-Za-z0-9+/]+={0,2}),tag:([A-Za-z0-9+/]+={0,2}),type:([a-z]+)\]$/;
function isEncryptedValue(value) {
  return typeof value === "string" && ENCRYPTED_VALUE.test(value);
}
function parseEncryptedValue(value) {
  const match = ENCRYPTED_VALUE.exec(value);
  if (!match) return void 0;
  const [, data, iv, tag, type] = match;
  return {
    data: Buffer.from(data, "base64"),
    iv: Buffer.from(iv, "base64"),
    tag: Buffer.from(tag, "base64"),
    type
  };
}
function isSopsDocument(document) {
  return typeof document === "object" && document !== null && !Array.isArray(document) && Object.hasOwn(document, SOPS_KEY);
}
var OTHER_KEY_KINDS = {
  pgp: "fp",
  kms: "arn",
  gcp_kms: "resource_id",
  azure_kv: "vault_url",
  hc_vault: "vault_address",
  hckms: "key_id"
};
var RULES = [
  "unencrypted_suffix",
  "encrypted_suffix",
  "unencrypted_regex",
  "encrypted_regex",
  "unencrypted_comment_regex",
  "encrypted_comment_regex"
];
var DEFAULT_UNENCRYPTED_SUFFIX = "_unencrypted";
var asRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
function goRegExp(pattern, source, field) {
  const insensitive = pattern.startsWith("(?i)");
  try {
    return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? "i" : "");
  } catch {
    throw new ConfigError(`${source}: sops.${field} is not a pattern ferry can read`);
  }
}
var RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
function parseRule(sops, source) {
  const set = RULES.filter((rule) => typeof sops[rule] === "string" && sops[rule] !== "");
  if (set.length > 1)
    throw new ConfigError(`${source}: sops metadata names more than one of ${set.join(", ")}`);
  const kind = set[0];
  if (kind === void 0) return { kind: "unencrypted_suffix", value: DEFAULT_UNENCRYPTED_SUFFIX };
  const value = sops[kind];
  switch (kind) {
    case "unencrypted_suffix":
    case "encrypted_suffix":
      return { kind, value };
    case "unencrypted_regex":
    case "encrypted_regex":
      return { kind, value: goRegExp(value, source, kind) };
    default:
      return { kind };
  }
}
var scalarText = (value) => typeof value === "string" || typeof value === "number" ? String(value) : "?";
function keysOf(group) {
  const age = [];
  for (const entry of Array.isArray(group.age) ? group.age : []) {
    const stanza = asRecord(entry);
    if (typeof stanza?.recipient === "string" && typeof stanza.enc === "string")
      age.push({ recipient: stanza.recipient, enc: stanza.enc });
  }
  const others = [];
  for (const [kind, field] of Object.entries(OTHER_KEY_KINDS))
    for (const entry of Array.isArray(group[kind]) ? group[kind] : [])
      others.push(`${kind} ${scalarText(asRecord(entry)?.[field])}`);
  return { age, others };
}
function parseSopsMetadata(document, source) {
  const sops = asRecord(document[SOPS_KEY]);
  if (!sops) throw new ConfigError(`${source}: the sops entry is not a mapping`);
  const mac = sops.mac;
  if (typeof mac !== "string" || mac === "")
    throw new ConfigError(`${source}: sops metadata has no mac; the file is not complete`);
  const lastModified = typeof sops.lastmodified === "string" ? RFC3339.exec(sops.lastmodified) : null;
  if (!lastModified)
    throw new ConfigError(`${source}: sops.lastmodified is missing or not an RFC 3339 time`);
  const topLevel = ["age", ...Object.keys(OTHER_KEY_KINDS)].some(
    (kind) => Array.isArray(sops[kind]) && sops[kind].length > 0
  );
  const groups = !topLevel && Array.isArray(sops.key_groups) ? sops.key_groups.map(asRecord) : [sops];
  if (groups.length !== 1 || !groups[0])
    throw new ConfigError(
      `${source}: the data key is split over ${groups.length} key groups (Shamir); ferry decrypts files with one key group`
    );
  return {
    lastModified: `${lastModified[1]}${lastModified[2]}`,
    mac,
    macOnlyEncrypted: sops.mac_only_encrypted === true || sops.mac_only_encrypted === "true",
    rule: parseRule(sops, source),
    ...keysOf(groups[0])
  };
}

// src/core/sops/check.ts
var SECRET_FIELDS = ["data", "stringData"];
function secretValues(object) {
  return SECRET_FIELDS.flatMap((field) => {
    const part = object[field];
    return typeof part === "object" && part !== null ? Object.entries(part).map(([key, value]) => [`${field}.${key}`, value]) : [];
  });
}
function isPlaintextSecret(object) {
  if (object.kind !== "Secret" || groupOf(object.apiVersion) !== "") return false;
  return !isSopsDocument(object) && secretValues(object).length > 0;
}
function refusePlaintextSecret(manifest, alternative = "") {
  if (!isPlaintextSecret(manifest.object)) return;
  throw new ConfigError(
    `${manifest.source}: ${describeObject(manifest.object)} holds plaintext data; encrypt it with SOPS or use a SealedSecret or ExternalSecret${alternative}`
  );
}
var IDENTITY_FIELDS = [
  ["apiVersion", (d) => d.apiVersion],
  ["kind", (d) => d.kind],
  ["metadata.name", (d) => d.metadata?.name],
  ["metadata.namespace", (d) => d.metadata?.namespace]
];
var ENCRYPT_HINT = "encrypt the file's data and stringData, and only those (sops --encrypt --encrypted-regex '^(data|stringData)$')";
function checkEncryptedManifest(document, source) {
  for (const [field, value] of secretValues(document))
    if (value !== "" && !isEncryptedValue(value))
      throw new ConfigError(`${source}: holds plaintext data in ${field}; ${ENCRYPT_HINT}`);
  for (const [field, read] of IDENTITY_FIELDS)
    if (isEncryptedValue(read(document)))
      throw new ConfigError(`${source}: ${field} is encrypted; ${ENCRYPT_HINT}`);
  const metadata = parseSopsMetadata(document, source);
  if (metadata.age.length + metadata.others.length === 0)
    throw new ConfigError(`${source}: sops metadata names no recipient`);
}

export {
  SOPS_KEY,
  isEncryptedValue,
  parseEncryptedValue,
  isSopsDocument,
  parseSopsMetadata,
  refusePlaintextSecret,
  checkEncryptedManifest
};
//# sourceMappingURL=chunk-PSGNFUS3.js.map
