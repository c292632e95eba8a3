import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/redact.ts
var USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;
var REDACTED = "***";
function redact(text, secrets = []) {
  let out = text.replace(USER_INFO, `$1${REDACTED}@`);
  const forms = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    out = out.split(form).join(REDACTED);
  return out;
}
function redactWebhookUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/\u2026`;
  } catch {
    return "(invalid URL)";
  }
}

// src/adapters/secrets.ts
var known = /* @__PURE__ */ new Set();
var TOKEN_VARIABLES = [
  "FERRY_GITHUB_TOKEN",
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
  redact,
  redactWebhookUrl,
  TOKEN_VARIABLES,
  rememberSecret,
  rememberEnvSecrets,
  redactSecrets
};
//# sourceMappingURL=chunk-JCWAVRYV.js.map
