/**
 * Errors a user can act on. They print as one line and set the exit code; anything else that
 * escapes a command is a bug and prints a stack trace behind --debug.
 */
export class FerryError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad configuration, template or command-line input: exit code 2. */
export class ConfigError extends FerryError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** An operation that ran and failed for a reason outside ferry (cluster, git, forge): exit 1. */
export class OperationError extends FerryError {
  constructor(message: string) {
    super(message, 1);
  }
}

/**
 * Another writer moved a branch between ferry's read and its write (a compare-and-swap failed).
 * Not shown to users: the command re-reads and retries, and only gives up as an OperationError.
 */
export class LostRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LostRaceError';
  }
}

/** The message of anything thrown: an Error's message, else the value itself, readably. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'object' && thrown !== null) {
    try {
      return JSON.stringify(thrown);
    } catch {
      // circular: fall through
    }
  }
  return String(thrown);
}
