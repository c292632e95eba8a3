/**
 * Credentials never reach a log, an error, a report or a summary: every line ferry prints
 * passes through {@link redact} at the edge (the CLI's streams, the action's logger and
 * failure path), whatever produced it (ferry's own messages, git, a server's error body).
 */

/** `scheme://user:password@` in any URL, up to the `@` (user-info cannot hold a raw `/`, `@` or space). */
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;

/** Shown in place of a credential. */
export const REDACTED = '***';

/**
 * `text` with the user-info of every URL replaced (`https://x-access-token:ghp_…@host/…` →
 * `https://***@host/…`) and every occurrence of each secret in `secrets` (as is and
 * URL-encoded, as it appears inside a URL) replaced by `***`.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text.replace(USER_INFO, `$1${REDACTED}@`);
  const forms = new Set<string>();
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; no real token is that short.
    if (secret.length < 6) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    out = out.split(form).join(REDACTED);
  return out;
}

/**
 * `text` with the user-info of every URL left out (`https://user:token@ci.example/run/1` →
 * `https://ci.example/run/1`): for a link ferry writes where no redaction follows (files,
 * annotations committed to git, pull request bodies), which must still work as a link.
 */
export function stripUserInfo(text: string): string {
  return text.replace(USER_INFO, '$1');
}

/**
 * `text` on one line and at most `max` characters, for a field a forge shows as it is (a commit
 * status description): cut at the last space that fits, never inside a word, so a secret that
 * redaction did not know is left out whole rather than shown in part (a token cut mid-string no
 * longer matches a runner's exact-match mask). Redact before shortening.
 */
export function shortenAtWord(text: string, max: number): string {
  const flat = text.replace(/[\s\x00-\x1f\x7f\u0085\u2028\u2029]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${cut > 0 ? flat.slice(0, cut) : ''}…`;
}

/**
 * A URL whose path and query are themselves the secret (a Slack-compatible webhook), as it
 * may appear in a message: scheme and host only.
 */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}
