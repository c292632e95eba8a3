import {
  APPLYSET_PART_OF,
  MANIFEST_HASH,
  asMember,
  manifestHash,
  type ApplySetParent,
} from './applyset.js';
import type { ImageReference } from './image.js';
import { ANNOTATION_PREFIX, type KubeObject } from './manifest.js';

/**
 * Per-build traceability annotations (which image, from which commit and run). They go only on
 * objects that use the image, so a tag bump changes exactly those objects: its pull request
 * diff, its plan and its apply touch nothing else. `app` and `environment` stay on every object.
 * See issue 15, "Only what changed changes".
 */
export const BUILD_ANNOTATION_KEYS = ['image', 'source-repo', 'source-commit', 'run-url'] as const;

const BUILD_ANNOTATIONS = BUILD_ANNOTATION_KEYS.map((key) => `${ANNOTATION_PREFIX}${key}`);

function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((item) => someString(item, test));
  if (value !== null && typeof value === 'object')
    return Object.values(value).some((item) => someString(item, test));
  return false;
}

/**
 * Whether an object uses the image: a string in it (a container's `image`, an environment
 * variable, a CRD's field) holds the full reference, or its `repository:tag` or
 * `repository@digest` form.
 */
export function usesImage(object: KubeObject, image: ImageReference): boolean {
  const forms = [
    image.ref,
    image.tag ? `${image.repository}:${image.tag}` : '',
    image.digest ? `${image.repository}@${image.digest}` : '',
  ].filter(Boolean);
  return someString(object, (text) => forms.some((form) => text.includes(form)));
}

/**
 * Upgrading from ferry versions that stamped per-build annotations on every object: a member
 * as git now has it (without them), given the live object's values for them when that alone makes
 * it the manifest last applied (same manifest hash); undefined otherwise. Such an object is not
 * rewritten only to drop stale annotations; it loses them with its next real change.
 */
export function withLiveBuildAnnotations(
  member: KubeObject,
  live: KubeObject,
  parent: ApplySetParent,
): KubeObject | undefined {
  const liveAnnotations = live.metadata.annotations ?? {};
  const liveHash = liveAnnotations[MANIFEST_HASH];
  const annotations = { ...(member.metadata.annotations ?? {}) };
  if (!liveHash || liveHash === annotations[MANIFEST_HASH]) return undefined;
  const carried = BUILD_ANNOTATIONS.filter(
    (key) => annotations[key] === undefined && liveAnnotations[key] !== undefined,
  );
  if (carried.length === 0) return undefined;
  delete annotations[MANIFEST_HASH];
  for (const key of carried) annotations[key] = liveAnnotations[key]!;
  const labels = { ...(member.metadata.labels ?? {}) };
  if (labels[APPLYSET_PART_OF] === parent.id) delete labels[APPLYSET_PART_OF];
  const metadata: KubeObject['metadata'] = { ...member.metadata, annotations };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  else delete metadata.labels;
  const candidate: KubeObject = { ...member, metadata };
  return manifestHash(candidate) === liveHash ? asMember(candidate, parent) : undefined;
}
