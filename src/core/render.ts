import type { BUILD_ANNOTATION_KEYS } from './build-annotations.js';
import { usesImage } from './build-annotations.js';
import type { EnvironmentConfig, FerryConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { ImageReference } from './image.js';
import { OWNER_KEYS } from './rendered-by.js';
import {
  documentObjects,
  checkUniqueIdentities,
  parseDocuments,
  withAnnotations,
  type RenderedManifest,
} from './manifest.js';
import { refusePlaintextSecret } from './sops/check.js';
import { encryptedTemplate, refuseTemplatedSops } from './sops/pass-through.js';
import { compileTemplate, substituteValues, type CompiledTemplate } from './template.js';

/** Where a build came from; every field is '' when unknown, so strict templates can read them. */
export interface SourceInfo {
  repo: string;
  commit: string;
  ref: string;
  runUrl: string;
}

export const NO_SOURCE: SourceInfo = { repo: '', commit: '', ref: '', runUrl: '' };

export interface TemplateFile {
  /** Path relative to the templates folder, used in messages. */
  name: string;
  text: string;
}

export interface RenderInput {
  config: FerryConfig;
  environment: EnvironmentConfig;
  image: ImageReference;
  source: SourceInfo;
  templates: TemplateFile[];
  /** The environment's folder of SOPS-encrypted manifests (`secrets` in ferry.yaml). */
  secrets?: TemplateFile[];
}

const compiled = new Map<string, CompiledTemplate>();

/** Compiles once per (name, text): compiling is ~100× the cost of running a template. */
function compiledTemplate(file: TemplateFile): CompiledTemplate {
  const key = `${file.name}\0${file.text}`;
  let template = compiled.get(key);
  if (!template) {
    template = compileTemplate(file.name, file.text);
    compiled.set(key, template);
  }
  return template;
}

/**
 * Renders every template of an app for one environment into checked Kubernetes objects, in a
 * stable order (templates by name, then documents in template order). Pure: no I/O.
 */
export function renderManifests(input: RenderInput): RenderedManifest[] {
  if (input.templates.length === 0) {
    throw new ConfigError(`${input.config.templates}: no templates found (*.yaml, *.yml, *.hbs)`);
  }
  const { config, environment, image, source } = input;
  const context = {
    app: config.app,
    env: environment.name,
    namespace: environment.namespace ?? '',
    image,
    values: environment.values,
    source,
  };
  const always = { [OWNER_KEYS.app]: config.app, [OWNER_KEYS.environment]: environment.name };
  const build: Record<(typeof BUILD_ANNOTATION_KEYS)[number], string> = {
    image: image.ref,
    'source-repo': source.repo,
    'source-commit': source.commit,
    'run-url': source.runUrl,
  };
  const manifests: RenderedManifest[] = [];
  const ordered = [...input.templates].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const file of ordered) {
    const encrypted = encryptedTemplate(file);
    if (encrypted) {
      manifests.push(encrypted);
      continue;
    }
    const output = compiledTemplate(file).run(context);
    parseDocuments(output.text, file.name, true).forEach((document, index) => {
      if (document === null || document === undefined) return;
      refuseTemplatedSops(document, file.name);
      const substituted = substituteValues(document, output, file.name);
      for (const object of documentObjects(substituted, file.name, index)) {
        const manifest = { source: file.name, object };
        refusePlaintextSecret(manifest);
        manifests.push(manifest);
      }
    });
  }
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
