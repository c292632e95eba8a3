import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/errors.ts
var FerryError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
    this.name = new.target.name;
  }
  exitCode;
};
var ConfigError = class extends FerryError {
  constructor(message) {
    super(message, 2);
  }
};
var OperationError = class extends FerryError {
  constructor(message) {
    super(message, 1);
  }
};
var LostRaceError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "LostRaceError";
  }
};
function messageOf(thrown) {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "object" && thrown !== null) {
    try {
      return JSON.stringify(thrown);
    } catch {
    }
  }
  return String(thrown);
}

export {
  FerryError,
  ConfigError,
  OperationError,
  LostRaceError,
  messageOf
};
//# sourceMappingURL=chunk-PTXPLBH2.js.map
