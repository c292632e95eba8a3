import { ANNOTATION_PREFIX, documentObjects, parseDocuments } from './manifest.js';

/**
 * Which app and environment rendered a file, read from its content: the annotations ferry puts
 * on every object it renders (see core/render.ts). A file is ferry's own only when every
 * document in it is a Kubernetes object carrying both; anything else (invalid YAML, an alias
 * bomb, a bare object, a README) is someone else's.
 */
export interface RenderedBy {
  app: string;
  environment: string;
}

/** The keys of the two annotations, under `ferry.dev/`. */
export const OWNER_KEYS = { app: 'app', environment: 'environment' } as const;

/** The owners of the objects in `text`, or undefined when ferry did not render it. */
export function renderedBy(text: string, name: string): RenderedBy[] | undefined {
  const owners: RenderedBy[] = [];
  try {
    const documents = parseDocuments(text, name);
    for (const [index, document] of documents.entries()) {
      if (document === null || document === undefined) continue;
      for (const object of documentObjects(document, name, index)) {
        const annotations = object.metadata.annotations ?? {};
        const app = annotations[`${ANNOTATION_PREFIX}${OWNER_KEYS.app}`];
        const environment = annotations[`${ANNOTATION_PREFIX}${OWNER_KEYS.environment}`];
        if (typeof app !== 'string' || typeof environment !== 'string') return undefined;
        owners.push({ app, environment });
      }
    }
  } catch {
    return undefined;
  }
  return owners.length > 0 ? owners : undefined;
}

/**
 * The first file (in name order) of a folder that ferry rendered for another app or
 * environment than `owner`: a proposal replaces the whole folder, so it would delete it.
 */
export function otherRendering(
  files: Map<string, string>,
  owner: RenderedBy,
): { file: string; owner: RenderedBy } | undefined {
  for (const file of [...files.keys()].sort()) {
    const other = renderedBy(files.get(file)!, file)?.find(
      (o) => o.app !== owner.app || o.environment !== owner.environment,
    );
    if (other) return { file, owner: other };
  }
  return undefined;
}
