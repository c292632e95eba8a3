import { ConfigError } from '../errors.js';
import { describeObject, groupOf, type RenderedManifest } from '../manifest.js';
import { isEncryptedValue, isSopsDocument, parseSopsMetadata } from './format.js';

/**
 * The rule "no plaintext secrets in git", checked the same way wherever manifests are read
 * (render, propose, apply, plan, drift): a core `Secret` with values under `data` or
 * `stringData` must be SOPS-encrypted. SealedSecret and ExternalSecret objects carry no
 * plaintext and pass. Pure.
 */

/** The parts of an object SOPS must encrypt for it to hold no plaintext secret. */
export const SECRET_FIELDS = ['data', 'stringData'] as const;

function secretValues(object: Record<string, unknown>): [string, unknown][] {
  return SECRET_FIELDS.flatMap((field) => {
    const part = object[field];
    return typeof part === 'object' && part !== null
      ? Object.entries(part).map(([key, value]): [string, unknown] => [`${field}.${key}`, value])
      : [];
  });
}

/** Whether an object is a core Secret holding values, not SOPS-encrypted. */
export function isPlaintextSecret(object: RenderedManifest['object']): boolean {
  if (object.kind !== 'Secret' || groupOf(object.apiVersion) !== '') return false;
  return !isSopsDocument(object) && secretValues(object).length > 0;
}

/** Refuses a plaintext Secret: bad input, one line naming the file and what to do instead. */
export function refusePlaintextSecret(manifest: RenderedManifest, alternative = ''): void {
  if (!isPlaintextSecret(manifest.object)) return;
  throw new ConfigError(
    `${manifest.source}: ${describeObject(manifest.object)} holds plaintext data; encrypt it with SOPS or use a SealedSecret or ExternalSecret${alternative}`,
  );
}

/** Fields that name an object: they must stay readable for ferry to place and name it. */
const IDENTITY_FIELDS: [string, (d: Record<string, unknown>) => unknown][] = [
  ['apiVersion', (d) => d.apiVersion],
  ['kind', (d) => d.kind],
  ['metadata.name', (d) => (d.metadata as Record<string, unknown> | undefined)?.name],
  ['metadata.namespace', (d) => (d.metadata as Record<string, unknown> | undefined)?.namespace],
];

const ENCRYPT_HINT =
  "encrypt the file's data and stringData, and only those (sops --encrypt --encrypted-regex '^(data|stringData)$')";

/**
 * Checks a SOPS-encrypted manifest that render passes through verbatim (never templated, never
 * decrypted): its metadata is complete, its identity readable, and every value under `data` and
 * `stringData` encrypted. Nothing here proves the MAC; apply does, with the key.
 */
export function checkEncryptedManifest(document: Record<string, unknown>, source: string): void {
  for (const [field, value] of secretValues(document))
    if (value !== '' && !isEncryptedValue(value))
      throw new ConfigError(`${source}: holds plaintext data in ${field}; ${ENCRYPT_HINT}`);
  for (const [field, read] of IDENTITY_FIELDS)
    if (isEncryptedValue(read(document)))
      throw new ConfigError(`${source}: ${field} is encrypted; ${ENCRYPT_HINT}`);
  const metadata = parseSopsMetadata(document, source);
  if (metadata.age.length + metadata.others.length === 0)
    throw new ConfigError(`${source}: sops metadata names no recipient`);
}
