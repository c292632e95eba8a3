import { rememberSecret } from '../../../adapters/secrets.js';
import { readAgeIdentities } from '../../../adapters/sops-keys.js';
import { ConfigError, OperationError } from '../../../core/errors.js';
import {
  asKubeObject,
  checkUniqueIdentities,
  describeObject,
  type RenderedManifest,
} from '../../../core/manifest.js';
import { unwrapDataKey, type AgeIdentity } from '../../../core/sops/age.js';
import { refusePlaintextSecret } from '../../../core/sops/check.js';
import { MissingKeyError, TamperedError } from '../../../core/sops/errors.js';
import { isSopsDocument, parseSopsMetadata, SOPS_KEY } from '../../../core/sops/format.js';
import { markDecrypted } from '../../../core/sops/origin.js';
import { decryptDocuments } from '../../../core/sops/tree.js';

/** How apply, plan and drift treat secrets in a set. */
export interface SecretOptions {
  /**
   * Accept core Secrets holding plaintext `data`/`stringData` (issue 19, item 10). Without it
   * they are refused, as render refuses them: encrypt with SOPS, or use a SealedSecret or an
   * ExternalSecret.
   */
  allowPlaintextSecrets?: boolean;
}

/** Where the age keys come from: the variables sops reads, unless a caller gives its own. */
export type KeySource = () => Promise<AgeIdentity[]>;

const PLAINTEXT_ALTERNATIVE = ', or pass --allow-plaintext-secrets';

/**
 * A set's manifests ready to compare and apply: SOPS-encrypted documents decrypted in memory
 * (the MAC of each file verified; any failure refuses the whole set before anything is sent),
 * and plaintext Secrets refused unless allowed. Run after reading a set, before validation.
 */
export async function openSecrets(
  manifests: RenderedManifest[],
  options: SecretOptions,
  keys: KeySource = readAgeIdentities,
): Promise<RenderedManifest[]> {
  const files = new Map<string, RenderedManifest[]>();
  for (const manifest of manifests) {
    if (isSopsDocument(manifest.object)) {
      // Every document of a SOPS file carries the same metadata; its MAC covers them all.
      const mac = (manifest.object[SOPS_KEY] as { mac?: unknown } | null)?.mac;
      const file = typeof mac === 'string' ? mac : manifest.source;
      files.set(file, [...(files.get(file) ?? []), manifest]);
      continue;
    }
    if (JSON.stringify(manifest.object).includes('ENC[AES256_GCM,'))
      throw new ConfigError(
        `${manifest.source}: ${describeObject(manifest.object)} holds SOPS-encrypted values but no sops metadata; encrypt each object as its own document`,
      );
    if (!options.allowPlaintextSecrets) refusePlaintextSecret(manifest, PLAINTEXT_ALTERNATIVE);
  }
  if (files.size === 0) return manifests;
  const identities = await keys();
  const opened = new Map<RenderedManifest, RenderedManifest>();
  for (const file of files.values()) {
    for (const [i, manifest] of (await decryptFile(file, identities)).entries())
      opened.set(file[i]!, manifest);
  }
  const result = manifests.map((m) => opened.get(m) ?? m);
  checkUniqueIdentities(result);
  return result;
}

/** The recipients of a file, for the one line that says why it cannot be opened. */
function recipientsOf(metadata: ReturnType<typeof parseSopsMetadata>): string {
  return [...metadata.age.map((a) => `age ${a.recipient}`), ...metadata.others].join(', ');
}

/** The documents of one SOPS file, decrypted and checked, as manifests marked with their origin. */
async function decryptFile(
  file: RenderedManifest[],
  identities: AgeIdentity[],
): Promise<RenderedManifest[]> {
  const source = file[0]!.source;
  const metadata = parseSopsMetadata(file[0]!.object, source);
  const recipients = recipientsOf(metadata);
  if (metadata.age.length === 0)
    throw new ConfigError(
      `${source}: encrypted only for ${recipients || 'no recipient'}; ferry decrypts age: add an age recipient (sops updatekeys after adding it to .sops.yaml), or decrypt in an earlier step`,
    );
  if (identities.length === 0)
    throw new ConfigError(
      `${source}: SOPS-encrypted for ${recipients}; no age key given: set SOPS_AGE_KEY or SOPS_AGE_KEY_FILE; nothing was applied`,
    );
  let documents;
  try {
    const dataKey = await unwrapDataKey(metadata.age, identities);
    documents = decryptDocuments(
      file.map((m) => m.object),
      metadata,
      dataKey,
    );
  } catch (error) {
    if (error instanceof MissingKeyError) {
      const ours = [...new Set(identities.map((i) => i.recipient))].join(', ');
      throw new ConfigError(
        `${source}: none of the age keys given (${ours}) is a recipient; its recipients: ${recipients}; nothing was applied`,
      );
    }
    if (error instanceof TamperedError)
      throw new OperationError(`${source}: refused: ${error.message}; nothing was applied`);
    if (error instanceof ConfigError) throw new ConfigError(`${source}: ${error.message}`);
    throw error;
  }
  for (const plaintext of documents.plaintexts) {
    rememberSecret(plaintext);
    rememberSecret(Buffer.from(plaintext).toString('base64'));
  }
  return documents.documents.map((document, i) => {
    const object = asKubeObject(document, source, i);
    return {
      source: file[i]!.source,
      object: markDecrypted(object, file[i]!.object, documents.secretPaths[i] ?? []),
    };
  });
}
