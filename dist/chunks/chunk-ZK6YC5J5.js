import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  yaml
} from "./chunk-IZAVEBCE.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/kustomization.ts
var KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var REFERENCE_FIELDS = [
  "resources",
  "bases",
  "components",
  "generators",
  "transformers",
  "validators"
];
function parseKustomization(text, file) {
  let data;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  if (data === null || data === void 0) return {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new ConfigError(`${file}: expected a mapping (a Kustomization)`);
  return data;
}
function kustomizationReferences(fields) {
  const references = [];
  for (const field of REFERENCE_FIELDS) {
    const list = fields[field];
    if (!Array.isArray(list)) continue;
    for (const entry of list)
      if (typeof entry === "string" && !entry.includes("\n"))
        references.push({ field, value: entry });
  }
  const charts = fields.helmCharts;
  if (Array.isArray(charts))
    for (const chart of charts)
      references.push({ field: "helmCharts", value: String(chart.name) });
  return references;
}
function imageEntry(fields, image) {
  const images = fields.images;
  const entries = Array.isArray(images) ? images : [];
  const match = entries.find((e) => e.name === image.repository) ?? entries.find((e) => e.newName === image.repository);
  const name = match?.name ?? image.repository;
  return {
    name,
    ...name === image.repository ? {} : { newName: image.repository },
    ...image.tag ? { newTag: image.tag } : {},
    ...image.digest ? { digest: image.digest } : {}
  };
}

export {
  KUSTOMIZATION_FILES,
  parseKustomization,
  kustomizationReferences,
  imageEntry
};
//# sourceMappingURL=chunk-ZK6YC5J5.js.map
