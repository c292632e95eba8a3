import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { readManifestDir } from '../../src/adapters/files.js';
import { readAgeIdentities } from '../../src/adapters/sops-keys.js';
import { openSecrets, type SecretOptions } from '../../src/commands/cluster/secrets/open.js';
import type { RenderedManifest } from '../../src/core/manifest.js';

/** The committed fixtures encrypted by the real sops (test/fixtures/sops/README.md). */
export const SOPS_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sops');

export const fixture = (name: string): Promise<string> =>
  readFile(join(SOPS_FIXTURES, name), 'utf8');

/** The test identity's key file and its recipient. */
export const TEST_KEY_FILE = join(SOPS_FIXTURES, 'age.key');
export async function testRecipient(): Promise<string> {
  return /public key: (age1\S+)/.exec(await fixture('age.key'))![1]!;
}

/** A temp folder with these files, removed after the test. */
export async function folderWith(
  t: { after: (fn: () => Promise<void>) => void },
  files: Record<string, string>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-sops-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Reads a set as apply does, with the keys in `env` (as sops reads them). */
export async function openSet(
  dir: string,
  env: NodeJS.ProcessEnv,
  options: SecretOptions = {},
): Promise<RenderedManifest[]> {
  return openSecrets(await readManifestDir(dir), options, () => readAgeIdentities(env));
}

/** Every document of a YAML stream, parsed. */
export function documentsOf(text: string): unknown[] {
  return yaml.loadAll(text).filter((d) => d !== null && d !== undefined);
}
