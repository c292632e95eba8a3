import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkEncryptedManifest,
  isSopsDocument,
  refusePlaintextSecret
} from "./chunk-PSGNFUS3.js";
import {
  RENDERER_ANNOTATION
} from "./chunk-WH76CAUT.js";
import {
  usesImage
} from "./chunk-QYBJ5BVV.js";
import {
  ANNOTATION_PREFIX,
  asKubeObject,
  checkUniqueIdentities,
  documentObjects,
  parseDocuments,
  withAnnotations
} from "./chunk-XIPL23AO.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/rendered-by.ts
var OWNER_KEYS = { app: "app", environment: "environment" };
function renderedBy(text, name) {
  const owners = [];
  try {
    const documents = parseDocuments(text, name);
    for (const [index, document] of documents.entries()) {
      if (document === null || document === void 0) continue;
      for (const object of documentObjects(document, name, index)) {
        const annotations = object.metadata.annotations ?? {};
        const app = annotations[`${ANNOTATION_PREFIX}${OWNER_KEYS.app}`];
        const environment = annotations[`${ANNOTATION_PREFIX}${OWNER_KEYS.environment}`];
        if (typeof app !== "string" || typeof environment !== "string") return void 0;
        owners.push({ app, environment });
      }
    }
  } catch {
    return void 0;
  }
  return owners.length > 0 ? owners : void 0;
}
function otherRendering(files, owner) {
  for (const file of [...files.keys()].sort()) {
    const other = renderedBy(files.get(file), file)?.find(
      (o) => o.app !== owner.app || o.environment !== owner.environment
    );
    if (other) return { file, owner: other };
  }
  return void 0;
}

// src/core/sops/pass-through.ts
var SOPS_LINE = /^sops:/m;
function encryptedTemplate(file) {
  if (!SOPS_LINE.test(file.text)) return void 0;
  let documents;
  try {
    documents = parseDocuments(file.text, file.name).filter((d) => d !== null && d !== void 0);
  } catch {
    return void 0;
  }
  if (!documents.some(isSopsDocument)) return void 0;
  if (documents.length !== 1 || !isSopsDocument(documents[0]))
    throw new ConfigError(
      `${file.name}: holds ${documents.length} documents, some SOPS-encrypted; keep one encrypted object per file`
    );
  const document = documents[0];
  checkEncryptedManifest(document, file.name);
  const object = asKubeObject(document, file.name, 0);
  return { source: file.name, object, verbatim: file.text };
}
function refuseTemplatedSops(document, source) {
  if (isSopsDocument(document))
    throw new ConfigError(
      `${source}: a SOPS-encrypted file must be plain YAML, not a template (its MAC covers the values as encrypted)`
    );
}

// src/core/finish-manifests.ts
function finishManifests(rendered, input) {
  const { config, environment, image, source } = input;
  for (const manifest of rendered)
    if (manifest.verbatim === void 0) refusePlaintextSecret(manifest);
  const manifests = [...rendered];
  for (const file of input.secrets ?? []) {
    const encrypted = encryptedTemplate(file);
    if (!encrypted)
      throw new ConfigError(
        `${file.name}: is not SOPS-encrypted; the secrets folder of ${environment.name} holds encrypted manifests only`
      );
    manifests.push(encrypted);
  }
  checkUniqueIdentities(manifests, { namespace: environment.namespace, namespaced: () => true });
  const always = {
    [OWNER_KEYS.app]: config.app,
    [OWNER_KEYS.environment]: environment.name,
    ...input.renderer ? { [RENDERER_ANNOTATION]: input.renderer } : {}
  };
  const build = {
    image: image.ref,
    "source-repo": source.repo,
    "source-commit": source.commit,
    "run-url": source.runUrl
  };
  const users = manifests.filter((m) => !m.verbatim && usesImage(m.object, image));
  return manifests.map((manifest) => {
    if (manifest.verbatim !== void 0) return manifest;
    const { source: name, object } = manifest;
    return {
      source: name,
      object: withAnnotations(object, {
        ...always,
        ...users.length === 0 || users.some((u) => u.object === object) ? build : {}
      })
    };
  });
}

export {
  renderedBy,
  otherRendering,
  encryptedTemplate,
  refuseTemplatedSops,
  finishManifests
};
//# sourceMappingURL=chunk-BUYXP5QT.js.map
