import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/kube/request-policy.ts
var DEFAULT_REQUEST_TIMEOUT_MS = 6e4;
var CONNECT_TIMEOUT_MS = 3e4;
var MAX_ATTEMPTS = 5;
var MAX_RETRY_AFTER_MS = 3e4;
function requestTimeouts(requestMs = DEFAULT_REQUEST_TIMEOUT_MS) {
  return {
    requestMs,
    connectMs: requestMs > 0 ? Math.min(CONNECT_TIMEOUT_MS, requestMs) : CONNECT_TIMEOUT_MS
  };
}
function isIdempotent(spec) {
  if (spec.method === "GET" || spec.query?.dryRun) return true;
  if (spec.method === "PATCH") return spec.contentType === "application/apply-patch+yaml";
  if (spec.method === "DELETE") {
    const body = spec.body;
    return Boolean(body?.preconditions?.uid);
  }
  return false;
}
var TransportError = class extends OperationError {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
  }
  retryable;
};
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNREFUSED", "ECONNABORTED"]);
function isRetryableNetworkError(error) {
  return RETRYABLE_CODES.has(error.code ?? "");
}
function isRetryableStatus(status) {
  return status === 429 || status >= 500 && status <= 599;
}
function retryDelayMs(attempt, retryAfter, random = Math.random) {
  const asked = retryAfterMs(retryAfter);
  if (asked !== void 0) {
    if (asked > MAX_RETRY_AFTER_MS) return void 0;
    return Math.round(asked * (1 + random() / 5));
  }
  const ceiling = Math.min(250 * 2 ** (attempt - 1), 8e3);
  return Math.round(ceiling * (0.5 + random() / 2));
}
function retryAfterMs(header) {
  if (!header) return void 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1e3;
  const date = Date.parse(header);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - Date.now());
}
function formatMs(ms) {
  return ms < 1e3 ? `${ms}ms` : `${Number((ms / 1e3).toFixed(1))}s`;
}

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MAX_ATTEMPTS,
  requestTimeouts,
  isIdempotent,
  TransportError,
  isRetryableNetworkError,
  isRetryableStatus,
  retryDelayMs,
  formatMs
};
//# sourceMappingURL=chunk-XS6GLAA3.js.map
