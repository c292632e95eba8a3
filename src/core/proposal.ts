import yaml from 'js-yaml';
import { KUBE_READ_SCHEMA } from './kube-yaml.js';
import { unifiedDiff } from './line-diff.js';
import { splitImageReference, type ImageReference } from './image.js';
import { ANNOTATION_PREFIX, describeObject, identityOf, type KubeObject } from './manifest.js';
import type { SourceInfo } from './render.js';
import { SET_DESCRIPTOR } from './set-descriptor.js';
import { RENDERER_ANNOTATION } from './sources.js';

/**
 * What a proposal changes in the folder ferry owns: pure comparisons of file maps (file name
 * relative to the folder → text), the per-object summary and the rendered diff.
 */

/** Files under the owned folder, by path relative to it. */
export type FileMap = Map<string, string>;

/**
 * Annotations that differ on every build of the same image. They are traceability, not
 * content: a rebuild of the same tag must not count as a change. See README "ferry propose".
 */
export const VOLATILE_ANNOTATIONS = ['run-url', 'source-commit'].map(
  (key) => `${ANNOTATION_PREFIX}${key}`,
);

const VOLATILE_LINE = new RegExp(
  `^(\\s*)["']?(${VOLATILE_ANNOTATIONS.map((a) => a.replace(/[./]/g, '\\$&')).join('|')})["']?\\s*:(.*)$`,
);

/**
 * Text with ferry's volatile annotation lines removed, as written by ferry's YAML dump (one
 * line each, or a block scalar whose more-indented lines go with it).
 */
export function withoutVolatileLines(text: string): string {
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    if (blockIndent >= 0) {
      const indent = /^\s*/.exec(line)![0].length;
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const match = VOLATILE_LINE.exec(line);
    if (match) {
      if (/^\s*[|>]/.test(match[3]!)) blockIndent = match[1]!.length;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** True when two folders hold the same files with the same content, volatile lines aside. */
export function sameContent(a: FileMap, b: FileMap): boolean {
  if (a.size !== b.size) return false;
  for (const [name, text] of a) {
    const other = b.get(name);
    if (other === undefined || withoutVolatileLines(other) !== withoutVolatileLines(text))
      return false;
  }
  return true;
}

/**
 * Which objects a proposal adds, changes and removes, as `Kind namespace/name`. "Changed"
 * means beyond ferry's own `ferry.dev/` annotations.
 */
export interface ObjectSummary {
  added: string[];
  changed: string[];
  removed: string[];
}

interface ParsedFolder {
  objects: Map<string, { label: string; comparable: string }>;
  images: string[];
  /** ferry's annotations on the first object that has an image annotation. */
  recorded: Record<string, string> | undefined;
  /** The distinct `ferry.dev/renderer` values (`helm v3.21.4`): what made the folder. */
  renderers: string[];
}

/** Objects and `ferry.dev/image` values in a folder; files that do not parse count as files. */
function parseFolder(files: FileMap): ParsedFolder {
  const objects: ParsedFolder['objects'] = new Map();
  const images = new Set<string>();
  const renderers = new Set<string>();
  let recorded: ParsedFolder['recorded'];
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // The set descriptor is not an object: summaries name it on a line of its own.
    if (name === SET_DESCRIPTOR) continue;
    let documents: unknown[];
    try {
      documents = yaml.loadAll(text, undefined, { schema: KUBE_READ_SCHEMA });
    } catch {
      documents = [];
    }
    const kubeObjects = documents.filter(isKubeObject);
    if (kubeObjects.length === 0) {
      objects.set(`file:${name}`, { label: `file ${name}`, comparable: text });
      continue;
    }
    for (const object of kubeObjects) {
      const image = object.metadata.annotations?.[`${ANNOTATION_PREFIX}image`];
      if (typeof image === 'string') images.add(image);
      if (typeof image === 'string' && !recorded) recorded = object.metadata.annotations;
      const renderer = object.metadata.annotations?.[`${ANNOTATION_PREFIX}${RENDERER_ANNOTATION}`];
      if (typeof renderer === 'string') renderers.add(renderer);
      objects.set(identityOf(object), {
        label: describeObject(object),
        comparable: JSON.stringify(withoutFerryAnnotations(object)),
      });
    }
  }
  return { objects, images: [...images], recorded, renderers: [...renderers] };
}

function isKubeObject(value: unknown): value is KubeObject {
  const object = value as Partial<KubeObject> | null;
  return (
    typeof object === 'object' &&
    object !== null &&
    typeof object.kind === 'string' &&
    typeof object.apiVersion === 'string' &&
    typeof object.metadata?.name === 'string' &&
    (object.metadata.annotations === undefined ||
      (typeof object.metadata.annotations === 'object' && object.metadata.annotations !== null))
  );
}

/**
 * The object without ferry's own annotations: every object carries the image annotation, so
 * with it every object would count as changed on every new image.
 */
function withoutFerryAnnotations(object: KubeObject): KubeObject {
  const annotations = Object.fromEntries(
    Object.entries(object.metadata.annotations ?? {}).filter(
      ([key]) => !key.startsWith(ANNOTATION_PREFIX),
    ),
  );
  return { ...object, metadata: { ...object.metadata, annotations } };
}

/** The per-object summary of going from `before` to `after`. */
export function summarizeObjects(before: FileMap, after: FileMap): ObjectSummary {
  const old = parseFolder(before).objects;
  const next = parseFolder(after).objects;
  const summary: ObjectSummary = { added: [], changed: [], removed: [] };
  for (const [id, object] of next) {
    const previous = old.get(id);
    if (!previous) summary.added.push(object.label);
    else if (previous.comparable !== object.comparable) summary.changed.push(object.label);
  }
  for (const [id, object] of old) if (!next.has(id)) summary.removed.push(object.label);
  return summary;
}

/** How the folder's set descriptor changes from `before` to `after`; undefined: it does not. */
export type DescriptorChange = 'added' | 'changed' | 'removed' | undefined;

/** How the folder's `.ferry-set.yaml` changes between two versions of it. */
export function descriptorChange(before: FileMap, after: FileMap): DescriptorChange {
  const [old, next] = [before.get(SET_DESCRIPTOR), after.get(SET_DESCRIPTOR)];
  if (old === next) return undefined;
  return old === undefined ? 'added' : next === undefined ? 'removed' : 'changed';
}

/** The distinct `ferry.dev/image` annotations in a folder (the image it deploys now). */
export function imagesIn(files: FileMap): string[] {
  return parseFolder(files).images;
}

/** The distinct `ferry.dev/renderer` annotations in a folder: the kustomize or helm that made it. */
export function renderersIn(files: FileMap): string[] {
  return parseFolder(files).renderers;
}

/**
 * The image and build a folder written by ferry records in its annotations, so a proposal can
 * be described from the files alone (another run's commit, found at the head of the branch).
 */
export function recordedOrigin(
  files: FileMap,
): { image: ImageReference; source: SourceInfo } | undefined {
  const recorded = parseFolder(files).recorded;
  const ref = recorded?.[`${ANNOTATION_PREFIX}image`];
  if (!recorded || ref === undefined) return undefined;
  const image: ImageReference = { ...splitImageReference(ref), ref };
  const annotation = (key: string) => recorded[`${ANNOTATION_PREFIX}${key}`] ?? '';
  const source: SourceInfo = {
    repo: annotation('source-repo'),
    commit: annotation('source-commit'),
    ref: '',
    runUrl: annotation('run-url'),
  };
  return { image, source };
}

/** One unified diff over every file of the folder, file by file in name order. */
export function folderDiff(before: FileMap, after: FileMap, folder: string): string {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names
    .map((name) => unifiedDiff(`${folder}/${name}`, before.get(name), after.get(name)))
    .join('');
}

/** How the proposed folder compares with the base branch and with the open proposal. */
export type ProposalPlan =
  /**
   * The base already holds this content: nothing to propose. `headDiffers`: the head branch
   * still proposes something else, which this newer build makes moot.
   */
  | { kind: 'nothing-to-propose'; headDiffers: boolean }
  /** The head branch already proposes exactly this against the current base. */
  | { kind: 'up-to-date' }
  /** A new commit is needed: reset the head branch to the base tip and commit the folder. */
  | { kind: 'commit' };

/** What is known about the head branch, read from git. */
export interface HeadState {
  /** Files under the folder at the head commit. */
  files: FileMap;
  /** True when head = (a commit whose folder equals the base tip's) + one commit touching only the folder. */
  proposesAgainstBase: boolean;
}

/**
 * The comparable form of a file outside the folder that the proposal also writes (the pin a
 * rollback leaves), at each place the plan looks; undefined where it is absent.
 */
export interface CompanionState {
  proposed: string;
  base: string | undefined;
  head: string | undefined;
}

/**
 * Decides what a proposal must do; see {@link ProposalPlan}. With `companion`, that file is
 * part of the content compared, as the folder is.
 */
export function planProposal(
  rendered: FileMap,
  base: FileMap,
  head?: HeadState,
  companion?: CompanionState,
): ProposalPlan {
  const companionAt = (where: 'base' | 'head') =>
    companion === undefined || companion.proposed === companion[where];
  if (sameContent(rendered, base) && companionAt('base')) {
    const headDiffers =
      head !== undefined &&
      (!sameContent(head.files, base) ||
        (companion !== undefined && companion.head !== companion.base));
    return { kind: 'nothing-to-propose', headDiffers };
  }
  if (head?.proposesAgainstBase && sameContent(rendered, head.files) && companionAt('head'))
    return { kind: 'up-to-date' };
  return { kind: 'commit' };
}
