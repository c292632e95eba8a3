import type { BUILD_ANNOTATION_KEYS } from './build-annotations.js';
import { usesImage } from './build-annotations.js';
import type { EnvironmentConfig, FerryConfig } from './config.js';
import { ConfigError } from './errors.js';
import type { ImageReference } from './image.js';
import {
  documentObjects,
  checkNoPlaintextSecret,
  checkUniqueIdentities,
  groupOf,
  parseDocuments,
  withAnnotations,
  type RenderedManifest,
} from './manifest.js';
import { RENDERER_ANNOTATION } from './sources.js';
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
  return finishManifests(renderTemplates(input), input);
}

/** The objects the templates make, in order, before the checks and annotations. */
function renderTemplates(input: RenderInput): RenderedManifest[] {
  const { config, environment, image, source } = input;
  if (input.templates.length === 0) {
    const folder = config.source.kind === 'templates' ? config.source.folder : '';
    throw new ConfigError(`${folder}: no templates found (*.yaml, *.yml, *.hbs)`);
  }
  const context = {
    app: config.app,
    env: environment.name,
    namespace: environment.namespace ?? '',
    image,
    values: environment.values,
    source,
  };
  const manifests: RenderedManifest[] = [];
  const ordered = [...input.templates].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const file of ordered) {
    const output = compiledTemplate(file).run(context);
    parseDocuments(output.text, file.name, true).forEach((document, index) => {
      if (document === null || document === undefined) return;
      const substituted = substituteValues(document, output, file.name);
      for (const object of documentObjects(substituted, file.name, index))
        manifests.push({ source: file.name, object });
    });
  }
  return manifests;
}

/** What {@link finishManifests} needs besides the objects. */
export type FinishInput = Pick<RenderInput, 'config' | 'environment' | 'image' | 'source'> & {
  /** The tool and version that made the objects (`helm v3.21.4`), when not Handlebars. */
  renderer?: string;
};

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
