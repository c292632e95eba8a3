import { firstError } from './git-runner.js';

/**
 * Reads what `git push --porcelain` says about a ref: pushed, lost to another writer, or refused
 * for another reason, which is then told in git's own words (the `remote:` lines included).
 * https://git-scm.com/docs/git-push#_output
 */

/** One ref's status line: `<flag>\t<from>:<to>\t<summary> (<reason>)`. */
export interface PushedRef {
  /** ` ` fast-forward, `+` forced, `-` deleted, `*` new, `=` up to date, `!` rejected or failed. */
  flag: string;
  /** The remote ref, e.g. `refs/heads/main`. */
  to: string;
  /** e.g. `[rejected]`, `[remote rejected]`, `[new branch]`, `1a2b..3c4d`. */
  summary: string;
  /** The part in parentheses, e.g. `stale info`, `failed to update ref`. */
  reason: string | undefined;
}

/** What became of one ref's push. */
export type PushOutcome =
  { kind: 'pushed' } | { kind: 'lost-race'; reason: string } | { kind: 'failed'; reason: string };

// The client saw, before sending, that the ref is no longer what the lease or history expects.
const RACE_REJECTIONS = new Set(['stale info', 'fetch first', 'non-fast-forward']);

// The receiving side lost the ref transaction to a concurrent update. git up to 2.4x reports
// `failed to update ref` / `failed to delete` and says why on a `remote: error: cannot lock ref`
// line; newer receive-packs put the transaction's reason in the status itself.
const RACE_REMOTE_REASONS = /^(incorrect old value provided|reference already exists)$/;
const RACE_REMOTE_LINE = new RegExp(
  [
    /cannot lock ref '[^']*': is at [0-9a-f]+ but expected [0-9a-f]+/,
    /cannot lock ref '[^']*': reference (already exists|is missing)/,
    /cannot lock ref '[^']*': unable to resolve reference/,
    // Another receive-pack holds the ref's lock file right now (core.filesRefLockTimeout passed).
    /cannot lock ref '[^']*': Unable to create '[^']*\.lock': File exists/,
    /incorrect old value provided/,
  ]
    .map((pattern) => pattern.source)
    .join('|'),
);

/** The ref status lines of porcelain output (other lines: `To <url>`, `Done`). */
export function parsePushStatus(stdout: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^([ +\-*=!])\t([^\t]*):([^\t]*)\t(.*?)(?: \((.*)\))?$/.exec(line);
    if (match) refs.push({ flag: match[1]!, to: match[3]!, summary: match[4]!, reason: match[5] });
  }
  return refs;
}

/**
 * What the remote said on stderr (`remote: …` lines, without the prefix), with control
 * characters removed: the server's text must not drive the reader's terminal.
 */
export function remoteLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('remote: ') || line === 'remote:')
    .map((line) =>
      line
        .slice('remote:'.length)
        .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
        .trim(),
    );
}

/** Judges the push of `ref` from git's porcelain stdout and its stderr. */
export function judgePush(ref: string, stdout: string, stderr: string): PushOutcome {
  const status = parsePushStatus(stdout).find((line) => line.to === ref);
  const remote = remoteLines(stderr);
  if (status && status.flag !== '!') return { kind: 'pushed' };
  if (status) {
    const said = `${status.summary}${status.reason === undefined ? '' : ` (${status.reason})`}`;
    if (status.summary === '[rejected]' && RACE_REJECTIONS.has(status.reason ?? ''))
      return { kind: 'lost-race', reason: said };
    if (status.summary === '[remote rejected]') {
      const raced =
        RACE_REMOTE_REASONS.test(status.reason ?? '') ||
        remote.some((line) => RACE_REMOTE_LINE.test(line));
      if (raced) return { kind: 'lost-race', reason: said };
    }
    return { kind: 'failed', reason: withRemote(`${ref} ${said}`, remote) };
  }
  // No status line: git stopped before pushing (auth, network, a missing repository).
  return { kind: 'failed', reason: withRemote(firstError(stderr), remote) };
}

// At most this many remote lines: a hook can print a lot, the first lines say why.
const MAX_REMOTE_LINES = 20;

function withRemote(headline: string, remote: string[]): string {
  const lines = remote.filter((line, i) => line !== '' || remote[i - 1] !== '');
  const shown = lines.slice(0, MAX_REMOTE_LINES).map((line) => `remote: ${line}`.trimEnd());
  if (lines.length > MAX_REMOTE_LINES)
    shown.push(`remote: … ${lines.length - MAX_REMOTE_LINES} more lines`);
  return [headline, ...shown].join('\n');
}
