/** Where the CLI writes; tests pass their own streams. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: CliIO['stdout']): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
