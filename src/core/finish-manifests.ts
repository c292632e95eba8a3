import type { BUILD_ANNOTATION_KEYS } from './build-annotations.js';
import { usesImage } from './build-annotations.js';
import type { EnvironmentConfig, FerryConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { ImageReference } from './image.js';
import { checkUniqueIdentities, withAnnotations, type RenderedManifest } from './manifest.js';
import { OWNER_KEYS } from './rendered-by.js';
import { refusePlaintextSecret } from './sops/check.js';
import { encryptedTemplate } from './sops/pass-through.js';
import { RENDERER_ANNOTATION } from './sources.js';

/**
 * What every rendered app gets, whatever made its objects (Handlebars, kustomize, helm): the
 * environment's encrypted secrets, the checks and the annotations. Loaded without Handlebars,
 * so an overlay or a chart does not pay for a template engine it never runs.
 */

/** What {@link finishManifests} needs besides the objects. */
export interface FinishInput {
  config: FerryConfig;
  environment: EnvironmentConfig;
  image: ImageReference;
  /** Where the build came from (`SourceInfo`; '' when unknown). */
  source: { repo: string; commit: string; runUrl: string };
  /** The environment's folder of SOPS-encrypted manifests (`secrets` in ferry.yaml). */
  secrets?: { name: string; text: string }[];
  /** The tool and version that made the objects (`helm v3.21.4`), when not Handlebars. */
  renderer?: string;
}

/**
 * The checks and annotations every rendered app gets: no plaintext Secret, the environment's
 * encrypted secrets added as they are, unique identities, `ferry.dev/app` and `environment`
 * (and `renderer`) on every object, the per-build annotations on the objects that use the image.
 */
export function finishManifests(
  rendered: RenderedManifest[],
  input: FinishInput,
): RenderedManifest[] {
  const { config, environment, image, source } = input;
  for (const manifest of rendered)
    if (manifest.verbatim === undefined) refusePlaintextSecret(manifest);
  const manifests = [...rendered];
  for (const file of input.secrets ?? []) {
    const encrypted = encryptedTemplate(file);
    if (!encrypted)
      throw new ConfigError(
        `${file.name}: is not SOPS-encrypted; the secrets folder of ${environment.name} holds encrypted manifests only`,
      );
    manifests.push(encrypted);
  }
  // Without discovery every kind counts as namespaced: objects naming no namespace land in the
  // environment's when applied (apply checks again, knowing which kinds are cluster-scoped).
  checkUniqueIdentities(manifests, { namespace: environment.namespace, namespaced: () => true });
  const always = {
    [OWNER_KEYS.app]: config.app,
    [OWNER_KEYS.environment]: environment.name,
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
  const users = manifests.filter((m) => !m.verbatim && usesImage(m.object, image));
  return manifests.map((manifest) => {
    // Encrypted manifests pass untouched: an annotation would change what their MAC covers.
    if (manifest.verbatim !== undefined) return manifest;
    const { source: name, object } = manifest;
    return {
      source: name,
      object: withAnnotations(object, {
        ...always,
        ...(users.length === 0 || users.some((u) => u.object === object) ? build : {}),
      }),
    };
  });
}
