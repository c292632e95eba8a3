import { redactSecrets } from '../adapters/secrets.js';

/** Where the CLI writes; tests pass their own streams. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: CliIO['stdout']): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

/**
 * `io` with every write passed through the one redaction (adapters/secrets.ts): whatever a
 * command prints (progress, JSON, errors, --debug stacks) shows no URL user-info and no token.
 */
export function redactingIO(io: CliIO): CliIO {
  const wrap = (stream: CliIO['stdout']): CliIO['stdout'] =>
    new Proxy(stream, {
      get(target, property) {
        if (property === 'write')
          return (chunk: unknown, ...rest: unknown[]) =>
            (target.write as (...args: unknown[]) => boolean)(
              typeof chunk === 'string' ? redactSecrets(chunk) : chunk,
              ...rest,
            );
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  return { stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
