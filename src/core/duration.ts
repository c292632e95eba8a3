import { ConfigError } from './errors.js';

/**
 * The longest duration any option takes: 576h (24 days). Node's timers hold at most 2^31-1 ms
 * (about 24.8 days); a longer one fires at once with a TimeoutOverflowWarning, so `--timeout
 * 999999h` would time out immediately. https://nodejs.org/api/timers.html#settimeoutcallback-delay-args
 */
export const MAX_DURATION = '576h';
const MAX_DURATION_MS = 576 * 3_600_000;

/**
 * Parses `90s`, `5m`, `1h`, `1m30s` or plain seconds into milliseconds: the one grammar of every
 * duration option (`--timeout`, `--request-timeout`, `--min-soak`), capped at {@link MAX_DURATION}.
 */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  const parts = /^\d+$/.test(trimmed)
    ? [[trimmed, trimmed, 's'] as const]
    : [...trimmed.matchAll(/(\d+)(h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new ConfigError(`${option}: "${text}" is not a duration (e.g. 90s, 5m, 1h)`);
  }
  const unit = { h: 3_600_000, m: 60_000, s: 1000 } as const;
  const ms = parts.reduce((total, [, n, u]) => total + Number(n) * unit[u as keyof typeof unit], 0);
  if (ms > MAX_DURATION_MS)
    throw new ConfigError(
      `${option}: "${text}" is longer than the longest duration ferry takes, ${MAX_DURATION} (24 days)`,
    );
  return ms;
}
