import type { IgnoreRule } from './ignore.js';

/**
 * Where an app's manifests come from (issue 22): Handlebars templates, a Kustomize overlay or a
 * Helm chart — exactly one per ferry.yaml. Each is rendered into the same checked objects.
 */
export type AppSource =
  | { kind: 'templates'; folder: string }
  /** Folder of the overlay, relative to ferry.yaml; `{env}` stands for the environment's name. */
  | { kind: 'kustomize'; folder: string }
  | {
      kind: 'helm';
      /** A folder relative to ferry.yaml, or (with allowRemote) a remote chart reference. */
      chart: string;
      version?: string;
      /** Dotted values path that receives the tag (`image.tag`). */
      imageValue: string;
      imageRepositoryValue?: string;
      releaseName: string;
    };

/** The keys of ferry.yaml that name a source; exactly one is given. */
export const SOURCE_KEYS = ['templates', 'kustomize', 'helm'] as const;

/**
 * What every kustomize build and helm template obeys, from ferry.yaml for an app or from a
 * set's options in the environment repo: offline unless allowRemote, hooks refused unless
 * skipped, and the paths allowed to differ between the two renders compared.
 */
export interface RenderPolicy {
  allowRemote: boolean;
  hooks: HookPolicy;
  /** Fields allowed to differ between two renders (the first render's value is kept). */
  volatile: IgnoreRule[];
}

export const HOOK_POLICIES = ['refuse', 'skip'] as const;
export type HookPolicy = (typeof HOOK_POLICIES)[number];

export const DEFAULT_RENDER_POLICY: RenderPolicy = {
  allowRemote: false,
  hooks: 'refuse',
  volatile: [],
};

/** The annotation on every object kustomize or helm made: which tool and version made it. */
export const RENDERER_ANNOTATION = 'renderer';
