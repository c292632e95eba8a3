/**
 * Stopgap until test/helpers/tools.ts (toolBinary) lands on main: the pinned sops and
 * age-keygen, built from their Go modules into ferry's cache folder on first use (the same
 * layout, so the two share what is built), then reused.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const MODULES = {
  sops: { module: 'github.com/getsops/sops/v3/cmd/sops', version: 'v3.12.1' },
  'age-keygen': { module: 'filippo.io/age/cmd/age-keygen', version: 'v1.3.2' },
} as const;

export type SopsTool = keyof typeof MODULES;

const built = new Map<SopsTool, Promise<string>>();

async function build(name: SopsTool): Promise<string> {
  const { module, version } = MODULES[name];
  const bin = join(homedir(), '.cache', 'ferry', 'tools', `${name}-${version}`, 'bin');
  const path = join(bin, name);
  try {
    await access(path);
    return path;
  } catch {
    await promisify(execFile)('go', ['install', `${module}@${version}`], {
      env: { ...process.env, GOBIN: bin, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return path;
  }
}

/** The path of a pinned tool's binary, built the first time it is asked for. */
export function toolBinary(name: SopsTool): Promise<string> {
  if (!built.has(name)) built.set(name, build(name));
  return built.get(name)!;
}
