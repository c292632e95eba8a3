import { ConfigError } from '../errors.js';

/**
 * The SOPS file format as ferry reads it (getsops/sops `stores/`, `aes/cipher.go`): a YAML
 * document whose values are `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` strings, with a
 * top-level `sops` mapping holding the data key wrapped for each recipient, `lastmodified`, the
 * rule that chose which values are encrypted, and the MAC (itself encrypted) over the values.
 * Pure: parsing and validation only.
 */

/** The top-level key SOPS keeps its metadata under, in every document of a file. */
export const SOPS_KEY = 'sops';

/** The one value format SOPS writes. */
const ENCRYPTED_VALUE =
  /^ENC\[AES256_GCM,data:([A-Za-z0-9+/]*={0,2}),iv:([A-Za-z0-9+/]+={0,2}),tag:([A-Za-z0-9+/]+={0,2}),type:([a-z]+)\]$/;

/** Whether a string is a SOPS-encrypted value (by its shape; nothing is decrypted). */
export function isEncryptedValue(value: unknown): value is string {
  return typeof value === 'string' && ENCRYPTED_VALUE.test(value);
}

export interface EncryptedValue {
  data: Buffer;
  iv: Buffer;
  tag: Buffer;
  /** `str`, `int`, `float`, `bool`, `bytes`, `time` or `comment`. */
  type: string;
}

/** The parts of an `ENC[…]` value, or undefined when it is not one. */
export function parseEncryptedValue(value: string): EncryptedValue | undefined {
  const match = ENCRYPTED_VALUE.exec(value);
  if (!match) return undefined;
  const [, data, iv, tag, type] = match as unknown as [string, string, string, string, string];
  return {
    data: Buffer.from(data, 'base64'),
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    type,
  };
}

/** Whether a parsed YAML document is SOPS-encrypted (it has a top-level `sops` mapping). */
export function isSopsDocument(document: unknown): document is Record<string, unknown> {
  return (
    typeof document === 'object' &&
    document !== null &&
    !Array.isArray(document) &&
    Object.hasOwn(document, SOPS_KEY)
  );
}

/** One age recipient of a file: its public key and the data key wrapped for it (armored). */
export interface AgeStanza {
  recipient: string;
  enc: string;
}

/** Which values a file's creator chose to encrypt (exactly one rule, as sops enforces). */
export type EncryptionRule =
  | { kind: 'unencrypted_suffix' | 'encrypted_suffix'; value: string }
  | { kind: 'unencrypted_regex' | 'encrypted_regex'; value: RegExp }
  | { kind: 'unencrypted_comment_regex' | 'encrypted_comment_regex' };

export interface SopsMetadata {
  /** `lastmodified` as RFC 3339 in seconds: the additional data the MAC is encrypted with. */
  lastModified: string;
  /** The encrypted MAC (`mac`). */
  mac: string;
  macOnlyEncrypted: boolean;
  rule: EncryptionRule;
  /** age recipients of the one key group ferry can open. */
  age: AgeStanza[];
  /** Every other master key, as `pgp 85D7…`, `kms arn:…`: for messages. */
  others: string[];
}

/** Master key kinds SOPS writes beside `age`, and the field naming each key. */
const OTHER_KEY_KINDS: Record<string, string> = {
  pgp: 'fp',
  kms: 'arn',
  gcp_kms: 'resource_id',
  azure_kv: 'vault_url',
  hc_vault: 'vault_address',
  hckms: 'key_id',
};

const RULES = [
  'unencrypted_suffix',
  'encrypted_suffix',
  'unencrypted_regex',
  'encrypted_regex',
  'unencrypted_comment_regex',
  'encrypted_comment_regex',
] as const;

/** sops's default when a file names no rule: keys ending in `_unencrypted` stay plain. */
const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * A Go (RE2) pattern as a JavaScript RegExp: the syntax Kubernetes users write in `.sops.yaml`
 * (`^(data|stringData)$`) means the same in both; a leading `(?i)` becomes the `i` flag.
 */
function goRegExp(pattern: string, source: string, field: string): RegExp {
  const insensitive = pattern.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'i' : '');
  } catch {
    throw new ConfigError(`${source}: sops.${field} is not a pattern ferry can read`);
  }
}

/** RFC 3339 as Go formats it after parsing: fractional seconds dropped. */
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseRule(sops: Record<string, unknown>, source: string): EncryptionRule {
  const set = RULES.filter((rule) => typeof sops[rule] === 'string' && sops[rule] !== '');
  if (set.length > 1)
    throw new ConfigError(`${source}: sops metadata names more than one of ${set.join(', ')}`);
  const kind = set[0];
  if (kind === undefined) return { kind: 'unencrypted_suffix', value: DEFAULT_UNENCRYPTED_SUFFIX };
  const value = sops[kind] as string;
  switch (kind) {
    case 'unencrypted_suffix':
    case 'encrypted_suffix':
      return { kind, value };
    case 'unencrypted_regex':
    case 'encrypted_regex':
      return { kind, value: goRegExp(value, source, kind) };
    default:
      return { kind };
  }
}

const scalarText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '?';

/** The master keys of one key group: age stanzas, and the others named for messages. */
function keysOf(group: Record<string, unknown>): { age: AgeStanza[]; others: string[] } {
  const age: AgeStanza[] = [];
  for (const entry of Array.isArray(group.age) ? group.age : []) {
    const stanza = asRecord(entry);
    if (typeof stanza?.recipient === 'string' && typeof stanza.enc === 'string')
      age.push({ recipient: stanza.recipient, enc: stanza.enc });
  }
  const others: string[] = [];
  for (const [kind, field] of Object.entries(OTHER_KEY_KINDS))
    for (const entry of Array.isArray(group[kind]) ? group[kind] : [])
      others.push(`${kind} ${scalarText(asRecord(entry)?.[field])}`);
  return { age, others };
}

/**
 * The metadata of a SOPS document, validated: one line naming the file for anything missing or
 * malformed. Shamir key groups (several groups, each holding part of the data key) are refused:
 * ferry opens files whose every recipient holds the whole key.
 */
export function parseSopsMetadata(document: Record<string, unknown>, source: string): SopsMetadata {
  const sops = asRecord(document[SOPS_KEY]);
  if (!sops) throw new ConfigError(`${source}: the sops entry is not a mapping`);
  const mac = sops.mac;
  if (typeof mac !== 'string' || mac === '')
    throw new ConfigError(`${source}: sops metadata has no mac; the file is not complete`);
  const lastModified =
    typeof sops.lastmodified === 'string' ? RFC3339.exec(sops.lastmodified) : null;
  if (!lastModified)
    throw new ConfigError(`${source}: sops.lastmodified is missing or not an RFC 3339 time`);
  // As sops reads it: keys listed at the top level are the one group; else `key_groups`.
  const topLevel = ['age', ...Object.keys(OTHER_KEY_KINDS)].some(
    (kind) => Array.isArray(sops[kind]) && sops[kind].length > 0,
  );
  const groups =
    !topLevel && Array.isArray(sops.key_groups) ? sops.key_groups.map(asRecord) : [sops];
  if (groups.length !== 1 || !groups[0])
    throw new ConfigError(
      `${source}: the data key is split over ${groups.length} key groups (Shamir); ferry decrypts files with one key group`,
    );
  return {
    lastModified: `${lastModified[1]}${lastModified[2]}`,
    mac,
    macOnlyEncrypted: sops.mac_only_encrypted === true || sops.mac_only_encrypted === 'true',
    rule: parseRule(sops, source),
    ...keysOf(groups[0]),
  };
}
