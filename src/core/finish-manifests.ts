import type { BUILD_ANNOTATION_KEYS } from './build-annotations.js';
import { usesImage } from './build-annotations.js';
import {
  checkNoPlaintextSecret,
  checkUniqueIdentities,
  groupOf,
  withAnnotations,
  type RenderedManifest,
} from './manifest.js';
import type { EnvironmentConfig, FerryConfig } from './config.js';
import type { ImageReference } from './image.js';
import { RENDERER_ANNOTATION } from './sources.js';

/**
 * What every rendered app gets, whatever made its objects (Handlebars, kustomize, helm): the
 * checks and annotations, and the file names its objects are written under. Loaded without
 * Handlebars, so an overlay or a chart does not pay for a template engine it never runs.
 */

/** What {@link finishManifests} needs besides the objects. */
export interface FinishInput {
  config: FerryConfig;
  environment: EnvironmentConfig;
  image: ImageReference;
  /** Where the build came from (`SourceInfo`; '' when unknown). */
  source: { repo: string; commit: string; runUrl: string };
  /** The tool and version that made the objects (`helm v3.21.4`), when not Handlebars. */
  renderer?: string;
}

/**
 * The checks and annotations every rendered app gets, whatever made its objects (Handlebars,
 * kustomize, helm): no plaintext Secret, unique identities, `ferry.dev/app` and `environment`
 * (and `renderer`) on every object, the per-build annotations on the objects that use the image.
 */
export function finishManifests(
  manifests: RenderedManifest[],
  input: FinishInput,
): RenderedManifest[] {
  const { config, environment, image, source } = input;
  for (const manifest of manifests) checkNoPlaintextSecret(manifest);
  checkUniqueIdentities(manifests);
  const always = {
    app: config.app,
    environment: environment.name,
    ...(input.renderer ? { [RENDERER_ANNOTATION]: input.renderer } : {}),
  };
  const build: Record<(typeof BUILD_ANNOTATION_KEYS)[number], string> = {
    image: image.ref,
    'source-repo': source.repo,
    'source-commit': source.commit,
    'run-url': source.runUrl,
  };
  // An app whose templates spell the image some other way still records it (on every object):
  // promote and rollback read it back.
  const users = manifests.filter((m) => usesImage(m.object, image));
  return manifests.map(({ source: name, object }) => ({
    source: name,
    object: withAnnotations(object, {
      ...always,
      ...(users.length === 0 || users.some((u) => u.object === object) ? build : {}),
    }),
  }));
}

/**
 * File names for writing one object per file: `<kind>-<name>.yaml`, adding the namespace and
 * then the API group only where two objects would otherwise share a name.
 */
export function manifestFileNames(manifests: RenderedManifest[]): string[] {
  const base = manifests.map(({ object }) =>
    `${object.kind}-${object.metadata.name}`.toLowerCase(),
  );
  const baseRepeated = repeatedNames(base);
  const withNamespace = manifests.map(({ object }, i) =>
    baseRepeated.has(base[i]!) ? `${base[i]}-${object.metadata.namespace ?? 'cluster'}` : base[i]!,
  );
  const namespaceRepeated = repeatedNames(withNamespace);
  return manifests.map(({ object }, i) => {
    const name = namespaceRepeated.has(withNamespace[i]!)
      ? `${withNamespace[i]}-${groupOf(object.apiVersion) || 'core'}`
      : withNamespace[i]!;
    return `${name.replace(/[^a-z0-9.-]/g, '_')}.yaml`;
  });
}

function repeatedNames(names: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) (seen.has(name) ? repeated : seen).add(name);
  return repeated;
}
