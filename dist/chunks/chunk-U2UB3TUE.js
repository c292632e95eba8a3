import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  crdKinds,
  crdsOf
} from "./chunk-S7UZDVDB.js";
import {
  desiredObject,
  loadKubeTarget,
  readInventory
} from "./chunk-WWGWLC6B.js";
import {
  SchemaSet,
  convertCrd,
  convertDocument
} from "./chunk-WUSKFTN5.js";
import {
  rememberSecret
} from "./chunk-HIFOT27K.js";
import {
  applyHookPolicy,
  cacheDir,
  findTool,
  helmTemplate,
  kustomizeBuild
} from "./chunk-4NID7SJK.js";
import {
  readManifestDir,
  readTextFile
} from "./chunk-FLLOJKTZ.js";
import {
  KUSTOMIZATION_FILES
} from "./chunk-ZK6YC5J5.js";
import {
  SOPS_KEY,
  isEncryptedValue,
  isSopsDocument,
  parseEncryptedValue,
  parseSopsMetadata,
  refusePlaintextSecret
} from "./chunk-PSGNFUS3.js";
import {
  DEFAULT_RENDER_POLICY,
  RENDERER_ANNOTATION
} from "./chunk-WH76CAUT.js";
import {
  markDecrypted,
  parentProblem
} from "./chunk-M2WY2DRM.js";
import {
  asKubeObject,
  checkUniqueIdentities,
  describeObject,
  withAnnotations
} from "./chunk-XIPL23AO.js";
import {
  ConfigError,
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/commands/cluster/set-source.ts
import { stat } from "node:fs/promises";
import { basename, join as join2 } from "node:path";

// src/adapters/sops-keys.ts
import { homedir } from "node:os";
import { join } from "node:path";
import { access } from "node:fs/promises";

// src/core/sops/errors.ts
var TamperedError = class extends Error {
};
var MissingKeyError = class extends Error {
};

// src/core/sops/age.ts
var age = () => import("./dist-MDOQPAZ2.js");
var DATA_KEY_BYTES = 32;
async function parseAgeIdentities(text, origin, severalPerLine) {
  const identities = [];
  const { identityToRecipient } = await age();
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const words = severalPerLine ? line.split(/\s+/).filter(Boolean) : [line.trim()];
    for (const secret of words) {
      const where = `${origin}${lines.length > 1 ? ` line ${index + 1}` : ""}`;
      if (secret.startsWith("AGE-PLUGIN-"))
        throw new ConfigError(`${where}: age plugin identities are not supported by ferry`);
      if (!secret.startsWith("AGE-SECRET-KEY-"))
        throw new ConfigError(`${where}: not an age identity (AGE-SECRET-KEY-1\u2026)`);
      let recipient;
      try {
        recipient = await identityToRecipient(secret);
      } catch {
        throw new ConfigError(`${where}: not a valid age identity`);
      }
      identities.push({ secret, recipient, origin });
    }
  }
  return identities;
}
async function unwrapDataKey(stanzas, identities) {
  const { armor, Decrypter } = await age();
  const ours = new Set(identities.map((i) => i.recipient));
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity.secret);
  let addressedToUs = false;
  for (const stanza of stanzas) {
    addressedToUs ||= ours.has(stanza.recipient.trim());
    let key;
    try {
      key = await decrypter.decrypt(armor.decode(stanza.enc));
    } catch {
      continue;
    }
    if (key.length !== DATA_KEY_BYTES)
      throw new TamperedError(`the data key wrapped for ${stanza.recipient} is not an AES-256 key`);
    return Buffer.from(key);
  }
  if (addressedToUs)
    throw new TamperedError("the data key wrapped for your age key does not open with it");
  throw new MissingKeyError("no age key given is one of its recipients");
}

// src/adapters/sops-keys.ts
var SOPS_AGE_KEY = "SOPS_AGE_KEY";
var SOPS_AGE_KEY_FILE = "SOPS_AGE_KEY_FILE";
function defaultKeyFile(env) {
  const config = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(config, "sops", "age", "keys.txt");
}
async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
async function readAgeIdentities(env = process.env) {
  const identities = [];
  const inline = env[SOPS_AGE_KEY];
  if (inline) identities.push(...await parseAgeIdentities(inline, SOPS_AGE_KEY, true));
  const file = env[SOPS_AGE_KEY_FILE];
  if (file) {
    const text = await readTextFile(file, `${SOPS_AGE_KEY_FILE} key file`);
    identities.push(...await parseAgeIdentities(text, file, false));
  }
  const fallback = defaultKeyFile(env);
  if (await exists(fallback))
    identities.push(
      ...await parseAgeIdentities(await readTextFile(fallback, "age key file"), fallback, false)
    );
  for (const identity of identities) rememberSecret(identity.secret);
  return identities;
}

// src/core/sops/tree.ts
import { createHash, timingSafeEqual } from "node:crypto";

// src/core/sops/cipher.ts
import { createDecipheriv } from "node:crypto";
var ValueIntegrityError = class extends Error {
};
var BOOLEANS = {
  "1": true,
  t: true,
  T: true,
  true: true,
  TRUE: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  false: false,
  FALSE: false,
  False: false
};
function decryptValue(value, dataKey, additionalData) {
  if (value === "") return "";
  const parts = parseEncryptedValue(value);
  if (!parts) throw new ValueIntegrityError("is not a SOPS-encrypted value");
  let plain;
  try {
    const decipher = createDecipheriv("aes-256-gcm", dataKey, parts.iv, {
      authTagLength: parts.tag.length
    });
    decipher.setAAD(Buffer.from(additionalData, "utf8"));
    decipher.setAuthTag(parts.tag);
    plain = Buffer.concat([decipher.update(parts.data), decipher.final()]);
  } catch {
    throw new ValueIntegrityError("does not decrypt (changed, moved or from another file)");
  }
  const text = plain.toString("utf8");
  switch (parts.type) {
    case "str":
    case "bytes":
    case "time":
      return text;
    case "int":
      if (!/^[-+]?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)))
        throw new ValueIntegrityError("holds an int ferry cannot read");
      return Number(text);
    case "float": {
      const number = Number(text);
      if (text.trim() === "" || Number.isNaN(number) !== /nan/i.test(text))
        throw new ValueIntegrityError("holds a float ferry cannot read");
      return number;
    }
    case "bool": {
      const bool = BOOLEANS[text];
      if (bool === void 0) throw new ValueIntegrityError("holds a bool ferry cannot read");
      return bool;
    }
    default:
      throw new ValueIntegrityError(`has type ${parts.type}, which ferry does not read`);
  }
}
function goFormatFloat(number) {
  if (Number.isNaN(number)) return "NaN";
  if (!Number.isFinite(number)) return number > 0 ? "+Inf" : "-Inf";
  const text = String(number);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, first, rest = "", exponentText] = match;
  const digits = `${first}${rest}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits}${"0".repeat(Math.max(0, exponent - rest.length))}`;
}
function macBytes(value) {
  if (typeof value === "boolean") return Buffer.from(value ? "True" : "False");
  if (typeof value === "number") return Buffer.from(goFormatFloat(value));
  return Buffer.from(value, "utf8");
}

// src/core/sops/tree.ts
var MAC_ONLY_ENCRYPTED_INIT = Buffer.from(
  "8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69",
  "hex"
);
function ruleEncrypts(rule, path, value) {
  switch (rule.kind) {
    case "unencrypted_suffix":
      return !path.some((key) => key.endsWith(rule.value));
    case "encrypted_suffix":
      return path.some((key) => key.endsWith(rule.value));
    case "unencrypted_regex":
      return !path.some((key) => rule.value.test(key));
    case "encrypted_regex":
      return path.some((key) => rule.value.test(key));
    default:
      return isEncryptedValue(value);
  }
}
function walkValue(value, path, walk) {
  if (value === null || value === void 0) return value;
  if (Array.isArray(value)) return value.map((item) => walkValue(item, path, walk));
  if (typeof value === "object") {
    const out = {};
    for (const [key, child] of Object.entries(value))
      out[key] = walkValue(child, [...path, key], walk);
    return out;
  }
  const encrypted = ruleEncrypts(walk.metadata.rule, path, value);
  let leaf = value;
  if (encrypted) {
    if (typeof value !== "string")
      throw new TamperedError(`the value at ${path.join(".")} should be encrypted and is not`);
    try {
      leaf = decryptValue(value, walk.dataKey, `${path.join(":")}:`);
    } catch (error) {
      if (!(error instanceof ValueIntegrityError)) throw error;
      throw new TamperedError(`the value at ${path.join(".")} ${error.message}`);
    }
    walk.secretPaths.push(path);
    if (typeof leaf === "string" && leaf !== "") walk.plaintexts.push(leaf);
  }
  if (!walk.metadata.macOnlyEncrypted || encrypted) walk.hash.update(macBytes(leaf));
  return leaf;
}
function hasNumericKeys(value) {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasNumericKeys);
  return Object.entries(value).some(
    ([key, child]) => /^(0|[1-9]\d*)$/.test(key) || hasNumericKeys(child)
  );
}
function decryptDocuments(documents, metadata, dataKey) {
  if (metadata.macOnlyEncrypted && metadata.rule.kind.endsWith("comment_regex"))
    throw new ConfigError(
      "sops metadata combines mac_only_encrypted with a comment rule, which ferry cannot check"
    );
  const hash = createHash("sha512");
  if (metadata.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_INIT);
  const plaintexts = [];
  const secretPaths = [];
  const decrypted = documents.map((document) => {
    const walk = { metadata, dataKey, hash, secretPaths: [], plaintexts };
    const body = Object.fromEntries(Object.entries(document).filter(([key]) => key !== SOPS_KEY));
    const out = walkValue(body, [], walk);
    secretPaths.push(walk.secretPaths);
    return out;
  });
  const computed = Buffer.from(hash.digest("hex").toUpperCase());
  let stored;
  try {
    stored = decryptValue(metadata.mac, dataKey, metadata.lastModified);
  } catch {
    throw new TamperedError("its MAC does not decrypt (the sops metadata was changed)");
  }
  const expected = Buffer.from(String(stored));
  if (expected.length !== computed.length || !timingSafeEqual(expected, computed)) {
    const hint = documents.some(hasNumericKeys) ? '; note: ferry reads keys that are numbers (such as "80") in numeric order, which can differ from the file' : "";
    throw new TamperedError(`its MAC does not match its values (changed after encryption)${hint}`);
  }
  return { documents: decrypted, secretPaths, plaintexts };
}

// src/commands/cluster/secrets/open.ts
var PLAINTEXT_ALTERNATIVE = ", or pass --allow-plaintext-secrets";
async function openSecrets(manifests, options, keys = readAgeIdentities) {
  const files = /* @__PURE__ */ new Map();
  for (const manifest of manifests) {
    if (isSopsDocument(manifest.object)) {
      const mac = manifest.object[SOPS_KEY]?.mac;
      const file = typeof mac === "string" ? mac : manifest.source;
      files.set(file, [...files.get(file) ?? [], manifest]);
      continue;
    }
    if (JSON.stringify(manifest.object).includes("ENC[AES256_GCM,"))
      throw new ConfigError(
        `${manifest.source}: ${describeObject(manifest.object)} holds SOPS-encrypted values but no sops metadata; encrypt each object as its own document`
      );
    if (!options.allowPlaintextSecrets) refusePlaintextSecret(manifest, PLAINTEXT_ALTERNATIVE);
  }
  if (files.size === 0) return manifests;
  const identities = await keys();
  const opened = /* @__PURE__ */ new Map();
  for (const file of files.values()) {
    for (const [i, manifest] of (await decryptFile(file, identities)).entries())
      opened.set(file[i], manifest);
  }
  const result = manifests.map((m) => opened.get(m) ?? m);
  checkUniqueIdentities(result);
  return result;
}
function recipientsOf(metadata) {
  return [...metadata.age.map((a) => `age ${a.recipient}`), ...metadata.others].join(", ");
}
async function decryptFile(file, identities) {
  const source = file[0].source;
  const metadata = parseSopsMetadata(file[0].object, source);
  const recipients = recipientsOf(metadata);
  if (metadata.age.length === 0)
    throw new ConfigError(
      `${source}: encrypted only for ${recipients || "no recipient"}; ferry decrypts age: add an age recipient (sops updatekeys after adding it to .sops.yaml), or decrypt in an earlier step`
    );
  if (identities.length === 0)
    throw new ConfigError(
      `${source}: SOPS-encrypted for ${recipients}; no age key given: set SOPS_AGE_KEY or SOPS_AGE_KEY_FILE; nothing was applied`
    );
  let documents;
  try {
    const dataKey = await unwrapDataKey(metadata.age, identities);
    documents = decryptDocuments(
      file.map((m) => m.object),
      metadata,
      dataKey
    );
  } catch (error) {
    if (error instanceof MissingKeyError) {
      const ours = [...new Set(identities.map((i) => i.recipient))].join(", ");
      throw new ConfigError(
        `${source}: none of the age keys given (${ours}) is a recipient; its recipients: ${recipients}; nothing was applied`
      );
    }
    if (error instanceof TamperedError)
      throw new OperationError(`${source}: refused: ${error.message}; nothing was applied`);
    if (error instanceof ConfigError) throw new ConfigError(`${source}: ${error.message}`);
    throw error;
  }
  for (const plaintext of documents.plaintexts) {
    rememberSecret(plaintext);
    rememberSecret(Buffer.from(plaintext).toString("base64"));
  }
  return documents.documents.map((document, i) => {
    const object = asKubeObject(document, source, i);
    return {
      source: file[i].source,
      object: markDecrypted(object, file[i].object, documents.secretPaths[i] ?? [])
    };
  });
}

// src/commands/cluster/set-source.ts
function withDescriptor(build, tools) {
  return {
    tools,
    valuesFiles: build.valuesFiles,
    releaseName: build.releaseName,
    kubeVersion: build.kubeVersion,
    apiVersions: build.apiVersions,
    policy: { allowRemote: build.allowRemote, hooks: build.hooks, volatile: build.volatile }
  };
}
async function isFile(path) {
  return (await stat(path).catch(() => void 0))?.isFile() ?? false;
}
async function setKind(dir) {
  for (const name of KUSTOMIZATION_FILES) if (await isFile(join2(dir, name))) return "kustomize";
  return await isFile(join2(dir, "Chart.yaml")) ? "helm" : "manifests";
}
async function setObjects(dir, options) {
  const kind = await setKind(dir);
  if (kind === "manifests") return readManifestDir(dir);
  const settings = options.source ?? {};
  const given = settings.policy ?? {};
  const policy = {
    allowRemote: given.allowRemote ?? DEFAULT_RENDER_POLICY.allowRemote,
    hooks: given.hooks ?? DEFAULT_RENDER_POLICY.hooks,
    volatile: given.volatile ?? DEFAULT_RENDER_POLICY.volatile
  };
  const tool = await findTool(kind, settings.tools);
  const built = kind === "kustomize" ? await kustomizeBuild({ dir, display: dir, policy, tool }) : await helmTemplate({
    chart: dir,
    display: dir,
    releaseName: settings.releaseName ?? options.inventory ?? basename(dir),
    namespace: options.namespace ?? loadKubeTarget(options).namespace,
    valuesFiles: (settings.valuesFiles ?? []).map((file) => ({
      path: join2(dir, file),
      display: join2(dir, file)
    })),
    values: [],
    ...settings.kubeVersion ? { kubeVersion: settings.kubeVersion } : {},
    apiVersions: settings.apiVersions ?? [],
    policy,
    tool
  });
  const { manifests, skipped } = applyHookPolicy(built, policy.hooks);
  if (skipped.length > 0)
    options.log?.info(
      `hooks: skip: left out ${skipped.length} Helm hook(s): ${skipped.join(", ")}`
    );
  const renderer = await tool.label;
  return manifests.map(({ source, object }) => ({
    source,
    object: withAnnotations(object, { [RENDERER_ANNOTATION]: renderer })
  }));
}
async function readSet(dir, options) {
  const manifests = await openSecrets(await setObjects(dir, options), options);
  return {
    objects: manifests.map((m) => m.object),
    sources: new Map(manifests.map((m) => [m.object, m.source]))
  };
}

// src/adapters/kube/openapi.ts
import { mkdir, readdir, readFile, rename, rm, stat as stat2, writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
var CACHE_FORMAT = 1;
function indexPath(apiVersion) {
  return apiVersion.includes("/") ? `apis/${apiVersion}` : `api/${apiVersion}`;
}
var VERSIONS_KEPT = 4;
async function loadSchemas(client, objects, crds = [], directory = join3(cacheDir(), "openapi")) {
  const wanted = [...new Set(objects.map((o) => o.apiVersion))];
  const tables = /* @__PURE__ */ new Map();
  if (wanted.length === 0) return new SchemaSet(tables);
  const index = await client.request({
    verb: "openapi",
    method: "GET",
    path: "/openapi/v3",
    accept: "application/json"
  });
  if (index.status !== 200 || typeof index.body?.paths !== "object") {
    throw new OperationError(
      `reading the API server's OpenAPI index (/openapi/v3) failed: HTTP ${index.status}; ferry needs OpenAPI v3 (Kubernetes \u2265 1.27) to compare objects as the server merges them`
    );
  }
  await Promise.all(
    wanted.map(async (apiVersion) => {
      const url = index.body.paths?.[indexPath(apiVersion)]?.serverRelativeURL;
      const published = url ? await documentTable(client, url, directory) : void 0;
      const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
      const unpublished = objects.some(
        (o) => o.apiVersion === apiVersion && !published?.kinds[`${group}/${version}/${o.kind}`]
      );
      const fromCrds = unpublished ? crdTable(apiVersion, crds) : void 0;
      const table = merge(published, fromCrds);
      if (table) tables.set(apiVersion, table);
    })
  );
  return new SchemaSet(tables);
}
function merge(...parts) {
  const tables = parts.filter((t) => t !== void 0);
  if (tables.length <= 1) return tables[0];
  return {
    types: Object.assign({}, ...tables.map((t) => t.types)),
    kinds: Object.assign({}, ...tables.map((t) => t.kinds))
  };
}
function crdTable(apiVersion, crds) {
  const [group] = apiVersion.split("/");
  const tables = crds.filter((crd) => crd.spec?.group === group).map(convertCrd);
  return merge(...tables);
}
function cacheFile(url) {
  const [path = "", query = ""] = url.split("?");
  const hash = new URLSearchParams(query).get("hash") ?? "";
  const name = path.replace(/^\/openapi\/v3\//, "").replace(/[^A-Za-z0-9.-]+/g, "_");
  return `${name}@${hash.replace(/[^A-Za-z0-9]/g, "")}.v${CACHE_FORMAT}.json`;
}
async function documentTable(client, url, directory, redirects = 0) {
  const hashed = url.includes("hash=");
  const name = cacheFile(url);
  const file = join3(directory, name);
  if (hashed) {
    const cached = await readFile(file, "utf8").catch(() => void 0);
    if (cached !== void 0) {
      try {
        return JSON.parse(cached);
      } catch {
      }
    }
  }
  const response = await readDocument(client, url);
  const [path = ""] = url.split("?");
  if (response.status === MOVED && hashed && redirects < MAX_REDIRECTS) {
    const moved = movedTo(response.location, path);
    if (moved !== void 0) return documentTable(client, moved, directory, redirects + 1);
  }
  if (response.status !== 200) {
    throw new OperationError(
      `reading the API server's OpenAPI (${path}) failed: HTTP ${response.status}`
    );
  }
  const table = convertDocument(response.body);
  if (hashed) await store(directory, name, table);
  return table;
}
var MOVED = 301;
var MAX_REDIRECTS = 3;
function readDocument(client, url) {
  const [path = "", query = ""] = url.split("?");
  return client.request({
    verb: "openapi",
    method: "GET",
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    accept: "application/json"
  });
}
function movedTo(location, path) {
  if (!location) return void 0;
  const base = new URL("https://api-server.invalid");
  const target = new URL(location, base);
  const hash = target.searchParams.get("hash");
  if (target.origin !== base.origin || target.pathname !== path || !hash) return void 0;
  return `${path}?hash=${encodeURIComponent(hash)}`;
}
async function store(directory, name, table) {
  const file = join3(directory, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, JSON.stringify(table));
    await rename(temporary, file);
    const prefix = name.slice(0, name.indexOf("@") + 1);
    const versions = (await readdir(directory)).filter(
      (f) => f.startsWith(prefix) && f.endsWith(".json")
    );
    if (versions.length <= VERSIONS_KEPT) return;
    const dated = await Promise.all(
      versions.map(async (f) => ({ f, at: (await stat2(join3(directory, f))).mtimeMs }))
    );
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(VERSIONS_KEPT).map(({ f }) => rm(join3(directory, f))));
  } catch {
  }
}

// src/commands/cluster/inventory/live-state.ts
async function readLiveState(client, resources, parent, objects, shared) {
  const desired = objects.filter((o) => resources.find(o.apiVersion, o.kind)).map((o) => desiredObject(o, resources, parent));
  const [inventory, schemas] = await Promise.all([
    readInventory(client, resources, parent, desired, void 0, shared?.lists),
    shared?.schemas ?? loadSchemas(client, objects, crdsOf(objects))
  ]);
  return { desired, inventory, schemas };
}
function refuseParentClash(objects, parent) {
  const clash = objects.some(
    (o) => o.kind === "ConfigMap" && o.apiVersion === "v1" && o.metadata.name === parent.name && (o.metadata.namespace ?? parent.namespace) === parent.namespace
  );
  if (clash) {
    throw new ConfigError(
      `ConfigMap ${parent.namespace}/${parent.name} is the inventory's own record; rename the object or choose another --inventory`
    );
  }
}
function refuseForeignParent(inventory) {
  const { parent, parentLive } = inventory;
  const problem = parentLive && parentProblem(parentLive, parent);
  if (problem) throw new ConfigError(foreignParentMessage(parent, problem));
}
function foreignParentMessage(parent, problem) {
  return `--inventory ${parent.name}: ConfigMap ${parent.namespace}/${parent.name} exists and is not an inventory record of ferry's (${problem}); choose another --inventory`;
}
function kindsDefinedBy(objects) {
  return new Map(crdKinds(objects).map((k) => [`${k.apiVersion}/${k.kind}`, k.namespaced]));
}
function refuseDuplicates(objects, sources, parent, resources) {
  const defined = kindsDefinedBy(objects);
  checkUniqueIdentities(
    objects.map((object, i) => ({ source: sources.get(object) ?? `manifest ${i + 1}`, object })),
    {
      namespace: parent.namespace,
      namespaced: (o) => resources.find(o.apiVersion, o.kind)?.namespaced ?? defined.get(`${o.apiVersion}/${o.kind}`)
    }
  );
}

export {
  withDescriptor,
  readSet,
  loadSchemas,
  readLiveState,
  refuseParentClash,
  refuseForeignParent,
  foreignParentMessage,
  kindsDefinedBy,
  refuseDuplicates
};
//# sourceMappingURL=chunk-U2UB3TUE.js.map
