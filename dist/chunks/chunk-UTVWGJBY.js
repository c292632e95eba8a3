import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/hand-edits.ts
var HAND_EDIT_MANAGERS = [
  "kubectl",
  "kubectl-edit",
  "kubectl-patch",
  "kubectl-set",
  "kubectl-scale",
  "kubectl-label",
  "kubectl-annotate",
  "kubectl-client-side-apply",
  "before-first-apply"
];
function isHandEdit(manager, gitWinsOver = []) {
  return manager !== void 0 && (HAND_EDIT_MANAGERS.includes(manager) || gitWinsOver.includes(manager));
}

export {
  HAND_EDIT_MANAGERS,
  isHandEdit
};
//# sourceMappingURL=chunk-UTVWGJBY.js.map
