import { execFile } from 'node:child_process';
import { ConfigError, OperationError } from '../../core/errors.js';
import type { IgnoreRule } from '../../core/ignore.js';
import type { RenderedManifest } from '../../core/manifest.js';
import { refuseNondeterminism } from '../../core/rendered-stream.js';
import type { RenderTool } from './tools.js';

/** How long one render may take before it counts as hung (a fault, exit 1). */
export const RENDER_TIMEOUT_MS = 5 * 60_000;
/** A renderer's output can be large (CRDs); well above any real app. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
/** Lines of a failed tool's stderr shown in the error. */
const STDERR_LINES = 20;

/** One run of a renderer. Arguments are passed as a list: nothing is ever given to a shell. */
export interface ToolRun {
  tool: RenderTool;
  args: string[];
  cwd?: string;
  /** What the user calls the input, for messages (`overlays/staging`, `charts/podinfo`). */
  display: string;
  /** Temporary paths in the tool's messages, each shown as the path the user knows. */
  rewrite?: [string, string][];
}

function shown(text: string, run: ToolRun): string {
  let out = text;
  for (const [from, to] of run.rewrite ?? []) out = out.split(from).join(to);
  return out;
}

/**
 * Runs a renderer and returns what it printed; its failure names the input and its stderr (or,
 * first, that the tool is too old, when its version check says so).
 */
export async function runTool(run: ToolRun): Promise<string> {
  try {
    return await spawnTool(run);
  } catch (error) {
    const label = await run.tool.label;
    throw error instanceof ToolFailure
      ? new ConfigError(`${run.display}: ${label} failed:\n  ${error.message}`)
      : error;
  }
}

/** A renderer that ran and failed: its stderr's first lines. */
class ToolFailure extends Error {}

function spawnTool(run: ToolRun): Promise<string> {
  const { tool } = run;
  return new Promise((done, fail) => {
    execFile(
      tool.command,
      [...tool.prefix, ...run.args],
      { cwd: run.cwd, maxBuffer: MAX_OUTPUT_BYTES, timeout: RENDER_TIMEOUT_MS, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return done(stdout);
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (e.killed || e.signal)
          return fail(
            new OperationError(
              `${run.display}: ${tool.command} did not finish within ${RENDER_TIMEOUT_MS / 60_000} minutes (${e.signal ?? 'killed'})`,
            ),
          );
        if (typeof e.code === 'string')
          return fail(
            new OperationError(`${run.display}: cannot run ${tool.command}: ${e.message}`),
          );
        const lines = shown(stderr, run).trim().split('\n').slice(0, STDERR_LINES).join('\n  ');
        fail(new ToolFailure(lines));
      },
    );
  });
}

/**
 * Renders twice, both runs at once and beside the tool's version check (three processes: on idle
 * cores the check costs about nothing in wall time), and refuses output that differs outside the
 * volatile paths. Returns the first run's objects; the output is parsed once when both agree.
 */
export async function renderTwice(
  run: ToolRun,
  parse: (text: string) => RenderedManifest[],
  volatile: IgnoreRule[],
): Promise<RenderedManifest[]> {
  const runs = Promise.all([runTool(run), runTool(run)]);
  // A tool too old says so first, whatever its runs did.
  const label = await run.tool.label.catch(async (error: unknown) => {
    await runs.catch(() => undefined);
    throw error;
  });
  const [first, second] = await runs;
  const manifests = parse(first);
  if (first !== second)
    refuseNondeterminism(manifests, parse(second), volatile, `${run.display} (${label})`);
  return manifests;
}
