import { ConfigError } from './errors.js';

/** Parses `90s`, `5m`, `1h`, `1m30s` or plain seconds into milliseconds. */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+)(h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new ConfigError(`${option}: "${text}" is not a duration (e.g. 90s, 5m, 1h)`);
  }
  const unit = { h: 3_600_000, m: 60_000, s: 1000 } as const;
  return parts.reduce((total, [, n, u]) => total + Number(n) * unit[u as keyof typeof unit], 0);
}
