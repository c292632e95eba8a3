import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/core/image.ts
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
function isImageTag(value) {
  return TAG.test(value);
}
function isImageDigest(value) {
  return DIGEST.test(value);
}
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var HOST = "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?)";
var REPOSITORY = new RegExp(`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
function quoteForMessage(value) {
  const shown = value.length > 80 ? `${value.slice(0, 80)}\u2026` : value;
  return JSON.stringify(shown);
}
function imageReference(repository, tag, digest) {
  if (!REPOSITORY.test(repository) || repository.length > 255) {
    throw new ConfigError(`image: ${quoteForMessage(repository)} is not a valid image repository`);
  }
  if (!tag && !digest) {
    throw new ConfigError("image: give an image tag (--image-tag) or digest (--image-digest)");
  }
  if (tag !== void 0 && tag !== "" && !isImageTag(tag)) {
    throw new ConfigError(
      `image tag ${quoteForMessage(tag)} is not a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`
    );
  }
  if (digest !== void 0 && digest !== "" && !isImageDigest(digest)) {
    throw new ConfigError(
      `image digest ${quoteForMessage(digest)} is not valid (expected sha256: and 64 lowercase hex digits)`
    );
  }
  const t = tag ?? "";
  const d = digest ?? "";
  const ref = `${repository}${t ? `:${t}` : ""}${d ? `@${d}` : ""}`;
  return { repository, tag: t, digest: d, ref };
}
function splitImageReference(ref) {
  const at = ref.indexOf("@");
  const named = at < 0 ? ref : ref.slice(0, at);
  const colon = named.lastIndexOf(":");
  const tagged = colon > named.lastIndexOf("/");
  return {
    repository: tagged ? named.slice(0, colon) : named,
    tag: tagged ? named.slice(colon + 1) : "",
    digest: at < 0 ? "" : ref.slice(at + 1)
  };
}
function parseImageReference(ref, what) {
  const { repository, tag, digest } = splitImageReference(ref);
  try {
    return imageReference(repository, tag, digest);
  } catch {
    throw new ConfigError(`${what}: ${quoteForMessage(ref)} is not a usable image reference`);
  }
}

export {
  isImageTag,
  isImageDigest,
  quoteForMessage,
  imageReference,
  splitImageReference,
  parseImageReference
};
//# sourceMappingURL=chunk-HWJ62L7M.js.map
