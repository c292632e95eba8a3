import { ConfigError } from '../errors.js';
import { asKubeObject, parseDocuments, type RenderedManifest } from '../manifest.js';
import { checkEncryptedManifest } from './check.js';
import { isSopsDocument } from './format.js';

/** A top-level `sops:` key: the cheap test before a template is parsed as plain YAML. */
const SOPS_LINE = /^sops:/m;

/**
 * A template file that SOPS encrypted, as the one manifest render passes through verbatim: never
 * templated (Handlebars would see the file) and never decrypted (render has no key), and without
 * ferry's annotations (they would change what the MAC covers). Undefined for any other file.
 * One object per encrypted file: ferry writes one file per object.
 */
export function encryptedTemplate(file: {
  name: string;
  text: string;
}): RenderedManifest | undefined {
  if (!SOPS_LINE.test(file.text)) return undefined;
  let documents: unknown[];
  try {
    documents = parseDocuments(file.text, file.name).filter((d) => d !== null && d !== undefined);
  } catch {
    // Not plain YAML: a template that happens to have a `sops:` line; rendering decides.
    return undefined;
  }
  if (!documents.some(isSopsDocument)) return undefined;
  if (documents.length !== 1 || !isSopsDocument(documents[0]))
    throw new ConfigError(
      `${file.name}: holds ${documents.length} documents, some SOPS-encrypted; keep one encrypted object per file`,
    );
  const document = documents[0];
  checkEncryptedManifest(document, file.name);
  const object = asKubeObject(document, file.name, 0);
  return { source: file.name, object, verbatim: file.text };
}

/** Refuses a rendered document with SOPS metadata: an encrypted file must not be a template. */
export function refuseTemplatedSops(document: unknown, source: string): void {
  if (isSopsDocument(document))
    throw new ConfigError(
      `${source}: a SOPS-encrypted file must be plain YAML, not a template (its MAC covers the values as encrypted)`,
    );
}
