/** Where commands report progress. The CLI and the action each supply one. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** Runs `work` as a named, collapsible phase (a `core.group` in Actions). */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** Logger for the CLI: progress goes to stderr so stdout stays clean for YAML and JSON. */
export function consoleLogger(
  stream: NodeJS.WritableStream = process.stderr,
  quiet = false,
): Logger {
  const write = (line: string): void => {
    if (!quiet) stream.write(`${line}\n`);
  };
  return {
    info: write,
    warning: (message) => stream.write(`warning: ${message}\n`),
    async group(title, work) {
      const start = Date.now();
      write(`» ${title}`);
      const result = await work();
      write(`  done in ${((Date.now() - start) / 1000).toFixed(1)}s`);
      return result;
    },
  };
}

/**
 * `log` with every line prefixed `[name]`, for work that runs beside other work (sets applied
 * in parallel): a phase is a start and an end line, not a group, since groups cannot interleave.
 */
export function prefixedLogger(log: Logger, name: string): Logger {
  const prefix = `[${name}] `;
  return {
    info: (message) => log.info(`${prefix}${message}`),
    warning: (message) => log.warning(`${prefix}${message}`),
    async group(title, work) {
      const start = Date.now();
      log.info(`${prefix}» ${title}`);
      const result = await work();
      log.info(`${prefix}  done in ${((Date.now() - start) / 1000).toFixed(1)}s`);
      return result;
    },
  };
}
