import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  imageEntry
} from "./chunk-ZK6YC5J5.js";
import {
  require_dist
} from "./chunk-7YCPZVIH.js";
import "./chunk-IZAVEBCE.js";
import "./chunk-PTXPLBH2.js";
import {
  __toESM
} from "./chunk-JQ6NJE4M.js";

// src/core/kustomization-edit.ts
var import_yaml = __toESM(require_dist(), 1);
function setImage(text, fields, image) {
  const entry = imageEntry(fields, image);
  const contents = (0, import_yaml.parseDocument)(text, { uniqueKeys: false }).contents;
  if (!(0, import_yaml.isMap)(contents) || contents.flow) {
    const others = (fields.images ?? []).filter(
      (e) => e.name !== entry.name
    );
    return JSON.stringify({ ...fields, images: [...others, entry] });
  }
  const pair = contents.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === "images");
  const entryText = `  - ${JSON.stringify(entry)}
`;
  if (!pair) return `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}images:
${entryText}`;
  const value = pair.value;
  const kept = (0, import_yaml.isSeq)(value) ? value.items.filter((item) => !((0, import_yaml.isMap)(item) && item.get("name") === entry.name)).map((item) => `  - ${JSON.stringify(item.toJSON())}
`) : [];
  const start = pair.key.range[0];
  const end = (0, import_yaml.isSeq)(value) || (0, import_yaml.isMap)(value) || (0, import_yaml.isScalar)(value) ? value.range[2] : pair.key.range[2];
  return `${text.slice(0, start)}images:
${kept.join("")}${entryText}${text.slice(end)}`;
}
export {
  setImage
};
//# sourceMappingURL=kustomization-edit-LTYEEEOB.js.map
