import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from 'yaml';
import { ConfigError } from './errors.js';
import type { ImageReference } from './image.js';

/**
 * What ferry reads of a kustomization (issue 22): the entries that may name another folder or a
 * remote location, and the `images:` entry ferry sets the way `kustomize edit set image` does.
 * Everything else is kustomize's to interpret.
 */

/** The file names kustomize accepts for a kustomization, in its order of preference. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Fields whose string entries name a file, a folder (another kustomization) or, when no such
 * path exists, a remote location kustomize would fetch (a URL, `github.com/org/repo//dir?ref=`).
 * Inline entries (objects, YAML text with a newline) are not references.
 */
const REFERENCE_FIELDS = [
  'resources',
  'bases',
  'components',
  'generators',
  'transformers',
  'validators',
] as const;

/** One reference of a kustomization: the field it is in and the path or URL as written. */
export interface KustomizationReference {
  field: (typeof REFERENCE_FIELDS)[number] | 'helmCharts';
  value: string;
}

/** Parses a kustomization's text (YAML or JSON) into a document, naming the file on error. */
export function parseKustomization(text: string, file: string): Document {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new ConfigError(`${file}: invalid YAML: ${error.message.split('\n')[0]}`);
  if (doc.contents !== null && !isMap(doc.contents))
    throw new ConfigError(`${file}: expected a mapping (a Kustomization)`);
  return doc;
}

/**
 * The references a kustomization holds. A `helmCharts:` entry is one too: inflating a chart
 * needs `--enable-helm` and usually a repository.
 */
export function kustomizationReferences(doc: Document): KustomizationReference[] {
  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null) return [];
  const fields = data as Record<string, unknown>;
  const references: KustomizationReference[] = [];
  for (const field of REFERENCE_FIELDS) {
    const list = fields[field];
    if (!Array.isArray(list)) continue;
    for (const entry of list)
      if (typeof entry === 'string' && !entry.includes('\n'))
        references.push({ field, value: entry });
  }
  const charts = fields.helmCharts;
  if (Array.isArray(charts))
    for (const chart of charts)
      references.push({ field: 'helmCharts', value: String((chart as { name?: unknown }).name) });
  return references;
}

/** One `images:` entry, as kustomize's `types.Image` has it. */
interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/**
 * The `images:` entry `kustomize edit set image <name>=<image>:<tag>@<digest>` would write: the
 * entry whose `name` is the image, else the one whose `newName` is (a base that spells it
 * `guestbook`, an overlay that maps it), else a new one named by the image. It replaces that
 * entry whole (kustomize's own command does the same: no old tag, digest or suffix survives).
 */
export function imageEntry(doc: Document, image: ImageReference): ImageEntry {
  const images = (doc.toJS() as { images?: unknown } | null)?.images;
  const entries = Array.isArray(images) ? (images as Partial<ImageEntry>[]) : [];
  const match =
    entries.find((e) => e.name === image.repository) ??
    entries.find((e) => e.newName === image.repository);
  const name = match?.name ?? image.repository;
  return {
    name,
    ...(name === image.repository ? {} : { newName: image.repository }),
    ...(image.tag ? { newTag: image.tag } : {}),
    ...(image.digest ? { digest: image.digest } : {}),
  };
}

/**
 * The kustomization's text with its `images:` entry for `image` set (see {@link imageEntry}).
 * Only that entry changes: every other key keeps its text, so kustomize reads the rest exactly as
 * it would have (no value is re-serialized and so reinterpreted).
 */
export function setImage(text: string, doc: Document, image: ImageReference): string {
  const entry = imageEntry(doc, image);
  const contents = doc.contents;
  if (!isMap(contents) || contents.flow) {
    // An empty or flow-style kustomization (`{resources: [a.yaml]}`): rewritten whole.
    const data = (doc.toJS() as Record<string, unknown> | null) ?? {};
    const others = ((data.images as ImageEntry[] | undefined) ?? []).filter(
      (e) => e.name !== entry.name,
    );
    return JSON.stringify({ ...data, images: [...others, entry] });
  }
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'images') as
    Pair<{ range?: [number, number, number] }, unknown> | undefined;
  const entryText = `  - ${JSON.stringify(entry)}\n`;
  if (!pair) return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}images:\n${entryText}`;
  const value = pair.value;
  const kept = isSeq(value)
    ? value.items
        .filter((item) => !(isMap(item) && item.get('name') === entry.name))
        .map((item) => `  - ${JSON.stringify((item as { toJSON(): unknown }).toJSON())}\n`)
    : [];
  const start = pair.key.range![0];
  const end =
    isSeq(value) || isMap(value) || isScalar(value) ? value.range![2] : pair.key.range![2];
  return `${text.slice(0, start)}images:\n${kept.join('')}${entryText}${text.slice(end)}`;
}
