import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/sources.ts
var SOURCE_KEYS = ["templates", "kustomize", "helm"];
var HOOK_POLICIES = ["refuse", "skip"];
var DEFAULT_RENDER_POLICY = {
  allowRemote: false,
  hooks: "refuse",
  volatile: []
};
var RENDERER_ANNOTATION = "renderer";

export {
  SOURCE_KEYS,
  HOOK_POLICIES,
  DEFAULT_RENDER_POLICY,
  RENDERER_ANNOTATION
};
//# sourceMappingURL=chunk-WH76CAUT.js.map
