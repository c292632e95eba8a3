import { readManifestDir } from '../../adapters/files.js';
import type { KubeObject } from '../../core/manifest.js';
import { openSecrets, type SecretOptions } from './secrets/open.js';

/** A set's manifests as apply, plan and drift work on them, and the file each object came from. */
export interface SetManifests {
  objects: KubeObject[];
  /** The file of each object, for messages that name it (a duplicate names both files). */
  sources: ReadonlyMap<KubeObject, string>;
}

/**
 * Reads a set's folder the one way apply, plan and drift all read it, so what plan shows is
 * what apply applies: every manifest under the folder, SOPS files decrypted in memory and
 * plaintext Secrets refused unless allowed.
 */
export async function readSet(dir: string, options: SecretOptions): Promise<SetManifests> {
  const manifests = await openSecrets(await readManifestDir(dir), options);
  return {
    objects: manifests.map((m) => m.object),
    sources: new Map(manifests.map((m) => [m.object, m.source])),
  };
}
