import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-O7TIUWNP.js";

// src/core/duration.ts
function parseDuration(text, option) {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const parts = [...trimmed.matchAll(/(\d+)(h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) {
    throw new ConfigError(`${option}: "${text}" is not a duration (e.g. 90s, 5m, 1h)`);
  }
  const unit = { h: 36e5, m: 6e4, s: 1e3 };
  return parts.reduce((total, [, n, u]) => total + Number(n) * unit[u], 0);
}

export {
  parseDuration
};
//# sourceMappingURL=chunk-SVE4YMVH.js.map
