import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  quoteForMessage
} from "./chunk-HWJ62L7M.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

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

// src/core/options.ts
var DEFAULT_TIMEOUT = "5m";
var DEFAULT_TIMEOUT_MS = parseDuration(DEFAULT_TIMEOUT, "default timeout");
var AUTO_MERGE_METHODS = ["merge", "squash", "rebase"];
function parseCount(text, option) {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a whole number (0 or more)`);
  return Number(trimmed);
}
function parseDurationOption(text, option) {
  return parseDuration(text, option);
}
function parseBoolean(text, option) {
  const trimmed = text.trim();
  if (["true", "True", "TRUE"].includes(trimmed)) return true;
  if (["false", "False", "FALSE"].includes(trimmed)) return false;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not true or false`);
}
function parseList(text) {
  return (text ?? "").split(",").map((item) => item.trim()).filter(Boolean);
}
function parseChoice(text, choices, option) {
  if (choices.includes(text)) return text;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not one of ${choices.join(", ")}`);
}
function parseInventoryName(text, option) {
  const label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  if (text.length > 253 || !new RegExp(`^${label}(\\.${label})*$`).test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`
    );
  return text;
}
function parseClusterName(text, option) {
  if (text === "" || text.length > 100 || /[\x00-\x1f\x7f]/.test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid cluster name (1 to 100 characters, no control characters)`
    );
  return text;
}

export {
  parseDuration,
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  AUTO_MERGE_METHODS,
  parseCount,
  parseDurationOption,
  parseBoolean,
  parseList,
  parseChoice,
  parseInventoryName,
  parseClusterName
};
//# sourceMappingURL=chunk-M3MUK5BQ.js.map
