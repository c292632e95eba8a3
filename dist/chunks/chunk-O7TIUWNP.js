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

export {
  FerryError,
  ConfigError,
  OperationError,
  LostRaceError
};
//# sourceMappingURL=chunk-O7TIUWNP.js.map
