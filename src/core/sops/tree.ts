import { createHash, timingSafeEqual, type Hash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import { decryptValue, macBytes, ValueIntegrityError, type LeafValue } from './cipher.js';
import { TamperedError } from './errors.js';
import { isEncryptedValue, SOPS_KEY, type EncryptionRule, type SopsMetadata } from './format.js';

/**
 * Decrypting the documents of one SOPS file and checking its MAC, the way sops walks a tree
 * (getsops/sops `sops.go` Tree.Decrypt, `cmd/sops/common` DecryptTree): every document in
 * order, keys in document order, list items under their parent's path; each leaf the rule
 * marks encrypted is opened; the MAC is SHA-512 over every leaf's value (or only the encrypted
 * ones with `mac_only_encrypted`), compared with the file's MAC opened with `lastmodified` as
 * additional data. A file whose MAC differs was changed after it was encrypted. Pure.
 */

/** sops's fixed MAC prefix with `mac_only_encrypted` (sha256("sops"), sops.go). */
const MAC_ONLY_ENCRYPTED_INIT = Buffer.from(
  '8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69',
  'hex',
);

/** Whether the rule marks a value at this path (keys from the document's root) encrypted. */
function ruleEncrypts(rule: EncryptionRule, path: string[], value: unknown): boolean {
  switch (rule.kind) {
    case 'unencrypted_suffix':
      return !path.some((key) => key.endsWith(rule.value));
    case 'encrypted_suffix':
      return path.some((key) => key.endsWith(rule.value));
    case 'unencrypted_regex':
      return !path.some((key) => rule.value.test(key));
    case 'encrypted_regex':
      return path.some((key) => rule.value.test(key));
    default:
      // Comment rules depend on YAML comments, which the parsed document no longer holds: the
      // value's shape decides. The MAC covers every value (mac_only_encrypted is refused with
      // these rules), so a value swapped for plaintext still fails the check.
      return isEncryptedValue(value);
  }
}

/** The decrypted documents of one file, and where their secret values are. */
export interface DecryptedFile {
  /** Each document without its `sops` entry, values decrypted. */
  documents: Record<string, unknown>[];
  /** Per document, the key path of each value that was encrypted (list indexes left out). */
  secretPaths: string[][][];
  /** Every decrypted string, for redaction. */
  plaintexts: string[];
}

interface Walk {
  metadata: SopsMetadata;
  dataKey: Buffer;
  hash: Hash;
  secretPaths: string[][];
  plaintexts: string[];
}

function walkValue(value: unknown, path: string[], walk: Walk): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => walkValue(item, path, walk));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value))
      out[key] = walkValue(child, [...path, key], walk);
    return out;
  }
  const encrypted = ruleEncrypts(walk.metadata.rule, path, value);
  let leaf = value as LeafValue;
  if (encrypted) {
    if (typeof value !== 'string')
      throw new TamperedError(`the value at ${path.join('.')} should be encrypted and is not`);
    try {
      leaf = decryptValue(value, walk.dataKey, `${path.join(':')}:`);
    } catch (error) {
      if (!(error instanceof ValueIntegrityError)) throw error;
      throw new TamperedError(`the value at ${path.join('.')} ${error.message}`);
    }
    walk.secretPaths.push(path);
    if (typeof leaf === 'string' && leaf !== '') walk.plaintexts.push(leaf);
  }
  if (!walk.metadata.macOnlyEncrypted || encrypted) walk.hash.update(macBytes(leaf));
  return leaf;
}

/** Object keys JavaScript orders by number, not as written: sops's MAC follows the file. */
function hasNumericKeys(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasNumericKeys);
  return Object.entries(value).some(
    ([key, child]) => /^(0|[1-9]\d*)$/.test(key) || hasNumericKeys(child),
  );
}

/**
 * Decrypts the documents of one SOPS file with its data key and verifies the MAC over all of
 * them. Throws TamperedError when a value fails to open or the MAC differs.
 */
export function decryptDocuments(
  documents: Record<string, unknown>[],
  metadata: SopsMetadata,
  dataKey: Buffer,
): DecryptedFile {
  if (metadata.macOnlyEncrypted && metadata.rule.kind.endsWith('comment_regex'))
    throw new ConfigError(
      'sops metadata combines mac_only_encrypted with a comment rule, which ferry cannot check',
    );
  const hash = createHash('sha512');
  if (metadata.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_INIT);
  const plaintexts: string[] = [];
  const secretPaths: string[][][] = [];
  const decrypted = documents.map((document) => {
    const walk: Walk = { metadata, dataKey, hash, secretPaths: [], plaintexts };
    const body = Object.fromEntries(Object.entries(document).filter(([key]) => key !== SOPS_KEY));
    const out = walkValue(body, [], walk) as Record<string, unknown>;
    secretPaths.push(walk.secretPaths);
    return out;
  });
  const computed = Buffer.from(hash.digest('hex').toUpperCase());
  let stored: LeafValue;
  try {
    stored = decryptValue(metadata.mac, dataKey, metadata.lastModified);
  } catch {
    throw new TamperedError('its MAC does not decrypt (the sops metadata was changed)');
  }
  const expected = Buffer.from(String(stored));
  if (expected.length !== computed.length || !timingSafeEqual(expected, computed)) {
    const hint = documents.some(hasNumericKeys)
      ? '; note: ferry reads keys that are numbers (such as "80") in numeric order, which can differ from the file'
      : '';
    throw new TamperedError(`its MAC does not match its values (changed after encryption)${hint}`);
  }
  return { documents: decrypted, secretPaths, plaintexts };
}
