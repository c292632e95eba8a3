import type { FieldPath, PathElement } from '../field-path.js';

/**
 * What a decrypted object remembers of its SOPS file, so its plaintext never leaves memory by
 * way of ferry's own bookkeeping: the manifest hash written on the live object is computed over
 * the encrypted document (an unkeyed hash of a short secret could be guessed), and reports mask
 * every field that was encrypted. Kept under a symbol: object spreads (`{ ...object }`) carry it
 * along, and JSON and YAML output never see it.
 */
const ORIGIN = Symbol('ferry.sops-origin');

interface SopsOrigin {
  /** The document as git holds it: values encrypted, with its `sops` metadata. */
  encrypted: Record<string, unknown>;
  /** Key paths of the values that were encrypted (list indexes left out, as sops does). */
  secretPaths: string[][];
}

type Tagged = { [ORIGIN]?: SopsOrigin };

/** Marks a decrypted object with its encrypted document and the paths of its secrets. */
export function markDecrypted<T extends object>(
  object: T,
  encrypted: Record<string, unknown>,
  secretPaths: string[][],
): T {
  return Object.assign(object, { [ORIGIN]: { encrypted, secretPaths } });
}

/** Whether an object was decrypted from a SOPS document. */
export function wasDecrypted(object: object): boolean {
  return (object as Tagged)[ORIGIN] !== undefined;
}

/**
 * What the manifest hash of an object is computed over: for a decrypted object its encrypted
 * document (and the namespace it is applied in, which apply may have defaulted), else itself.
 */
export function hashSource(object: object): unknown {
  const origin = (object as Tagged)[ORIGIN];
  if (!origin) return object;
  const metadata = (object as { metadata?: { namespace?: unknown } }).metadata;
  return { encrypted: origin.encrypted, namespace: metadata?.namespace ?? '' };
}

function fieldsOf(path: FieldPath): string[] {
  return path.flatMap((element) => ('field' in element ? [element.field] : []));
}

const startsWith = (long: string[], short: string[]): boolean =>
  short.every((key, i) => long[i] === key);

/**
 * Whether a field of a decrypted object holds (or contains) a value that was encrypted. Paths
 * compare by their field names only, as sops addresses values, so an item of a list that holds
 * any secret counts as secret: more is hidden, never less.
 */
export function isSecretField(object: object, path: FieldPath): boolean {
  const origin = (object as Tagged)[ORIGIN];
  if (!origin) return false;
  const fields = fieldsOf(path);
  return origin.secretPaths.some(
    (secret) => startsWith(secret, fields) || startsWith(fields, secret),
  );
}

/** A path with list items named by values shown without them (a value may be the secret). */
export function withoutValues(path: FieldPath): FieldPath {
  return path.map((element): PathElement =>
    'value' in element
      ? { value: '(hidden)' }
      : 'key' in element
        ? { key: Object.fromEntries(Object.keys(element.key).map((k) => [k, '(hidden)'])) }
        : element,
  );
}
