import { ConfigError } from './errors.js';
import { escapeField, isRecord } from './field-path.js';
import { coveredAt, type IgnoreRule } from './ignore.js';
import {
  checkUniqueIdentities,
  describeObject,
  documentObjects,
  identityOf,
  parseDocuments,
  type RenderedManifest,
} from './manifest.js';
import type { HookPolicy } from './sources.js';

/**
 * What kustomize and helm print, made into ferry's objects: parsing their YAML stream, the hook
 * policy, and the comparison of two renders of the same input (issue 22).
 */

/** The annotation that makes an object a Helm hook. */
export const HELM_HOOK = 'helm.sh/hook';

const DOCUMENT_START = /^---(?:[ \t].*)?$/;
const SOURCE_COMMENT = /^# Source: (.+)$/;

/**
 * The objects of a renderer's YAML stream, in order. `sourceOf` names each for messages from the
 * `# Source: chart/templates/x.yaml` comment helm writes above a document (undefined when there
 * is none, as with kustomize); a document without one keeps the previous document's.
 */
export function parseRenderedStream(
  text: string,
  sourceOf: (comment: string | undefined) => string,
): RenderedManifest[] {
  const chunks: string[][] = [[]];
  for (const line of text.split('\n')) {
    if (DOCUMENT_START.test(line)) chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  const manifests: RenderedManifest[] = [];
  let comment: string | undefined;
  let index = 0;
  for (const chunk of chunks) {
    const found = chunk.map((line) => SOURCE_COMMENT.exec(line)).find(Boolean);
    if (found) comment = found[1]!.trim();
    const source = sourceOf(comment);
    for (const document of parseDocuments(chunk.join('\n'), source)) {
      if (document === null || document === undefined) continue;
      for (const object of documentObjects(document, source, index))
        manifests.push({ source, object });
      index++;
    }
  }
  checkUniqueIdentities(manifests);
  return manifests;
}

/**
 * Helm hooks run in a phase of a release (pre-install, post-upgrade, …), which a plain apply
 * does not have: refused, or with `skip` left out (their names are returned).
 */
export function applyHookPolicy(
  manifests: RenderedManifest[],
  hooks: HookPolicy,
): { manifests: RenderedManifest[]; skipped: string[] } {
  const isHook = (m: RenderedManifest) => m.object.metadata.annotations?.[HELM_HOOK] !== undefined;
  const first = manifests.find(isHook);
  if (first && hooks === 'refuse') {
    const phase = first.object.metadata.annotations![HELM_HOOK]!;
    throw new ConfigError(
      `${first.source}: ${describeObject(first.object)} is a Helm hook (${HELM_HOOK}: ${phase}); ferry applies plain objects and cannot run a hook in its phase: set hooks: skip to leave hooks out`,
    );
  }
  return {
    manifests: manifests.filter((m) => !isHook(m)),
    skipped: manifests.filter(isHook).map((m) => describeObject(m.object)),
  };
}

/** The first JSON pointer at which two values differ, skipping what `skip` says is volatile. */
function firstDifference(
  a: unknown,
  b: unknown,
  pointer: string,
  skip: (pointer: string) => boolean,
): string | undefined {
  if (skip(pointer)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${pointer}/${i}`, skip);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${pointer}/${escapeField(key)}`, skip);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return a === b ? undefined : pointer || '/';
}

/**
 * Two renders of the same input must give the same objects: a difference (`randAlphaNum`,
 * `now`, `genCA`) would change the cluster on every run and never let drift be clean. Refused,
 * naming the object and the field, unless the field is declared volatile (then the first
 * render's value stands). `what` names the input (`charts/podinfo (helm template)`).
 */
export function refuseNondeterminism(
  first: RenderedManifest[],
  second: RenderedManifest[],
  volatile: IgnoreRule[],
  what: string,
): void {
  const others = new Map(second.map((m) => [identityOf(m.object), m.object]));
  const hint = 'a random or time-based value (randAlphaNum, now, genCA, …) changes on every run';
  for (const { object, source } of first) {
    const other = others.get(identityOf(object));
    others.delete(identityOf(object));
    if (!other)
      throw new ConfigError(
        `${source}: ${describeObject(object)} is in one of two renders of ${what} only; ferry renders twice and refuses output that changes`,
      );
    const at = firstDifference(object, other, '', (p) => coveredAt(volatile, object, p));
    if (at !== undefined)
      throw new ConfigError(
        `${source}: two renders of ${what} differ in ${describeObject(object)} at ${at} (${hint}); make it stable, or declare the path volatile`,
      );
  }
  const extra = [...others.values()][0];
  if (extra)
    throw new ConfigError(
      `${what}: ${describeObject(extra)} is in one of two renders only; ferry renders twice and refuses output that changes`,
    );
}
