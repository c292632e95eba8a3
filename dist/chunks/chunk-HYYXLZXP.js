import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/adapters/logger.ts
function consoleLogger(stream = process.stderr, quiet = false) {
  const write = (line) => {
    if (!quiet) stream.write(`${line}
`);
  };
  return {
    info: write,
    warning: (message) => stream.write(`warning: ${message}
`),
    async group(title, work) {
      const start = Date.now();
      write(`\xBB ${title}`);
      const result = await work();
      write(`  done in ${((Date.now() - start) / 1e3).toFixed(1)}s`);
      return result;
    }
  };
}
function prefixedLogger(log, name) {
  const prefix = `[${name}] `;
  return {
    info: (message) => log.info(`${prefix}${message}`),
    warning: (message) => log.warning(`${prefix}${message}`),
    async group(title, work) {
      const start = Date.now();
      log.info(`${prefix}\xBB ${title}`);
      const result = await work();
      log.info(`${prefix}  done in ${((Date.now() - start) / 1e3).toFixed(1)}s`);
      return result;
    }
  };
}

export {
  consoleLogger,
  prefixedLogger
};
//# sourceMappingURL=chunk-HYYXLZXP.js.map
