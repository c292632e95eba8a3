import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/adapters/deadline.ts
var FORGE_REQUEST_TIMEOUT_MS = 6e4;
var GIT_STALL_SECONDS = 60;
var DeadlineError = class extends Error {
  name = "DeadlineError";
};
function fetchWithDeadline(ms = FORGE_REQUEST_TIMEOUT_MS) {
  return async (input, init) => {
    const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (error.name === "TimeoutError")
        throw new DeadlineError(`no answer within ${ms / 1e3}s`);
      throw error;
    }
  };
}

export {
  GIT_STALL_SECONDS,
  DeadlineError,
  fetchWithDeadline
};
//# sourceMappingURL=chunk-A3ITCGRW.js.map
