import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  redact
} from "./chunk-L7SMPO5I.js";

// src/adapters/secrets.ts
var known = /* @__PURE__ */ new Set();
var ACTION_TOKEN_VARIABLE = "FERRY_ACTION_TOKEN";
var TOKEN_VARIABLES = [
  "FERRY_GITHUB_TOKEN",
  ACTION_TOKEN_VARIABLE,
  "GITHUB_TOKEN",
  "FERRY_GITLAB_TOKEN",
  "GITLAB_TOKEN",
  "CI_JOB_TOKEN"
];
function rememberSecret(value) {
  if (value) known.add(value);
  return value;
}
function rememberEnvSecrets(env, names = TOKEN_VARIABLES) {
  for (const name of names) rememberSecret(env[name]);
}
function redactSecrets(text) {
  return redact(text, known);
}

export {
  ACTION_TOKEN_VARIABLE,
  TOKEN_VARIABLES,
  rememberSecret,
  rememberEnvSecrets,
  redactSecrets
};
//# sourceMappingURL=chunk-HIFOT27K.js.map
