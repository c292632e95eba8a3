import { homedir } from 'node:os';
import { join } from 'node:path';
import { access } from 'node:fs/promises';
import { parseAgeIdentities, type AgeIdentity } from '../core/sops/age.js';
import { readTextFile } from './files.js';
import { rememberSecret } from './secrets.js';

/** The variables sops itself reads age keys from (getsops/sops `age/keysource.go`). */
export const SOPS_AGE_KEY = 'SOPS_AGE_KEY';
export const SOPS_AGE_KEY_FILE = 'SOPS_AGE_KEY_FILE';

/** sops's default key file, under the user's config folder. */
function defaultKeyFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'sops', 'age', 'keys.txt');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The age identities sops would use: SOPS_AGE_KEY (several per line allowed), the file named by
 * SOPS_AGE_KEY_FILE, and the default key file when it exists. Each key is remembered for
 * redaction, so no output can print it.
 */
export async function readAgeIdentities(
  env: NodeJS.ProcessEnv = process.env,
): Promise<AgeIdentity[]> {
  const identities: AgeIdentity[] = [];
  const inline = env[SOPS_AGE_KEY];
  if (inline) identities.push(...(await parseAgeIdentities(inline, SOPS_AGE_KEY, true)));
  const file = env[SOPS_AGE_KEY_FILE];
  if (file) {
    const text = await readTextFile(file, `${SOPS_AGE_KEY_FILE} key file`);
    identities.push(...(await parseAgeIdentities(text, file, false)));
  }
  const fallback = defaultKeyFile(env);
  if (await exists(fallback))
    identities.push(
      ...(await parseAgeIdentities(await readTextFile(fallback, 'age key file'), fallback, false)),
    );
  for (const identity of identities) rememberSecret(identity.secret);
  return identities;
}
