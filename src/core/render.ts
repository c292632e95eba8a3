import type { EnvironmentConfig, FerryConfig } from './config.js';
import { ConfigError } from './errors.js';
import { finishManifests } from './finish-manifests.js';
import type { ImageReference } from './image.js';
import { documentObjects, parseDocuments, type RenderedManifest } from './manifest.js';
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
      for (const object of documentObjects(substituted, file.name, index))
        manifests.push({ source: file.name, object });
    });
  }
  return manifests;
}
