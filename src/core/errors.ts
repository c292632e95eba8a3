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
