import { createDecipheriv } from 'node:crypto';
import { parseEncryptedValue } from './format.js';

/**
 * One SOPS value: AES-256-GCM under the file's data key, with the value's path as additional
 * data (`key:key:…:`, list indexes left out), so a value moved to another path fails to open
 * (getsops/sops `aes/cipher.go`, `sops.go` Tree.Decrypt). Pure.
 */

/** A value that fails to open: tampered with, moved, or encrypted under another data key. */
export class ValueIntegrityError extends Error {}

/** The value a SOPS tree leaf holds once decrypted, typed as YAML would read it. */
export type LeafValue = string | number | boolean;

/** Go's strconv.ParseBool spellings. */
const BOOLEANS: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  true: true,
  TRUE: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  false: false,
  FALSE: false,
  False: false,
};

/** Opens one `ENC[…]` value; its plaintext stays in memory only. */
export function decryptValue(value: string, dataKey: Buffer, additionalData: string): LeafValue {
  // sops writes an empty value as an empty string, never encrypted.
  if (value === '') return '';
  const parts = parseEncryptedValue(value);
  if (!parts) throw new ValueIntegrityError('is not a SOPS-encrypted value');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, parts.iv, {
      authTagLength: parts.tag.length,
    });
    decipher.setAAD(Buffer.from(additionalData, 'utf8'));
    decipher.setAuthTag(parts.tag);
    plain = Buffer.concat([decipher.update(parts.data), decipher.final()]);
  } catch {
    throw new ValueIntegrityError('does not decrypt (changed, moved or from another file)');
  }
  const text = plain.toString('utf8');
  switch (parts.type) {
    case 'str':
    case 'bytes':
    case 'time':
      return text;
    case 'int':
      if (!/^[-+]?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)))
        throw new ValueIntegrityError('holds an int ferry cannot read');
      return Number(text);
    case 'float': {
      const number = Number(text);
      if (text.trim() === '' || Number.isNaN(number) !== /nan/i.test(text))
        throw new ValueIntegrityError('holds a float ferry cannot read');
      return number;
    }
    case 'bool': {
      const bool = BOOLEANS[text];
      if (bool === undefined) throw new ValueIntegrityError('holds a bool ferry cannot read');
      return bool;
    }
    default:
      throw new ValueIntegrityError(`has type ${parts.type}, which ferry does not read`);
  }
}

/**
 * Go's strconv.FormatFloat(f, 'f', -1, 64): the shortest digits that read back as the same
 * number, never in exponent form (JavaScript writes 1e-7 and 1e21 with exponents).
 */
export function goFormatFloat(number: number): string {
  if (Number.isNaN(number)) return 'NaN';
  if (!Number.isFinite(number)) return number > 0 ? '+Inf' : '-Inf';
  const text = String(number);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, first, rest = '', exponentText] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const digits = `${first}${rest}`;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits}${'0'.repeat(Math.max(0, exponent - rest.length))}`;
}

/** The bytes a value adds to the MAC (getsops/sops `sops.go` ToBytes). */
export function macBytes(value: LeafValue): Buffer {
  if (typeof value === 'boolean') return Buffer.from(value ? 'True' : 'False');
  // Integers and floats alike: Go's Itoa and FormatFloat agree on every integral value.
  if (typeof value === 'number') return Buffer.from(goFormatFloat(value));
  return Buffer.from(value, 'utf8');
}
