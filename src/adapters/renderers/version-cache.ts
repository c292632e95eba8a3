import { randomBytes } from 'node:crypto';
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';

/**
 * What a renderer printed for its version, kept across runs by the identity of its file (real
 * path, size, modification time, inode): starting helm only to ask its version costs ~0.2 s, and
 * a replaced binary is a new identity, so it is asked again.
 */
const CACHE_FILE = 'renderer-versions.json';
/** Identities kept (a machine has few tools; old ones fall out first). */
const KEPT = 32;

async function identity(command: string, args: string[]): Promise<string | undefined> {
  try {
    const path = await realpath(command);
    const info = await stat(path);
    return JSON.stringify([path, args, info.size, info.mtimeMs, info.ino]);
  } catch {
    return undefined;
  }
}

/** `ask()` once per binary: its answer is read from the cache while the binary is unchanged. */
export async function rememberedVersion(
  command: string,
  args: string[],
  ask: () => Promise<string>,
  directory = cacheDir(),
): Promise<string> {
  const key = await identity(command, args);
  const file = join(directory, CACHE_FILE);
  let known: [string, string][] = [];
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (Array.isArray(parsed))
      known = parsed.filter((e): e is [string, string] => Array.isArray(e));
  } catch {
    // No cache yet, or a damaged one: ask.
  }
  const hit = key === undefined ? undefined : known.find(([k]) => k === key);
  if (hit) return hit[1];
  const text = await ask();
  if (key === undefined) return text;
  try {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(4).toString('hex')}`;
    const kept = [[key, text], ...known.filter(([k]) => k !== key)].slice(0, KEPT);
    await writeFile(temporary, JSON.stringify(kept));
    await rename(temporary, file);
  } catch {
    // A cache that cannot be written is only slower.
  }
  return text;
}
