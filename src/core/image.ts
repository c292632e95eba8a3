import { ConfigError } from './errors.js';

/** A container image as templates see it. */
export interface ImageReference {
  /** Repository without tag or digest, e.g. `registry.example.com/acme/guestbook`. */
  repository: string;
  /** Tag, or '' when only a digest is given. */
  tag: string;
  /** `sha256:<64 hex>`, or ''. */
  digest: string;
  /** The full reference to deploy: `repository:tag@digest`, `repository:tag` or `repository@digest`. */
  ref: string;
}

// OCI distribution spec grammar: https://github.com/opencontainers/distribution-spec/blob/main/spec.md
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Whether `value` is a valid OCI tag. */
export function isImageTag(value: string): boolean {
  return TAG.test(value);
}

/** Whether `value` is an image digest ferry accepts (`sha256:` and 64 lowercase hex digits). */
export function isImageDigest(value: string): boolean {
  return DIGEST.test(value);
}
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?)';
const REPOSITORY = new RegExp(`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);

/** Shows a hostile value in an error message without letting it break the line. */
export function quoteForMessage(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

/** Validates the parts of an image reference and builds the reference templates receive. */
export function imageReference(repository: string, tag?: string, digest?: string): ImageReference {
  if (!REPOSITORY.test(repository) || repository.length > 255) {
    throw new ConfigError(`image: ${quoteForMessage(repository)} is not a valid image repository`);
  }
  if (!tag && !digest) {
    throw new ConfigError('image: give an image tag (--image-tag) or digest (--image-digest)');
  }
  if (tag !== undefined && tag !== '' && !isImageTag(tag)) {
    throw new ConfigError(
      `image tag ${quoteForMessage(tag)} is not a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`,
    );
  }
  if (digest !== undefined && digest !== '' && !isImageDigest(digest)) {
    throw new ConfigError(
      `image digest ${quoteForMessage(digest)} is not valid (expected sha256: and 64 lowercase hex digits)`,
    );
  }
  const t = tag ?? '';
  const d = digest ?? '';
  const ref = `${repository}${t ? `:${t}` : ''}${d ? `@${d}` : ''}`;
  return { repository, tag: t, digest: d, ref };
}

/**
 * The parts of a reference such as `host:5000/repo:tag@sha256:…`, split where `ferry render`
 * joined them; nothing is checked (see {@link parseImageReference}).
 */
export function splitImageReference(ref: string): Omit<ImageReference, 'ref'> {
  const at = ref.indexOf('@');
  const named = at < 0 ? ref : ref.slice(0, at);
  const colon = named.lastIndexOf(':');
  // A colon before the last '/' is a registry port, not a tag.
  const tagged = colon > named.lastIndexOf('/');
  return {
    repository: tagged ? named.slice(0, colon) : named,
    tag: tagged ? named.slice(colon + 1) : '',
    digest: at < 0 ? '' : ref.slice(at + 1),
  };
}

/**
 * An image reference read back from an environment repo (a `ferry.dev/image` annotation),
 * checked with the same rules as a new one, so a hand-edited value cannot smuggle anything
 * into a render. `what` names where it was found, for the message.
 */
export function parseImageReference(ref: string, what: string): ImageReference {
  const { repository, tag, digest } = splitImageReference(ref);
  try {
    return imageReference(repository, tag, digest);
  } catch {
    throw new ConfigError(`${what}: ${quoteForMessage(ref)} is not a usable image reference`);
  }
}
