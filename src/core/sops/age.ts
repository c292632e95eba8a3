import type * as AgeLibrary from 'age-encryption';
import { ConfigError } from '../errors.js';
import type { AgeStanza } from './format.js';
import { MissingKeyError, TamperedError } from './errors.js';

/**
 * age keys for SOPS files (filippo.io/age through the `age-encryption` package by age's
 * author): identities read as sops reads them (getsops/sops `age/keysource.go`: one per line,
 * `#` comments; SOPS_AGE_KEY may hold several per line), and the file's data key unwrapped from
 * the stanza written for one of them. No I/O: the caller reads the key sources.
 */

/** One private key and the recipient (public key) it opens. */
export interface AgeIdentity {
  secret: string;
  recipient: string;
  /** Where it came from (`SOPS_AGE_KEY`, a file path): for messages, never the key itself. */
  origin: string;
}

type AgeModule = typeof AgeLibrary;

/** Loaded on first use: a set without SOPS files never pays for the age library. */
const age = (): Promise<AgeModule> => import('age-encryption');

/** The SOPS data key size: AES-256. */
const DATA_KEY_BYTES = 32;

/**
 * The identities in one key source's text. A line that is not an identity is bad input naming
 * the source and line, and never quoting the line (it may be a key).
 */
export async function parseAgeIdentities(
  text: string,
  origin: string,
  severalPerLine: boolean,
): Promise<AgeIdentity[]> {
  const identities: AgeIdentity[] = [];
  const { identityToRecipient } = await age();
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const words = severalPerLine ? line.split(/\s+/).filter(Boolean) : [line.trim()];
    for (const secret of words) {
      const where = `${origin}${lines.length > 1 ? ` line ${index + 1}` : ''}`;
      if (secret.startsWith('AGE-PLUGIN-'))
        throw new ConfigError(`${where}: age plugin identities are not supported by ferry`);
      if (!secret.startsWith('AGE-SECRET-KEY-'))
        throw new ConfigError(`${where}: not an age identity (AGE-SECRET-KEY-1…)`);
      let recipient: string;
      try {
        recipient = await identityToRecipient(secret);
      } catch {
        throw new ConfigError(`${where}: not a valid age identity`);
      }
      identities.push({ secret, recipient, origin });
    }
  }
  return identities;
}

/**
 * The data key of a SOPS file, unwrapped from its age stanzas with any of the identities.
 * MissingKeyError when no identity is a recipient; TamperedError when a stanza addressed to one
 * of them does not open (its `enc` was changed) or yields no AES-256 key.
 */
export async function unwrapDataKey(
  stanzas: AgeStanza[],
  identities: AgeIdentity[],
): Promise<Buffer> {
  const { armor, Decrypter } = await age();
  const ours = new Set(identities.map((i) => i.recipient));
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity.secret);
  let addressedToUs = false;
  for (const stanza of stanzas) {
    addressedToUs ||= ours.has(stanza.recipient.trim());
    let key: Uint8Array;
    try {
      key = await decrypter.decrypt(armor.decode(stanza.enc));
    } catch {
      continue;
    }
    if (key.length !== DATA_KEY_BYTES)
      throw new TamperedError(`the data key wrapped for ${stanza.recipient} is not an AES-256 key`);
    return Buffer.from(key);
  }
  if (addressedToUs)
    throw new TamperedError('the data key wrapped for your age key does not open with it');
  throw new MissingKeyError('no age key given is one of its recipients');
}
