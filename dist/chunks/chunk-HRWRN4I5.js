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

export {
  redact,
  redactWebhookUrl
};
//# sourceMappingURL=chunk-HRWRN4I5.js.map
