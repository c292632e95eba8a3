/**
 * The renderers tests run — kustomize, helm, sops and age-keygen — built from pinned Go modules
 * (test/tools/modules/*) by test/tools/build.sh into ferry's cache folder on first use, then
 * reused. `scripts/test.mjs` builds them all before any test starts, so a first build (minutes)
 * never counts against a test's timeout; a test just asks for a path:
 *
 *   const helm = await toolBinary('helm');
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const toolNames = ['kustomize', 'helm', 'sops', 'age-keygen'] as const;
export type ToolName = (typeof toolNames)[number];

const buildScript = join(import.meta.dirname, '..', 'tools', 'build.sh');
const paths = new Map<ToolName, Promise<string>>();

/** Runs the build script for `names` (progress on stderr) and resolves with one path per name. */
function runBuild(names: readonly ToolName[]): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [buildScript, ...names], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const lines = out.trim().split('\n');
      if (code === 0 && lines.length === names.length) done(lines);
      else fail(new Error(`test/tools/build.sh ${names.join(' ')} failed (exit ${code}): ${out}`));
    });
  });
}

/**
 * Builds the named tools that this process has not asked for yet, in one run of the script, and
 * resolves with every named tool's path.
 */
export async function buildTools(
  names: readonly ToolName[] = toolNames,
): Promise<Record<ToolName, string>> {
  const missing = names.filter((name) => !paths.has(name));
  if (missing.length > 0) {
    const build = runBuild(missing);
    missing.forEach((name, index) =>
      paths.set(
        name,
        build.then((built) => built[index]!),
      ),
    );
  }
  const entries = await Promise.all(names.map(async (name) => [name, await paths.get(name)!]));
  return Object.fromEntries(entries) as Record<ToolName, string>;
}

/** The path of a pinned tool's binary, built into the cache the first time it is asked for. */
export async function toolBinary(name: ToolName): Promise<string> {
  return (await buildTools([name]))[name];
}
