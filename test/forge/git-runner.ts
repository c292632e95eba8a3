// Runs git for the fake forge: argument arrays only (no shell), a clean environment so a
// developer's GIT_DIR or hooks cannot leak in, and every child tracked so close() can end it.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A failed git command, with what git printed. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited with ${String(exitCode)}: ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

/** Options for one git invocation. */
export interface GitRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (e.g. 1 from `merge-base --is-ancestor`). */
  okExitCodes?: number[];
}

/** The result of a git invocation that did not fail. */
export interface GitRunResult {
  stdout: string;
  exitCode: number;
}

// Variables that would point git at another repository or index than the one we name.
const leakingVariables = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY'];

/** Spawns git processes and remembers the live ones so they can be stopped together. */
export class GitRunner {
  private readonly children = new Set<ChildProcess>();

  /** The environment every git child starts from. */
  baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of leakingVariables) delete env[name];
    return {
      ...env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      ...extra,
    };
  }

  /** Starts git with the given arguments; the caller owns its streams. */
  spawn(args: string[], options: SpawnOptions): ChildProcess {
    const child = spawn('git', args, { ...options, shell: false });
    this.children.add(child);
    child.once('close', () => this.children.delete(child));
    return child;
  }

  /** Runs git to completion and returns its stdout; throws GitCommandError on failure. */
  run(args: string[], options: GitRunOptions = {}): Promise<GitRunResult> {
    const child = this.spawn(args, {
      cwd: options.cwd,
      env: this.baseEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    // git may exit before reading all input (e.g. on a bad argument); that is reported below.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => {
        const exitCode = code ?? -1;
        if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
          resolve({ stdout: Buffer.concat(stdout).toString('utf8'), exitCode });
        } else {
          reject(new GitCommandError(args, code, Buffer.concat(stderr).toString('utf8')));
        }
      });
    });
  }

  /** Stops every git child still running and waits for them to exit. */
  async close(): Promise<void> {
    const running = [...this.children];
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('close', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
