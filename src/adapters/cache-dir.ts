import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where ferry keeps what it can reuse across runs (`$FERRY_CACHE_DIR`, XDG's cache dir). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FERRY_CACHE_DIR) return env.FERRY_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ferry');
}
