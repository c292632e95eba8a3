import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  APPLYSET_PART_OF,
  MANIFEST_HASH,
  asMember,
  manifestHash
} from "./chunk-M2WY2DRM.js";
import {
  ANNOTATION_PREFIX
} from "./chunk-XIPL23AO.js";

// src/core/build-annotations.ts
var BUILD_ANNOTATION_KEYS = ["image", "source-repo", "source-commit", "run-url"];
var BUILD_ANNOTATIONS = BUILD_ANNOTATION_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`);
function someString(value, test) {
  if (typeof value === "string") return test(value);
  if (Array.isArray(value)) return value.some((item) => someString(item, test));
  if (value !== null && typeof value === "object")
    return Object.values(value).some((item) => someString(item, test));
  return false;
}
function usesImage(object, image) {
  const forms = [
    image.ref,
    image.tag ? `${image.repository}:${image.tag}` : "",
    image.digest ? `${image.repository}@${image.digest}` : ""
  ].filter(Boolean);
  return someString(object, (text) => forms.some((form) => text.includes(form)));
}
function withLiveBuildAnnotations(member, live, parent) {
  const liveAnnotations = live.metadata.annotations ?? {};
  const liveHash = liveAnnotations[MANIFEST_HASH];
  const annotations = { ...member.metadata.annotations ?? {} };
  if (!liveHash || liveHash === annotations[MANIFEST_HASH]) return void 0;
  const carried = BUILD_ANNOTATIONS.filter(
    (key) => annotations[key] === void 0 && liveAnnotations[key] !== void 0
  );
  if (carried.length === 0) return void 0;
  delete annotations[MANIFEST_HASH];
  for (const key of carried) annotations[key] = liveAnnotations[key];
  const labels = { ...member.metadata.labels ?? {} };
  if (labels[APPLYSET_PART_OF] === parent.id) delete labels[APPLYSET_PART_OF];
  const metadata = { ...member.metadata, annotations };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  else delete metadata.labels;
  const candidate = { ...member, metadata };
  return manifestHash(candidate) === liveHash ? asMember(candidate, parent) : void 0;
}

export {
  usesImage,
  withLiveBuildAnnotations
};
//# sourceMappingURL=chunk-QYBJ5BVV.js.map
