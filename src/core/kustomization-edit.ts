import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import type { ImageReference } from './image.js';
import { imageEntry, type ImageEntry, type Kustomization } from './kustomization.js';

/**
 * The one edit ferry makes to a kustomization (in a scratch copy): the `images:` entry, as
 * `kustomize edit set image` sets it. Kept apart so reading a kustomization needs no
 * range-keeping YAML parser.
 */

/**
 * The kustomization's text with its `images:` entry for `image` set (see {@link imageEntry}).
 * Only that entry changes: every other key keeps its text, so kustomize reads the rest exactly as
 * it would have (no value is re-serialized and so reinterpreted).
 */
export function setImage(text: string, fields: Kustomization, image: ImageReference): string {
  const entry = imageEntry(fields, image);
  const contents = parseDocument(text, { uniqueKeys: false }).contents;
  if (!isMap(contents) || contents.flow) {
    // An empty or flow-style kustomization (`{resources: [a.yaml]}`): rewritten whole.
    const others = ((fields.images as ImageEntry[] | undefined) ?? []).filter(
      (e) => e.name !== entry.name,
    );
    return JSON.stringify({ ...fields, images: [...others, entry] });
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
