import yaml from 'js-yaml';
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

/** A kustomization's fields, from its text (YAML or JSON), naming the file on error. */
export type Kustomization = Record<string, unknown>;

/** Reads a kustomization's text, naming the file when it is not YAML or not a mapping. */
export function parseKustomization(text: string, file: string): Kustomization {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ConfigError(`${file}: expected a mapping (a Kustomization)`);
  return data as Kustomization;
}

/**
 * The references a kustomization holds. A `helmCharts:` entry is one too: inflating a chart
 * needs `--enable-helm` and usually a repository.
 */
export function kustomizationReferences(fields: Kustomization): KustomizationReference[] {
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
export interface ImageEntry {
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
export function imageEntry(fields: Kustomization, image: ImageReference): ImageEntry {
  const images = fields.images;
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
