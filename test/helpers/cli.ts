import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runFerry(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await runCli(args, {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
  });
  return { code, stdout, stderr };
}
