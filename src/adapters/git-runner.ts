import { GIT_STALL_SECONDS } from './deadline.js';
import { spawn } from 'node:child_process';
import { OperationError } from '../core/errors.js';

/**
 * Runs git without a shell, with argument arrays only, in an environment that cannot point it
 * elsewhere: configuration ferry needs (an auth header, hooks off) travels as GIT_CONFIG_*
 * variables, never in argv or a URL, which git and CI logs print.
 */

// Variables that would point git at another repository or index than the one we name.
const LEAKING = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_NAMESPACE',
];

/** Options for one git invocation. */
export interface GitRunOptions {
  env?: Record<string, string>;
  input?: string;
  /** Exit codes that are answers rather than failures (e.g. 1 from a rejected push). */
  okExitCodes?: number[];
}

/** What a git invocation printed. */
export interface GitOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** git with a fixed set of configuration values for every invocation. */
export class GitRunner {
  constructor(private readonly config: [string, string][]) {}

  /** Runs git; a failure is one OperationError line: the subcommand and git's first error. */
  run(args: string[], options: GitRunOptions = {}, label = args[0] ?? 'git'): Promise<GitOutput> {
    const env = this.env(options.env ?? {});
    const ok = options.okExitCodes ?? [];
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, { env, shell: false, stdio: ['pipe', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      // git may exit before reading its input (e.g. on a bad argument); reported below.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
      child.once('error', (error) =>
        reject(new OperationError(`cannot run git: ${error.message}`)),
      );
      child.once('close', (code) => {
        const output = {
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr).toString('utf8'),
          code: code ?? -1,
        };
        if (output.code === 0 || ok.includes(output.code)) resolve(output);
        else reject(new OperationError(`git ${label} failed: ${firstError(output.stderr)}`));
      });
    });
  }

  /** Runs git and returns stdout as text (with stderr appended when the exit code was allowed). */
  async text(args: string[], options: GitRunOptions = {}, label?: string): Promise<string> {
    const output = await this.run(args, options, label);
    return output.stdout.toString('utf8') + (output.code === 0 ? '' : output.stderr);
  }

  private env(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of LEAKING) delete env[name];
    const first = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
    this.config.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${first + i}`] = key;
      env[`GIT_CONFIG_VALUE_${first + i}`] = value;
    });
    return {
      ...env,
      GIT_CONFIG_COUNT: String(first + this.config.length),
      GIT_TERMINAL_PROMPT: '0',
      // Paths are data, never pathspec magic; only transports that cannot run commands.
      GIT_LITERAL_PATHSPECS: '1',
      GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh',
      // A remote that stops sending (under 1 byte/s for a minute) aborts instead of hanging.
      GIT_HTTP_LOW_SPEED_LIMIT: '1',
      GIT_HTTP_LOW_SPEED_TIME: String(GIT_STALL_SECONDS),
      LC_ALL: 'C',
      ...extra,
    };
  }
}

/** git's first complaint names the cause; later ones ("Could not read from remote") repeat it. */
export function firstError(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.pop() ?? 'no output';
}

/** One object of `git cat-file --batch` output: its type ('missing' when absent) and content. */
export interface CatObject {
  type: string;
  content: Buffer;
}

/** Splits `git cat-file --batch` output for `count` requested names into their objects. */
export function parseCatBatch(output: Buffer, count: number): CatObject[] {
  const objects: CatObject[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, newline).toString('latin1');
    // `<name> missing` (absent, or a submodule's commit) has no content to skip.
    if (header.endsWith(' missing')) {
      objects.push({ type: 'missing', content: Buffer.alloc(0) });
      offset = newline + 1;
      continue;
    }
    const [, type = '', size] = header.split(' ');
    const length = Number(size);
    objects.push({ type, content: output.subarray(newline + 1, newline + 1 + length) });
    offset = newline + 1 + length + 1;
  }
  return objects;
}
