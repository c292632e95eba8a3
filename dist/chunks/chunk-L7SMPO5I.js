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
function stripUserInfo(text) {
  return text.replace(USER_INFO, "$1");
}
function shortenAtWord(text, max) {
  const flat = text.replace(/[\s\x00-\x1f\x7f\u0085\u2028\u2029]+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(" ", max - 1);
  return `${cut > 0 ? flat.slice(0, cut) : ""}\u2026`;
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
  stripUserInfo,
  shortenAtWord,
  redactWebhookUrl
};
//# sourceMappingURL=chunk-L7SMPO5I.js.map
