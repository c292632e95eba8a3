import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  redactSecrets
} from "./chunk-HIFOT27K.js";

// src/cli/io.ts
function useColour(stream) {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
function redactingIO(io) {
  const wrap = (stream) => new Proxy(stream, {
    get(target, property) {
      if (property === "write")
        return (chunk, ...rest) => target.write(
          typeof chunk === "string" ? redactSecrets(chunk) : chunk,
          ...rest
        );
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return { stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}

export {
  useColour,
  redactingIO
};
//# sourceMappingURL=chunk-EALWM4LC.js.map
