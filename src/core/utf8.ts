import { ConfigError } from './errors.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** U+FFFD as UTF-8: the one place a replacement character may legitimately stand in the input. */
const REPLACEMENT = [0xef, 0xbf, 0xbd];

/**
 * Decodes UTF-8 text, refusing invalid bytes instead of turning them into U+FFFD (which would
 * then be applied as if written). The error names `source` and the byte offset of the first
 * invalid sequence, never the content around it: a file that is not text may be anything (a
 * link to a secret, a binary), and its bytes do not belong in logs or commit statuses. A leading
 * byte order mark is kept, as `Buffer.toString('utf8')` keeps it.
 */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw new ConfigError(
      `${source}: not valid UTF-8 (at byte ${firstInvalidByte(bytes)}); save it as UTF-8`,
    );
  }
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  // Everything before the first U+FFFD that was not in the input decoded exactly, so the
  // UTF-8 length of the text before it is its byte offset.
  const text = lenient.decode(bytes);
  let offset = 0;
  for (const char of text) {
    if (char === '\uFFFD' && !REPLACEMENT.every((b, i) => bytes[offset + i] === b)) return offset;
    const code = char.codePointAt(0)!;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return offset;
}
